"""What cleaning returns: the ledger of removals, the metadata found, and the clean text.

The clean text is built in exactly one place, :func:`replay`, from the original and the ledger,
so ``replay(result.original, result.removed) == result.text`` holds for every result, and a
ledger stored as JSON replays to the same text (``replay`` accepts the dicts of ``to_dict()``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from ._document import iter_lines

__all__ = ["Removal", "Caption", "Metadata", "Result", "replay", "replay_with_map", "replay_lines", "map_span", "CATEGORIES"]

#: The fixed vocabulary of categories, used in the ledger, the CLI and the fixtures.
CATEGORIES: tuple[str, ...] = (
    "title",
    "byline",
    "dateline",
    "caption",
    "donation",
    "newsletter",
    "subscription",
    "advertisement",
    "social",
    "related",
    "source_notice",
    "legal",
    "author_bio",
    "comments",
    "ui",
    "duplicate",
    "site_template",
)


@dataclass(frozen=True, slots=True)
class Removal:
    """One entry of the ledger: ``original[start:end]`` was removed.

    ``filter`` is the name of the filter that decided it (the same name ``Pipeline.without``
    and ``cleantext --disable`` take), ``rule`` the rule inside that filter, ``evidence`` why,
    in words, and ``confidence`` how sure the rule is (the mode's threshold is applied to it).
    """

    start: int
    end: int
    category: str
    filter: str
    rule: str
    evidence: str
    confidence: float
    text: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Caption:
    """A photo or video caption, with its credit apart (``None`` when none was given)."""

    text: str
    credit: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "credit": self.credit}


@dataclass(frozen=True, slots=True)
class Metadata:
    """What cleaning found about the article besides its body."""

    title: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    captions: tuple[Caption, ...] = ()
    language: str | None = None
    site_name: str | None = None
    url: str | None = None
    description: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "authors": list(self.authors),
            "published": self.published,
            "captions": [c.to_dict() for c in self.captions],
            "language": self.language,
            "site_name": self.site_name,
            "url": self.url,
            "description": self.description,
        }


def _span_of(r: Removal | Mapping[str, Any]) -> tuple[int, int]:
    if isinstance(r, Removal):
        return r.start, r.end
    return int(r["start"]), int(r["end"])


def replay(original: str, removed: Iterable[Removal | Mapping[str, Any]]) -> str:
    """Build the clean text from the original and the ledger.

    Removed spans are cut out; what is left of a line is stripped, and the pieces of a line cut
    in the middle are joined by one space. A line emptied by a removal disappears with its line
    break. Blank lines in the original separate paragraphs, and a run of them becomes one.
    Line ends become ``\\n``.

    >>> replay("Title\\n\\nBy A. Writer\\nBody text.\\n", [{"start": 7, "end": 19}])
    'Title\\n\\nBody text.'
    """
    return replay_with_map(original, removed)[0]


def replay_with_map(
    original: str, removed: Iterable[Removal | Mapping[str, Any]]
) -> tuple[str, list[tuple[int, int, int]]]:
    """:func:`replay`, and the kept pieces as ``(output offset, original offset, length)``."""
    spans = _merged(_span_of(r) for r in removed)
    out: list[str] = []
    pieces_map: list[tuple[int, int, int]] = []
    pos = 0  # length of the output so far
    pending_blank = False
    k = 0  # the first span that may still reach the current line
    nspans = len(spans)
    for ls, le in iter_lines(original):
        while k < nspans and spans[k][1] <= ls:
            k += 1
        kept, j = _kept_pieces(original, spans, k, ls, le)
        if not kept:
            if j == k:  # an untouched blank line separates paragraphs
                pending_blank = True
            continue
        sep = ("\n\n" if pending_blank else "\n") if out else ""
        pending_blank = False
        out.append(sep)
        pos += len(sep)
        for n, (a, b) in enumerate(kept):
            if n:
                out.append(" ")
                pos += 1
            out.append(original[a:b])
            pieces_map.append((pos, a, b - a))
            pos += b - a
    return "".join(out), pieces_map


def replay_lines(
    original: str,
    table: Sequence[tuple[int, int, int, int]],
    removed: Iterable[Removal | Mapping[str, Any]],
    blocks: Sequence[Any] = (),
) -> tuple[str, list[tuple[int, int, int]], list[tuple[int, int]], list[tuple[str, str, int] | None]]:
    """:func:`replay_with_map` over the line table of ``original`` (``Document.line_table()``),
    and the clean text's lines as segmentation wants them: their spans in the clean text
    (``(-1, -1)`` where a blank line separates paragraphs) and, for a line no removal touched
    that is one of ``blocks`` (blocks of ``original``), that block's ``(text, low, words)``.

    A line no removal touches is its stripped span, kept whole: only the lines a removal cuts
    into are cut into pieces."""
    spans = _merged(_span_of(r) for r in removed)
    out: list[str] = []
    pieces_map: list[tuple[int, int, int]] = []
    lines: list[tuple[int, int]] = []
    known: list[tuple[str, str, int] | None] = []
    pos = 0  # length of the output so far
    pending_blank = False
    k = 0  # the first span that may still reach the current line
    nspans = len(spans)
    # the next span's start and end (past every line once the spans are done)
    sk, ek = spans[0] if spans else (len(original) + 1, len(original) + 1)
    bi = 0
    nblocks = len(blocks)
    for ls, le, s, e in table:
        if ek <= ls:
            while k < nspans and spans[k][1] <= ls:
                k += 1
            sk, ek = spans[k] if k < nspans else (len(original) + 1, len(original) + 1)
        if sk >= le:  # no removal touches this line
            if s < 0:  # an untouched blank line separates paragraphs
                pending_blank = True
                continue
            if out:
                if pending_blank:
                    out.append("\n\n")
                    pos += 2
                    lines.append((-1, -1))
                    known.append(None)
                else:
                    out.append("\n")
                    pos += 1
            pending_blank = False
            t = original[s:e]
            out.append(t)
            pieces_map.append((pos, s, e - s))
            lines.append((pos, pos + e - s))
            pos += e - s
            while bi < nblocks and blocks[bi].start < s:
                bi += 1
            if bi < nblocks and blocks[bi].start == s and blocks[bi].end == e:
                b = blocks[bi]
                known.append((b.text, b.low, b.words))
            else:
                known.append(None)
            continue
        kept, _ = _kept_pieces(original, spans, k, ls, le)
        if not kept:
            continue
        if out:
            if pending_blank:
                out.append("\n\n")
                pos += 2
                lines.append((-1, -1))
                known.append(None)
            else:
                out.append("\n")
                pos += 1
        pending_blank = False
        start = pos
        for n, (a, b_) in enumerate(kept):
            if n:
                out.append(" ")
                pos += 1
            out.append(original[a:b_])
            pieces_map.append((pos, a, b_ - a))
            pos += b_ - a
        lines.append((start, pos))
        known.append(None)
    return "".join(out), pieces_map, lines, known


def _kept_pieces(
    original: str, spans: Sequence[tuple[int, int]], k: int, ls: int, le: int
) -> tuple[list[tuple[int, int]], int]:
    """What the sorted, merged ``spans`` (from the ``k``-th on) leave of the line ``[ls, le)``:
    its pieces, each stripped, empty ones dropped; and the index of the first span past it."""
    j = k
    cur = ls
    pieces: list[tuple[int, int]] = []
    nspans = len(spans)
    while j < nspans and spans[j][0] < le:
        a, b = spans[j]
        if a > cur:
            pieces.append((cur, a))
        cur = max(cur, b)
        j += 1
    if cur < le:
        pieces.append((cur, le))
    kept: list[tuple[int, int]] = []
    for a, b in pieces:
        seg = original[a:b]
        stripped = seg.strip()
        if stripped:
            a += len(seg) - len(seg.lstrip())
            kept.append((a, a + len(stripped)))
    return kept, j


def map_span(pieces: Sequence[tuple[int, int, int]], start: int, end: int) -> tuple[int, int] | None:
    """The original span under output span ``[start, end)`` (separators are not mapped)."""
    import bisect

    outs = [p[0] for p in pieces]
    i = max(0, bisect.bisect_right(outs, start) - 1)
    first = last = None
    while i < len(pieces) and pieces[i][0] < end:
        o, a, n = pieces[i]
        if o + n > start:
            if first is None:
                first = a + max(0, start - o)
            last = a + min(n, end - o)
        i += 1
    if first is None or last is None or last <= first:
        return None
    return first, last


def _merged(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if e <= s:
            continue
        if out and s <= out[-1][1]:
            if e > out[-1][1]:
                out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


@dataclass(frozen=True)
class Result:
    """The outcome of cleaning one document.

    ``text`` is the clean body; ``original`` the text the ledger's offsets refer to (for HTML,
    the text view of the page); ``removed`` the ledger, sorted and non-overlapping;
    ``metadata`` what was found; ``warnings`` anything a person should know (a time-out, a
    fallback, a removal the safety cap undid).
    """

    text: str
    original: str
    removed: tuple[Removal, ...]
    metadata: Metadata
    warnings: tuple[str, ...] = ()
    format: str = "text"
    mode: str = "balanced"

    def to_dict(self, ledger: bool = True) -> dict[str, Any]:
        """A JSON-ready dict: ``text``, ``metadata``, ``removed`` (unless ``ledger=False``), ``warnings``."""
        d: dict[str, Any] = {"text": self.text, "metadata": self.metadata.to_dict()}
        if ledger:
            d["removed"] = [r.to_dict() for r in self.removed]
        d["warnings"] = list(self.warnings)
        d["format"] = self.format
        d["mode"] = self.mode
        return d

    def to_json(self, ledger: bool = True, indent: int | None = None) -> str:
        """The result as JSON text; always encodable as UTF-8 (lone surrogates become ``\\udXXX``)."""
        d = self.to_dict(ledger)
        out = json.dumps(d, ensure_ascii=False, indent=indent)
        try:
            out.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate in a str input: escape, and it loads back
            out = json.dumps(d, ensure_ascii=True, indent=indent)
        return out

    def explain(self, width: int = 100) -> str:
        """For a person: each removal with its category, filter/rule, evidence and text."""
        lines: list[str] = []
        md = self.metadata
        if md.title:
            lines.append(f"title:     {md.title}")
        if md.authors:
            lines.append(f"authors:   {', '.join(md.authors)}")
        if md.published:
            lines.append(f"published: {md.published}")
        for c in md.captions:
            credit = f"  [credit: {c.credit}]" if c.credit else ""
            lines.append(f"caption:   {c.text}{credit}")
        n = len(self.removed)
        lines.append(f"{n} removal{'s' if n != 1 else ''} ({self.mode} mode):")
        for r in self.removed:
            snippet = " ".join(r.text.split())
            if len(snippet) > width:
                snippet = snippet[: width - 1] + "\u2026"
            lines.append(
                f"  [{r.start}:{r.end}] {r.category:<13} {r.filter}/{r.rule} "
                f"({r.confidence:.2f}): {r.evidence}"
            )
            lines.append(f"      {snippet!r}")
        for w in self.warnings:
            lines.append(f"warning: {w}")
        return "\n".join(lines)

    def removed_by_category(self) -> dict[str, int]:
        """Characters removed per category."""
        out: dict[str, int] = {}
        for r in self.removed:
            out[r.category] = out.get(r.category, 0) + (r.end - r.start)
        return out
