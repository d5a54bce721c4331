"""The headline: a title line at the top of the text moves to the metadata."""

from __future__ import annotations

from collections.abc import Iterable

from .._document import Document
from .._pipeline import Context, Finding
from ._common import BaseFilter, is_body_like, is_headline_like, title_case_ratio

__all__ = ["TitleFilter"]

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
        blocks = doc.blocks
        # the first block still there: everything before it (share bars, a caption) is gone
        first = next(ctx.kept(), None)
        if first is None or not is_headline_like(first.text):
            return
        after = [b for b in blocks[first.index + 1 :] if not ctx.is_removed(b.index)]
        if len(after) < 1:
            return
        nxt = after[0]
        if is_headline_like(nxt.text) or not is_body_like(nxt.text):
            return
        between = {ctx.removed_category(i) for i in range(first.index + 1, nxt.index)}
        header = bool(between & _HEADER)
        ratio = title_case_ratio(first.text)
        conf = 0.85 if header or ratio >= 0.85 else 0.7
        evidence = f"first line, title case {ratio:.0%}, followed by " + (
            "a byline or caption" if header else "the story"
        )
        yield ctx.finding(first, "title", "headline", evidence, conf, {"title": first.text})
