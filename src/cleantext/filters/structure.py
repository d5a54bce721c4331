"""HTML structure as evidence: captions, asides, forms, share bars, related lists, ads, comments.

Only documents read from HTML carry structure (``Block.tag`` and ``Block.hints``, see
``cleantext._html``); on plain text this filter finds nothing.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

import regex

from .._dates import find_date
from .._document import Block, Document
from .._types import Context, Finding
from .._result import Caption
from ._common import BaseFilter, is_body_like, norm, reports_speech
from .caption import split_credit

__all__ = ["StructureFilter", "token_category"]

# Class/id tokens -> category. A token matches when one of its parts (split on - and _) or
# the whole token is in the table; "sharedocs" is not "share", "headline-share" is.
_TOKEN_CATEGORY: dict[str, str] = {}
for _cat, _words in {
    "caption": "caption captions figcaption wp-caption-text image-caption photo-caption img-caption "
    "media-caption caption-text credit credits image-credit photo-credit",
    "social": "share shares sharing sharebar share-bar social social-share sharethis addthis "
    "share-buttons share-tools follow",
    "newsletter": "newsletter newsletters signup sign-up subscribe-box optin opt-in mailchimp",
    "subscription": "subscription subscribe piano-offer login regwall paywall-prompt",
    "donation": "donate donation donations",
    "related": "related related-posts related-articles related-stories recommended recommendations "
    "more-stories read-more readmore also-read outbrain taboola trending popular most-popular "
    "most-read jp-relatedposts yarpp crp_related",
    "advertisement": "ad ads advert adverts advertisement advertisements adsense adslot ad-slot "
    "ad-unit dfp gpt-ad sponsor sponsored sponsors promoted native-ad",
    "comments": "comment comments comment-body comment-content comment-list commentlist comment-respond respond disqus disqus_thread "
    "comments-area comment-section",
    "author_bio": "author-bio authorbio author-box about-author author-info author-card bio-box",
    "ui": "breadcrumb breadcrumbs pagination pager toolbar print-button skip-link tags tag-list "
    "post-tags entry-tags article-tags cookie cookies gdpr consent",
    "legal": "copyright disclaimer license",
    "byline": "byline bylines byln mainbyline author authors author-name byline-author post-author "
    "entry-author postinfo post-info post-meta postmeta entry-meta article-meta meta-info",
    "dateline": "date dateline timestamp pubdate post-date entry-date publish-date published-date",
}.items():
    for _w in _words.split():
        _TOKEN_CATEGORY[_w] = _cat

# Tokens that say "this is the story": meeting one before a boilerplate token stops the search.
_CONTENT = frozenset(
    "article-body articlebody article-content article__body entry-content post-content post-body "
    "story-body story-content main-content itemprop-articlebody body-text article-text "
    "rich-text prose".split()
)
# Over-broad tokens other tools deleted real articles with: never evidence on their own.
_IGNORED = frozenset("widget widgets banner block module component container wrapper box".split())

_PART = regex.compile(r"[-_]+")
# What may stand beside the date on a date-only line.
_DATE_WORDS = frozenset(
    "published updated posted last modified on at am pm a.m. p.m. by date time and of the "
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun "
    "et est edt ct cst cdt pt pst pdt gmt utc bst cet cest".split()
)
# A link that calls the reader to act: "Subscribe to X on YouTube", "Follow us", "Sign up".
_CTA = regex.compile(
    r"^[\W_]*(?:subscribe|sign\s+up|follow\s+us|follow\s+\S+\s+on|join\s+us|like\s+us|suscr[ií]bete|abonnieren|s'abonner)\b",
    regex.IGNORECASE,
)
_NETWORK = regex.compile(r"\b(?:youtube|twitter|facebook|instagram|tiktok|linkedin|telegram|whatsapp|podcasts?)\b", regex.I)
_WORD = regex.compile(r"[\p{L}.]+")
# Substrings unambiguous enough to count inside a longer token ("googledfpad-adcaption").
_SUBSTRINGS = (
    ("advertisement", "advertisement"), ("adsbygoogle", "advertisement"), ("googlead", "advertisement"),
    ("dfpad", "advertisement"), ("adcaption", "advertisement"), ("adslot", "advertisement"),
    ("adunit", "advertisement"), ("taboola", "related"), ("outbrain", "related"),
    ("relatedpost", "related"), ("newsletter", "newsletter"), ("sharethis", "social"),
    ("addthis", "social"), ("socialshare", "social"), ("sharebutton", "social"), ("disqus", "comments"),
    ("caption", "caption"), ("signup", "newsletter"),
)
# Parts that name a picture: its text is a caption when it is short.
_PICTURE = frozenset("photo photos image images img picture pic pics thumbnail cap".split())
# The most words a block may have to be taken for each category by a class/id token.
_MAX_WORDS = {"caption": 80, "byline": 30, "dateline": 15, "advertisement": 40, "social": 40}
_MARK_CATEGORY = {"@figcaption": "caption", "@aside": "related", "@form": "ui", "@footer": "ui",
                  "@header": "byline", "@figure": "caption"}


# Parts that make a token a state flag or an embed, not the name of a boilerplate part:
# "has-post-thumbnail", "content-with-sidebar", "no-comments", "social-media-embed".
_FLAG_PARTS = frozenset("has with no is without embed embedded".split())
# Parts that name the story itself: "newsletter-post" is a post, "post-and-ads-container" holds
# a post. A token with one of them counts only when the whole token is in the table.
_LIST_CATEGORIES = frozenset(("related", "comments", "author_bio"))  # "related-posts" is a list
_CONTENT_PARTS = frozenset("post article content body text entry story cms page main".split())


@functools.lru_cache(maxsize=8192)  # a pure function of the token: results never depend on order
def token_category(token: str) -> str | None:
    """The category a class/id token names, or ``None``.

    State flags and embeds name no part: ``has-comments``, ``social-media-embed`` are ``None``.

    >>> token_category("share-bar"), token_category("newsletter_signup"), token_category("widget")
    ('social', 'newsletter', None)
    >>> token_category("shadow"), token_category("adventure"), token_category("leaderboard")
    (None, None, None)
    >>> token_category("newsletter-post"), token_category("related_post"), token_category("article-body__newsletter")
    (None, 'related', 'newsletter')
    """
    if token in _IGNORED:
        return None
    if "__" in token:  # BEM: block__element--modifier; the element names the part
        token = token.rsplit("__", 1)[1].split("--", 1)[0] or token
    parts = _PART.split(token)
    if len(parts) > 1 and any(p in _FLAG_PARTS for p in parts):
        return None
    cat = _TOKEN_CATEGORY.get(token)
    if cat:
        return cat
    story = any(p in _CONTENT_PARTS for p in parts)
    for part in parts:
        if part in _IGNORED:
            continue
        cat = _TOKEN_CATEGORY.get(part)
        if cat and not (story and cat not in _LIST_CATEGORIES):
            return cat
    if story:
        return None
    for sub, cat in _SUBSTRINGS:
        if sub in token:
            return cat
    return None


class StructureFilter(BaseFilter):
    """Removes what the page's markup marks as boilerplate: captions, share bars, asides, ads...

    Evidence is the element: ``figcaption``, an ``aside`` or ``form``, a class or id such as
    ``share-tools``, ``newsletter-signup`` or ``related-posts`` on the block or an ancestor, and
    runs of link-dense list items. The nearest marker wins, and a story marker
    (``article-body``, ``entry-content``) met first stops the search. Over-broad tokens
    (``widget``, ``banner``) are never evidence. Plain text has no structure: nothing is found.

    >>> from cleantext import clean
    >>> page = ("<html><body><article><p>The council voted on Tuesday to extend the bus line to "
    ...         "the airport, after a decade of debate.</p><div class='share-tools'>Share on Facebook</div>"
    ...         "<div class='widget'><p>Residents were divided over the plan, several said.</p></div>"
    ...         "</article></body></html>")
    >>> r = clean(page)
    >>> [(x.category, x.text) for x in r.removed]
    [('social', 'Share on Facebook')]
    >>> "Residents were divided" in r.text
    True
    """

    name = "structure"
    categories = ("caption", "social", "newsletter", "subscription", "donation", "related",
                  "advertisement", "comments", "author_bio", "ui", "legal", "title")

    def find(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        if doc.format != "html":
            return
        blocks = doc.blocks
        title = doc.meta.get("title")
        title_n = norm(title).casefold() if isinstance(title, str) else None
        link_run = _link_runs(blocks)
        last_prose = max((b.index for b in blocks if b.words >= 40 and "@links" not in b.hints), default=-1)
        for b in blocks:
            if title_n and b.tag in ("h1", "h2") and b.index < 8 and norm(b.text).casefold() == title_n:
                yield ctx.finding(b, "title", "headline-element", f"<{b.tag}> that repeats the page title", 0.9,
                                  {"title": b.text})
                continue
            if b.words <= 12:
                m = find_date(b.text)
                if m is not None:
                    rest = (b.text[: m.start] + " " + b.text[m.end :]).casefold()
                    if all(w.strip(".") in _DATE_WORDS or w in _DATE_WORDS for w in _WORD.findall(rest)):
                        yield ctx.finding(b, "dateline", "date-line", f"<{b.tag}> that only states a date", 0.85,
                                          {"published": m.iso})
                        continue
            if "@links" in b.hints and b.words <= 15 and _CTA.search(b.text):
                cat = "social" if _NETWORK.search(b.text) or "follow" in b.text.casefold() else "subscription"
                yield ctx.finding(b, cat, "call-to-action-link", f"<{b.tag}>: a link that asks the reader to act", 0.8)
                continue
            hit = _marker(b)
            if hit is not None:
                cat, token, own = hit
                if cat == "caption":
                    yield self._caption(b, token, ctx)
                    continue
                conf = 0.9 if own else 0.85
                # long prose under a container marker: doubtful (the safety cap may undo it)
                if cat not in ("comments", "related") and len(b.text.split()) >= 40 and (
                    is_body_like(b.text) or reports_speech(b.text)
                ):
                    conf = 0.6
                what = f"<{token[1:]}>" if token.startswith("@") else f"class/id {token!r}"
                where = f"<{b.tag}> {'with' if own else 'inside an element with'} {what}"
                yield ctx.finding(b, cat, f"{cat}-element", where, conf)
                continue
            run = link_run.get(b.index, 0)
            if run:
                # after the story's last paragraph a link list is "more stories"; inside the
                # story it is as likely a list of sources: doubtful
                conf = (0.75 if run >= 3 else 0.6) if b.index > last_prose else 0.55
                yield ctx.finding(b, "related", "link-list", f"<{b.tag}> mostly link text, in a run of {run} such blocks", conf)

    def _caption(self, b: Block, token: str, ctx: Context) -> Finding:
        split = split_credit(b.text)
        if split is not None:
            text, credit = split[0] or b.text, split[1]
            if not split[0]:
                text = ""
        else:
            text, credit = b.text, None
        cap = Caption(text=text or b.text, credit=credit) if text else Caption(text="", credit=credit)
        what = f"<{token[1:]}>" if token.startswith("@") else f"class/id {token!r}"
        data = {"caption": cap} if cap.text or cap.credit else {}
        return ctx.finding(b, "caption", "caption-element", f"<{b.tag}> in {what}", 0.9, data)


def _marker(b: Block) -> tuple[str, str, bool] | None:
    """(category, token, on the block itself) of the nearest boilerplate marker of ``b``."""
    if b.tag == "figcaption":
        return "caption", "@figcaption", True
    quoted = b.tag in ("blockquote", "pre", "table", "td", "th")
    for i, h in enumerate(b.hints):
        if h in _CONTENT:
            return None
        words = len(b.text.split())
        if h in ("@blockquote", "@table"):
            quoted = True  # a quote or a table shown as a figure is the story's
        if h.startswith("@"):
            cat = _MARK_CATEGORY.get(h)
            if h == "@figure" and quoted:
                continue
            if cat == "byline" and b.tag in ("h1", "h2", "h3"):
                return "title", h, False
            if cat == "byline" and is_body_like(b.text):
                continue  # the standfirst in an article's header is the story's
            if cat and words <= _MAX_WORDS.get(cat, 10**9):
                return cat, h, False
            continue
        cat = token_category(h)
        if cat is None and words <= 60:
            parts = _PART.split(h)
            if any(p in _PICTURE for p in parts) and not any(p in _FLAG_PARTS or p in _CONTENT_PARTS for p in parts):
                cat = "caption"
        if cat and words <= _MAX_WORDS.get(cat, 10**9):
            return cat, h, i < 2
    return None


def _link_runs(blocks: list[Block]) -> dict[int, int]:
    """Blocks that are mostly link text, short, in lists or runs: index -> length of the run."""
    out: dict[int, int] = {}
    run: list[Block] = []

    def close() -> None:
        # a run of two or more; or a lone link-only <div> (a "more" box), never a lone
        # paragraph, heading or list item, which is as often a link in the story
        if len(run) >= 2 or len(run) == 1 and run[0].tag == "div" and run[0].words <= 12:
            for x in run:
                out[x.index] = len(run)
        run.clear()

    for b in blocks:
        if "@links" in b.hints and len(b.text.split()) <= 25 and b.tag not in ("h1",):
            run.append(b)
        else:
            close()
    close()
    return out
