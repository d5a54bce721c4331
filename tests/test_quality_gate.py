"""Quality gate: cleantext on the labelled dev set must not fall below the pinned floors.

The set lives outside the repository, in ``<repo>/../shared/eval/plaintext-news/``; in a clone
without it the gate is skipped. The floors are in ``benchmarks/quality_floors.json``; they only
rise (``python benchmarks/quality_plaintext.py --cleaners cleantext --update-floors``), and lowering
one needs a reason written in CHANGELOG.md.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval" / "plaintext-news" / "dev.jsonl"
FLOORS = ROOT / "benchmarks" / "quality_floors.json"


@pytest.fixture(scope="module")
def bench() -> Any:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import quality_plaintext
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    return quality_plaintext


def test_floors_file_is_well_formed() -> None:
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    for key in ("body_retained", "boilerplate_removed"):
        assert 0.0 <= floors[key] <= 1.0
    assert isinstance(floors["max_docs_losing_body"], int) and floors["max_docs_losing_body"] >= 0
    for group in ("per_category_removed", "metadata"):
        assert all(0.0 <= v <= 1.0 for v in floors[group].values()), group


def test_quality_does_not_fall_below_floors(bench: Any) -> None:
    if not EVAL.exists():
        pytest.skip(f"labelled set not present ({EVAL}): the quality gate runs only beside ../shared")
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    res = bench.evaluate(EVAL, ["cleantext"])["cleantext"]
    # every category large enough to have a floor has one, so a new one is not left unguarded
    big = {c for c, n in res["per_category_chars"].items() if n >= bench.FLOOR_MIN_CHARS}
    missing = sorted(big - set(floors["per_category_removed"]))
    assert not missing, f"categories with >= {bench.FLOOR_MIN_CHARS} chars and no floor: {missing} (run --update-floors)"
    failures = bench.check_floors(res, floors)
    assert not failures, "below the quality floors:\n  " + "\n  ".join(failures)


def test_check_floors_reports_each_shortfall(bench: Any) -> None:
    res = {
        "body_retained": 0.99, "boilerplate_removed": 0.5, "docs_losing_body": 4,
        "per_category_removed": {"caption": 0.2}, "per_category_chars": {"caption": 2000},
        "metadata": {"authors": "8/10"},
    }
    floors = {
        "body_retained": 0.995, "boilerplate_removed": 0.5, "max_docs_losing_body": 3,
        "per_category_removed": {"caption": 0.3, "ui": 0.1}, "metadata": {"authors": 0.9},
    }
    failures = bench.check_floors(res, floors)
    assert [f.split()[0] for f in failures] == [
        "body_retained", "docs_losing_body", "per_category_removed[caption]", "per_category_removed[ui]", "metadata",
    ]


def test_update_floors_only_raises(bench: Any, tmp_path: Path) -> None:
    path = tmp_path / "floors.json"
    path.write_text(json.dumps({
        "about": "kept", "body_retained": 0.99, "boilerplate_removed": 0.5, "max_docs_losing_body": 2,
        "per_category_removed": {"caption": 0.4}, "metadata": {"authors": 0.9},
    }), encoding="utf-8")
    res = {
        "body_retained": 0.9987, "boilerplate_removed": 0.31, "docs_losing_body": 5,
        "per_category_removed": {"caption": 0.6, "ui": 0.123, "tiny": 1.0},
        "per_category_chars": {"caption": 5000, "ui": 1000, "tiny": 10},
        "metadata": {"authors": "8/10", "title": "7/9"},
    }
    out = bench.update_floors(res, path)
    assert out == json.loads(path.read_text(encoding="utf-8"))
    assert out["about"] == "kept"
    assert out["body_retained"] == 0.995 and out["boilerplate_removed"] == 0.5
    assert out["max_docs_losing_body"] == 2
    assert out["per_category_removed"] == {"caption": 0.6, "ui": 0.12}
    assert out["metadata"] == {"authors": 0.9, "title": 0.775}


def test_cross_validated_quality(bench: Any) -> None:
    """The honest figure: each document cleaned with a model that never saw its outlet."""
    import importlib.util

    if not EVAL.exists():
        pytest.skip(f"labelled set not present ({EVAL}): the quality gate runs only beside ../shared")
    if importlib.util.find_spec("sklearn") is None:
        pytest.skip("the cross-validated gate trains fold models: needs scikit-learn (the test extra)")
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))["cv"]
    res = bench.evaluate_cv(EVAL.parent, ["cleantext"])["all"]["cleantext"]
    bad = []
    if res["body_retained"] < floors["body_retained"]:
        bad.append(f"body_retained {res['body_retained']} < {floors['body_retained']}")
    if res["boilerplate_removed"] < floors["boilerplate_removed"]:
        bad.append(f"boilerplate_removed {res['boilerplate_removed']} < {floors['boilerplate_removed']}")
    if res["docs_losing_body"] > floors["max_docs_losing_body"]:
        bad.append(f"docs_losing_body {res['docs_losing_body']} > {floors['max_docs_losing_body']}")
    for k, f in floors["metadata"].items():
        if bench._share(res["metadata"][k]) < f:
            bad.append(f"metadata {k} {res['metadata'][k]} < {f}")
    assert not bad, "below the cross-validated floors:\n  " + "\n  ".join(bad)
