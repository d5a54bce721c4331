"""Same output before and after a change: every result on train + dev, compared whole.

    python benchmarks/same_output.py --save /tmp/before.json.gz    # on the old code
    python benchmarks/same_output.py --check /tmp/before.json.gz   # on the new code

Cleans every text of ``../shared/eval/plaintext-news/{train,dev}.jsonl`` in the three modes and
keeps ``Result.to_dict()`` of each (text, ledger, metadata, warnings), plus every finding of
``annotate()`` (what the filters said, accepted or not). ``--check`` fails (exit 1) and prints
the first differences when any of them differs. A speed change must leave this unchanged.
``--html`` does the same for the pages of the HTML sets with gold bodies (Scrapinghub, L3S-GN1,
WCXB dev), in balanced mode.
The eval data is only read here, never copied into the repository.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from cleantext import annotate, clean  # noqa: E402

DATA = ROOT.parent / "shared" / "eval" / "plaintext-news"
MODES = ("balanced", "precision", "recall")


def load() -> list[tuple[str, str]]:
    out = []
    for name in ("train.jsonl", "dev.jsonl"):
        with open(DATA / name, encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                out.append((f"{name}:{rec['id']}", rec["text"]))
    return out


def load_html() -> list[tuple[str, bytes]]:
    """The pages of the HTML sets with gold bodies (Scrapinghub, L3S-GN1, WCXB dev), raw bytes."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import quality_html  # noqa: PLC0415

    root = ROOT.parent / "shared" / "eval"
    out = []
    for name, loader in (("scrapinghub", quality_html.load_scrapinghub), ("l3s", quality_html.load_l3s),
                         ("wcxb", quality_html.load_wcxb)):
        out.extend((f"{name}:{d.id}", d.html) for d in loader(root))
    return out


def snapshot_html() -> dict[str, object]:
    out: dict[str, object] = {}
    for key, html in load_html():
        out[f"{key}:balanced"] = clean(html, format="html").to_dict()
    return out


def snapshot() -> dict[str, object]:
    out: dict[str, object] = {}
    for key, text in load():
        for mode in MODES:
            out[f"{key}:{mode}"] = clean(text, mode=mode, format="text").to_dict()
        out[f"{key}:annotate"] = [
            [f.start, f.end, f.category, f.filter, f.rule, f.evidence, f.confidence, repr(sorted(f.data.items())), f.remove]
            for f in annotate(text, format="text")
        ]
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--save", type=Path)
    g.add_argument("--check", type=Path)
    ap.add_argument("--html", action="store_true",
                    help="the HTML pages of Scrapinghub, L3S-GN1 and WCXB dev (balanced) instead of the plain texts")
    args = ap.parse_args()
    t0 = time.perf_counter()
    snap = json.loads(json.dumps(snapshot_html() if args.html else snapshot()))  # through JSON, as it is stored
    t = time.perf_counter() - t0
    if args.save:
        with gzip.open(args.save, "wt", encoding="utf-8") as fh:
            json.dump(snap, fh)
        print(f"saved {len(snap)} results to {args.save} ({t:.1f} s)")
        return 0
    with gzip.open(args.check, "rt", encoding="utf-8") as fh:
        old = json.load(fh)
    diff = sorted(k for k in old.keys() | snap.keys() if old.get(k) != snap.get(k))
    if not diff:
        what = "pages, balanced" if args.html else f"{len(snap) // 4} texts x 3 modes + annotate"
        print(f"identical: {len(snap)} results ({what}; {t:.1f} s)")
        return 0
    print(f"DIFFERENT: {len(diff)} of {len(snap)} results")
    for k in diff[:10]:
        a, b = old.get(k), snap.get(k)
        print(f"  {k}")
        if isinstance(a, dict) and isinstance(b, dict):
            for f in sorted(a.keys() | b.keys()):
                if a.get(f) != b.get(f):
                    print(f"    {f}: {str(a.get(f))[:300]}\n    -> {str(b.get(f))[:300]}")
        else:
            print(f"    {str(a)[:300]}\n    -> {str(b)[:300]}")
    return 1


if __name__ == "__main__":
    sys.exit(main())
