#!/usr/bin/env python3
"""Write an outlet-disjoint split of the labelled set, for writing RULES honestly.

    python benchmarks/outlet_split.py [--data ../shared/eval/plaintext-news] [--out /tmp/split]

Rules are fitted to the documents their author reads. This splits train.jsonl + dev.jsonl by
outlet with the trainer's own deterministic folds (``cleantext.training._train.folds``, 5 folds
grouped by outlet): folds 0-2 go to ``look.jsonl`` (read them to learn which shapes of
boilerplate exist), folds 3-4 to ``holdout.jsonl`` (never open it: only score it, rules alone,
before and after a change). A rule lands when the hold-out half does not lose body and, best,
gains. ``score_plaintext.py`` is copied beside them so ``quality_plaintext.py --eval`` works.
The files are written outside the repository (the texts belong to their publishers).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_DATA = HERE.parent.parent / "shared" / "eval" / "plaintext-news"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--out", type=Path, default=Path("/tmp/split"))
    a = ap.parse_args()
    sys.path.insert(0, str(HERE.parent / "src"))
    from cleantext.training._data import featurise, read_jsonl
    from cleantext.training._train import folds

    records = read_jsonl([a.data / "train.jsonl", a.data / "dev.jsonl"])
    examples = featurise(records)
    parts = folds(examples, 5)
    look = {examples[i].id for f in parts[:3] for i in f}
    a.out.mkdir(parents=True, exist_ok=True)
    n = {"look": 0, "holdout": 0}
    with (a.out / "look.jsonl").open("w", encoding="utf-8") as lf, (a.out / "holdout.jsonl").open("w", encoding="utf-8") as hf:
        for r in records:
            half = "look" if r["id"] in look else "holdout"
            (lf if half == "look" else hf).write(json.dumps(r, ensure_ascii=False) + "\n")
            n[half] += 1
    shutil.copy(a.data / "score_plaintext.py", a.out / "score_plaintext.py")
    print(f"{a.out}: look.jsonl {n['look']} documents, holdout.jsonl {n['holdout']} (no outlet in both)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
