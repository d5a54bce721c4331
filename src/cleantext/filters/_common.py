"""Shared pieces of the filters: name and case tests, quoted speech, the base class."""

from __future__ import annotations

import bisect
from collections.abc import Iterable

import regex

from .._document import Block, Document
from .._patterns import compile_group
from .._pipeline import Context, Finding

__all__ = [
    "BaseFilter",
    "NAME",
    "NAME_LIST",
    "title_case_ratio",
    "is_headline_like",
    "is_body_like",
    "reports_speech",
    "group",
    "norm",
]

# A person's name: 1 to 5 capitalised tokens (initials, hyphens, apostrophes, particles).
_TOKEN = r"(?:\p{Lu}[\p{L}\p{M}'\u2019]*\.?(?:-\p{Lu}?[\p{L}\p{M}'\u2019]+)*|\p{Lu}\.)"
_PARTICLE = r"(?:de|del|de la|da|di|dos|du|van|von|der|den|ten|ter|le|la|bin|ibn|al|el|y|Mc|Mac)"
NAME = rf"{_TOKEN}(?:\s+(?:{_PARTICLE}\s+)?{_TOKEN}){{0,4}}"
NAME_LIST = rf"{NAME}(?:\s*,\s*{NAME})*(?:,?\s+(?:and|&|y|und|et)\s+{NAME})?"

_MINOR = frozenset(
    "a an the and or but nor of in on at to for by with as from into onto upon vs via per than "
    "de la el los las y en del por con para al le les et des du un une und der die das von zu".split()
)
_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}\p{M}'\u2019.-]*")
_WS = regex.compile(r"\s+")

# Reported speech: an attribution verb near a quotation mark (a quote at most 400 characters
# before the verb, or an opening quote at most 80 after "said", "told", ...). Found from the
# verbs and the quote positions, not by one pattern with ".{0,400}?" tried from every quote,
# which cost 400 steps a character on a line of quotation marks.
_SPEECH_VERB = regex.compile(
    r"\b(?:said|says|told|wrote|writes|added|asked|explained|"
    r"according to|dijo|afirmó|señaló|explicó|sagte|erklärte|a déclaré|a dit)\b",
    regex.IGNORECASE,
)
_SPEECH_VERB_BEFORE_QUOTE = frozenset(("said", "says", "told", "wrote", "added"))
_QUOTE = regex.compile(r"[\"\u201c\u201d\u00ab\u00bb]")
_OPENING_QUOTE = frozenset('"\u201c\u00ab')


def norm(text: str) -> str:
    """White space folded, for comparing blocks."""
    return _WS.sub(" ", text).strip()


def title_case_ratio(text: str) -> float:
    """Share of the non-minor words that start with a capital letter or a digit."""
    words = [w for w in _WORD.findall(text) if w.lower() not in _MINOR]
    if not words:
        return 0.0
    cap = sum(1 for w in words if w[0].isupper() or w[0].isdigit())
    return cap / len(words)


def is_headline_like(text: str) -> bool:
    """A short line in title case without a sentence's closing punctuation."""
    n = len(text.split())
    if not 2 <= n <= 25 or len(text) > 220:
        return False
    if text.rstrip()[-1:] in ".,;:" and not text.endswith("..."):
        return title_case_ratio(text) >= 0.85 and n >= 4
    return title_case_ratio(text) >= 0.7


def is_body_like(text: str) -> bool:
    """A paragraph of prose: long enough, or a sentence with its closing punctuation."""
    n = len(text.split())
    if n >= 25:
        return True
    return n >= 6 and text.rstrip("\"'\u201d\u2019)]")[-1:] in ".!?:\u2026" and not is_headline_like(text)


def reports_speech(text: str) -> bool:
    """Whether the block quotes somebody (article prose, not a prompt addressed to the reader)."""
    verbs = list(_SPEECH_VERB.finditer(text))
    if not verbs:
        return False
    quotes = [m.start() for m in _QUOTE.finditer(text)]
    opening = [q for q in quotes if text[q] in _OPENING_QUOTE]
    for v in verbs:
        i = bisect.bisect_left(quotes, v.start() - 401)
        if i < len(quotes) and quotes[i] < v.start():
            return True
        if v.group().lower() in _SPEECH_VERB_BEFORE_QUOTE:
            i = bisect.bisect_left(opening, v.end())
            if i < len(opening) and opening[i] <= v.end() + 80:
                return True
    return False


def group(name: str, ctx: Context) -> regex.Pattern[str]:
    """The compiled phrase group for the document's language, English always included."""
    langs = ("en",) if ctx.language == "en" else (ctx.language, "en")
    return compile_group(name, tuple(dict.fromkeys(langs)))


class BaseFilter:
    """A filter class: ``name``, the ``categories`` it emits, and ``find``.

    Subclasses implement ``find(doc, ctx)`` and yield findings; they never edit the text.
    """

    name: str = ""
    categories: tuple[str, ...] = ()

    def find(self, doc: Document, ctx: Context) -> Iterable[Finding]:  # pragma: no cover
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"


def head_blocks(ctx: Context, limit: int = 8, scan: int = 20) -> list[Block]:
    """The first ``limit`` blocks still kept, looking no further than block ``scan``."""
    out: list[Block] = []
    for b in ctx.doc.blocks[:scan]:
        if not ctx.is_removed(b.index):
            out.append(b)
            if len(out) >= limit:
                break
    return out
