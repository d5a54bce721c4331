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
