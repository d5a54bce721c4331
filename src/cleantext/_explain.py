"""Showing a cleaning run to a person: the document with its removals marked.

:func:`render_terminal` marks the removed parts in place, with the category beside each, in
colour for a terminal or with plain ``[-category: text-]`` markers for a pipe.
:func:`render_html` writes one self-contained page (no external assets, no script) showing the
original of each document with every removal highlighted in its category's colour, a legend,
the reason on hover, and the metadata and captions beside it.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ._result import CATEGORIES, Result

__all__ = ["COLOURS", "render_terminal", "render_html"]

#: One colour per category: (HTML colour, xterm-256 colour number).
COLOURS: Mapping[str, tuple[str, int]] = {
    "title": ("#9ecae1", 117),
    "byline": ("#fdd0a2", 215),
    "dateline": ("#fdae6b", 208),
    "caption": ("#a1d99b", 114),
    "donation": ("#fcbba1", 210),
    "newsletter": ("#bcbddc", 147),
    "subscription": ("#dadaeb", 183),
    "advertisement": ("#fc9272", 203),
    "social": ("#c6dbef", 153),
    "related": ("#e5f5e0", 157),
    "source_notice": ("#fee391", 221),
    "legal": ("#d9d9d9", 250),
    "author_bio": ("#fdbf6f", 214),
    "comments": ("#cab2d6", 182),
    "ui": ("#bdbdbd", 248),
    "duplicate": ("#f4a6d7", 218),
    "site_template": ("#80cdc1", 80),
}

_RESET = "\x1b[0m"


def _spans(removed: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    return sorted(removed, key=lambda r: (int(r["start"]), int(r["end"])))


def render_terminal(result: Result, colour: bool) -> str:
    """The original with each removal marked and its category beside it."""
    return _terminal(result.original, result.to_dict(), colour)


def _terminal(original: str, d: Mapping[str, Any], colour: bool) -> str:
    out: list[str] = []
    md = d["metadata"]
    head = []
    if md.get("title"):
        head.append(f"title:     {md['title']}")
    if md.get("authors"):
        head.append(f"authors:   {', '.join(md['authors'])}")
    if md.get("published"):
        head.append(f"published: {md['published']}")
    for c in md.get("captions", []):
        credit = f"  [credit: {c['credit']}]" if c.get("credit") else ""
        head.append(f"caption:   {c['text']}{credit}")
    if head:
        dim = "\x1b[2m" if colour else ""
        out.append(dim + "\n".join(head) + (_RESET if colour else "") + "\n\n")
    pos = 0
    for r in _spans(d.get("removed", [])):
        s, e, cat = int(r["start"]), int(r["end"]), str(r["category"])
        out.append(original[pos:s])
        text = original[s:e]
        if colour:
            code = COLOURS.get(cat, ("", 250))[1]
            out.append(f"\x1b[9;38;5;{code}m{text}{_RESET}\x1b[1;38;5;{code}m \u2039{cat}\u203a{_RESET}")
        else:
            out.append(f"[-{cat}: {text}-]")
        pos = e
    out.append(original[pos:])
    body = "".join(out).rstrip("\n")
    n = len(d.get("removed", []))
    tail = [f"\n\n{n} removal{'s' if n != 1 else ''} ({d.get('mode', 'balanced')} mode)"]
    for w in d.get("warnings", []):
        tail.append(f"\nwarning: {w}")
    return body + "".join(tail)


_CSS = """
:root { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #222; }
body { margin: 0; background: #f6f6f3; }
header { padding: 14px 24px; background: #263238; color: #fff; }
header h1 { font-size: 18px; margin: 0 0 8px; }
.legend { display: flex; flex-wrap: wrap; gap: 6px; }
.legend span { font-size: 12px; padding: 2px 8px; border-radius: 10px; color: #111; }
.doc { display: grid; grid-template-columns: minmax(0, 3fr) minmax(220px, 1fr); gap: 18px;
       margin: 18px 24px; }
.doc > h2 { grid-column: 1 / -1; font-size: 15px; margin: 0; color: #455a64; }
.text { background: #fff; padding: 16px 20px; border: 1px solid #ddd; border-radius: 4px;
        white-space: pre-wrap; overflow-wrap: anywhere; line-height: 1.55; font-size: 15px; }
.text mark { color: #222; border-radius: 2px; padding: 0 1px; cursor: help; position: relative; }
.text mark .cat { font-size: 10px; font-weight: 600; text-transform: uppercase; margin-left: 4px;
                  padding: 0 4px; border-radius: 6px; background: rgba(255,255,255,.7); }
.text mark:hover { outline: 2px solid #263238; }
.text mark .why { display: none; position: absolute; left: 0; top: 100%; z-index: 5; width: 360px;
                  white-space: normal; background: #263238; color: #fff; font-size: 12px;
                  padding: 6px 8px; border-radius: 4px; line-height: 1.35; }
.text mark:hover .why { display: block; }
aside { background: #fff; border: 1px solid #ddd; border-radius: 4px; padding: 12px 14px;
        font-size: 13px; align-self: start; position: sticky; top: 8px; }
aside h3 { font-size: 13px; margin: 10px 0 4px; color: #455a64; }
aside h3:first-child { margin-top: 0; }
aside dl { margin: 0; display: grid; grid-template-columns: auto 1fr; gap: 2px 8px; }
aside dt { color: #666; } aside dd { margin: 0; overflow-wrap: anywhere; }
aside ul { margin: 0; padding-left: 18px; }
.warn { color: #b71c1c; }
.counts td { padding: 0 6px 0 0; }
nav { margin: 10px 24px 0; font-size: 13px; }
nav a { margin-right: 10px; }
"""


def _e(s: object) -> str:
    return html.escape(str(s), quote=True)


def render_html(docs: Sequence[Mapping[str, Any]], title: str = "cleantext: what was removed", note: str = "") -> str:
    """A self-contained page: each doc is ``{"name", "original", "result": Result.to_dict()}``."""
    used = sorted({str(r["category"]) for d in docs for r in d["result"].get("removed", [])})
    legend_cats = used or list(CATEGORIES)
    parts = [
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">",
        f"<title>{_e(title)}</title>",
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
        f"<style>{_CSS}</style></head><body>",
        f"<header><h1>{_e(title)}</h1><div class=\"legend\" id=\"legend\">",
    ]
    for cat in legend_cats:
        parts.append(f"<span class=\"c-{cat}\" style=\"background:{COLOURS.get(cat, ('#ccc', 0))[0]}\">{_e(cat)}</span>")
    parts.append("</div>")
    if note:
        parts.append(f"<p style=\"font-size:12px;margin:8px 0 0\">{_e(note)}</p>")
    parts.append("</header>")
    if len(docs) > 1:
        parts.append("<nav>" + "".join(f"<a href=\"#doc{i}\">{_e(d['name'])}</a>" for i, d in enumerate(docs)) + "</nav>")
    for i, d in enumerate(docs):
        parts.append(_doc_html(i, d))
    parts.append("</body></html>\n")
    return "".join(parts)


def _doc_html(i: int, d: Mapping[str, Any]) -> str:
    original: str = d["original"]
    res: Mapping[str, Any] = d["result"]
    out = [f"<section class=\"doc\" id=\"doc{i}\"><h2>{_e(d['name'])}</h2><div class=\"text\">"]
    pos = 0
    for r in _spans(res.get("removed", [])):
        s, e, cat = int(r["start"]), int(r["end"]), str(r["category"])
        out.append(_e(original[pos:s]))
        why = f"{cat} \u00b7 {r['filter']}/{r['rule']} ({float(r['confidence']):.2f}): {r['evidence']}"
        colour = COLOURS.get(cat, ("#ccc", 0))[0]
        out.append(
            f"<mark class=\"rm c-{cat}\" data-category=\"{_e(cat)}\" style=\"background:{colour}\" title=\"{_e(why)}\">"
            f"{_e(original[s:e])}<span class=\"cat\">{_e(cat)}</span><span class=\"why\">{_e(why)}</span></mark>"
        )
        pos = e
    out.append(_e(original[pos:]))
    out.append("</div><aside>")
    md = res.get("metadata", {})
    out.append("<h3>Metadata</h3><dl>")
    for key in ("title", "authors", "published", "language", "site_name", "url", "description"):
        v = md.get(key)
        if isinstance(v, list):
            v = ", ".join(v)
        if v:
            out.append(f"<dt>{_e(key)}</dt><dd>{_e(v)}</dd>")
    out.append("</dl>")
    caps = md.get("captions", [])
    if caps:
        out.append("<h3>Captions</h3><ul>")
        for c in caps:
            credit = f" <em>({_e(c['credit'])})</em>" if c.get("credit") else ""
            out.append(f"<li>{_e(c['text'])}{credit}</li>")
        out.append("</ul>")
    counts: dict[str, int] = {}
    for r in res.get("removed", []):
        counts[str(r["category"])] = counts.get(str(r["category"]), 0) + int(r["end"]) - int(r["start"])
    n = len(res.get("removed", []))
    out.append(f"<h3>Removed ({n}, {res.get('mode', 'balanced')} mode)</h3><table class=\"counts\">")
    total = max(1, len(original))
    for cat, chars in sorted(counts.items(), key=lambda kv: -kv[1]):
        out.append(f"<tr><td><span style=\"background:{COLOURS.get(cat, ('#ccc', 0))[0]}\">&nbsp;&nbsp;&nbsp;</span> {_e(cat)}</td>"
                   f"<td>{chars} chars ({chars / total:.0%})</td></tr>")
    out.append("</table>")
    warns = res.get("warnings", [])
    if warns:
        out.append("<h3>Warnings</h3><ul>" + "".join(f"<li class=\"warn\">{_e(w)}</li>" for w in warns) + "</ul>")
    out.append("</aside></section>")
    return "".join(out)
