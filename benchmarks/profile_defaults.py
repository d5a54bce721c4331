"""Site-profile thresholds on the labelled dev set: what each (min_docs, min_share) would remove.

    python benchmarks/profile_defaults.py

For each setting a profile is learned from the dev set itself (grouped by the host of each
document's ``url``, as ``cleantext learn`` does), then every document is cleaned with the
``site_template`` filter alone, and each removed line is looked up in the document's block
labels: boilerplate removed (good) against body removed (a false removal). The eval data is
only read here.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from cleantext import Pipeline, clean, learn_profile  # noqa: E402
from cleantext._profile import site_key  # noqa: E402

DEV = ROOT.parent / "shared" / "eval" / "plaintext-news" / "dev.jsonl"
UNSCORED = {"embed", "neutral"}


def removed_by_label(d: dict, prof: object, only: Pipeline) -> tuple[int, int, Counter[str]]:
    """Clean ``d`` with the profile alone: (boilerplate chars removed, body chars removed, per label)."""
    labels: dict[str, str] = {}
    for b, lab in zip(d["blocks"], d["labels"]):
        labels.setdefault(b.strip(), lab)
    r = clean(d["text"], pipeline=only, url=d["url"], profile=prof, format="text")  # type: ignore[arg-type]
    good = bad = 0
    cats: Counter[str] = Counter()
    for x in r.removed:
        lab = labels.get(x.text.strip(), "neutral")
        if lab == "body":
            bad += len(x.text)
        elif lab not in UNSCORED:
            good += len(x.text)
            cats[lab] += len(x.text)
    return good, bad, cats


def main() -> int:
    docs = [json.loads(line) for line in open(DEV, encoding="utf-8")]
    sites = Counter(site_key(d["url"]) for d in docs)
    print(f"{len(docs)} documents, {len(sites)} sites; documents per site: "
          f"{dict(sorted(Counter(sites.values()).items()))}")
    boiler_total = sum(len(b) for d in docs for b, lab in zip(d["blocks"], d["labels"]) if lab not in ("body", *UNSCORED))
    only = Pipeline.default().only("site_template")
    print(f"boilerplate in the set: {boiler_total} chars\n")
    print(f"{'min_docs':>8} {'min_share':>9} {'lines':>6} {'boiler removed':>15} {'body removed':>13} {'docs losing body':>17}")
    for k in (2, 3, 4):
        for p in (0.1, 0.2, 0.3, 0.5, 0.8):
            prof = learn_profile(((d["url"], d["text"]) for d in docs), min_docs=k, min_share=p)
            good = bad = losing = 0
            cats: Counter[str] = Counter()
            for d in docs:
                g, b_, c = removed_by_label(d, prof, only)
                good, bad, losing = good + g, bad + b_, losing + (b_ > 0)
                cats.update(c)
            print(f"{k:>8} {p:>9.1f} {len(prof):>6} {good:>8} ({good / boiler_total:4.1%}) {bad:>13} {losing:>17}"
                  f"   {dict(cats.most_common(4))}")
    # What a profile adds to the full pipeline, by the set's own scorer.
    sys.path.insert(0, str(DEV.parent))
    from score_plaintext import score  # noqa: PLC0415

    import tempfile  # noqa: PLC0415

    print("\nfull pipeline, scored by score_plaintext.py:")
    for k in (None, 2, 3):
        prof = learn_profile(((d["url"], d["text"]) for d in docs), min_docs=k) if k else None
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as fh:
            for d in docs:
                r = clean(d["text"], url=d["url"], profile=prof)
                fh.write(json.dumps({"id": d["id"], "text": r.text, "metadata": r.metadata.to_dict()}) + "\n")
        sc = score(str(DEV), fh.name)
        label = "no profile" if k is None else f"profile, min_docs {k}"
        print(f"  {label:<22} body retained {sc['body_retained']:.4f}  boilerplate removed "
              f"{sc['boilerplate_removed']:.4f}  docs losing body {sc['docs_losing_body']}")

    # Leave one out: a document cleaned with the profile learned from its site's OTHER pages,
    # which is how well a line seen elsewhere predicts template on a page not yet seen.
    print("\nleave one out (profile learned without the document):")
    for k in (1, 2, 3):
        good = bad = losing = 0
        for i, d in enumerate(docs):
            site = site_key(d["url"])
            others = [(o["url"], o["text"]) for j, o in enumerate(docs) if j != i and site_key(o["url"]) == site]
            if not others:
                continue
            prof = learn_profile(others, min_docs=k, min_share=0.3)
            g, b_, _ = removed_by_label(d, prof, only)
            good, bad, losing = good + g, bad + b_, losing + (b_ > 0)
        print(f"  min_docs {k} (seen on {k} other pages): boilerplate removed {good} ({good / boiler_total:.1%}), "
              f"body removed {bad}, docs losing body {losing}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
