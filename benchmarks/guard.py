#!/usr/bin/env python3
"""The do-no-harm guard (``Options.max_removed_share``) on the labelled dev set, on and off.

    python benchmarks/guard.py [--eval ../shared/eval/plaintext-news/dev.jsonl]

1. The built-in filters, cap off (None) and on (0.5, the default; also 0.3): the set's scores,
   how many documents the cap fired on, and what it kept there (labelled body or boilerplate).
"lose" counts documents losing any body text, "lose>50%" those keeping less than half of it.

2. The losses the guard is for: the same runs with a deliberately over-eager extra filter
   (every block that addresses the reader, at confidence 0.6) and in ``recall`` mode, so that
   body text is at risk; the cap should win most of it back.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import regex

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE))

from quality_plaintext import DEFAULT_EVAL, _scorer  # noqa: E402

from cleantext import Options, Pipeline, clean  # noqa: E402

_YOU = regex.compile(r"\b(?:you|your|we|our|us)\b", regex.IGNORECASE)


def over_eager(doc: Any, ctx: Any) -> Iterable[Any]:
    """A bad rule, as a custom filter might be: any block that addresses the reader is an ad."""
    for b in doc.blocks:
        if _YOU.search(b.text):
            yield ctx.finding(b, "advertisement", "addresses-reader", "says you/we", 0.6)


def _norm(s: str) -> str:
    return " ".join(s.split())


def run(docs: list[dict[str, Any]], scorer: Any, eval_path: Path, cap: float | None, pipeline: Pipeline, mode: str) -> dict[str, Any]:
    opts = Options(format="text", mode=mode, max_removed_share=cap)
    preds = []
    fired = 0
    lost_article = 0  # documents that keep less than half of their body text
    kept_body = kept_boiler = 0
    for d in docs:
        r = clean(d["text"], options=opts, pipeline=pipeline)
        preds.append({"id": d["id"], "text": r.text, "metadata": {}})
        body = [_norm(b) for b, lab in zip(d["blocks"], d["labels"]) if lab == "body"]
        out = _norm(r.text)
        total = sum(len(b) for b in body)
        if total and sum(len(b) for b in body if b in out) < 0.5 * total:
            lost_article += 1
        if any(w.startswith("safety cap") for w in r.warnings):
            fired += 1
            # what the cap kept: blocks in this output that the uncapped run removed
            off = clean(d["text"], options=Options(format="text", mode=mode, max_removed_share=None), pipeline=pipeline)
            gone = {_norm(x) for x in off.text.split("\n")}
            labels = {_norm(b): lab for b, lab in zip(d["blocks"], d["labels"])}
            for line in r.text.split("\n"):
                t = _norm(line)
                if t and t not in gone:
                    if labels.get(t) == "body":
                        kept_body += len(t)
                    elif t in labels:
                        kept_boiler += len(t)
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as fh:
        for p in preds:
            fh.write(json.dumps(p, ensure_ascii=False) + "\n")
    try:
        res = scorer.score(str(eval_path), fh.name, 0)
    finally:
        os.unlink(fh.name)
    return {"body": res["body_retained"], "boiler": res["boilerplate_removed"], "lose": res["docs_losing_body"],
            "fired": fired, "lost_article": lost_article, "kept_body_chars": kept_body, "kept_boiler_chars": kept_boiler}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--eval", type=Path, default=DEFAULT_EVAL)
    a = ap.parse_args()
    scorer = _scorer(a.eval)
    docs = [json.loads(line) for line in a.eval.open(encoding="utf-8") if line.strip()]
    default = Pipeline.default()
    eager = default.with_filter(over_eager, before="duplicate")
    print(f"{len(docs)} documents\n")
    print(f"{'setting':<34} {'cap':>5} {'body':>7} {'boiler':>7} {'lose':>5} {'lose>50%':>8} {'fired':>6} {'kept body':>10} {'kept boiler':>12}")
    for label, pipe, mode in (("built-in filters, balanced", default, "balanced"),
                              ("built-in filters, recall", default, "recall"),
                              ("+ over-eager filter, balanced", eager, "balanced")):
        for cap in (None, 0.5, 0.3):
            r = run(docs, scorer, a.eval, cap, pipe, mode)
            print(f"{label:<34} {cap!s:>5} {r['body']:>7.4f} {r['boiler']:>7.4f} {r['lose']:>5} {r['lost_article']:>8} {r['fired']:>6} "
                  f"{r['kept_body_chars']:>10} {r['kept_boiler_chars']:>12}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
