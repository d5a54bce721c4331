"""Repeated blocks: a long block printed again keeps only its first copy."""

from __future__ import annotations

from collections.abc import Iterable

import regex

from .._document import Block, Document
from .._types import Context, Finding
from ._common import BaseFilter, norm

__all__ = ["DuplicateFilter"]

# a list item: a bullet or a number opens it
_LIST_MARK = regex.compile(r"^(?:[-\u2022*\u2013\u2014\u25aa\u25cf>]|\d{1,2}[.)])\s")
_CLOSERS = "\"'\u201d\u2019)]"


class DuplicateFilter(BaseFilter):
    """Removes later copies of a long block repeated verbatim (white space aside).

    Only blocks of at least ``min_chars`` characters count: short lines repeat legitimately
    ("Yes.", a refrain, a list item), and short repeated boilerplate is the business of the
    filter of its category.

    A copy goes when it is a scraper's repeat: right after its first copy (nothing kept
    between them), or inside a passage printed twice (a run holding ``min_run`` paragraphs or
    more, in the same order, in both places; a paragraph is a long block that ends a sentence
    and is not a list item, so a list of steps or a recipe's lines repeated under another
    heading is no passage). A lone copy among other neighbours is usually the
    text's own structure (the question an interviewer asks each guest, an item of a meal or
    training plan under each day, a passage quoted again for comment, an FAQ restating the
    story): it is only reported, at a confidence that ``recall`` acts on.

    >>> from cleantext import clean
    >>> p = "The bridge will close for repairs from June to September, the transport department said on Friday."
    >>> clean(p + "\\n\\n" + p).text == p
    True
    >>> q = "What is the one dish you would cook for friends who visit you for the first time?"
    >>> a, b = "A fish stew, slowly, with saffron.", "Dumplings, folded together at the table."
    >>> clean("\\n\\n".join([q, a, q, b])).text == "\\n\\n".join([q, a, q, b])
    True
    >>> clean("Yes.\\n\\nThe vote was close.\\n\\nYes.").text
    'Yes.\\n\\nThe vote was close.\\n\\nYes.'
    """

    name = "duplicate"
    categories = ("duplicate",)
    min_chars = 80
    #: paragraphs a passage printed twice must hold for a copy away from the first to go
    min_run = 3
    #: the blocks a passage is followed each way from a copy
    max_walk = 64
    #: the confidence of a lone copy among other neighbours (below ``balanced``)
    lone_confidence = 0.45

    def find(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        kept = list(ctx.kept())
        seen: dict[str, int] = {}
        keys: list[str | None] = [None] * len(kept)
        # a text's folded form, kept for the document's later looks (a function of the text)
        folded = ctx.memo_for(self)
        min_chars = self.min_chars
        # word count -> the first long block of so many words, while it is the only one (then
        # -1): a copy has its first's words, so a block is folded (and looked up in ``seen``)
        # only when an earlier long block has as many, the first of them folded then
        lone: dict[int, int] = {}

        def key_of(i: int) -> str:
            text = kept[i].text
            key = folded.get(text)
            if key is None:
                key = folded[text] = norm(text)
            keys[i] = key
            return key

        for p, b in enumerate(kept):
            if len(b.text) < min_chars:
                continue
            r = lone.get(b.words)
            if r is None:
                lone[b.words] = p
                continue
            if r >= 0:
                seen[key_of(r)] = r
                lone[b.words] = -1
            key = key_of(p)
            q = seen.get(key)
            if q is None:
                seen[key] = p
                continue
            back, fwd, paragraphs = self._run(kept, keys, q, p)
            if p - back == q + fwd + 1:
                yield ctx.finding(b, "duplicate", "repeated-block",
                                  f"repeats block {kept[q].index} verbatim, right after it", 0.9)
            elif paragraphs >= self.min_run:
                yield ctx.finding(b, "duplicate", "repeated-block",
                                  f"repeats block {kept[q].index} verbatim, in a passage of "
                                  f"{paragraphs} paragraphs printed twice", 0.9)
            else:
                yield ctx.finding(b, "duplicate", "repeated-block",
                                  f"repeats block {kept[q].index} verbatim, alone among other "
                                  "neighbours (perhaps the text's own structure)",
                                  self.lone_confidence)

    def _run(self, kept: list[Block], keys: list[str | None], q: int, p: int) -> tuple[int, int, int]:
        """The passage around copy ``p`` that repeats the one around first copy ``q`` block for
        block: how far it reaches back and forward, and how many paragraphs it holds."""

        def key(i: int) -> str:
            k = keys[i]
            if k is None:
                k = keys[i] = norm(kept[i].text)
            return k

        # the walk stops as soon as the verdict is known (enough paragraphs, or the copy reaches
        # back to the first: p - q blocks), and after ``max_walk`` steps each way, so a page
        # of one passage printed many times costs no more than linear time
        paragraphs = int(self._paragraph(kept[p].text))
        back = fwd = 0
        while (
            back < self.max_walk
            and paragraphs < self.min_run
            and back + 1 < p - q
            and q - back - 1 >= 0
            and key(q - back - 1) == key(p - back - 1)
        ):
            back += 1
            paragraphs += self._paragraph(kept[p - back].text)
        while (
            fwd < self.max_walk
            and paragraphs < self.min_run
            and p + fwd + 1 < len(kept)
            and q + fwd + 1 < p - back
            and key(q + fwd + 1) == key(p + fwd + 1)
        ):
            fwd += 1
            paragraphs += self._paragraph(kept[p + fwd].text)
        return back, fwd, paragraphs

    def _paragraph(self, text: str) -> bool:
        """A long block that ends a sentence and is no list item."""
        return (
            len(text) >= self.min_chars
            and text.rstrip().rstrip(_CLOSERS)[-1:] in ".!?\u2026"
            and _LIST_MARK.match(text) is None
        )
