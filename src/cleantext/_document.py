"""Document and Block: the input text cut into blocks, each with offsets into the original.

Plain text is cut into lines (a block is a non-empty line, stripped). Lines are grouped into
paragraphs by blank lines (``Block.para``). A document that is one long line, or a few (what a
scraper that flattens the text produces), is cut into sentences instead, so that line-level
rules still have something to act on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import regex

__all__ = ["Block", "Document", "segment_text", "segment_sampled", "build", "line_table", "iter_lines"]

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


# A line's block made without the dataclass's __init__ (each field set once through its slot,
# __post_init__ with nothing to do skipped): half the cost, and a block is made for every line
# of every look. Equal to Block(index, start, end, text, para, "line", None, (), words, low).
_SLOT_SET = {name: getattr(Block, name).__set__ for name in Block.__slots__}
assert tuple(_SLOT_SET) == ("index", "start", "end", "text", "para", "kind", "tag", "hints", "words", "low"), (
    "Block's fields changed: update _line_block"
)


def _line_block(
    index: int,
    start: int,
    end: int,
    text: str,
    para: int,
    words: int,
    low: str,
    _new: Any = object.__new__,
    _set: tuple[Any, ...] = tuple(_SLOT_SET.values()),
) -> Block:
    b: Block = _new(Block)
    s_index, s_start, s_end, s_text, s_para, s_kind, s_tag, s_hints, s_words, s_low = _set
    s_index(b, index)
    s_start(b, start)
    s_end(b, end)
    s_text(b, text)
    s_para(b, para)
    s_kind(b, "line")
    s_tag(b, None)
    s_hints(b, ())
    s_words(b, words)
    s_low(b, low)
    return b


@dataclass(slots=True)
class Document:
    """The text the ledger's offsets refer to, and its blocks in order."""

    text: str
    blocks: list[Block]
    format: str = "text"
    language: str | None = None
    # metadata found by the reader itself (HTML <meta>, JSON-LD), merged into the result
    meta: dict[str, object] = field(default_factory=dict)
    # the line table of ``text`` (see :func:`line_table`) with the text it was made from, kept
    # by segmentation so the pipeline's replay of the ledger does not cut the lines again
    _lines: tuple[str, list[tuple[int, int, int, int]]] | None = field(default=None, repr=False, compare=False)

    def __len__(self) -> int:
        return len(self.blocks)

    @property
    def body_chars(self) -> int:
        return sum(b.end - b.start for b in self.blocks)

    def line_table(self) -> list[tuple[int, int, int, int]]:
        """:func:`line_table` of ``text`` (computed once, again if ``text`` was replaced)."""
        got = self._lines
        if got is None or got[0] is not self.text:
            got = self._lines = (self.text, line_table(self.text))
        return got[1]


def iter_lines(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every line of ``text``, without its terminator (CRLF, CR or LF)."""
    pos = 0
    for m in _EOL.finditer(text):
        yield pos, m.start()
        pos = m.end()
    yield pos, len(text)


def line_table(text: str) -> list[tuple[int, int, int, int]]:
    """Every line of ``text`` as ``(start, end, stripped start, stripped end)``: ``start``/``end``
    without its terminator (CRLF, CR or LF, as :func:`iter_lines`), the stripped span ``(-1, -1)``
    for a blank line."""
    out: list[tuple[int, int, int, int]] = []
    append = out.append
    if "\r" not in text:  # the common case: LF only, cut by str.split (iter_lines is the general one)
        pos = 0
        for line in text.split("\n"):
            n = len(line)
            stripped = line.strip()
            if not stripped:
                append((pos, pos + n, -1, -1))
            elif len(stripped) == n:
                append((pos, pos + n, pos, pos + n))
            else:
                lead = pos + n - len(line.lstrip())
                append((pos, pos + n, lead, lead + len(stripped)))
            pos += n + 1
        return out
    for start, end in iter_lines(text):
        line = text[start:end]
        stripped = line.strip()
        if stripped:
            lead = start + len(line) - len(line.lstrip())
            append((start, end, lead, lead + len(stripped)))
        else:
            append((start, end, -1, -1))
    return out


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every stripped non-empty line; (-1, -1) for a blank line."""
    return [(s, e) for _, _, s, e in line_table(text)]


def segment_text(text: str, language: str | None = None) -> Document:
    """Cut plain text into blocks.

    >>> d = segment_text("Title\\n\\nFirst line\\nsecond line\\n")
    >>> [(b.text, b.para) for b in d.blocks]
    [('Title', 0), ('First line', 1), ('second line', 1)]
    """
    return segment_sampled(text, language)[0]


def segment_sampled(text: str, language: str | None = None, sample: int = 0) -> tuple[Document, list[list[str]] | None]:
    """:func:`segment_text`, and the lower-case words of ``text[:sample]`` (``split()`` of each
    line, as ``text[:sample].lower().split()`` gives them) when ``sample`` is set and the text
    was cut into lines: the words the language guess counts, split once with the blocks'.
    ``None`` when ``sample`` is 0 or the text was cut into sentences."""
    table = line_table(text)
    doc, words = build(text, [(s, e) for _, _, s, e in table], language, sample=sample)
    doc._lines = (text, table)
    return doc, words


def build(
    text: str,
    spans: list[tuple[int, int]],
    language: str | None = None,
    known: list[tuple[str, str, int] | None] | None = None,
    sample: int = 0,
) -> tuple[Document, list[list[str]] | None]:
    """The Document :func:`segment_text` makes of ``text``, given its stripped line spans
    (``(-1, -1)`` for a blank line). ``known``, parallel to ``spans``, may give a line's
    ``(text, lower case, words)`` when they are known already (a line of an earlier look)."""
    nonblank = [sp for sp in spans if sp[0] >= 0]
    # one long line, or a few lines one of which is very long: a text whose line breaks the
    # scraper dropped
    flat = (len(nonblank) == 1 and nonblank[0][1] - nonblank[0][0] >= _FLAT_MIN_CHARS) or (
        1 < len(nonblank) <= 3 and any(e - s >= _FLAT_LONG_LINE for s, e in nonblank)
    )
    words: list[list[str]] | None = [] if sample and not flat else None
    blocks: list[Block] = []
    append = blocks.append
    para = 0
    prev_blank = False
    for n, (s, e) in enumerate(spans):
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
                    append(Block(len(blocks), cur, m.start(), text[cur : m.start()], para, "sentence"))
                cur = m.end()
            if cur < e:
                append(Block(len(blocks), cur, e, text[cur:e], para, "sentence"))
            continue
        # words and lower case given, so __post_init__ has nothing to compute (a block is
        # made for every line of every look: its set-up was a tenth of the reading time)
        got = known[n] if known is not None else None
        if got is not None:
            t, low, nw = got
        else:
            t = text[s:e]
            low = t.lower()
            if words is not None and s < sample:
                # the language guess's sample: the words of text[:sample] in lower case. White
                # space is never case-ignorable, so a line lowered alone is lowered as in the
                # whole (final sigma), and lowering keeps white space where it was
                ws = low.split() if e <= sample else text[s:sample].lower().split()
                words.append(ws)
                nw = len(ws) if e <= sample else len(low.split())
            else:
                nw = len(t.split())
        append(_line_block(len(blocks), s, e, t, para, nw, low))
    return Document(text=text, blocks=blocks, format="text", language=language), words
