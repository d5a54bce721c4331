#!/usr/bin/env python3
"""Quality on the labelled plain-text news set: cleantext beside peers, in one run.

    python benchmarks/quality_plaintext.py [--eval ../shared/eval/plaintext-news/dev.jsonl]
        [--cleaners none,cleantext] [--mode balanced] [--show 20] [--json out.json]

Each cleaner's output is scored with the set's own ``score_plaintext.py`` (body kept,
boilerplate removed, per category, documents losing body text, metadata exact matches).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DEFAULT_EVAL = HERE.parent.parent / "shared" / "eval" / "plaintext-news" / "dev.jsonl"

Cleaner = Callable[[str], dict[str, Any]]


def _scorer(eval_path: Path) -> Any:
    spec = importlib.util.spec_from_file_location("score_plaintext", eval_path.parent / "score_plaintext.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"no score_plaintext.py beside {eval_path}")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def cleaner_none() -> Cleaner:
    return lambda text: {"text": text, "metadata": {}}


def cleaner_cleantext(mode: str) -> Cleaner:
    sys.path.insert(0, str(HERE.parent / "src"))
    from cleantext import clean

    def run(text: str) -> dict[str, Any]:
        r = clean(text, mode=mode, format="text")
        md = r.metadata
        return {"text": r.text, "metadata": {"title": md.title, "authors": list(md.authors), "published": md.published}}

    return run


def cleaners(names: list[str], mode: str) -> dict[str, Cleaner]:
    out: dict[str, Cleaner] = {}
    for n in names:
        if n == "none":
            out[n] = cleaner_none()
        elif n == "cleantext":
            out[n] = cleaner_cleantext(mode)
        else:
            raise SystemExit(f"unknown cleaner {n!r}; known: none, cleantext")
    return out


def evaluate(eval_path: Path, names: list[str], mode: str = "balanced", show: int = 0) -> dict[str, Any]:
    scorer = _scorer(eval_path)
    docs = [json.loads(line) for line in eval_path.open(encoding="utf-8") if line.strip()]
    results: dict[str, Any] = {}
    for name, fn in cleaners(names, mode).items():
        t0 = time.perf_counter()
        preds = [{"id": d["id"], **fn(d["text"])} for d in docs]
        elapsed = time.perf_counter() - t0
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as fh:
            for p in preds:
                fh.write(json.dumps(p, ensure_ascii=False) + "\n")
        try:
            res = scorer.score(str(eval_path), fh.name, show)
        finally:
            os.unlink(fh.name)
        res["seconds"] = round(elapsed, 3)
        results[name] = res
    return results


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--eval", type=Path, default=DEFAULT_EVAL)
    ap.add_argument("--cleaners", default="none,cleantext")
    ap.add_argument("--mode", default="balanced")
    ap.add_argument("--show", type=int, default=0, help="print this many lost and leaked examples")
    ap.add_argument("--json", type=Path, help="also write the full results here")
    a = ap.parse_args()
    if not a.eval.exists():
        print(f"evaluation set not found: {a.eval}", file=sys.stderr)
        return 2
    results = evaluate(a.eval, a.cleaners.split(","), a.mode, a.show)
    cats = sorted({c for r in results.values() for c in r["per_category_removed"]})
    print(f"{'cleaner':<12} {'body':>7} {'boiler':>7} {'lose':>5} {'title':>7} {'authors':>8} {'date':>7} {'sec':>6}")
    for name, r in results.items():
        md = r["metadata"]
        print(f"{name:<12} {r['body_retained']:>7.4f} {r['boilerplate_removed']:>7.4f} {r['docs_losing_body']:>5} "
              f"{md.get('title', '-'):>7} {md.get('authors', '-'):>8} {md.get('published', '-'):>7} {r['seconds']:>6.2f}")
    print("\nper category removed (chars in set):")
    chars = next(iter(results.values()))["per_category_chars"]
    print(f"{'category':<14} {'chars':>6} " + " ".join(f"{n:>10}" for n in results))
    for c in cats:
        print(f"{c:<14} {chars.get(c, 0):>6} " + " ".join(f"{r['per_category_removed'].get(c, 0):>10.3f}" for r in results.values()))
    if a.show:
        for name, r in results.items():
            print(f"\n== {name}: lost body examples")
            for gid, t in r.get("lost_examples", []):
                print(f"  {gid}: {t!r}")
            print(f"== {name}: leaked boilerplate examples")
            for gid, lab, t in r.get("leak_examples", []):
                print(f"  {gid} [{lab}]: {t!r}")
    if a.json:
        a.json.write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
