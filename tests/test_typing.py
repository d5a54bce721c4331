"""The package type-checks under mypy --strict (its configuration is in pyproject.toml)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_mypy_passes() -> None:
    api = pytest.importorskip("mypy.api")
    out, err, status = api.run(["--config-file", str(ROOT / "pyproject.toml"), str(ROOT / "src" / "cleantext")])
    assert status == 0, out + err


def test_py_typed_ships() -> None:
    assert (ROOT / "src" / "cleantext" / "py.typed").exists()
