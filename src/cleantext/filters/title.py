"""The headline: a title line at the top of the text moves to the metadata."""

from __future__ import annotations

from collections.abc import Iterable

import regex

from .._dates import find_date
from .._document import Block, Document
from .._pipeline import Context, Finding
from ._common import BaseFilter, is_body_like, is_headline_like, reports_speech, title_case_ratio

__all__ = ["TitleFilter"]

# Lines that look like a headline but are page furniture or a data line.
_NOT_HEADLINE = regex.compile(
    r"^(?:posted|filed|published)\s+(?:in|under)\b|^by\s|^(?:categories|category|tags?|topics?)\s*:|https?://|www\.|\S:\s.*\S:\s",
    regex.IGNORECASE,
)

# A headline run into its standfirst without a full stop: "... testing being done The deaths ..."
_FUSED_DEK = regex.compile(r"\p{Ll}\s+(?:The|A|An|It|This|These|Those|In|On|At|As|But)\s+\p{Ll}")

# Categories that sit between a headline and the story.
_HEADER = {"byline", "dateline", "caption", "social", "advertisement", "ui"}


class TitleFilter(BaseFilter):
    """Moves the headline at the top of the text to ``metadata.title``.

    A first line is a headline when it is short, in title case, without a sentence's closing
    punctuation, and the story follows it (directly, or after a byline or a caption). The line
    after it must not look like a headline too, so cleaning the clean text again finds nothing.

    >>> from cleantext import clean
    >>> r = clean("City Council Approves New Budget After Long Debate\\n\\nThe council voted 7-2 on Tuesday night to approve the budget, ending weeks of argument.")
    >>> r.metadata.title
    'City Council Approves New Budget After Long Debate'
    >>> clean("It rained all week.\\n\\nThe council voted 7-2 on Tuesday night to approve the budget, ending weeks of argument.").metadata.title is None
    True
    """

    name = "title"
    categories = ("title",)

    def find(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        kept = list(ctx.kept())
        if len(kept) < 2:
            return
        # the first block still there (share bars, a caption before it are gone), or one of
        # the first few that sits right above a byline
        for k, cand in enumerate(kept[:3]):
            after = kept[k + 1] if k + 1 < len(kept) else None
            if after is None:
                return
            between = {ctx.removed_category(i) for i in range(cand.index + 1, after.index)}
            header = bool(between & _HEADER)
            framed = bool(between & {"byline", "caption", "dateline"})
            byline_below = "byline" in between
            if k > 0 and not byline_below:
                # below the top only a line right above a byline is a headline; any other
                # headline-like line there is a subheading of the story
                continue
            f = self._judge(cand, after, header, framed, ctx)
            if f is not None:
                yield f
                return

    def _judge(self, first: Block, nxt: Block, header: bool, framed: bool, ctx: Context) -> Finding | None:
        text = first.text
        if _NOT_HEADLINE.search(text):
            return None
        d = find_date(text)
        if d is not None and d.end - d.start >= len(text) - 12:
            return None  # a date line, not a headline
        if is_headline_like(nxt.text) or not is_body_like(nxt.text):
            return None
        ratio = title_case_ratio(text)
        if is_headline_like(text):
            conf = 0.85 if header or ratio >= 0.85 else 0.7
        elif (
            framed
            and 4 <= first.words <= 30
            and len(text) <= 220
            and (text.rstrip()[-1:] not in ".,;:" or _FUSED_DEK.search(text))
            and not reports_speech(text)
        ):
            # a headline in sentence case, known by the byline or caption under it
            conf = 0.6
        else:
            return None
        evidence = f"first line, title case {ratio:.0%}, followed by " + (
            "a byline or caption" if header else "the story"
        )
        return ctx.finding(first, "title", "headline", evidence, conf, {"title": text})
