"""The authors of an HTML page: a cascade of sources, each cleaned, the first with a name wins.

1. JSON-LD ``author`` of the article: an object, an array, a string, or a reference
   (``{"@id": ".../#/schema/person/1"}``) to a ``Person`` node elsewhere in the page's graph;
2. ``<meta>`` tags (``author``, ``article:author``, ``dc.creator``, ``parsely-author``...);
3. elements: ``itemprop=author`` (its ``itemprop=name``), ``rel=author`` links, the ``fn`` of an
   hCard author (``<span class="author vcard">``), elements whose class names an author
   (``author-name``, ``authorName``, ``byline__author``...), then a ``byline`` element;
4. an ``"authors"`` key in the page's JSON state (``"authors": ["Ann Lee"]``).

Elements in comments, sidebars or lists of other stories do not count. A candidate is kept only
if it reads as a name: no URL, no e-mail or social handle (``@ann``, ``ann.lee``,
``annlee78``), not the site's or publisher's name, not a bare "Staff" or "Admin"; a byline
word before it ("By", "Posted by", "Veröffentlicht von") and an organisation after a dash or a
comma that names the publisher are cut off.
"""

from __future__ import annotations

import html as _html
import re
from collections.abc import Callable
from typing import Any

from ._nocase import NoCase

__all__ = ["page_authors", "clean_names"]

Element = Any

_PREFIX = re.compile(
    r"^\s*(?:[|\u2013\u2014\-:·•,]\s*)*(?:(?:written|posted|published|reviewed|edited|submitted|story|words|text|"
    r"veröffentlicht|geschrieben|verfasst|publicado|escrito|publié|écrit|scritto|pubblicato)\s+)?"
    r"(?:by|von|por|par|di|door|av|przez)\b\s*[:\-]?\s*|^\s*(?:authors?|autor(?:in|en|a|es)?|auteurs?|autore)\s*[:\-]\s*",
    re.I,
)
_SPLIT = re.compile(r"\s*(?:,|;|\band\b|&|\bund\b|\by\b|\bet\b)\s*")
_CUT = re.compile(r"\s+[|\u2013\u2014]\s+|\s+-\s+|\s+\bon\b\s+\w+\s+\d|\b(?:Updated|Published|Posted|Veröffentlicht|Aktualisiert)\b")
_JUNK = re.compile(
    r"^(?:staff|admin|administrator|editor|editors|redaktion|team|guest|anonymous|unknown|author|user|"
    r"wordpressadmin|webmaster|the author|by|von|none|null|undefined)$",
    re.I,
)
_HANDLE = re.compile(r"^@|\S+@\S+|^\S*[._]\S*$|\d")


def _norm(s: str) -> str:
    return re.sub(r"[^\w]", "", s).casefold()


def clean_names(text: str, orgs: tuple[str, ...] = (), split: bool = True) -> list[str]:
    """The names in ``text``, without byline words, handles and organisations.

    >>> clean_names("Posted by Ann Lee and Bo Chan")
    ['Ann Lee', 'Bo Chan']
    >>> clean_names("Veröffentlicht vonChris Jung")
    ['Chris Jung']
    >>> clean_names("David Jackson - FullStack Editorial Team")
    ['David Jackson']
    >>> clean_names("Manoj Jain and Bo Chan, The Commercial Appeal", orgs=("The Commercial Appeal",))
    ['Manoj Jain', 'Bo Chan']
    >>> clean_names("Maria &amp; Katerina", split=False)
    ['Maria & Katerina']
    >>> clean_names("andrew.keaveney"), clean_names("Staff"), clean_names("https://x.example/ann")
    ([], [], [])
    >>> clean_names("By | Ann Lee | Staff Writer"), clean_names("Perry Bacon Jr."), clean_names("Jean Aufranc (CNX)")
    (['Ann Lee'], ['Perry Bacon Jr.'], ['Jean Aufranc (CNX)'])
    """
    t = " ".join(_html.unescape(text).split())
    if not t or re.search(r"https?:|www\.", t):
        return []
    t = re.sub(r"^((?:Veröffentlicht|Geschrieben|Posted|Written)\s+von|by)(?=[A-ZÀ-Þ])", "", t, flags=re.I)
    t = _PREFIX.sub("", t)
    t = _CUT.split(t)[0]
    parts = _SPLIT.split(t) if split else [t]
    orgset = {_norm(o) for o in orgs if o}
    out: list[str] = []
    for p in parts:
        p = p.strip(" ,:;|-\u2013\u2014\"'")
        if p.count("(") != p.count(")"):
            p = p.strip("()")
        if not p or len(p) > 60 or len(p.split()) > 5:
            continue
        if _JUNK.match(p) or _HANDLE.search(p) and not (" " in p and not re.search(r"\d|@", p)):
            continue
        if _norm(p) in orgset or not any(ch.isalpha() for ch in p):
            continue
        out.append(p)
    return list(dict.fromkeys(out))


# -- sources ------------------------------------------------------------------------------------

_AUTHOR_CLASS = re.compile(
    r"(?:^|[\s_-])(?:author|authors|author-?name|author_name|authorname|the-author|post-author|entry-author|"
    r"article-author|byline-?author|byline__author|byline-name|contributor|writer|autor|auteur)(?:$|[\s_-]|__)",
    re.I,
)
_AUTHOR_WORD = re.compile("author|byline|contributor|writer|autor|auteur")  # on the lower-cased class
_SCRIPT_AUTHORS = re.compile(r'"(?:authors?|authorName|author_name|article_author)"\s*:\s*(\[\s*"[^"\]]{2,80}"|"[^"]{2,80}")')


def _text(el: Element) -> str:
    """An element's text with its pieces kept apart: "<b>Ann Lee</b><i>Writer</i>" is two pieces."""
    return " | ".join(p for p in (" ".join(t.split()) for t in el.itertext()) if p)


def _ld_names(v: object, persons: dict[str, str], limit: int = 10) -> list[str]:
    out: list[str] = []
    items = v if isinstance(v, list) else [v]
    for a in items[:limit]:
        if isinstance(a, dict):
            name = a.get("name")
            if isinstance(name, list):
                name = name[0] if name else None
            if not name and isinstance(a.get("@id"), str):
                name = persons.get(a["@id"])
            a = name
        if isinstance(a, str) and a.strip():
            out.append(a)
    return out


def page_authors(
    root: Element,
    props: dict[str, str],
    ld_author: object,
    persons: dict[str, str],
    orgs: tuple[str, ...],
    skipped: Callable[[Element], bool],
) -> list[str]:
    """The page's authors (see the module's docstring for the order of the sources)."""
    for raw in _ld_names(ld_author, persons):
        names = [n for r in [raw] for n in clean_names(r, orgs)]
        if names:
            return _all_ld(ld_author, persons, orgs)
    for key in ("author", "article:author", "dc.creator", "dcterms.creator", "sailthru.author", "parsely-author",
                "byl", "article:author_name", "shareaholic:article_author_name", "cxenseparse:author"):
        v = props.get(key)
        if v:
            names = clean_names(v, orgs)
            if names:
                return names
    by_prop, by_rel, by_class, bylines = _author_elements(root)
    for el in by_prop:
        if skipped(el):
            continue
        sub = el.find('.//*[@itemprop="name"]')
        name = (sub.get("content") or _text(sub)) if sub is not None else (el.get("content") or _text(el))
        names = clean_names(name or "", orgs) if name and len(name.split()) <= 8 else []
        if names:
            return names
    for el in by_rel[:20]:
        if skipped(el):
            continue
        names = clean_names(_text(el), orgs) if len(_text(el).split()) <= 8 else []
        if names:
            return names
    n = 0
    for el in by_class:
        n += 1
        if n > 30:
            break
        text = _text(el)
        if not text or len(text.split()) > 8 or skipped(el):
            continue
        names = clean_names(text, orgs)
        if names:
            return names
    for el in bylines[:3]:
        text = _text(el)
        if 0 < len(text.split()) <= 12 and not skipped(el):
            names = clean_names(text, orgs)
            if names:
                return names
    for node in root.iter("script"):
        text = node.text
        if not text or len(text) > 2_000_000 or '"author' not in text and '"article_author' not in text:
            continue
        for m in _SCRIPT_AUTHORS.finditer(text):
            vals = re.findall(r'"([^"]{2,80})"', m[1])[:5]
            names = [x for v in vals for x in clean_names(v, orgs, split=False)]
            if names:
                return names
    return []


_XML_SPACE = str.maketrans("\t\n\r", "   ")
_NOT_AUTHOR_TAGS = frozenset(("script", "style", "meta", "head", "html", "body", "img"))
_NOT_AUTHOR_CLASS = NoCase(r"bio|avatar|image|photo|img|desc|about|social|title")


def _has_word(value: str | None, word: str) -> bool:
    """XPath's ``contains(concat(" ", normalize-space(value), " "), " word ")``: ``word`` is one
    of the words of ``value`` split at XML white space."""
    return value is not None and word in value and word in value.translate(_XML_SPACE).split(" ")


def _author_elements(root: Element) -> tuple[list[Element], list[Element], list[Element], list[Element]]:
    """The elements that may name the author, in page order, found in one pass over the page:
    ``itemprop=author``; ``rel=author`` links and the ``fn`` of an hCard (``vcard``); elements
    whose class names an author; ``byline`` elements. (The descendants of ``root``, as ``.//``
    finds them; the class test also sees ``root``, which its tag always excludes.)"""
    by_prop: list[Element] = []
    by_rel: list[Element] = []
    by_class: list[Element] = []
    bylines: list[Element] = []
    said: dict[str, tuple[bool, bool, bool]] = {}  # class -> (has fn, has byline, names an author)
    for el in root.iter():
        tag = el.tag
        if tag.__class__ is not str:
            continue
        cls = el.get("class")
        if cls:
            says = said.get(cls)
            if says is None:
                low = cls.lower()  # a substring test first: the pattern runs on few classes
                says = said[cls] = (
                    "fn" in cls and _has_word(cls, "fn"),
                    "byline" in cls and _has_word(cls, "byline"),
                    _AUTHOR_WORD.search(low) is not None and _AUTHOR_CLASS.search(cls) is not None
                    and not _NOT_AUTHOR_CLASS.search(cls),
                )
            fn, byline, author = says
        else:
            fn = byline = author = False
        if el is not root:
            if el.get("itemprop") == "author":
                by_prop.append(el)
            rel = el.get("rel")
            if rel is not None and (rel == "author" or tag == "a" and _has_word(rel, "author")):
                by_rel.append(el)
            elif fn:
                for a in el.iterancestors():
                    if a is root:
                        break
                    if _has_word(a.get("class"), "vcard"):
                        by_rel.append(el)
                        break
            if byline or tag == "byline":
                bylines.append(el)
        if author and tag not in _NOT_AUTHOR_TAGS:
            by_class.append(el)
    return by_prop, by_rel, by_class, bylines


def _all_ld(ld_author: object, persons: dict[str, str], orgs: tuple[str, ...]) -> list[str]:
    out: list[str] = []
    for raw in _ld_names(ld_author, persons):
        out.extend(clean_names(raw, orgs))
    return list(dict.fromkeys(out))
