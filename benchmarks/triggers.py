"""How often each trigger literal fires on story prose, and what each phrase group's gate lets through.

    python benchmarks/triggers.py [--top 25] [--json out.json]

A phrase group's triggers are its gate: a block holding none of them is never searched with
the group's expression. A trigger that occurs in most story paragraphs gates nothing (the
group's expression runs on the prose anyway) and makes the one trigger scan report more hits
per block. Over every gold block of ``../shared/eval/plaintext-news/{train,dev}.jsonl`` (body
versus boilerplate, as labelled), in the language the pipeline reads each document in, this
prints:

- per literal (phrase-group triggers and the filters' own scanned literals): the share of body
  blocks and of boilerplate blocks holding it, and the groups that declare it;
- per phrase group: the share of body blocks its gate lets through (holding any of its
  triggers), and of the boilerplate of the group's own category;
- the scan's hits per block (every occurrence the automaton reports, which the scan turns into
  a set in Python) for body and boilerplate blocks.

The eval data is only read here, never copied into the repository.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

EVAL = ROOT.parent / "shared" / "eval" / "plaintext-news"


def _groups(langs: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    from cleantext._patterns import _groups_in, load_triggers

    out: dict[str, tuple[str, ...]] = {}
    for lang in langs:
        for g in _groups_in(lang):
            trig = load_triggers(g, (lang,))
            if trig:
                out[f"{lang}/{g}"] = trig
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--top", type=int, default=25, help="literals to list, by their share of body blocks")
    ap.add_argument("--json", help="write every figure here")
    args = ap.parse_args(argv)

    import cleantext.filters  # noqa: F401  (the filters declare their scanned literals on import)
    from cleantext._lang import detect_language
    from cleantext._patterns import _FILTER_WORDS, trigger_scanner

    docs = [json.loads(line) for name in ("train", "dev") for line in open(EVAL / f"{name}.jsonl", encoding="utf-8")]
    body: Counter[str] = Counter()
    boiler: Counter[str] = Counter()
    n_body = n_boiler = 0
    hits_body = hits_boiler = 0
    per_doc_langs: list[tuple[tuple[str, ...], list[tuple[str, str]]]] = []
    for d in docs:
        lang = detect_language(d["text"])
        langs = ("en",) if lang == "en" else (lang, "en")
        per_doc_langs.append((langs, list(zip(d["blocks"], d["labels"]))))
    gate_body: Counter[str] = Counter()
    gate_own: Counter[str] = Counter()
    own_total: Counter[str] = Counter()
    body_in: Counter[str] = Counter()
    groups_by_langs: dict[tuple[str, ...], dict[str, tuple[str, ...]]] = {}
    for langs, blocks in per_doc_langs:
        scan = trigger_scanner(langs)
        groups = groups_by_langs.setdefault(langs, _groups(langs))
        for text, label in blocks:
            low = " ".join(text.split()).lower()
            found = scan(low)
            n_hits = sum(low.count(w) for w in found)  # occurrences (overlapping ones aside)
            if label == "body":
                n_body += 1
                hits_body += n_hits
                body.update(found)
            else:
                n_boiler += 1
                hits_boiler += n_hits
                boiler.update(found)
            for g, trig in groups.items():
                cat = g.split("/", 1)[1]
                passes = not found.isdisjoint(trig)
                if label == "body":
                    body_in[g] += 1
                    gate_body[g] += passes
                elif cat.startswith(label) or label in cat:
                    own_total[g] += 1
                    gate_own[g] += passes

    declared: dict[str, set[str]] = defaultdict(set)
    for groups in groups_by_langs.values():
        for g, trig in groups.items():
            for t in trig:
                declared[t].add(g)
    for w in _FILTER_WORDS:
        declared[w].add("(filter literal)")

    rows = sorted(declared, key=lambda w: (-body[w], w))
    print(f"{len(docs)} documents: {n_body} body blocks, {n_boiler} boilerplate blocks (gold labels)")
    print(f"scan hits per block: body {hits_body / max(n_body, 1):.2f}, boilerplate {hits_boiler / max(n_boiler, 1):.2f}")
    print(f"\nliterals by their share of body blocks (top {args.top} of {len(rows)}; "
          f"{sum(1 for w in rows if body[w] == 0)} never fire on body)")
    print(f"  {'literal':<22} {'body':>7} {'boiler':>7}  declared by")
    for w in rows[: args.top]:
        print(f"  {w!r:<22} {body[w] / max(n_body, 1):7.1%} {boiler[w] / max(n_boiler, 1):7.1%}  "
              + ", ".join(sorted(declared[w]))[:80])
    print("\nphrase groups: the share of body blocks their gate lets through (the expression runs on them)")
    print(f"  {'group':<34} {'body':>7} {'own boilerplate':>16}")
    for g in sorted(body_in, key=lambda g: -gate_body[g] / max(body_in[g], 1)):
        own = f"{gate_own[g] / own_total[g]:.0%} of {own_total[g]}" if own_total[g] else "-"
        print(f"  {g:<34} {gate_body[g] / max(body_in[g], 1):7.1%} {own:>16}")
    if args.json:
        Path(args.json).write_text(json.dumps({
            "body_blocks": n_body, "boilerplate_blocks": n_boiler,
            "literals": {w: {"body": body[w] / max(n_body, 1), "boilerplate": boiler[w] / max(n_boiler, 1),
                             "declared_by": sorted(declared[w])} for w in rows},
            "groups": {g: {"body_through_gate": gate_body[g] / max(body_in[g], 1)} for g in body_in},
        }, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
