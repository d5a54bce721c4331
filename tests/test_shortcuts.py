"""The engine's shortcuts give exactly what the plain way gives.

The pipeline builds the clean text from the original's line table and derives the clean text's
blocks from it (instead of cutting the clean text again); segmentation hands the language guess
the words it split already. Each shortcut is checked against the plain computation on any text,
with any removals.
"""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from cleantext._document import build, line_table, segment_sampled, segment_text
from cleantext._lang import _SAMPLE, detect_language
from cleantext._result import replay_lines, replay_with_map

# pieces that make the cases worth testing: every kind of line end, white space that is not a
# line end, a capital sigma (lowered by context), a letter whose lower case is two characters,
# sentences, and lines long enough to make a text "flat"
PIECES = [
    "a", "Word", " ", "  ", "\n", "\n\n", "\n \n", "\r", "\r\n", "\t", "\x0c", "\x85", "\u2028", "\xa0",
    "\u200b", "\u03a3", "O\u0394\u039f\u03a3", "\u0130stanbul", "'", ".", "The end. Then more. ",
    "el de la que", "the and of", "x" * 310, "y" * 1510,
]
texts = st.lists(st.sampled_from(PIECES), max_size=40).map("".join) | st.text(max_size=80)


def _blocks(doc: object) -> list[tuple[object, ...]]:
    return [tuple(getattr(b, f) for f in b.__slots__) for b in doc.blocks]  # type: ignore[attr-defined]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, st.lists(st.tuples(st.floats(0, 1), st.floats(0, 1)), max_size=5), st.booleans())
@example("Title\n\nBy A. Writer\nBody text.\n", [(7 / 26, 19 / 26)], False)
@example("a\n\n\nb\r\n\r\nc", [(0.0, 0.05)], True)
def test_replay_lines_is_replay_and_segmentation(text: str, cuts: list[tuple[float, float]], whole: bool) -> None:
    doc = segment_text(text)
    n = len(text)
    removed = [{"start": int(min(a, b) * n), "end": int(max(a, b) * n)} for a, b in cuts]
    if whole and doc.blocks:  # a block taken whole, the usual removal
        b = doc.blocks[len(doc.blocks) // 2]
        removed.append({"start": b.start, "end": b.end})
    clean, pieces = replay_with_map(text, removed)
    got, got_pieces, lines, known = replay_lines(text, doc.line_table(), removed, doc.blocks)
    assert (got, got_pieces) == (clean, pieces)
    assert _blocks(build(got, lines, "en", known)[0]) == _blocks(segment_text(clean, language="en"))


@settings(max_examples=300, deadline=None)
@given(texts, st.sampled_from([4000, 1, 9, 30]))
def test_sampled_words_are_the_samples(text: str, sample: int) -> None:
    doc, words = segment_sampled(text, None, sample)
    assert _blocks(doc) == _blocks(segment_text(text))
    assert doc.line_table() == line_table(text)
    if words is not None:
        assert [w for ws in words for w in ws] == text[:sample].lower().split()
        if sample == _SAMPLE:
            assert detect_language(text, words=words) == detect_language(text)
    else:  # a text cut into sentences: the guess reads the text itself
        assert any(b.kind == "sentence" for b in doc.blocks)


def test_line_table_follows_a_replaced_text() -> None:
    doc = segment_text("one\ntwo")
    assert doc.line_table() == [(0, 3, 0, 3), (4, 7, 4, 7)]
    doc.text = " three"
    assert doc.line_table() == [(0, 6, 1, 6)]


def test_a_timed_out_filter_leaves_no_trace() -> None:
    """A filter whose pattern times out loses its findings, and the blocks they took or cut are
    the earlier filters' again (the pipeline forgets them without having copied its state)."""
    from cleantext import Options, Pipeline, clean

    text = "Alpha line one.\n\nBeta line two.\n\nGamma line three."
    seen: list[tuple[bool, bool, bool]] = []

    def first(doc, ctx):  # type: ignore[no-untyped-def]
        if len(doc.blocks) != 3:  # the first look only
            return
        b = doc.blocks[0]
        yield ctx.finding((b.start, b.start + 5), "ui", "cut", "cuts into block 0")

    def slow(doc, ctx):  # type: ignore[no-untyped-def]
        if len(doc.blocks) != 3:
            return
        yield ctx.finding(doc.blocks[1], "ui", "whole", "takes block 1")
        yield ctx.finding((doc.blocks[2].start, doc.blocks[2].start + 5), "ui", "cut", "cuts block 2")
        raise TimeoutError

    def last(doc, ctx):  # type: ignore[no-untyped-def]
        if len(doc.blocks) != 3:
            return
        seen.append((ctx.is_removed(1), 2 in ctx._cut, 0 in ctx._cut))
        yield ctx.finding(doc.blocks[2], "ui", "whole", "takes block 2")

    r = clean(text, pipeline=Pipeline([first, slow, last]), options=Options(format="text"))
    assert seen[0] == (False, False, True)
    assert [x.filter for x in r.removed] == ["first", "last"]
    assert any("'slow'" in w and "timed out" in w for w in r.warnings)
    assert r.text == "line one.\n\nBeta line two."


def test_kept_is_read_as_it_goes() -> None:
    """``ctx.kept()`` gives the blocks still there at each step: a block a finding took while
    the walk ran is not given (and blocks whose index is not their place are walked by index)."""
    from cleantext import Document, Options, Pipeline
    from cleantext._document import Block

    walked: list[list[str]] = []

    def walker(doc, ctx):  # type: ignore[no-untyped-def]
        got = []
        for b in ctx.kept():
            got.append(b.text)
            if b.text == "one" and len(doc.blocks) == 4:  # takes the block after the next
                yield ctx.finding(doc.blocks[2], "ui", "ahead", "takes 'three'")
        walked.append(got)

    Pipeline([walker]).run(segment_text("one\ntwo\nthree\nfour"), Options(format="text"))
    assert walked[0] == ["one", "two", "four"]
    text = "b\na"
    doc = Document(text, [Block(1, 0, 1, "b", 0), Block(0, 2, 3, "a", 0)])
    walked.clear()
    Pipeline([walker]).run(doc, Options(format="text"))
    assert walked[0] == ["b", "a"]


@settings(max_examples=200, deadline=None)
@given(texts)
def test_line_blocks_are_the_dataclass_blocks(text: str) -> None:
    """Segmentation makes a line's block without the dataclass's __init__: it is the block the
    constructor makes (equal, same hash, frozen), with its words and lower case."""
    import dataclasses

    import pytest

    from cleantext._document import Block

    for b in segment_text(text).blocks:
        made = Block(b.index, b.start, b.end, b.text, b.para, b.kind, b.tag, b.hints)
        assert b == made and hash(b) == hash(made) and repr(b) == repr(made)
        assert (b.words, b.low) == (len(b.text.split()), b.text.lower())
        with pytest.raises(dataclasses.FrozenInstanceError):
            b.text = "x"  # type: ignore[misc]
