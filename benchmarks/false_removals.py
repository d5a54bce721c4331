#!/usr/bin/env python3
"""How much of a clean article body does cleantext remove? Measured on human-made gold bodies.

    python benchmarks/false_removals.py [--examples 5] [--sets scrapinghub,l3s,wcxb]

The HTML benchmarks in ../shared/eval/ come with gold article bodies that people (or, for WCXB,
people checking a draft) cut out of the page. Cleaning such a body should remove almost nothing:
what cleantext removes from it is either boilerplate the gold kept (a dateline, a copyright line)
or article text lost. The script prints the share of characters removed per set and per
filter/rule, with examples, so each rule's false removals can be read and judged by a person.
"""

from __future__ import annotations

import argparse
import collections
import glob
import json
import sys
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
EVAL = HERE.parent.parent / "shared" / "eval"
sys.path.insert(0, str(HERE.parent / "src"))

from cleantext import clean  # noqa: E402


def bodies(name: str) -> Iterator[str]:
    if name == "scrapinghub":
        for v in json.loads((EVAL / "scrapinghub-aeb" / "ground-truth.json").read_text(encoding="utf-8")).values():
            yield v["articleBody"]
    elif name == "l3s":
        for v in json.loads((EVAL / "l3s-gn1" / "gold.json").read_text(encoding="utf-8")).values():
            yield v["fulltext"]
    elif name == "wcxb":
        for f in sorted(glob.glob(str(EVAL / "wcxb-articles" / "dev" / "ground-truth" / "*.json"))):
            gt = json.loads(Path(f).read_text(encoding="utf-8")).get("ground_truth") or {}
            yield gt.get("main_content") or ""
    else:
        raise SystemExit(f"unknown set {name!r}; known: scrapinghub, l3s, wcxb")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", default="scrapinghub,l3s,wcxb")
    ap.add_argument("--examples", type=int, default=3)
    ap.add_argument("--mode", default="balanced")
    a = ap.parse_args()
    if not EVAL.exists():
        print(f"evaluation data not found: {EVAL}", file=sys.stderr)
        return 2
    for name in a.sets.split(","):
        total = removed = docs = touched = 0
        by_rule: collections.Counter[str] = collections.Counter()
        examples: dict[str, list[str]] = collections.defaultdict(list)
        for text in bodies(name):
            if not text.strip():
                continue
            docs += 1
            r = clean(text, format="text", mode=a.mode)
            total += len(text)
            if r.removed:
                touched += 1
            for x in r.removed:
                removed += len(x.text)
                key = f"{x.filter}/{x.rule}"
                by_rule[key] += len(x.text)
                if len(examples[key]) < a.examples:
                    examples[key].append(" ".join(x.text.split())[:120])
        print(f"== {name}: {docs} gold bodies, {touched} touched, {removed / max(total, 1):.2%} of characters removed")
        for key, n in by_rule.most_common():
            print(f"  {key:<34} {n:>7} chars")
            for e in examples[key]:
                print(f"      {e!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
