"""Test set-up: test the checkout's own source, wherever the package is installed from."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import os  # noqa: E402

from hypothesis import settings  # noqa: E402

# CI runs the property tests on a fixed seed (HYPOTHESIS_PROFILE=ci in .ci/run): a run that
# passes passes again, and a change that breaks an invariant on those examples fails. A local run
# draws new examples each time, which is how the edge cases below the tests were found.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("HYPOTHESIS_PROFILE"):
    settings.load_profile(os.environ["HYPOTHESIS_PROFILE"])
