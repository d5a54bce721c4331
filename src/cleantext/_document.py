"""Document and Block: the input text cut into blocks, each with offsets into the original.

Plain text is cut into lines (a block is a non-empty line, stripped). Lines are grouped into
paragraphs by blank lines (``Block.para``). A document that is one long line, or a few (what a
scraper that flattens the text produces), is cut into sentences instead, so that line-level
rules still have something to act on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import regex

__all__ = ["Block", "Document", "segment_text", "iter_lines"]

_EOL = regex.compile(r"\r\n|\r|\n")

# Sentence boundary for flattened text: end punctuation, optional closing quote or bracket,
# white space, then something that starts a sentence.
_SENTENCE_END = regex.compile(
    r"(?<=[.!?\u2026][\"'\u201d\u2019)\]]?)\s+(?=[\p{Lu}\p{Nd}\"'\u201c\u2018(\[\u00bf\u00a1])"
)
# A flattened text: few lines, long ones.
_FLAT_MIN_CHARS = 300
_FLAT_LONG_LINE = 1500


@dataclass(frozen=True, slots=True)
class Block:
    """A unit the filters judge: a stripped line (or sentence) of the original.

    ``start``/``end`` are offsets into ``Document.text``; ``text == document.text[start:end]``.
    ``para`` numbers the paragraph (lines between blank lines). ``kind`` is ``"line"`` or
    ``"sentence"``. ``tag`` and ``hints`` carry HTML structure (tag name; class/id tokens)
    when the document came from HTML, and are empty for plain text.
    """

    index: int
    start: int
    end: int
    text: str
    para: int
    kind: str = "line"
    tag: str | None = None
    hints: tuple[str, ...] = ()
    #: number of white-space separated words (computed when not given)
    words: int = -1
    #: the text in lower case, for cheap trigger tests (computed when not given)
    low: str = ""

    def __post_init__(self) -> None:
        if self.words < 0:
            object.__setattr__(self, "words", len(self.text.split()))
        if not self.low:
            object.__setattr__(self, "low", self.text.lower())


@dataclass(slots=True)
class Document:
    """The text the ledger's offsets refer to, and its blocks in order."""

    text: str
    blocks: list[Block]
    format: str = "text"
    language: str | None = None
    # metadata found by the reader itself (HTML <meta>, JSON-LD), merged into the result
    meta: dict[str, object] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.blocks)

    @property
    def body_chars(self) -> int:
        return sum(b.end - b.start for b in self.blocks)


def iter_lines(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every line of ``text``, without its terminator (CRLF, CR or LF)."""
    pos = 0
    for m in _EOL.finditer(text):
        yield pos, m.start()
        pos = m.end()
    yield pos, len(text)


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every stripped non-empty line; (-1, -1) for a blank line."""
    if "\r" not in text:  # the common case: LF only, cut by str.split (iter_lines is the general one)
        starts: list[int] = []
        pos = 0
        lines = text.split("\n")
        for line in lines:
            starts.append(pos)
            pos += len(line) + 1
        pairs: Iterable[tuple[int, str]] = zip(starts, lines)
    else:
        pairs = ((s, text[s:e]) for s, e in iter_lines(text))
    out: list[tuple[int, int]] = []
    for start, line in pairs:
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            out.append((start + lead, start + lead + len(stripped)))
        else:
            out.append((-1, -1))
    return out


def segment_text(text: str, language: str | None = None) -> Document:
    """Cut plain text into blocks.

    >>> d = segment_text("Title\\n\\nFirst line\\nsecond line\\n")
    >>> [(b.text, b.para) for b in d.blocks]
    [('Title', 0), ('First line', 1), ('second line', 1)]
    """
    spans = _lines(text)
    nonblank = [sp for sp in spans if sp[0] >= 0]
    # one long line, or a few lines one of which is very long: a text whose line breaks the
    # scraper dropped
    flat = (len(nonblank) == 1 and nonblank[0][1] - nonblank[0][0] >= _FLAT_MIN_CHARS) or (
        1 < len(nonblank) <= 3 and any(e - s >= _FLAT_LONG_LINE for s, e in nonblank)
    )
    blocks: list[Block] = []
    para = 0
    prev_blank = False
    for s, e in spans:
        if s < 0:
            prev_blank = True
            continue
        if prev_blank and blocks:
            para += 1
        prev_blank = False
        if flat and e - s >= _FLAT_MIN_CHARS:
            cur = s
            for m in _SENTENCE_END.finditer(text, s, e):
                if m.start() > cur:
                    blocks.append(Block(len(blocks), cur, m.start(), text[cur : m.start()], para, "sentence"))
                cur = m.end()
            if cur < e:
                blocks.append(Block(len(blocks), cur, e, text[cur:e], para, "sentence"))
        else:
            # words and lower case given, so __post_init__ has nothing to compute (a block is
            # made for every line of every look: its set-up was a tenth of the reading time)
            t = text[s:e]
            blocks.append(Block(len(blocks), s, e, t, para, "line", None, (), len(t.split()), t.lower()))
    return Document(text=text, blocks=blocks, format="text", language=language)
