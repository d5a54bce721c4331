#!/usr/bin/env python3
"""HTML article extraction: cleantext beside trafilatura, readability-lxml and jusText, in one run.

    python benchmarks/quality_html.py [--sets scrapinghub,l3s,wcxb,trafilatura]
        [--tools cleantext,cleantext-rules,trafilatura,trafilatura-precision,readability,justext,trafilatura+cleantext]
        [--limit N] [--mode balanced] [--eval ../shared/eval] [--json out.json] [--worst 5]

Peers come from the optional ``bench`` extra (``pip install -e .[bench]``); a peer that is not
installed is skipped with a note. Every tool gets the page's raw bytes.

Metrics (the same for every set with a full-text gold, as in Scrapinghub's ``evaluate.py``):
case-sensitive ``\\w+`` tokens, multisets of 4-gram shingles, per-document tp/fp/fn normalised
to sum to 1, precision and recall macro-averaged over documents, F1 the harmonic mean of the two
means. trafilatura's corpus is scored with its snippets: a ``with`` snippet found is a true
positive, missing a false negative; a ``without`` snippet found is a false positive.

``leak`` counts the documents whose output contains a boilerplate phrase (newsletter, sign up,
subscribe, ...) that the gold does not. ``capt%`` (L3S-GN1) is the share of caption-only text
(the assessors' "supplemental" lines that are not in the full text) left in the output.
``title``/``author``/``date`` are exact-match accuracies where the gold has them.
"""

from __future__ import annotations

import argparse
import ast
import gzip
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DEFAULT_EVAL = HERE.parent.parent / "shared" / "eval"

LEAK_PHRASES = (
    "newsletter", "sign up", "subscribe", "donate", "advertisement", "sponsored",
    "photo by", "getty images", "follow us", "share this",
)


@dataclass
class Doc:
    id: str
    html: bytes
    gold: str | None = None  # full text gold
    with_: list[str] = field(default_factory=list)
    without: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    title: str | None = None
    author: str | None = None
    date: str | None = None


@dataclass
class Out:
    text: str
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    date: str | None = None


# -- data sets -----------------------------------------------------------------------------------

def _gz(p: Path) -> bytes:
    with gzip.open(p, "rb") as fh:
        return fh.read()


def load_scrapinghub(root: Path) -> Iterator[Doc]:
    base = root / "scrapinghub-aeb"
    gt = json.loads((base / "ground-truth.json").read_text(encoding="utf-8"))
    for k in sorted(gt):
        yield Doc(k, _gz(base / "html" / f"{k}.html.gz"), gold=gt[k]["articleBody"])


def load_l3s(root: Path) -> Iterator[Doc]:
    base = root / "l3s-gn1"
    gt = json.loads((base / "gold.json").read_text(encoding="utf-8"))
    for k in sorted(gt):
        g = gt[k]
        full = g["fulltext"]
        caps = [c.strip() for c in g.get("supplemental", "").split("\n")
                if len(c.split()) >= 4 and _norm(c) not in _norm(full)]
        yield Doc(k, _gz(base / "original" / f"{k}.html.gz"), gold=full, captions=caps, title=g.get("headline") or None)


def load_wcxb(root: Path) -> Iterator[Doc]:
    base = root / "wcxb-articles" / "dev"
    for p in sorted((base / "ground-truth").glob("*.json")):
        d = json.loads(p.read_text(encoding="utf-8"))
        g = d["ground_truth"]
        if isinstance(g, str):
            g = ast.literal_eval(g)
        if not g.get("main_content"):
            continue
        html = base / "html" / f"{p.stem}.html.gz"
        if not html.exists():
            continue
        yield Doc(p.stem, _gz(html), gold=g["main_content"], title=_one(g.get("title")),
                  author=_one(g.get("author")), date=_one(g.get("publish_date")))


def load_trafilatura(root: Path) -> Iterator[Doc]:
    base = root / "trafilatura-eval"
    data = json.loads((base / "evaldata.json").read_text(encoding="utf-8"))
    for url in sorted(data):
        v = data[url]
        p = base / "html" / f"{v['file']}.gz"
        if not p.exists():
            continue
        yield Doc(v["file"], _gz(p), with_=list(v.get("with") or []), without=list(v.get("without") or []),
                  title=_one(v.get("title")), author=_one(v.get("author")), date=_one(v.get("date")))


def _one(v: Any) -> str | None:
    """A gold field as one string (lists are joined with '; ')."""
    if isinstance(v, list):
        v = "; ".join(str(x) for x in v if x)
    return str(v) if v else None


SETS: dict[str, Callable[[Path], Iterator[Doc]]] = {
    "scrapinghub": load_scrapinghub,
    "l3s": load_l3s,
    "wcxb": load_wcxb,
    "trafilatura": load_trafilatura,
}

# -- tools ---------------------------------------------------------------------------------------

Tool = Callable[[bytes], Out]


def tool_cleantext(mode: str, rules_only: bool = False) -> Tool:
    sys.path.insert(0, str(HERE.parent / "src"))
    from cleantext import Pipeline, clean

    pipeline = Pipeline.default().without("model") if rules_only else None

    def run(html: bytes) -> Out:
        r = clean(html, mode=mode, format="html", pipeline=pipeline)
        m = r.metadata
        return Out(r.text, m.title, list(m.authors), m.published)

    return run


def tool_trafilatura(precision: bool = False) -> Tool:
    import trafilatura

    def run(html: bytes) -> Out:
        d = trafilatura.bare_extraction(html, favor_precision=precision, with_metadata=True)
        if d is None:
            return Out("")
        get = (lambda k: getattr(d, k, None)) if not isinstance(d, dict) else d.get
        author = get("author")
        return Out(get("text") or "", get("title"), [a.strip() for a in author.split(";")] if author else [], get("date"))

    return run


def tool_trafilatura_cleantext(mode: str) -> Tool:
    traf = tool_trafilatura()
    sys.path.insert(0, str(HERE.parent / "src"))
    from cleantext import clean

    def run(html: bytes) -> Out:
        o = traf(html)
        r = clean(o.text, mode=mode, format="text")
        return Out(r.text, o.title, o.authors, o.date)

    return run


def tool_readability() -> Tool:
    import lxml.html
    from readability import Document

    def run(html: bytes) -> Out:
        try:
            d = Document(html)
            summary = d.summary(html_partial=True)
            tree = lxml.html.fromstring(summary)
            text = "\n".join(t.strip() for t in tree.itertext() if t.strip())
            return Out(text, d.short_title())
        except Exception:
            return Out("")

    return run


_JUSTEXT_LANG = {"en": "English", "de": "German", "es": "Spanish", "fr": "French", "pl": "Polish",
                 "pt": "Portuguese", "it": "Italian", "ru": "Russian", "nl": "Dutch", "id": "Indonesian"}
_LANG_ATTR = re.compile(rb"<html[^>]*\blang=[\"']?([a-zA-Z]{2})", re.I)


def tool_justext() -> Tool:
    import justext

    def run(html: bytes) -> Out:
        m = _LANG_ATTR.search(html[:5000])
        lang = _JUSTEXT_LANG.get(m.group(1).decode().lower(), "English") if m else "English"
        try:
            paras = justext.justext(html, justext.get_stoplist(lang))
        except Exception:
            return Out("")
        return Out("\n".join(p.text for p in paras if not p.is_boilerplate))

    return run


def make_tools(names: list[str], mode: str) -> dict[str, Tool]:
    out: dict[str, Tool] = {}
    for n in names:
        try:
            if n == "cleantext":
                out[n] = tool_cleantext(mode)
            elif n == "cleantext-rules":  # the learned model left out
                out[n] = tool_cleantext(mode, rules_only=True)
            elif n == "trafilatura":
                out[n] = tool_trafilatura()
            elif n == "trafilatura-precision":
                out[n] = tool_trafilatura(True)
            elif n == "trafilatura+cleantext":
                out[n] = tool_trafilatura_cleantext(mode)
            elif n == "readability":
                out[n] = tool_readability()
            elif n == "justext":
                out[n] = tool_justext()
            else:
                raise SystemExit(f"unknown tool {n!r}")
        except ImportError as exc:
            print(f"# skipping {n}: {exc} (pip install -e .[bench])", file=sys.stderr)
    return out


# -- scoring -------------------------------------------------------------------------------------

_TOK = re.compile(r"\w+", re.UNICODE)
_WS = re.compile(r"\s+")


def _norm(s: str) -> str:
    return _WS.sub(" ", s).strip()


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """Scrapinghub's shingles: 4-grams of ``\\w+`` tokens (one shorter shingle for a short text)."""
    toks = _TOK.findall(text or "")
    return Counter(t for t in (tuple(toks[i : i + n]) for i in range(max(1, len(toks) - n + 1))) if t)


def prf_doc(pred: str, gold: str) -> tuple[float, float, float]:
    """Scrapinghub's per-document tp/fp/fn, normalised to sum to 1."""
    p, g = shingles(pred), shingles(gold)
    tp = sum((p & g).values())
    fp = sum(p.values()) - tp
    fn = sum(g.values()) - tp
    total = tp + fp + fn
    if total == 0:
        return 0.0, 0.0, 0.0
    return tp / total, fp / total, fn / total


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def leak(pred: str, gold: str) -> bool:
    pl, gl = pred.lower(), gold.lower()
    return any(ph in pl and ph not in gl for ph in LEAK_PHRASES)


def _eq(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and _norm(a).casefold() == _norm(b).casefold()


def author_ok(pred: list[str], gold: str) -> bool:
    g = _norm(gold).casefold()
    p = "; ".join(pred).casefold()
    return bool(p) and (p == g or _norm(p.replace(";", ",")) == _norm(g.replace(";", ",")) or
                        set(a.strip() for a in re.split(r"[;,]| and ", p) if a.strip()) ==
                        set(a.strip() for a in re.split(r"[;,]| and ", g) if a.strip()))


def date_ok(pred: str | None, gold: str) -> bool:
    return bool(pred) and str(pred)[:10] == gold[:10]


def score(set_name: str, docs: list[Doc], outs: list[Out]) -> dict[str, Any]:
    res: dict[str, Any] = {}
    if set_name == "trafilatura":
        tp = fp = fn = 0
        for d, o in zip(docs, outs):
            t = _norm(o.text)
            for w in d.with_:
                if _norm(w) in t:
                    tp += 1
                else:
                    fn += 1
            for w in d.without:
                if _norm(w) in t:
                    fp += 1
        P = tp / (tp + fp) if tp + fp else 0.0
        R = tp / (tp + fn) if tp + fn else 0.0
        res.update(P=P, R=R, F1=2 * P * R / (P + R) if P + R else 0.0, leak=None)
    else:
        # as upstream's evaluate.py: precision averaged over documents with output, recall over
        # documents with gold text
        counts = [prf_doc(o.text, d.gold or "") for d, o in zip(docs, outs)]
        precs = [_precision(*c) if c[0] + c[1] > 0 else None for c in counts]
        recs = [_recall(*c) if c[0] + c[2] > 0 else None for c in counts]
        pv = [x for x in precs if x is not None]
        rv = [x for x in recs if x is not None]
        P = sum(pv) / len(pv) if pv else 0.0
        R = sum(rv) / len(rv) if rv else 0.0
        leaks = sum(leak(o.text, d.gold or "") for d, o in zip(docs, outs))
        res.update(P=P, R=R, F1=2 * P * R / (P + R) if P + R else 0.0, leak=leaks)
        tps = [x if x is not None else 0.0 for x in precs]
        fns = [x if x is not None else 0.0 for x in recs]
        res["_perdoc"] = [(d.id, p, r) for d, p, r in zip(docs, tps, fns)]
    if set_name == "l3s":
        total = left = 0
        for d, o in zip(docs, outs):
            t = _norm(o.text)
            for c in d.captions:
                total += len(c)
                if _norm(c) in t:
                    left += len(c)
        res["capt%"] = 100.0 * left / total if total else 0.0
    for key, fn_ok in (("title", lambda o, d: _eq(o.title, d.title)),
                       ("author", lambda o, d: author_ok(o.authors, d.author or "")),
                       ("date", lambda o, d: date_ok(o.date, d.date or ""))):
        pairs = [(o, d) for d, o in zip(docs, outs) if getattr(d, key)]
        if pairs:
            res[key] = sum(fn_ok(o, d) for o, d in pairs) / len(pairs)
    return res


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--eval", type=Path, default=DEFAULT_EVAL)
    ap.add_argument("--sets", default="scrapinghub,l3s,wcxb,trafilatura")
    ap.add_argument("--tools", default="cleantext,trafilatura,trafilatura-precision,readability,justext,trafilatura+cleantext")
    ap.add_argument("--mode", default="balanced")
    ap.add_argument("--limit", type=int, default=None, help="only the first N documents of each set")
    ap.add_argument("--worst", type=int, default=0, help="list the N worst documents of cleantext per set")
    ap.add_argument("--json", type=Path, default=None, help="write the figures (and cleantext's outputs) here")
    args = ap.parse_args(argv)

    tools = make_tools([t for t in args.tools.split(",") if t], args.mode)
    report: dict[str, Any] = {}
    for set_name in [s for s in args.sets.split(",") if s]:
        if set_name not in SETS:
            raise SystemExit(f"unknown set {set_name!r}; known: {', '.join(SETS)}")
        try:
            docs = list(SETS[set_name](args.eval))
        except FileNotFoundError as exc:
            print(f"# skipping {set_name}: {exc}", file=sys.stderr)
            continue
        if args.limit:
            docs = docs[: args.limit]
        print(f"\n== {set_name} ({len(docs)} docs)")
        print(f"{'tool':24} {'P':>6} {'R':>6} {'F1':>6} {'leak':>5} {'capt%':>6} {'title':>6} {'author':>6} {'date':>6} {'docs/s':>7}")
        report[set_name] = {}
        for name, fn in tools.items():
            t0 = time.perf_counter()
            outs = []
            for d in docs:
                try:
                    outs.append(fn(d.html))
                except Exception as exc:  # a peer failing on a page scores as empty output
                    print(f"# {name} failed on {d.id}: {type(exc).__name__}: {exc}", file=sys.stderr)
                    outs.append(Out(""))
            dt = time.perf_counter() - t0
            res = score(set_name, docs, outs)
            res["docs/s"] = len(docs) / dt if dt else 0.0
            perdoc = res.pop("_perdoc", None)
            report[set_name][name] = res

            def f(k: str, fmt: str = "{:.3f}") -> str:
                v = res.get(k)
                return "-" if v is None else fmt.format(v)

            print(f"{name:24} {f('P'):>6} {f('R'):>6} {f('F1'):>6} {f('leak', '{}'):>5} {f('capt%', '{:.1f}'):>6} "
                  f"{f('title'):>6} {f('author'):>6} {f('date'):>6} {f('docs/s', '{:.1f}'):>7}", flush=True)
            if name == "cleantext" and args.worst and perdoc:
                for did, p, r in sorted(perdoc, key=lambda x: 2 * x[1] * x[2] / (x[1] + x[2] + 1e-9))[: args.worst]:
                    print(f"    worst {did}: P={p:.2f} R={r:.2f}")
            if name == "cleantext" and args.json:
                report[set_name]["_cleantext_outputs"] = {d.id: o.text for d, o in zip(docs, outs)}
    if args.json:
        args.json.write_text(json.dumps(report, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
