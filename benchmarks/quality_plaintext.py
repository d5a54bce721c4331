#!/usr/bin/env python3
"""Quality on the labelled plain-text news set: cleantext beside peers, in one run.

    pip install -e '.[bench]'     # the peers: datatrove (+ spaCy for its sentence counts), jusText
    python benchmarks/quality_plaintext.py [--eval ../shared/eval/plaintext-news/dev.jsonl]
        [--cleaners none,cleantext,c4,...] [--mode balanced] [--show 20] [--json out.json]
        [--update-floors]

Each cleaner's output is scored with the set's own ``score_plaintext.py`` (body kept,
boilerplate removed, per category, documents losing body text, metadata exact matches).

Cleaners (a peer whose package is missing is skipped with a note):
  none        the text unchanged
  cleantext   this library, ``clean(text, mode=...)``
  c4          datatrove ``C4QualityFilter`` as a LINE filter: its line rules at their defaults
              (terminal punctuation, >= 3 words, "javascript", policy phrases, 1000-char words,
              citation marks removed); the lines it keeps, which it joins into ``doc.text``, are
              the output. Its document-level rules (``min_num_sentences``,
              ``filter_curly_bracket``, ``filter_lorem_ipsum``) are off: a line filter keeps the
              document.
  c4-doc      the same with every default, document rules included; a document the filter
              drops becomes an empty output (all its body lost).
  fineweb     ``c4`` with ``filter_no_terminal_punct=False``, as FineWeb runs it.
  justext     jusText over the lines wrapped as ``<p>`` paragraphs, default parameters, the
              stoplist chosen per document: Spanish when jusText's Spanish stop words outnumber
              its English ones, else English.
  justext-en  the same with the English stoplist for every document.

``--update-floors`` rewrites ``benchmarks/quality_floors.json`` (the quality gate of
``tests/test_quality_gate.py``) from cleantext's scores, rounded down to a step of 0.005; it only
ever RAISES a floor (or lowers the allowed count of documents losing body text). Lowering one is a
hand edit with its reason in CHANGELOG.md.
"""

from __future__ import annotations

import argparse
import html
import importlib.util
import json
import math
import os
import re
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DEFAULT_EVAL = HERE.parent.parent / "shared" / "eval" / "plaintext-news" / "dev.jsonl"
FLOORS = HERE / "quality_floors.json"
DEFAULT_CLEANERS = "none,cleantext,c4,c4-doc,fineweb,justext,justext-en"
# a per-category floor is kept for every category with at least this many characters in the set
FLOOR_MIN_CHARS = 1000
FLOOR_STEP = 0.005

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
    src = str(HERE.parent / "src")
    if src not in sys.path:
        sys.path.insert(0, src)
    from cleantext import clean

    def run(text: str) -> dict[str, Any]:
        r = clean(text, mode=mode, format="text")
        md = r.metadata
        return {"text": r.text, "metadata": {"title": md.title, "authors": list(md.authors), "published": md.published}}

    return run


def _lines(text: str) -> list[str]:
    """The non-empty stripped lines, as the scorer splits them."""
    t = text.replace("\r\n", "\n").replace("\r", "\n")
    return [ln.strip() for ln in t.split("\n") if ln.strip()]


def cleaner_c4(fineweb: bool = False, doc_rules: bool = False) -> Cleaner:
    from datatrove.data import Document
    from datatrove.pipeline.filters.c4_filters import C4QualityFilter

    kw: dict[str, Any] = {}
    if fineweb:
        kw["filter_no_terminal_punct"] = False
    if not doc_rules:
        kw.update(min_num_sentences=-1, filter_curly_bracket=False, filter_lorem_ipsum=False)
    filters = {lang: C4QualityFilter(language=lang, **kw) for lang in ("eng", "spa")}
    es_words, en_words = _justext_stoplists()

    def run(text: str) -> dict[str, Any]:
        doc = Document(text=text, id="x")
        lang = "spa" if _is_spanish(text, es_words, en_words) else "eng"
        # filter() keeps the lines that pass, joined by "\n", in doc.text (citations removed);
        # it returns (False, reason) when a document rule drops the whole document.
        kept = filters[lang].filter(doc)
        return {"text": doc.text if kept is True else "", "metadata": {}}

    return run


_WORD = re.compile(r"\w+")


def _justext_stoplists() -> tuple[frozenset[str], frozenset[str]]:
    try:
        import justext
    except ImportError:  # only for the language choice of c4-doc's sentence counts
        return frozenset(), frozenset()
    return frozenset(justext.get_stoplist("Spanish")), frozenset(justext.get_stoplist("English"))


def _is_spanish(text: str, es_words: frozenset[str], en_words: frozenset[str]) -> bool:
    words = [w.lower() for w in _WORD.findall(text)]
    return sum(w in es_words for w in words) > sum(w in en_words for w in words)


def cleaner_justext(per_language: bool = True) -> Cleaner:
    import justext

    es_words, en_words = _justext_stoplists()

    def run(text: str) -> dict[str, Any]:
        lines = _lines(text)
        if not lines:
            return {"text": "", "metadata": {}}
        stoplist = es_words if per_language and _is_spanish(text, es_words, en_words) else en_words
        page = "<html><body>" + "".join(f"<p>{html.escape(ln, quote=False)}</p>" for ln in lines) + "</body></html>"
        paragraphs = justext.justext(page, stoplist)
        return {"text": "\n\n".join(p.text for p in paragraphs if not p.is_boilerplate), "metadata": {}}

    return run


# name -> (factory taking the mode, the package a missing import means)
REGISTRY: dict[str, tuple[Callable[[str], Cleaner], str]] = {
    "none": (lambda mode: cleaner_none(), ""),
    "cleantext": (cleaner_cleantext, ""),
    "c4": (lambda mode: cleaner_c4(), "datatrove"),
    "c4-doc": (lambda mode: cleaner_c4(doc_rules=True), "datatrove and spacy"),
    "fineweb": (lambda mode: cleaner_c4(fineweb=True), "datatrove"),
    "justext": (lambda mode: cleaner_justext(), "justext"),
    "justext-en": (lambda mode: cleaner_justext(per_language=False), "justext"),
}


def cleaners(names: list[str], mode: str) -> dict[str, Cleaner]:
    out: dict[str, Cleaner] = {}
    for n in names:
        if n not in REGISTRY:
            raise SystemExit(f"unknown cleaner {n!r}; known: {', '.join(REGISTRY)}")
        factory, package = REGISTRY[n]
        try:
            out[n] = factory(mode)
        except ImportError as e:
            if not package:
                raise
            print(f"skipping {n}: needs {package} ({e}); pip install -e '.[bench]'", file=sys.stderr)
    return out


def evaluate(eval_path: Path, names: list[str], mode: str = "balanced", show: int = 0) -> dict[str, Any]:
    scorer = _scorer(eval_path)
    with eval_path.open(encoding="utf-8") as fh:
        docs = [json.loads(line) for line in fh if line.strip()]
    results: dict[str, Any] = {}
    for name, fn in cleaners(names, mode).items():
        t0 = time.perf_counter()
        preds = [{"id": d["id"], **fn(d["text"])} for d in docs]
        elapsed = time.perf_counter() - t0
        res = _score_preds(scorer, eval_path, preds, show)
        res["seconds"] = round(elapsed, 3)
        results[name] = res
    return results


def _score_preds(scorer: Any, gold_path: Path, preds: list[dict[str, Any]], show: int) -> dict[str, Any]:
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as fh:
        for p in preds:
            fh.write(json.dumps(p, ensure_ascii=False) + "\n")
    try:
        with warnings.catch_warnings():  # the set's scorer leaves its files to the collector
            warnings.simplefilter("ignore", ResourceWarning)
            return dict(scorer.score(str(gold_path), fh.name, show))
    finally:
        os.unlink(fh.name)


def evaluate_cv(
    data_dir: Path, names: list[str], mode: str = "balanced", show: int = 0, folds: int = 5
) -> dict[str, dict[str, Any]]:
    """Outlet-grouped cross-validation over train + dev: each document is cleaned with the
    model of the fold that never saw its outlet. Cleaners: ``cleantext`` (rules and the fold's
    model, as shipped), ``rules`` (the model left out), ``model`` (the fold model's decisions
    alone, block by block), and any peers named. Returns results per subset: ``all``,
    ``holdout`` (folds 3-4: the hold-out half of ``outlet_split.py``, never read while writing
    rules), ``train``, ``dev``, ``en``, ``es``."""
    src = str(HERE.parent / "src")
    if src not in sys.path:
        sys.path.insert(0, src)
    from cleantext import Pipeline, clean
    from cleantext.filters.model import ModelFilter
    from cleantext._model import load_model
    from cleantext.training._data import featurise, read_jsonl
    from cleantext.training._train import Settings, as_model, confidence, out_of_fold

    files = [data_dir / "train.jsonl", data_dir / "dev.jsonl"]
    records = read_jsonl(files)
    examples = featurise(records)
    settings = Settings(folds=folds)
    probs, models = out_of_fold(examples, settings)
    shipped = load_model()
    shift = float(shipped.info.get("shift", 0.0)) if shipped is not None else 0.0
    fold_of: dict[str, int] = {}
    fold_models = []
    for k, m in enumerate(models):
        m["meta"]["shift"] = shift
        fold_models.append(as_model(m["meta"], m["weights"]))
        for i in m["test"]:
            fold_of[examples[i].id] = k
    pipes = [Pipeline.default().replace("model", ModelFilter(fm)) for fm in fold_models]
    rules = Pipeline.default().without("model")
    threshold = {"precision": 0.8, "balanced": 0.5, "recall": 0.3}[mode]

    def meta_of(r: Any) -> dict[str, Any]:
        md = r.metadata
        return {"title": md.title, "authors": list(md.authors), "published": md.published}

    preds: dict[str, list[dict[str, Any]]] = {}
    seconds: dict[str, float] = {}
    t0 = time.perf_counter()
    preds["cleantext"] = []
    for e in examples:
        r = clean(e.gold["text"], mode=mode, format="text", pipeline=pipes[fold_of[e.id]])
        preds["cleantext"].append({"id": e.id, "text": r.text, "metadata": meta_of(r)})
    seconds["cleantext"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    preds["rules"] = []
    for e in examples:
        r = clean(e.gold["text"], mode=mode, format="text", pipeline=rules)
        preds["rules"].append({"id": e.id, "text": r.text, "metadata": meta_of(r)})
    seconds["rules"] = time.perf_counter() - t0
    preds["model"] = []
    for e, p in zip(examples, probs):
        body = list(models[0]["meta"]["classes"]).index("body")
        conf = confidence(1.0 - p[:, body], shift)
        kept = [b.text for b, c in zip(e.doc.blocks, conf) if c < threshold]
        preds["model"].append({"id": e.id, "text": "\n".join(kept), "metadata": {}})
    seconds["model"] = 0.0
    peers = [n for n in names if n not in ("cleantext", "rules", "model", "none")]
    for name, fn in cleaners(peers + (["none"] if "none" in names else []), mode).items():
        t0 = time.perf_counter()
        preds[name] = [{"id": e.id, **fn(e.gold["text"])} for e in examples]
        seconds[name] = time.perf_counter() - t0
    dev_ids = {d["id"] for d in read_jsonl([files[1]])}
    # folds 3-4: the hold-out half of benchmarks/outlet_split.py, which no rule of this release
    # was written from (rules written on that split read folds 0-2 only)
    held = {examples[i].id for m in models[3:] for i in m["test"]}
    subsets = {
        "all": examples,
        "holdout": [e for e in examples if e.id in held],
        "train": [e for e in examples if e.id not in dev_ids],
        "dev": [e for e in examples if e.id in dev_ids],
        "en": [e for e in examples if e.language == "en"],
        "es": [e for e in examples if e.language == "es"],
    }
    scorer = _scorer(files[0])
    out: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for sub, exs in subsets.items():
            if not exs:
                continue
            gold = Path(tmp) / f"{sub}.jsonl"
            with gold.open("w", encoding="utf-8") as fh:
                for e in exs:
                    fh.write(json.dumps(e.gold, ensure_ascii=False) + "\n")
            out[sub] = {}
            for name, pr in preds.items():
                res = _score_preds(scorer, gold, pr, show if sub == "all" else 0)
                res["seconds"] = round(seconds.get(name, 0.0), 3)
                out[sub][name] = res
    return out


def _floor(x: float) -> float:
    return round(math.floor(x / FLOOR_STEP + 1e-9) * FLOOR_STEP, 3)


def floors_from(res: dict[str, Any]) -> dict[str, Any]:
    """Floors at a cleaner's scores, rounded down to FLOOR_STEP (metadata as shares of the documents)."""
    meta = {k: _floor(_share(v)) for k, v in res["metadata"].items()}
    return {
        "body_retained": _floor(res["body_retained"]),
        "boilerplate_removed": _floor(res["boilerplate_removed"]),
        "max_docs_losing_body": res["docs_losing_body"],
        "per_category_removed": {
            c: _floor(r) for c, r in res["per_category_removed"].items() if res["per_category_chars"][c] >= FLOOR_MIN_CHARS
        },
        "metadata": meta,
    }


def _share(counts: str) -> float:
    ok, n = (int(x) for x in counts.split("/"))
    return ok / n if n else 0.0


def check_floors(res: dict[str, Any], floors: dict[str, Any]) -> list[str]:
    """Each way in which a result falls below the floors, as a sentence; empty when it passes."""
    bad = []
    for k in ("body_retained", "boilerplate_removed"):
        if res[k] < floors[k]:
            bad.append(f"{k} {res[k]} < floor {floors[k]}")
    if res["docs_losing_body"] > floors["max_docs_losing_body"]:
        bad.append(f"docs_losing_body {res['docs_losing_body']} > max {floors['max_docs_losing_body']}")
    for c, f in floors["per_category_removed"].items():
        v = res["per_category_removed"].get(c, 0.0)
        if v < f:
            bad.append(f"per_category_removed[{c}] {v} < floor {f}")
    for k, f in floors["metadata"].items():
        got = res["metadata"].get(k, "0/0")
        if _share(got) < f:
            bad.append(f"metadata {k} {got} exact < floor {f} of the documents")
    return bad


def update_floors(res: dict[str, Any], path: Path = FLOORS) -> dict[str, Any]:
    """Raise the floors in ``path`` to cleantext's current scores; never lower one."""
    new = floors_from(res)
    old = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    out = dict(old)
    for k in ("body_retained", "boilerplate_removed"):
        out[k] = max(old.get(k, 0.0), new[k])
    out["max_docs_losing_body"] = min(old.get("max_docs_losing_body", new["max_docs_losing_body"]), new["max_docs_losing_body"])
    for group in ("per_category_removed", "metadata"):
        merged = dict(old.get(group, {}))
        for k, v in new[group].items():
            merged[k] = max(merged.get(k, 0.0), v)
        out[group] = dict(sorted(merged.items()))
    path.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    return out


def table(results: dict[str, Any]) -> str:
    """One table: a row per measure, a column per cleaner."""
    names = list(results)
    chars = next(iter(results.values()))["per_category_chars"]
    cats = sorted({c for r in results.values() for c in r["per_category_removed"]})
    w = max(11, *(len(n) + 1 for n in names))
    rows = [f"{'':<22}" + "".join(f"{n:>{w}}" for n in names)]

    def row(label: str, cells: list[str]) -> None:
        rows.append(f"{label:<22}" + "".join(f"{c:>{w}}" for c in cells))

    row("body_retained", [f"{r['body_retained']:.4f}" for r in results.values()])
    row("boilerplate_removed", [f"{r['boilerplate_removed']:.4f}" for r in results.values()])
    row(f"docs_losing_body /{next(iter(results.values()))['docs']}", [str(r["docs_losing_body"]) for r in results.values()])
    rows.append("removed, per category (chars in set)")
    for c in cats:
        row(f"  {c} ({chars.get(c, 0)})", [f"{r['per_category_removed'].get(c, 0):.3f}" for r in results.values()])
    rows.append("metadata exact")
    for k in sorted({k for r in results.values() for k in r["metadata"]}):
        row(f"  {k}", [r["metadata"].get(k, "-") for r in results.values()])
    row("seconds", [f"{r['seconds']:.2f}" for r in results.values()])
    return "\n".join(rows)


def _summary(results: dict[str, Any]) -> str:
    """A short table: body kept, boilerplate removed, documents losing body, metadata."""
    names = list(results)
    w = max(11, *(len(n) + 1 for n in names))
    lines = [f"{'':<22}" + "".join(f"{n:>{w}}" for n in names)]
    keys = sorted({k for r in results.values() for k in r["metadata"]})
    for label, cells in [
        ("body_retained", [f"{r['body_retained']:.4f}" for r in results.values()]),
        ("boilerplate_removed", [f"{r['boilerplate_removed']:.4f}" for r in results.values()]),
        ("docs_losing_body", [str(r["docs_losing_body"]) for r in results.values()]),
        *[(f"  {k}", [r["metadata"].get(k, "-") for r in results.values()]) for k in keys],
    ]:
        lines.append(f"{label:<22}" + "".join(f"{c:>{w}}" for c in cells))
    return "\n".join(lines)


def _print_examples(results: dict[str, Any]) -> None:
    for name, r in results.items():
        print(f"\n== {name}: lost body examples")
        for gid, t in r.get("lost_examples", []):
            print(f"  {gid}: {t!r}")
        print(f"== {name}: leaked boilerplate examples")
        for gid, lab, t in r.get("leak_examples", []):
            print(f"  {gid} [{lab}]: {t!r}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--eval", type=Path, default=DEFAULT_EVAL)
    ap.add_argument("--cleaners", default=DEFAULT_CLEANERS, help=f"comma-separated; known: {', '.join(REGISTRY)}")
    ap.add_argument("--mode", default="balanced")
    ap.add_argument("--show", type=int, default=0, help="print this many lost and leaked examples")
    ap.add_argument("--json", type=Path, help="also write the full results here")
    ap.add_argument("--update-floors", action="store_true", help=f"raise the floors in {FLOORS.name} to cleantext's scores")
    ap.add_argument("--cv", action="store_true",
                    help="the headline: outlet-grouped cross-validation over train.jsonl + dev.jsonl beside --eval")
    ap.add_argument("--folds", type=int, default=5)
    a = ap.parse_args()
    if a.cv:
        names = [n for n in a.cleaners.split(",") if n not in ("cleantext",)]
        cv = evaluate_cv(a.eval.parent, ["cleantext", "rules", "model", *names], a.mode, a.show, a.folds)
        print(f"outlet-grouped cross-validation, {a.folds} folds, train + dev, mode {a.mode}")
        print(table(cv["all"]))
        for sub in ("holdout", "train", "dev", "en", "es"):
            if sub in cv:
                print(f"\n-- {sub} ({cv[sub]['cleantext']['docs']} documents)")
                print(_summary(cv[sub]))
        if a.show:
            _print_examples({"cleantext": cv["all"]["cleantext"]})
        if a.json:
            a.json.write_text(json.dumps(cv, indent=1, ensure_ascii=False), encoding="utf-8")
        return 0
    if not a.eval.exists():
        print(f"evaluation set not found: {a.eval}", file=sys.stderr)
        return 2
    names = a.cleaners.split(",")
    if a.update_floors and "cleantext" not in names:
        names.append("cleantext")
    results = evaluate(a.eval, names, a.mode, a.show)
    print(table(results))
    if a.show:
        _print_examples(results)
    if a.json:
        a.json.write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")
    if a.update_floors:
        if a.mode != "balanced":
            print("floors are for the default mode: run --update-floors without --mode", file=sys.stderr)
            return 2
        update_floors(results["cleantext"])
        print(f"\nfloors written to {FLOORS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
