"""A press release's closing description of its issuer without an "About ..." header over it,
told by the shape of corporate boilerplate: an organisation named as the subject, then what it
is in a publicist's words ("Example Health is one of the nation's leading ...", "The Example
Society is the world's largest association of ...", "Example Labs is nationally recognized for
...", "The EXI, a component of the Example Institutes, conducts and supports research ...")."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from .._document import Block
from .._types import Context, Finding
from ._common import is_body_like, reports_speech

__all__ = ["closing_org_blurbs"]

#: an organisation's name: capitalised words, joined by "of", "for", "and", "&", "the"
_NAME = r"(?:The\s+)?(?P<name>\p{Lu}[\p{L}\p{N}&.'\u2019-]*(?:\s+(?:(?:of|for|and|&|the|on)\s+)*\p{Lu}[\p{L}\p{N}&.'\u2019-]*){0,7})(?:,[^,\n]{1,80},)?\s+"
# "Founded in 1901, Example University is ...", "Headquartered in Ohio, Example Corp. is ..."
_OPENER = (
    r"(?:(?:(?:Founded|Established|Headquartered|Based|Located|Incorporated|Launched|Chartered)\s+in|Since)\s+[^,]{2,60},\s+"
    r"|With\s+(?:more\s+than\s+|over\s+|nearly\s+)?[\d,.]+\s+[^,]{2,60},\s+)?"
)
# "Example Corp. (NYSE: EXM) ...": a stock ticker after the issuer's name
_TICKER = r"\((?:NYSE|NASDAQ|Nasdaq|TSX|TSXV|TSE|LSE|AIM|ASX|OTC[\w:]*|AMEX|Euronext|SIX|NSE|BSE|HKEX|SGX)\s*:\s*[^)]{1,20}\)"
_BLURB = regex.compile(
    rf"^{_OPENER}{_NAME}(?:"
    rf"(?<=\S\s){_TICKER}|"
    # "is one of the world's leading", "is a nonprofit", "is the largest independent"
    r"(?:is|are)\s+(?:(?:one\s+of|among)\s+)?(?:the|a|an)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:(?:world|nation|country|state|region|america|europe)['\u2019]s\s+|global\s+|largest\s+|leading\s+|premier\s+|"
    r"non-?profit\s+|not-for-profit\s+|independent\s+|international\s+|national\s+)"
    r"|(?:is|are)\s+(?:nationally|internationally|globally|widely)\s+recogni[sz]ed"
    r"|(?:conducts\s+and\s+supports|(?:is|are)\s+(?:dedicated|committed)\s+to)\b)"
)
#: what ``_BLURB`` may open with before the issuer's name, as a word of its own
_OPENER_WORDS = frozenset("Founded Established Headquartered Based Located Incorporated Launched Chartered Since With".split())
#: a word that may follow the first word of a blurb's name: a joining word, or the verb
_AFTER_FIRST = frozenset("of for and & the on is are conducts".split())


def _may_blurb(text: str) -> bool:
    """Whether ``_BLURB`` may match ``text``: an opener, or a first word (of the name, or "The")
    followed by a capitalised word, a joining word, the verb, a ticker in brackets, or with a
    comma in it (an apposition after the name). Said of the words ``split()`` cuts, which are
    the expression's but for four control characters (then True)."""
    if not text[:1].isupper():
        return False  # the name, "The" and the openers open with a capital
    words = text.split(None, 2)
    if len(words) < 2:
        return False
    first, second = words[0], words[1]
    if first in _OPENER_WORDS or "," in first or second[:1].isupper() or second[:1] == "(" or second in _AFTER_FIRST:
        return True
    return any(c in text for c in "\x1c\x1d\x1e\x1f")


_ABOUT_LABEL = regex.compile(r"^about\s+(?:the\s+)?\p{Lu}", regex.IGNORECASE)
_WORD = regex.compile(r"[\p{Lu}\p{N}][\p{L}\p{N}&'\u2019-]*")
_QUOTE = regex.compile("[\"\u201c\u201d]")
#: the blurb stands among the page's last this many blocks
_TAIL = 5
#: a blurb runs to a few sentences; a following block this short (a contact, a link) goes too
_MAX_WORDS, _SHORT = 150, 15


def _names_org(words: frozenset[str], text: str) -> bool:
    head = " ".join(text.split()[:40])
    return any(regex.search(rf"(?<![\p{{L}}\p{{N}}]){regex.escape(w)}(?![\p{{L}}\p{{N}}])", head) for w in words)


def closing_org_blurbs(blocks: list[Block], ctx: Context) -> Iterator[Finding]:
    """From the first such blurb among the last blocks, every block to the end of the page,
    when each of them is a blurb, names the organisation, is labelled "About ...", is short, or
    is already removed; a story paragraph after it, a quote in it, or no story before it keeps
    it all.

    >>> from cleantext import clean
    >>> story = "The new clinic opens on Monday with twelve beds and a pharmacy for the valley.\\n\\nNurses moved in last week, and the first patients have already booked visits for June."
    >>> clean(story + "\\n\\nExample Health is one of the nation's leading nonprofit hospital systems, with 12 hospitals in three states.").text == story
    True
    >>> blurb = "Example Health is one of the nation's leading nonprofit hospital systems, with 12 hospitals in three states."
    >>> clean(blurb + "\\n\\n" + story).text == blurb + "\\n\\n" + story
    True
    """
    n = len(blocks)
    # the texts that are no blurb (no blurb's opening, or a quote in them): a verdict of the
    # text alone, kept for the document's later looks
    plain = ctx.memo_for(closing_org_blurbs)
    for i in range(max(2, n - _TAIL), n):
        b = blocks[i]
        if ctx.is_removed(i) or b.words > _MAX_WORDS or b.text in plain:
            continue
        m = _BLURB.match(b.text) if _may_blurb(b.text) else None
        if m is None or _QUOTE.search(b.text) or reports_speech(b.text):
            plain[b.text] = True
            continue
        if not any(x.words >= 15 and (x.words >= 25 or is_body_like(x.text)) for x in blocks[:i]):
            return
        org = frozenset(w for w in _WORD.findall(m["name"]) if len(w) >= 3)
        rest = blocks[i + 1 :]
        ok = [ctx.is_removed(x.index) or x.words <= _SHORT or _BLURB.match(x.text) is not None or _ABOUT_LABEL.match(x.text) is not None
              or (x.words <= _MAX_WORDS and not _QUOTE.search(x.text) and _names_org(org, x.text)) for x in rest]
        # a paragraph between two of the issuer's (its schools, its hospitals) belongs to them
        ok = _between_blurbs(rest, ok)
        if not all(ok):
            return
        for x in (b, *rest):
            if not ctx.is_removed(x.index):
                yield ctx.finding(x, "author_bio", "issuer-blurb-unlabelled",
                                  "a press release's closing description of its issuer, to the end of the page", 0.75)
        return


def _between_blurbs(rest: list[Block], ok: list[bool]) -> list[bool]:
    """``ok`` with every paragraph that stands before a later accepted one (a blurb or one that
    names the issuer) accepted too, unless it reports speech (a blurb's quotation marks are
    titles and rankings: "Honor Roll")."""
    last = max((j for j, v in enumerate(ok) if v and rest[j].words > _SHORT), default=-1)
    return [v or (j < last and rest[j].words <= _MAX_WORDS and not reports_speech(rest[j].text)) for j, v in enumerate(ok)]
