"""A list of other stories' headlines closing the page, told by its shape alone."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from .._document import Block
from .._types import Context, Finding
from ._common import reports_speech, title_case_ratio

__all__ = ["headline_run"]

#: a headline of another story: this many words, at most
_MIN_WORDS, _MAX_WORDS = 4, 20
#: the run must hold this many headlines
_MIN_RUN = 3
#: the story's last paragraph before the run: a sentence of this many words or more
_PROSE_WORDS = 20
_DATE_ONLY = regex.compile(
    r"^(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4})$"
)
_URLISH = regex.compile(r"https?://|www\.|@", regex.IGNORECASE)


def _headline(b: Block) -> bool:
    """A headline's shape: a short line in title case, without a sentence's full stop, that
    carries no link (and, unless every word is capitalised, reports no speech)."""
    text = b.text.rstrip()
    if not _MIN_WORDS <= b.words <= _MAX_WORDS or _URLISH.search(text):
        return False
    # a headline stops without a full stop ("?" and a closing quote are fine; an ellipsis too)
    if text.rstrip("\"'\u201d\u2019)")[-1:] in ",;:" or (text.endswith(".") and not text.endswith("...")):
        return False
    # "Trump Says The Virus Was 'Made'": a headline's capitals tell its speech verb from prose's
    ratio = title_case_ratio(text)
    return ratio >= 0.85 or ratio >= 0.7 and not reports_speech(text)


def headline_run(kept: list[Block], ctx: Context) -> Iterator[Finding]:
    """The headlines of other stories that close the page: after the story's last paragraph of
    prose, every remaining line is a headline (date lines between them allowed), three or more.

    A story's own list (its subheadings, a list of names or titles) sits between paragraphs or
    holds sentences; a run of title-case headlines with nothing after it is a list of links."""
    i = len(kept)
    while i > 0 and (_headline(kept[i - 1]) or _DATE_ONLY.match(kept[i - 1].text.strip())):
        i -= 1
    run = kept[i:]
    heads = sum(1 for b in run if not _DATE_ONLY.match(b.text.strip()))
    if heads < _MIN_RUN or i == 0:
        return
    last = kept[i - 1]
    # the story ends with prose right above the run (a subheading or a header is not the story)
    if last.words < _PROSE_WORDS or last.text.rstrip("\"'\u201d\u2019)")[-1:] not in ".!?\u2026":
        return
    for b in run:
        yield ctx.finding(b, "related", "headline-run",
                          "a run of other stories' headlines after the story's last paragraph, to the end of the page", 0.6)
