"""HTML -> Document: the text of the page's main content, block by block, and its metadata.

A first reader: it drops scripts, styles and page chrome (``nav``, ``header``, ``footer``,
``aside``, ``form``), prefers ``<article>``/``<main>``/``itemprop=articleBody`` when present,
and turns each block-level element into a line. ``Document.text`` is that text view of the page;
the ledger's offsets refer to it. Metadata comes from ``<meta>``, JSON-LD and ``<time>``.
"""

from __future__ import annotations

import json
from typing import Any

from bs4 import BeautifulSoup, Tag
from bs4.element import NavigableString

from ._document import Block, Document

__all__ = ["read_html"]

_DROP = ("script", "style", "noscript", "template", "svg", "nav", "header", "footer", "aside", "form", "iframe")
_BLOCK = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li blockquote pre figcaption figure section article main td th dt dd br tr ul ol table caption".split()
)


def _text_lines(root: Tag) -> list[tuple[str, str, tuple[str, ...]]]:
    """(text, tag, hints) for every block-level run of text under ``root``, in order."""
    out: list[tuple[str, str, tuple[str, ...]]] = []
    buf: list[str] = []
    owner: list[Tag] = [root]

    def flush() -> None:
        text = " ".join("".join(buf).split())
        buf.clear()
        if text:
            el = owner[-1]
            hints = tuple(str(c) for c in (el.get("class") or [])) + ((str(el.get("id")),) if el.get("id") else ())
            out.append((text, el.name or "", hints))

    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:  # iterative: deep nesting must not overflow the stack
        node, closing = stack.pop()
        if closing:
            flush()
            owner.pop()
            continue
        if isinstance(node, NavigableString):
            if type(node) is NavigableString:
                buf.append(str(node))
            continue
        if not isinstance(node, Tag):
            continue
        if node.name in _BLOCK:
            flush()
            owner.append(node)
            stack.append((node, True))
        stack.extend((c, False) for c in reversed(list(node.children)))
    flush()
    return out


def _meta(soup: BeautifulSoup) -> dict[str, object]:
    meta: dict[str, object] = {}

    def content(**attrs: Any) -> str | None:
        tag = soup.find("meta", attrs=attrs)
        if isinstance(tag, Tag):
            v = tag.get("content")
            if isinstance(v, str) and v.strip():
                return v.strip()
        return None

    for node in soup.find_all("script", attrs={"type": "application/ld+json"}):
        try:
            data = json.loads(node.get_text())
        except (ValueError, TypeError):
            continue
        items = data if isinstance(data, list) else data.get("@graph", [data]) if isinstance(data, dict) else []
        for item in items:
            if not isinstance(item, dict):
                continue
            if "headline" in item and "title" not in meta and isinstance(item["headline"], str):
                meta["title"] = item["headline"].strip()
            if "datePublished" in item and "published" not in meta and isinstance(item["datePublished"], str):
                meta["published"] = item["datePublished"].strip()
            auth = item.get("author")
            if auth and "authors" not in meta:
                auths = auth if isinstance(auth, list) else [auth]
                names = [a.get("name") if isinstance(a, dict) else a for a in auths]
                meta["authors"] = [n.strip() for n in names if isinstance(n, str) and n.strip()]
    title = content(property="og:title")
    if title and "title" not in meta:
        meta["title"] = title
    if "title" not in meta and soup.title and soup.title.string:
        meta["title"] = soup.title.string.strip()
    pub = content(property="article:published_time")
    if pub and "published" not in meta:
        meta["published"] = pub
    author = content(name="author")
    if author and "authors" not in meta:
        meta["authors"] = [author]
    for key, attrs in (("site_name", {"property": "og:site_name"}), ("description", {"name": "description"}), ("url", {"property": "og:url"})):
        v = content(**attrs)
        if v:
            meta[key] = v
    return meta


def read_html(html: str, language: str | None = None) -> Document:
    """Parse a page and build the Document of its main content."""
    soup = BeautifulSoup(html, "html.parser")
    meta = _meta(soup)
    for el in soup.find_all(_DROP):
        el.decompose()
    root: Tag = soup
    for sel in ("[itemprop=articleBody]", "article", "main"):
        found = soup.select_one(sel)
        if isinstance(found, Tag) and len(found.get_text(" ", strip=True)) > 200:
            root = found
            break
    lines = _text_lines(root)
    parts: list[str] = []
    blocks: list[Block] = []
    pos = 0
    for i, (text, tag_name, hints) in enumerate(lines):
        if parts:
            parts.append("\n\n")
            pos += 2
        blocks.append(Block(i, pos, pos + len(text), text, i, "line", tag_name, hints))
        parts.append(text)
        pos += len(text)
    lang = language
    if lang is None:
        html_tag = soup.find("html")
        if isinstance(html_tag, Tag) and isinstance(html_tag.get("lang"), str):
            lang = str(html_tag.get("lang")).split("-")[0].lower() or None
    return Document(text="".join(parts), blocks=blocks, format="html", language=lang, meta=meta)
