#!/usr/bin/env python3
"""Time every filter, and the whole pipeline, on crafted worst cases at two sizes.

    python benchmarks/pathological.py [--scale 1.0] [--cases NAME,...] [--html]

For each case (tests/pathological_cases.py) the input is built at n = the size the robustness
issue names, times ``--scale``, and at 10 n; the table gives seconds at both and the ratio.
A linear pattern gives about 10; catastrophic backtracking gives 100 or a hang. Each filter is
timed alone (``filter.find`` on the segmented document); ``ALL`` is ``clean()`` end to end.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from cleantext import Pipeline, clean  # noqa: E402
from tests.pathological_cases import HTML_CASES, SIZES, TEXT_CASES, time_filters  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scale", type=float, default=1.0, help="multiply the issue's sizes by this")
    ap.add_argument("--cases", default="", help="comma-separated case names (default: all)")
    ap.add_argument("--html", action="store_true", help="also the HTML cases")
    a = ap.parse_args()
    cases = {**TEXT_CASES, **(HTML_CASES if a.html else {})}
    if a.cases:
        cases = {k: v for k, v in cases.items() if k in a.cases.split(",")}
    clean("Warm up. By Ann Lee\n\nSign up for our newsletter!")
    names = [*Pipeline.default().names, "ALL"]
    print(f"{'case':<24} {'n':>9}  " + "  ".join(f"{n:>18}" for n in names))
    worst = 0.0
    for name, make in cases.items():
        n = max(1, int(SIZES[name] * a.scale))
        fmt = "html" if name.startswith("html") else "text"
        small = time_filters(make(n), fmt)
        big = time_filters(make(10 * n), fmt)
        cells = []
        for f in names:
            r = big[f] / small[f] if small[f] > 0 else float("nan")
            if big[f] > 0.05:
                worst = max(worst, r)
            cells.append(f"{small[f]:6.3f} {big[f]:6.2f} x{r:4.1f}")
        print(f"{name:<24} {n:>9}  " + "  ".join(f"{c:>18}" for c in cells), flush=True)
    print(f"\ncells: seconds at n, seconds at 10 n, ratio. Worst ratio where 10 n took over 0.05 s: x{worst:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
