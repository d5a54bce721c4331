"""Repeated blocks: a long block printed again keeps only its first copy."""

from __future__ import annotations

from collections.abc import Iterable

from .._document import Document
from .._pipeline import Context, Finding
from ._common import BaseFilter, norm

__all__ = ["DuplicateFilter"]


class DuplicateFilter(BaseFilter):
    """Removes later copies of a long block repeated verbatim (white space aside).

    Only blocks of at least ``min_chars`` characters count: short lines repeat legitimately
    ("Yes.", a refrain, a list item), and short repeated boilerplate is the business of the
    filter of its category.

    >>> from cleantext import clean
    >>> p = "The bridge will close for repairs from June to September, the transport department said on Friday."
    >>> clean(p + "\\n\\n" + p).text == p
    True
    >>> clean("Yes.\\n\\nThe vote was close.\\n\\nYes.").text
    'Yes.\\n\\nThe vote was close.\\n\\nYes.'
    """

    name = "duplicate"
    categories = ("duplicate",)
    min_chars = 80

    def find(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        seen: dict[str, int] = {}
        for b in ctx.kept():
            if len(b.text) < self.min_chars:
                continue
            key = norm(b.text)
            if key in seen:
                yield ctx.finding(b, "duplicate", "repeated-block",
                                  f"repeats block {seen[key]} verbatim", 0.9)
            else:
                seen[key] = b.index
