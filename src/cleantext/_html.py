"""HTML -> Document: the text of the page's main content, block by block, and its metadata.

The reader parses with lxml (the C parser that BeautifulSoup's ``lxml`` builder drives, used
directly: building a BeautifulSoup tree took most of the time of a run, see the README), drops
scripts, styles and hidden elements, locates the main content, and turns every block-level
element inside it into a block.

Locating the main content follows Readability: paragraphs give their parent and grandparent a
score (text length and commas), class/id tokens add or subtract, the score is scaled by link
density, and the best candidate is widened to its parent while that parent holds most of the
score; siblings that score well or read like paragraphs are added. An ``itemprop=articleBody``
element, or an ``<article>``, that holds most of the best candidate's text is preferred.

The text view (``Document.text``) is the text of that content: everything inside it, including
the captions, share bars, asides and related lists it holds (the ``structure`` filter and the
text filters judge those, so their removal is in the ledger); page chrome outside it
(navigation, sidebars, footers) is not part of the text view.

Each block carries structure hints: ``Block.tag`` is its element's tag, and ``Block.hints`` the
class/id tokens of the element and of its ancestors inside the content, nearest first
(lower-cased), with ``@tag`` markers for structural ancestors (``@figure``, ``@figcaption``,
``@aside``, ``@form``, ``@nav``, ``@footer``, ``@header``, ``@blockquote``, ``@li``, ``@table``)
and ``@links`` when most of the block's text is link text.

Cost: the page is walked once in Python (``_walk``): the text runs, and per element the text,
link-text and prose lengths summed bottom-up, the class/id candidates ``_unlikely`` judges and
the ``articleBody``/``<article>`` elements; hints are computed afterwards for the runs of the
main content only. Other passes run in lxml's C (``iter(tag)``, ``strip_elements``,
``string-length``). Class and id patterns are searched without ``re.IGNORECASE``
(``cleantext._nocase``), once per distinct value per page.

Robustness: bytes are decoded before (``cleantext._input``); a page nested deeper than the
C parser allows (it stops at 2,048 levels) is rebuilt by a pure-Python builder that flattens
the excess levels, so no text is lost and nothing recurses.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from html.parser import HTMLParser as _PyHTMLParser
from typing import Any

import lxml.etree as etree  # type: ignore[import-untyped]

from ._document import Block, Document
from ._nocase import NoCase
from ._pageauthors import page_authors
from ._pagedate import page_date, skip_checker, to_iso

__all__ = ["read_html", "parse_html", "html_metadata", "decode_html"]

Element = Any  # lxml.etree._Element (lxml ships no type hints)

# -- decoding -----------------------------------------------------------------------------------

_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]{2,40})""", re.I)


def decode_html(data: bytes) -> tuple[str, list[str]] | None:
    """Decode a page: UTF-8 as UTF-8, else with the charset its ``<meta>`` declares.

    ``None`` when the bytes carry a byte-order mark, or are not UTF-8 and declare nothing
    usable: the general rule of :func:`cleantext._input.to_text` then applies (it reads UTF-8
    the same way; the bytes are decoded once). A declared charset that the bytes do not fit is
    used with replacement, and a warning says so.

    >>> decode_html('<meta charset="koi8-r"><p>Привет</p>'.encode("koi8-r"))
    ('<meta charset="koi8-r"><p>Привет</p>', [])
    >>> decode_html('<meta charset="iso-8859-1"><p>café</p>'.encode())  # really UTF-8
    ('<meta charset="iso-8859-1"><p>café</p>', [])
    """
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return None
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    m = _CHARSET.search(data, 0, 4096)
    if m is None:
        return None
    import codecs

    name = m.group(1).decode("ascii").lower()
    try:
        enc = codecs.lookup(name).name
    except LookupError:
        return None
    if enc in ("utf-8", "latin-1", "iso8859-1"):
        return None  # wrong (the bytes are not UTF-8) or the Windows-1252 fallback reads it better
    try:
        return data.decode(enc), []
    except UnicodeDecodeError:
        return data.decode(enc, errors="replace"), [
            f"page declares charset {name!r} but does not fit it; undecodable bytes were replaced with U+FFFD"
        ]


# -- parsing ------------------------------------------------------------------------------------

_XML_DECL = re.compile(r"\A\s*<\?xml[^>]*\?>", re.I)
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_CONTROL_BYTES = bytes(range(0x09)) + b"\x0b\x0c" + bytes(range(0x0e, 0x20))
_MAX_DEPTH = 1000  # levels kept by the fallback builder


def _strip_control(text: str) -> tuple[str, bytes | None]:
    """``text`` without the control characters the parser would turn into U+FFFD, and its
    UTF-8 form (``None`` when it has none: lone surrogates).

    Most pages have none: deleting the control bytes of the UTF-8 form and comparing lengths
    finds that several times faster than searching the pattern (a control character is one
    byte in UTF-8, and no longer sequence holds a byte below 0x80).
    """
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:
        return _CONTROL.sub("", text), None
    if len(data.translate(None, _CONTROL_BYTES)) == len(data) and "\ufffe" not in text and "\uffff" not in text:
        return text, data
    text = _CONTROL.sub("", text)
    return text, text.encode("utf-8")


class _FlatBuilder(_PyHTMLParser):
    """Builds an lxml tree from any markup, folding levels past ``_MAX_DEPTH`` into one."""

    _VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = etree.Element("html")
        self.stack: list[Element] = [self.root]
        self.excess: list[str] = []  # tags opened past the depth limit

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("html",):
            return
        parent = self.stack[-1]
        if len(self.stack) >= _MAX_DEPTH:
            if tag not in self._VOID:
                self.excess.append(tag)
            if tag in _BLOCK_TAGS:
                el = etree.SubElement(parent, "br")
            return
        try:
            el = etree.SubElement(parent, tag)
        except ValueError:  # not a valid tag name
            return
        for k, v in attrs:
            try:
                el.set(k, v or "")
            except ValueError:
                pass
        if tag not in self._VOID:
            self.stack.append(el)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in self._VOID and len(self.stack) > 1 and self.stack[-1].tag == tag:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        if self.excess:
            if tag in self.excess:
                while self.excess and self.excess.pop() != tag:
                    pass
            return
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        el = self.stack[-1]
        last = el[-1] if len(el) else None
        data = _CONTROL.sub("", data)
        if last is not None:
            last.tail = (last.tail or "") + data
        else:
            el.text = (el.text or "") + data


def parse_html(html: str) -> Element:
    """The lxml tree of a page; never raises on bad markup, never recurses."""
    html, data = _strip_control(_XML_DECL.sub("", html, count=1))
    if html.startswith("<?xml"):
        data = None  # lxml refuses a string that declares an encoding: the fallback builder reads it
    # the UTF-8 bytes parse faster than the string (lxml hands libxml2 a string's UTF-16 or
    # UCS-4 buffer to convert); the tree is the same. IDs are not collected: nothing looks
    # elements up by id.
    parser = etree.HTMLParser(
        remove_comments=True, remove_pis=True, huge_tree=True, no_network=True, default_doctype=False,
        collect_ids=False, encoding="utf-8" if data is not None else None,
    )
    try:
        root = etree.fromstring(data if data is not None else html, parser=parser) if html and not html.isspace() else None
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        root = None
    deep = any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log)
    if root is not None and root.find("body") is None:
        # an unclosed <title> takes the rest of the page as its text: build the tree again
        t = root.find("head/title")
        deep = t is not None and len(t.text or "") > 2000
    if root is not None and not deep:
        # markup after </html> becomes a second top-level element: fold it into the body
        extra = [x for x in root.itersiblings() if isinstance(x.tag, str)]
        if extra:
            body = root.find("body")
            if body is None:
                body = etree.SubElement(root, "body")
            for x in extra:
                for child in list(x):
                    body.append(child)
    if root is None or deep:
        b = _FlatBuilder()
        b.feed(html)
        b.close()
        root = b.root
    return root


# -- cleaning -----------------------------------------------------------------------------------

_DROP_TAGS = (
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas",
    "input", "link", "meta", "video", "audio", "map",
)
# Dropped only when small: an unclosed <button> or <select> swallows the rest of the page.
_DROP_SMALL = ("button", "select", "textarea", "dialog", "title")
_HIDDEN_STYLE = NoCase(r"display\s*:\s*none|visibility\s*:\s*hidden")

# the text length of an element (its text and its descendants', not its tail), counted in C:
# the length of ``"".join(el.itertext())`` without building the string
_TEXT_LEN = etree.XPath("string-length(.)")


def _text_len(el: Element) -> int:
    return int(_TEXT_LEN(el))


def _drop_hidden(root: Element) -> None:
    doomed = []
    last = None
    # the attributes, not the elements: libxml2 finds them faster; an element comes once
    for attr in root.xpath("//@hidden | //@aria-hidden | //@style"):
        el = attr.getparent()
        if el is last:
            continue
        last = el
        a = el.attrib
        if "hidden" in a or a.get("aria-hidden") == "true" and el.tag not in ("body", "html", "main", "article"):
            doomed.append(el)
        elif "style" in a and _HIDDEN_STYLE.search(a["style"]):
            doomed.append(el)
    if not doomed:
        return
    total = _text_len(root)
    for el in doomed:
        # a hidden element holding most of the page is the content a script reveals (streamed
        # rendering): keep it; a smaller one is a menu, a modal or a second copy
        if _text_len(el) >= 0.5 * total:
            continue
        _remove(el)


def _has_text(el: Element | None) -> bool:
    return el is not None and any(t.strip() for t in el.itertext())


def _remove(el: Element) -> None:
    """Remove an element, keeping its tail text."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail and tail.strip():
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


# -- text runs ----------------------------------------------------------------------------------

_BLOCK_TAGS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li blockquote pre figcaption figure section article main td th dt dd dl "
    "br tr ul ol table caption header footer aside nav form address details summary hr center".split()
)
_MARK_TAGS = frozenset("figure figcaption aside form nav footer header blockquote li table".split())
_MAX_HINTS = 16


class _Run:
    """A block-level run of text: its owner element and how much of it is link text (its hints
    come from ``_Stats.hints``: only the runs of the main content need them)."""

    __slots__ = ("text", "owner", "links")

    def __init__(self, text: str, owner: Element, links: int) -> None:
        self.text = text
        self.owner = owner
        self.links = links


def _tokens(el: Element) -> tuple[str, ...]:
    out: list[str] = []
    for v in (el.get("class"), el.get("id")):
        if v:
            out.extend(t.lower() for t in v[:500].split()[:8])
    ip = el.get("itemprop")
    if ip:
        out.append("itemprop-" + str(ip)[:40].lower())
    return tuple(out)


_BIG = 1500  # text chars from which a form, aside, nav... is a page wrapper, not a part


def _unmark_big(root: Element) -> None:
    """Tag wrappers (an ASP.NET page is one <form>) so that they give no structure marker."""
    for el in root.iter("figure", "aside", "form", "nav", "footer", "header"):  # not li, blockquote, table, figcaption
        if _text_len(el) >= _BIG:
            el.set("data-cleantext-wrapper", "1")


class _Stats:
    """What one walk of ``root`` gathers: its runs, and for ``_locate`` the rest.

    ``text``, ``links`` and ``prose`` (text of long, link-poor runs) are the lengths summed
    over the runs of each element (its own and its descendants'); ``cands`` are the elements
    with a class or an id, or a chrome tag, with their class and id (``_unlikely`` judges
    them); ``bodies`` the ``itemprop=articleBody`` elements and ``articles`` the ``<article>``
    elements (the root itself excluded from these three, as ``.//`` excludes it).
    """

    __slots__ = ("root", "runs", "text", "links", "prose", "cands", "bodies", "articles", "_ctx")

    def __init__(self, root: Element) -> None:
        self.root = root
        self.runs: list[_Run] = []
        self.text: dict[Element, int] = {}
        self.links: dict[Element, int] = {}
        self.prose: dict[Element, int] = {}
        self.cands: list[tuple[Element, str | None, str | None]] = []
        self.bodies: list[Element] = []
        self.articles: list[Element] = []
        self._ctx: dict[Element, tuple[str, ...]] = {}  # element -> the hints its children inherit

    def hints(self, owner: Element) -> tuple[str, ...]:
        """The hints of a run that ``owner`` holds: the class/id tokens of the owner and of its
        ancestors up to the root, nearest first, with ``@tag`` markers (at most ``_MAX_HINTS``).
        The root's own tokens come twice, as they always have."""
        ctx = self._ctx
        root = self.root
        if not ctx:
            top = _tokens(root)
            marks = _marks(root)
            ctx[root] = (marks + top + top)[:_MAX_HINTS] if (top or marks) else top
            if owner is root:
                return ctx[root] if root.tag in _BLOCK_TAGS else top
        elif owner is root:
            return ctx[root] if root.tag in _BLOCK_TAGS else _tokens(root)
        chain = []
        el = owner
        while el not in ctx:
            chain.append(el)
            el = el.getparent()
        c = ctx[el]
        for el in reversed(chain):
            own = _tokens(el)
            marks = _marks(el)
            if own or marks:
                c = (marks + own + c)[:_MAX_HINTS]
            ctx[el] = c
        return c

    def drop(self, skip: set[Element]) -> None:
        """Forget the prose of skipped elements (a comment thread is prose, not the story)."""
        for el in skip:
            p = self.prose.get(el)
            if p and (el.getparent() is None or el.getparent() not in skip):
                anc = el.getparent()
                while anc is not None:
                    if anc in self.prose:
                        self.prose[anc] -= p
                    anc = anc.getparent()

    def density(self, el: Element) -> float:
        t = self.text.get(el, 0)
        return self.links.get(el, 0) / t if t else 0.0


_CHROME_TAGS = frozenset(("nav", "footer", "aside", "header"))
_NEVER_UNLIKELY = frozenset(("html", "body", "article", "main", "a", "p"))
_MARKS = {t: ("@" + t,) for t in _MARK_TAGS}


def _marks(el: Element) -> tuple[str, ...]:
    """``("@figure",)`` for a structural element (not a page wrapper), else nothing."""
    m = _MARKS.get(el.tag)
    return m if m is not None and el.get("data-cleantext-wrapper") is None else ()


def _walk(root: Element) -> _Stats:
    """One iterative walk of ``root``: its runs and the rest of ``_Stats``."""
    w = _Stats(root)
    out = w.runs
    buf: list[str] = []  # the text of the current run; white space only as " " between words
    links = 0
    owner: list[tuple[Element, int]] = [(root, 0)]  # the run's element, its place in ``acc``
    # per open element: [text, links, prose] of its runs so far, or None
    acc: list[list[int] | None] = []
    in_link = 0
    text_of, links_of, prose_of = w.text, w.links, w.prose
    cands, bodies, articles = w.cands, w.bodies, w.articles
    block_tags, headings, chrome = _BLOCK_TAGS, _HEADINGS, _CHROME_TAGS

    def flush() -> None:  # called with a run in ``buf`` (it starts with a word)
        text = " ".join("".join(buf).split())
        buf.clear()
        el, i = owner[-1]
        out.append(_Run(text, el, links))
        n = len(text)
        p = n if n >= 80 and links < 0.2 * n and el.tag not in headings else 0
        a = acc[i]
        if a is None:
            acc[i] = [n, links, p]
        else:
            a[0] += n
            a[1] += links
            a[2] += p

    walk = etree.iterwalk(root, events=("start", "end"))
    next(walk)  # the root's start
    tag = root.tag
    acc.append(None)
    if tag in block_tags:
        owner.append((root, 0))
    elif tag == "a":
        in_link += 1
    t = root.text
    if t and not t.isspace():
        buf.append(t)
        if in_link:
            links += len(t.strip())
    for event, el in walk:
        tag = el.tag
        if event == "start":
            if tag.__class__ is not str:
                continue
            cls = el.get("class")
            eid = el.get("id")
            if cls is not None or eid is not None or tag in chrome:
                cands.append((el, cls, eid))
            if el.get("itemprop") == "articleBody":
                bodies.append(el)
            acc.append(None)
            if tag in block_tags:
                if buf:
                    flush()
                links = 0
                owner.append((el, len(acc) - 1))
                if tag == "article":
                    articles.append(el)
            elif tag == "a":
                in_link += 1
            t = el.text
            if t:
                if not t.isspace():
                    buf.append(t)
                    if in_link:
                        links += len(t.strip())
                elif buf:
                    buf.append(" ")
        else:
            if tag.__class__ is str:
                if tag in block_tags:
                    if buf:
                        flush()
                    links = 0
                    owner.pop()
                elif tag == "a":
                    in_link -= 1
                elif (tag == "td" or tag == "th") and buf:
                    buf.append(" ")
                if el is root:
                    continue
                # the element's sums are complete: keep them, and add them to its parent's
                a = acc.pop()
                if a is not None:
                    n, k, p = a
                    text_of[el] = n
                    if k:
                        links_of[el] = k
                    if p:
                        prose_of[el] = p
                    b = acc[-1]
                    if b is None:
                        acc[-1] = a
                    else:
                        b[0] += n
                        b[1] += k
                        b[2] += p
            elif el is root:
                continue
            t = el.tail
            if t:
                if not t.isspace():
                    buf.append(t)
                    if in_link:
                        links += len(t.strip())
                elif buf:
                    buf.append(" ")
    if buf:
        flush()
    a = acc[0]
    if a is not None:
        text_of[root] = a[0]
        if a[1]:
            links_of[root] = a[1]
        if a[2]:
            prose_of[root] = a[2]
    return w


# -- locating the main content ------------------------------------------------------------------

_POSITIVE = NoCase(r"article|body|content|entry|h-?entry|main|page|post|text|blog|story|prose|rich-?text")
_NEGATIVE = NoCase(
    r"-ad-|\bads?\b|hidden|^hid$|\bhid\b|banner|combx|comment|com-|contact|foot|footer|footnote|gdpr|masthead|"
    r"media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|"
    r"taboola|tool|widget|social|newsletter|subscribe|signup|cookie|breadcrumb|menu|nav|byline|author-?bio|"
    r"recommend|popular|trending|more-?stories|read-?more|disclaimer|copyright"
)
_UNLIKELY = NoCase(
    r"banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|"
    r"related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|"
    r"pagination|pager|popup|yom-remote|newsletter|subscribe|share|cookie|promo|outbrain|taboola|recommend|"
    r"trending|most-?popular|navbar|nav-|-nav"
)
_COMMENTS = NoCase(r"comment|disqus|repl(?:y|ies)|remark|discussion|respon")
_MAYBE = NoCase(r"and|article|body|column|content|main|shadow|story|entry|post|text")
_POSITIVE_STRONG = NoCase(r"article-?body|articlebody|entry-content|post-content|story-?body|main-content")
# paragraph-like owners: their text votes for their parent and grandparent
_PARA_TAGS = frozenset("p pre li dd dt".split())
_HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
_TAG_SCORE = {"div": 5, "article": 10, "section": 3, "main": 5, "pre": 3, "td": 3, "blockquote": 3,
              "form": -3, "ol": -3, "ul": -3, "dl": -3, "li": -3, "address": -3, "th": -5}


def _unlikely(body: Element, stats: _Stats) -> set[Element]:
    """Elements whose paragraphs do not vote for a content container (chrome, by tag or class).

    An element holding half the page's prose or more is never unlikely, whatever its class
    says (``sw-page-header``, ``sidebar-first-only`` wrap whole pages).
    """
    prose = stats.prose
    big = 0.5 * prose.get(body, 0)
    doomed = []
    verdicts: dict[tuple[str | None, str | None], bool] = {}  # class, id -> unlikely (pages repeat them)
    for el, cls, eid in stats.cands:
        tag = el.tag
        if tag in _NEVER_UNLIKELY:
            continue
        if tag in _CHROME_TAGS:
            ci = f"{cls or ''} {eid or ''}".strip()
            if _POSITIVE_STRONG.search(ci) or el.get("data-cleantext-wrapper") is not None:
                continue
        else:
            v = verdicts.get((cls, eid))
            if v is None:
                ci = f"{cls or ''} {eid or ''}".strip()
                v = verdicts[cls, eid] = bool(ci) and _UNLIKELY.search(ci) and not _MAYBE.search(ci)
            if not v or el.get("itemprop") == "articleBody":
                continue
        # an element holding half the page's prose is the page, whatever its class says
        if big and prose.get(el, 0) >= big and not _COMMENTS.search(f"{cls or ''} {eid or ''}".strip()):
            continue
        doomed.append(el)
    skip: set[Element] = set()
    for el in doomed:
        if el not in skip:
            skip.update(el.iter())
    return skip


def _class_weight(el: Element) -> int:
    w = 0
    for v in (el.get("class"), el.get("id")):
        if not v:
            continue
        if _NEGATIVE.search(v) and not _POSITIVE_STRONG.search(v):
            w -= 25
        if _POSITIVE.search(v):
            w += 25
    if el.get("itemprop") == "articleBody":
        w += 50
    return w


def _scores(runs: list[_Run], skip: set[Element], stats: _Stats) -> dict[Element, float]:
    """Readability's candidate scores: paragraphs vote for their parent and grandparent."""
    scores: dict[Element, float] = {}
    for r in runs:
        el = r.owner
        if len(r.text) < 25 or el in skip or el.tag in _HEADINGS:
            continue
        if el.tag in _PARA_TAGS:
            parent = el.getparent()
        else:  # loose text in a container: the container is its paragraph's parent
            parent = el
        if parent is None:
            continue
        grand = parent.getparent()
        score = 1.0 + r.text.count(",") + min(len(r.text) // 100, 3)
        if r.links and r.links > 0.5 * len(r.text):
            score *= 0.2
        for anc, div in ((parent, 1.0), (grand, 2.0)):
            if anc is None or not isinstance(anc.tag, str) or anc.tag == "html":
                continue
            if anc not in scores:
                w: float = _class_weight(anc)
                if w > 0:  # a promising class on a near-empty element promises little
                    w = w * min(1.0, stats.text.get(anc, 0) / 500)
                scores[anc] = float(_TAG_SCORE.get(anc.tag, 0) + w)
            scores[anc] += score / div
    for el in scores:
        scores[el] *= 1.0 - stats.density(el)
    return scores


def _headline(body: Element, title: str | None) -> Element | None:
    """The h1/h2 that carries the page's title."""
    if not title:
        return None
    t = title.casefold()
    for h in body.iter("h1", "h2"):
        ht = " ".join("".join(h.itertext()).split()).casefold()
        if ht and (ht == t or len(ht) >= 15 and (ht.startswith(t[:40]) or t.startswith(ht))):
            return h
    return None


def _contains(a: Element, b: Element) -> bool:
    while b is not None:
        if b is a:
            return True
        b = b.getparent()
    return False


def _locate(body: Element, stats: _Stats, title: str | None = None) -> list[Element]:
    """The element(s) holding the main content, in document order (``stats``: the walk of ``body``)."""
    runs = stats.runs
    # explicit markup first
    for found in (stats.bodies, stats.articles):
        if len(found) == 1 and stats.text.get(found[0], 0) >= 400 and stats.prose.get(found[0], 0) >= 0.5 * stats.prose.get(body, 0):
            return [found[0]]
    skip = _unlikely(body, stats)
    stats.drop(skip)
    scores = _scores(runs, skip, stats)
    if not scores:
        return [body]
    top = max(scores, key=scores.__getitem__)
    top_score = scores[top]
    # the story holds its headline: prefer a good candidate that does, over one that does not
    head = _headline(body, title)
    if head is not None and not _contains(top, head):
        need = max(400, 0.3 * stats.prose.get(top, 0))
        alt = [el for el, sc in scores.items() if sc >= 0.25 * top_score and stats.prose.get(el, 0) >= need
               and _contains(el, head) and not _contains(el, top)]
        if alt:
            top = max(alt, key=scores.__getitem__)
            top_score = scores[top]
    # widen to the parent while the parent holds most of the score
    cur = top
    while True:
        parent = cur.getparent()
        if parent is None or parent.tag == "html":
            break
        ps = scores.get(parent)
        if ps is None or ps < top_score * 0.75:
            good = [c for c in parent if scores.get(c, 0.0) >= top_score * 0.5]
            if len(good) >= 2:
                cur = parent
                top_score = max(top_score, ps or 0.0)
                continue
            break
        cur = parent
        top_score = ps
    # widen further while an ancestor holds clearly more prose (a story cut into sections)
    base = stats.prose.get(cur, 0)
    anc = cur.getparent()
    for _ in range(10):
        if anc is None or anc is body or anc.tag == "html" or anc in skip:
            break
        p = stats.prose.get(anc, 0)
        if p >= 1.5 * base and p - base >= 300 and stats.density(anc) < 0.3:
            cur, base = anc, p
        anc = anc.getparent()
    # the story's own <article> (its header holds the standfirst) when it adds little else
    anc = cur.getparent()
    for _ in range(3):
        if anc is None or anc is body or anc in skip:
            break
        if anc.tag == "article":
            if stats.prose.get(anc, 0) <= 1.3 * stats.prose.get(cur, 0) + 200:
                cur = anc
            break
        anc = anc.getparent()
    parent = cur.getparent()
    if parent is None or cur is body:
        return [cur]
    threshold = max(10.0, top_score * 0.2)
    out = []
    for sib in parent:
        if not isinstance(sib.tag, str):
            continue
        if sib is cur:
            out.append(sib)
            continue
        if sib.tag == "article" and cur.tag == "article":
            continue  # a sibling <article> is another story
        s = scores.get(sib)
        if s is not None and s >= threshold:
            out.append(sib)
        elif sib.tag == "p" and sib not in skip:
            tl = stats.text.get(sib, 0)
            ld = stats.density(sib)
            if tl > 80 and ld < 0.25 or 0 < tl <= 80 and ld == 0 and re.search(r"\.( |$)", "".join(sib.itertext())):
                out.append(sib)
    return out


def _context(el: Element, stop: Element) -> tuple[str, ...]:
    """The class/id context of the children of ``el``, from ``stop`` down (``stop``'s own
    tokens once: ``_Stats.hints`` counts a walk's root twice, and ``_blocks`` cuts the overlap)."""
    chain = []
    while el is not None:
        chain.append(el)
        if el is stop:
            break
        el = el.getparent()
    c: tuple[str, ...] = ()
    for a in reversed(chain):
        own = _tokens(a)
        marks = ("@" + a.tag,) if a.tag in _MARK_TAGS and a.get("data-cleantext-wrapper") is None else ()
        if own or marks:
            c = (marks + own + c)[:_MAX_HINTS]
    return c


def _blocks(body: Element, stats: _Stats, roots: list[Element]) -> list[tuple[str, str, tuple[str, ...]]]:
    """(text, tag, hints) for every block-level run of text under ``roots``, in order.

    The runs of the whole body (``stats``, its walk) are reused; hints are cut at the root
    (what lies outside the main content says nothing about its blocks).
    """
    out: list[tuple[str, str, tuple[str, ...]]] = []
    for root in roots:
        walk = stats
        if root is body:
            mine = stats.runs
            outer: tuple[str, ...] = ()
        elif root.tag in _BLOCK_TAGS:
            members = set(root.iter())
            mine = [r for r in stats.runs if r.owner in members]
            parent = root.getparent()
            outer = _context(parent, body) if parent is not None else ()
        else:
            walk = _walk(root)
            mine = walk.runs
            outer = ()
        cut: dict[tuple[str, ...], tuple[str, ...]] = {}  # hints -> without the outer context
        for r in mine:
            hints = walk.hints(r.owner)
            if outer:
                h = cut.get(hints)
                if h is None:
                    h = hints
                    n = len(hints)
                    for k in range(n + 1):
                        if hints[k:] == outer[: n - k]:
                            h = hints[:k]
                            break
                    cut[hints] = h
                hints = h
            if r.links >= 0.5 * len(r.text.replace(" ", "")):
                hints = hints + ("@links",)
            out.append((r.text, str(r.owner.tag), hints))
    return out


# -- metadata -----------------------------------------------------------------------------------

_SEP = re.compile(r"\s+[|\u2013\u2014\u00b7:\u2022\u00bb\-\u2012\/]\s+")


def _clean_str(v: object) -> str | None:
    if isinstance(v, str):
        s = " ".join(v.split())
        return s or None
    return None


def strip_site(title: str, site: str | None = None) -> str:
    """The title without the site's name: ``"Floods hit the coast | Daily Post"`` -> the headline.

    >>> strip_site("Floods hit the coast | Daily Post")
    'Floods hit the coast'
    >>> strip_site("Floods hit the coast - Daily Post", "Daily Post")
    'Floods hit the coast'
    >>> strip_site("Q&A: what the new rules mean for renters")
    'Q&A: what the new rules mean for renters'
    """
    parts = _SEP.split(title)
    if len(parts) < 2:
        return title
    norm_site = (site or "").casefold().replace(" ", "")
    if norm_site:
        kept = [p for p in parts if p.casefold().replace(" ", "") != norm_site and norm_site not in p.casefold().replace(" ", "")]
        if kept and len(kept) < len(parts):
            return title_join(title, kept)
    # the longest part, when the others are short (a site name, a section)
    longest = max(parts, key=len)
    others = [p for p in parts if p is not longest]
    if all(len(p.split()) <= 4 for p in others) and len(longest.split()) < 3 and len(parts[-1].split()) <= 4:
        return title_join(title, parts[:-1])
    if all(len(p.split()) <= 4 for p in others) and len(longest.split()) >= 3:
        # a leading "Q&A:" style label joined by a colon is part of the headline
        idx = parts.index(longest)
        if idx > 0 and re.search(r":\s", title) and not re.search(r"\s[|\u2013\u2014\-]\s", title):
            return title
        return longest
    return title


def title_join(title: str, kept: list[str]) -> str:
    """The span of ``title`` from the first kept part to the last (keeps inner separators)."""
    start = title.find(kept[0])
    end = title.rfind(kept[-1]) + len(kept[-1])
    return title[start:end].strip() if 0 <= start < end else kept[0]


def _ld_items(data: object) -> Iterator[dict[str, Any]]:
    stack = [data]
    n = 0
    while stack and n < 200:
        n += 1
        x = stack.pop()
        if isinstance(x, list):
            stack.extend(reversed(x))
        elif isinstance(x, dict):
            yield x
            if "@graph" in x:
                stack.append(x["@graph"])
            if isinstance(x.get("mainEntity"), (dict, list)):
                stack.append(x["mainEntity"])


_ARTICLE_TYPES = re.compile(r"Article|Posting|Report|Blog|NewsArticle|WebPage|CreativeWork")


def html_metadata(root: Element) -> dict[str, object]:
    """Title, authors, published, site name, language, canonical URL and description of a page."""
    meta: dict[str, object] = {}
    props: dict[str, str] = {}
    for m in root.iter("meta"):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or "").strip().lower()
        val = m.get("content")
        if key and isinstance(val, str) and val.strip() and key not in props:
            props[key] = " ".join(val.split())
    ld_title = None
    ld_dates: dict[str, str | None] = {"published": None, "created": None, "modified": None}
    ld_author: object = None
    ld_author_article = False
    persons: dict[str, str] = {}
    publisher: str | None = None
    ld_site = None
    for node in root.iter("script"):
        if (node.get("type") or "").lower() != "application/ld+json" or not node.text:
            continue
        try:
            data = json.loads(node.text)
        except ValueError:
            continue
        for item in _ld_items(data):
            typ = item.get("@type")
            typs = " ".join(typ) if isinstance(typ, list) else str(typ or "")
            if "Person" in typs and isinstance(item.get("@id"), str) and _clean_str(item.get("name")):
                persons.setdefault(item["@id"], str(_clean_str(item.get("name"))))
            if not _ARTICLE_TYPES.search(typs):
                continue
            article = "WebPage" not in typs or "headline" in item
            if article and ld_title is None and _clean_str(item.get("headline")):
                ld_title = _clean_str(item.get("headline"))
            if article:
                for k, field in (("published", "datePublished"), ("created", "dateCreated"), ("modified", "dateModified")):
                    if ld_dates[k] is None and to_iso(_clean_str(item.get(field))):
                        ld_dates[k] = _clean_str(item.get(field))
            if item.get("author") and (ld_author is None or article and not ld_author_article):
                # the article's author; a web page's author only when no article names one
                ld_author, ld_author_article = item.get("author"), article
            pub = item.get("publisher")
            if ld_site is None and isinstance(pub, dict):
                ld_site = _clean_str(pub.get("name"))
            if publisher is None and isinstance(pub, dict):
                publisher = _clean_str(pub.get("name"))
    site = props.get("og:site_name") or ld_site or props.get("application-name")
    if site:
        meta["site_name"] = site
    # title
    h1s = [" ".join("".join(h.itertext()).split()) for h in root.iter("h1")]
    h1s = [h for h in h1s if h]
    title_el = next(root.iter("title"), None)
    page_title = " ".join("".join(title_el.itertext()).split()) if title_el is not None else ""
    cands = [props.get("og:title"), ld_title, props.get("twitter:title"), page_title]
    title = None
    for c in cands:
        if c:
            title = strip_site(c, site)
            break
    if title and h1s:
        # an h1 that the title starts with is the full headline (meta titles get truncated)
        for h in h1s[:3]:
            if h.casefold() == title.casefold() or (len(h) > len(title) and h.casefold().startswith(title.casefold().rstrip(".\u2026 "))):
                title = h
                break
    elif not title and h1s:
        title = h1s[0]
    if title:
        meta["title"] = title
    # authors
    orgs = tuple(o for o in (site, publisher, ld_site) if o)
    authors = page_authors(root, props, ld_author, persons, orgs, skip_checker(root))
    if authors:
        meta["authors"] = list(dict.fromkeys(authors))
    # url, description, language
    canon = next((h for el in root.iter("link") if el.get("rel") == "canonical" and (h := el.get("href")) is not None), None)
    url = (canon.strip() if canon is not None else None) or props.get("og:url")
    if url:
        meta["url"] = url
    published = page_date(root, props, ld_dates, url)
    if published:
        meta["published"] = published
    desc = props.get("description") or props.get("og:description")
    if desc:
        meta["description"] = desc
    lang = root.get("lang") or root.get("xml:lang") or props.get("og:locale") or props.get("content-language")
    if isinstance(lang, str) and re.match(r"^[A-Za-z]{2,3}\b", lang.strip()):
        meta["language"] = lang.strip()[:3].split("-")[0].split("_")[0].lower()
    return meta


# -- the reader ---------------------------------------------------------------------------------

def _content(root: Element, meta: dict[str, object]) -> tuple[Element, _Stats, list[Element]]:
    """Clean the tree; the search base, its walk (text runs...), and the main content's root(s)."""
    etree.strip_elements(root, *_DROP_TAGS, with_tail=False)
    for el in list(root.iter(*_DROP_SMALL)):
        if _text_len(el) < 300 or el.tag == "select" and el.find(".//p") is None:
            _remove(el)
    _drop_hidden(root)
    _unmark_big(root)
    body = root.find("body")
    if body is None or any(c is not body and isinstance(c.tag, str) and _has_text(c) for c in root):
        body = root  # a parser put part of the page in <head> or after <body>: search the whole tree
    title = meta.get("title")
    stats = _walk(body)
    return body, stats, _locate(body, stats, title if isinstance(title, str) else None)


def read_html(html: str, language: str | None = None) -> Document:
    """Parse a page and build the Document of its main content.

    >>> d = read_html("<html lang=en><head><title>Rain - Daily</title></head><body><nav>Home</nav>"
    ...               "<article><h1>Rain</h1><p>It rained all day in the valley, and the river rose.</p>"
    ...               "<figure><img src=a.jpg><figcaption>The river. Photo: A. Lee</figcaption></figure>"
    ...               "</article></body></html>")
    >>> [(b.text, b.tag) for b in d.blocks]
    [('Rain', 'h1'), ('It rained all day in the valley, and the river rose.', 'p'), ('The river. Photo: A. Lee', 'figcaption')]
    >>> d.meta["title"], d.language
    ('Rain', 'en')
    """
    root = parse_html(html)
    meta = html_metadata(root)
    body, stats, roots = _content(root, meta)
    lines = _blocks(body, stats, roots)
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
    page_lang = meta.pop("language", None)
    lang = language or (page_lang if isinstance(page_lang, str) else None)
    return Document(text="".join(parts), blocks=blocks, format="html", language=lang, meta=meta)
