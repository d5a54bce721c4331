"""The publication date of an HTML page: a cascade from the most explicit source to the least.

1. JSON-LD ``datePublished`` of the article (``@graph`` arrays included), then its ``dateCreated``;
2. ``<meta>`` tags that say "published" (``article:published_time``, ``publish-date``,
   ``parsely-pub-date``, ``itemprop=datePublished``...), then generic ones (``date``,
   ``dc.date``, ``sailthru.date``, ``dcterms.created``...); keys that say modified, updated,
   expires or revised never count here;
3. an element marked as the publication date: ``itemprop=datePublished``, ``<time pubdate>``,
   a class such as ``published`` or ``publish-date`` (its ``datetime``, ``content`` or
   ``title`` attribute, else its text);
4. the same keys in a page's JSON state (``"publishedDate": "2021-03-04"`` in a script);
5. ``<time>`` elements and elements whose class names a date (``date``, ``posted-on``,
   ``entry-meta``...), outside comments, navigation and footers, in page order;
6. a date in the short lines just after the headline (a byline such as "Ann Lee - May 3, 2024");
7. a date in the page's URL (``/2019/05/03/``);
8. last, the modified date the page states (JSON-LD ``dateModified``, ``article:modified_time``).

A line or element that says "updated" or "modified" only counts in step 8's tier. Values come out
in ISO 8601 (:func:`to_iso`): a date alone when the page gives a date alone, the time and its
offset when the page states them; nothing is invented.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

import lxml.etree as etree  # type: ignore[import-untyped]

from ._dates import find_date
from ._nocase import NoCase

__all__ = ["to_iso", "page_date", "skip_checker"]

Element = Any

_ISO = re.compile(
    r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})"
    r"(?:[T ]\s*(\d{1,2}):(\d\d)(?::(\d\d))?(?:[.,]\d+)?\s*(Z|[+-]\d\d(?::?\d\d)?|UTC|GMT)?)?(?![\d:])"
)
_HAS_TIME = re.compile(r"\d:\d\d")
_NUMERIC = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b")


def _ok_year(y: int) -> bool:
    return 1900 <= y <= dt.date.today().year + 1


def to_iso(value: str | None) -> str | None:
    """A stated date or date-time in ISO 8601, or ``None`` when it is not one.

    >>> to_iso("2024-05-09 00:00:00 +0000")
    '2024-05-09T00:00:00+00:00'
    >>> to_iso("2023-11-02T08:00:00Z")
    '2023-11-02T08:00:00Z'
    >>> to_iso("July 17, 2025")  # no time stated: none is added
    '2025-07-17'
    >>> to_iso("Tue, 25 Nov 2025 5:00:00 PST")
    '2025-11-25T05:00:00-08:00'
    >>> to_iso("23/12/2025"), to_iso("11/01/2023"), to_iso("02-12-2025")  # ambiguous with dashes: no guess
    ('2025-12-23', '2023-11-01', None)
    >>> to_iso("soon") is None
    True
    """
    if not value:
        return None
    v = " ".join(value.split())[:200]
    m = _ISO.match(v)
    if m:
        y, mo, d = int(m[1]), int(m[2]), int(m[3])
        try:
            date = dt.date(y, mo, d)
        except ValueError:
            return None
        if not _ok_year(y):
            return None
        if m[4] is None:
            return date.isoformat()
        h, mi, s = int(m[4]), int(m[5]), int(m[6] or 0)
        if h > 23:
            return date.isoformat()
        out = f"{date.isoformat()}T{h:02d}:{mi:02d}:{s:02d}"
        z = m[7]
        if z in ("Z",):
            return out + "Z"
        if z in ("UTC", "GMT"):
            return out + "+00:00"
        if z:
            digits = z[1:].replace(":", "")
            digits = digits if len(digits) == 4 else digits[:2] + "00"
            return f"{out}{z[0]}{digits[:2]}:{digits[2:]}"
        return out
    n = _NUMERIC.match(v)
    if n and "." not in v[: n.end()]:  # 13.03.2020 is day first everywhere: find_date reads it
        a, b, y = int(n[1]), int(n[2]), int(n[3])
        # 23/12/2025 can only be day first; 03/13/2020 and 11/01/2023 are month first (the US
        # order, as find_date reads them); 02-12-2025 with dashes is too often day first to guess
        if a > 12 and b <= 12:
            a, b = b, a
        elif a <= 12 and b <= 12 and "/" not in v[: n.end()]:
            return None
        try:
            date = dt.date(y, a, b)
        except ValueError:
            return None
        if not _ok_year(y):
            return None
        t = find_date(date.isoformat() + v[n.end() :][:40])
        return t.iso if t is not None and t.start == 0 else date.isoformat()
    f = find_date(v)
    if f is not None and _ok_year(int(f.iso[:4])):
        return f.iso
    if not _HAS_TIME.search(v) and not re.search(r"\d{4}", v):
        return None
    import warnings

    from dateutil import parser as dparser

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            when: dt.datetime = dparser.parse(v, fuzzy=False)
    except (ValueError, OverflowError, TypeError):
        return None
    if not _ok_year(when.year):
        return None
    return when.isoformat() if _HAS_TIME.search(v) else when.date().isoformat()


# -- <meta> keys --------------------------------------------------------------------------------

_META_PUBLISHED = (
    "article:published_time", "og:published_time", "og:article:published_time", "datepublished",
    "article:published", "published_time", "published-time", "publish-date", "publish_date",
    "publishdate", "published", "published-date", "published_date", "pubdate", "pub-date",
    "parsely-pub-date", "article.published", "article_date_original", "original-publish-date",
    "originalpublicationdate", "dcterms.issued", "dc.date.issued", "citation_publication_date",
    "citation_date", "cxenseparse:recs:publishtime", "publication_date", "release_date",
)
_META_GENERIC = (
    "date", "dc.date", "dcterms.date", "dc.date.created", "dcterms.created", "sailthru.date",
    "datecreated", "created", "creation_date", "article.created", "timestamp",
)
_META_MODIFIED = (
    "article:modified_time", "og:updated_time", "datemodified", "dcterms.modified", "last-modified",
    "dc.date.modified", "modified", "lastmod",
)
_NOT_PUBLISHED = re.compile(r"publisher|modif|updat|expir|revis|edit|lastmod|end|start|valid|event|birth|copyright|review", re.I)
_PUBLISH_KEY = re.compile(r"publi(?:sh|cation)|pub[-_.]?date|pubtime|firstpub", re.I)


def _meta_published(props: dict[str, str]) -> str | None:
    for key in _META_PUBLISHED:
        iso = to_iso(props.get(key))
        if iso:
            return iso
    # any other key that says "published" (a CMS's own name: w-published-date, article:publish...)
    for key, val in props.items():
        if _PUBLISH_KEY.search(key) and not _NOT_PUBLISHED.search(key):
            iso = to_iso(val)
            if iso:
                return iso
    for key in _META_GENERIC:
        iso = to_iso(props.get(key))
        if iso:
            return iso
    for key, val in props.items():
        if re.search(r"(?:^|[:._-])date$", key) and not _NOT_PUBLISHED.search(key):
            iso = to_iso(val)
            if iso:
                return iso
    return None


def _meta_modified(props: dict[str, str]) -> str | None:
    for key in _META_MODIFIED:
        iso = to_iso(props.get(key))
        if iso:
            return iso
    return None


# -- page elements ------------------------------------------------------------------------------

_SKIP_ANCESTOR = NoCase(
    r"comment|disqus|repl(?:y|ies)|related|recommend|more-?stories|popular|trending|sidebar|"
    r"breadcrumb|\bnav|menu"
)
_SKIP_TAGS = frozenset(("nav", "head", "script", "style", "noscript", "template", "select", "option"))
_PAGE_TAGS = frozenset(("html", "body", "main", "article"))
_PUB_CLASS = NoCase(r"publish|pubdate|pub-date|date-?created|created|posted|submitted|entry-date|post-date|article-?date|story-?date")
_DATE_CLASS = NoCase(r"date|time|datum|fecha|dateline|byline|meta|submitted|posted|stamp")
_UPDATED = re.compile(r"updat|modif|aktualisiert|actualizado|mis à jour|edited|revised|\bstand\b", re.I)
_SCRIPT_KEYS = re.compile(
    r'"(?:datePublished|publishedDate|publishDate|published_at|publishedAt|publicationDate|'
    r'firstPublished(?:At|Date)?|pubDate|publish_date|published_date|date_published)"\s*:\s*"([^"]{8,40})"'
)
# the length of an element's text (``"".join(el.itertext())``), counted in C
_TEXT_LEN = etree.XPath("string-length(.)")
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-]([01]?\d)[/-]([0-3]?\d)(?:[/-]|$)|/((?:19|20)\d\d)([01]\d)([0-3]\d)/")


def _skipped(el: Element, cache: dict[Element, bool]) -> bool:
    """Whether ``el`` lies in comments, navigation, a sidebar or a list of other stories.

    An element that holds the headline is a wrapper of the page, whatever its class says (a
    "layout-with-sidebar" column); ``cache`` maps the headline's ancestors to ``False`` first.
    """
    path = []
    a = el
    verdict = False
    while a is not None:
        if a in cache:
            verdict = cache[a]
            break
        path.append(a)
        tag = a.tag
        if isinstance(tag, str):
            if tag in _SKIP_TAGS:
                verdict = True
                break
            # the class list of the page, the main column or the story describes the page (a
            # "has-sidebar" body), not the place of the element
            cid = "" if tag in _PAGE_TAGS else f"{a.get('class') or ''} {a.get('id') or ''}"
            if cid.strip() and _SKIP_ANCESTOR.search(cid):
                verdict = True
                break
        a = a.getparent()
    for p in path:
        cache[p] = verdict
    return verdict


def _own_text(el: Element) -> str:
    return " ".join("".join(el.itertext()).split())


def _el_date(el: Element) -> tuple[str | None, bool]:
    """The date an element states, and whether it says it is an update."""
    for attr in ("datetime", "content", "title", "data-date", "data-datetime"):
        v = el.get(attr)
        if v:
            iso = to_iso(v)
            if iso:
                text = _own_text(el)[:80]
                return iso, bool(_UPDATED.search(f"{el.get('class') or ''} {el.get('itemprop') or ''} {text}"))
    text = _own_text(el)
    if not text or len(text) > 160:
        return None, False
    f = find_date(text)
    if f is None or not _ok_year(int(f.iso[:4])):
        return None, False
    # the words before the date say what it is ("Updated May 3", "Published May 3")
    before = text[: f.start]
    label = f"{el.get('class') or ''} {el.get('itemprop') or ''} {before}"
    prev = el.getprevious()
    if prev is not None and isinstance(prev.tag, str) and not before.strip():
        label += " " + _own_text(prev)[:40]
    upd = bool(_UPDATED.search(label)) and not re.search(r"publi|posted|veröffentlicht", before, re.I)
    return f.iso, upd


def _marked(root: Element, cache: dict[Element, bool]) -> tuple[str | None, str | None, str | None]:
    """Dates from elements: (marked as published, any date-like element, an updated one)."""
    marked = generic = updated = None
    n = 0
    by_class: dict[str, tuple[bool, bool]] = {}  # class and id -> (says published, says date)
    for el in root.iter():
        tag = el.tag
        if tag.__class__ is not str or tag in _SKIP_TAGS:
            continue
        ip = (el.get("itemprop") or "").lower()
        cid = f"{el.get('class') or ''} {el.get('id') or ''}"
        says = by_class.get(cid)
        if says is None:
            if cid.strip():
                says = (_PUB_CLASS.search(cid) and not _UPDATED.search(cid), _DATE_CLASS.search(cid))
            else:
                says = (False, False)
            by_class[cid] = says
        is_pub = ip in ("datepublished", "datecreated") or el.get("pubdate") is not None or says[0]
        is_date = tag == "time" or ip == "datemodified" or says[1]
        if not (is_pub or is_date) or tag == "meta" and not ip:
            continue
        n += 1
        if n > 400:
            break
        if _skipped(el, cache):
            continue
        iso, upd = _el_date(el)
        if iso is None:
            continue
        upd = upd or ip == "datemodified"
        if upd:
            updated = updated or iso
        elif is_pub:
            return iso, generic, updated
        elif generic is None:
            generic = iso
    return marked, generic, updated


def _after_headline(root: Element, cache: dict[Element, bool]) -> tuple[str | None, str | None]:
    """A date in the short lines that follow the first headline (a byline, a dateline)."""
    h1 = next((h for h in root.iter("h1") if _own_text(h)), None)
    if h1 is None:
        return None, None
    seen = 0
    updated = None
    started = False
    for el in root.iter():
        if el is h1:
            started = True
            continue
        if not started or not isinstance(el.tag, str) or el.tag in _SKIP_TAGS:
            continue
        if h1 in el.iterancestors():
            continue
        text = " ".join((el.text or "").split())
        if not text:
            continue
        seen += len(text)
        if seen > 600:
            break
        if len(text) > 160 or _skipped(el, cache):
            continue
        f = find_date(text)
        if f is None or not _ok_year(int(f.iso[:4])):
            continue
        before = text[: f.start]
        prev = el.getprevious()
        label = before + (" " + _own_text(prev)[:40] if prev is not None and not before.strip() else "")
        if _UPDATED.search(label) and not re.search(r"publi|posted", before, re.I):
            updated = updated or f.iso
            continue
        return f.iso, updated
    return None, updated


def _url_date(url: str | None) -> str | None:
    if not url:
        return None
    m = _URL_DATE.search(url)
    if m is None:
        return None
    y, mo, d = (m[1], m[2], m[3]) if m[1] else (m[4], m[5], m[6])
    try:
        date = dt.date(int(y), int(mo), int(d))
    except ValueError:
        return None
    return date.isoformat() if _ok_year(date.year) else None


def _headline_cache(root: Element) -> dict[Element, bool]:
    """The headline, the largest <article> or <main> and their ancestors: never skipped."""
    cache: dict[Element, bool] = {}
    h1 = next((h for h in root.iter("h1") if _own_text(h)), None)
    big = max(list(root.iter("article", "main"))[:20], key=_TEXT_LEN, default=None)
    for el in (h1, big):
        if el is not None:
            cache[el] = False
            for a in el.iterancestors():
                cache[a] = False
    return cache


def skip_checker(root: Element) -> Callable[[Element], bool]:
    """A test of whether an element lies in comments, navigation, a sidebar or a related list.

    The headline cache is built on the first call (most pages never need one).
    """
    cache: dict[Element, bool] = {}

    def check(el: Element) -> bool:
        if not cache:
            cache.update(_headline_cache(root))
            cache.setdefault(root, False)
        return _skipped(el, cache)

    return check


def page_date(
    root: Element, props: dict[str, str], ld: dict[str, str | None], url: str | None
) -> str | None:
    """The page's publication date in ISO 8601 (see the module's docstring for the order)."""
    for v in (ld.get("published"), ld.get("created")):
        iso = to_iso(v)
        if iso:
            return iso
    iso = _meta_published(props)
    if iso:
        return iso
    cache = _headline_cache(root)
    marked, generic, updated = _marked(root, cache)
    if marked:
        return marked
    for node in root.iter("script"):
        text = node.text
        if not text or len(text) > 2_000_000:
            continue
        for m in _SCRIPT_KEYS.finditer(text):
            iso = to_iso(m[1])
            if iso and _ISO.match(m[1]):
                return iso
    if generic:
        return generic
    after, upd2 = _after_headline(root, cache)
    if after:
        return after
    iso = _url_date(url)
    if iso:
        return iso
    return to_iso(ld.get("modified")) or _meta_modified(props) or updated or upd2
