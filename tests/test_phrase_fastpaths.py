"""A phrase group anchored at a block's start is tried without the look for its literals.

``Phrases.first`` looks for a group's literals in the whole block before it searches, to pass
over the blocks that cannot hold a match; for a group anchored at the start ("line", "prefix",
"start": ``^...``) the expression fails there at once, in less time than that look takes, so
it is tried directly. Checked here: the answer is the expression's own, on every block of every
fixture (see also tests/test_rule_fastpaths.py) and on texts built at random from pieces that
put the lists' phrases at the start, in the middle and at the end of blocks of any length.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cleantext._patterns import LANGUAGES, _groups_in
from cleantext.filters._common import _phrases

from .test_triggers import SAMPLES, _texts

ANCHORS = ("line", "prefix", "start", "end", "any")
PROSE = "The council met on Tuesday and the mayor said the budget would be balanced for the first time."
PIECES = [
    "Advertisement", "Advertisement - story continues below", "READ MORE: ", "Related", "Recent Posts",
    "Share this", "Source: Reuters", "Expand | Collapse ", "Loading...", "Copyright 2021 The Post. ",
    "Scroll down to leave a comment!", "Already a subscriber? Log in.", "This article originally appeared on ",
    "About the author: ", "Click here", "h/t ", "Publicidad", "Leer más: ", "Werbung", "Lire aussi : ",
    " ", "\n", ": ", " - ", "\u2022 ", "** ", "...", PROSE, "more", "read", "ad", "source",
]
texts = st.lists(st.sampled_from(PIECES), min_size=1, max_size=8).map("".join)
LANG_SETS = [("en",) if lang == "en" else (lang, "en") for lang in LANGUAGES]


def _groups() -> list[tuple[str, tuple[str, ...]]]:
    return [(g, langs) for langs in LANG_SETS for g in _groups_in(langs[0])]


def _same(g: object, text: str) -> bool:
    m = g.first(text, text.lower())  # type: ignore[attr-defined]
    whole = g.pattern.search(text)  # type: ignore[attr-defined]
    return (m and (m.span(), m.group())) == (whole and (whole.span(), whole.group()))


def test_only_groups_anchored_at_the_start_skip_the_look() -> None:
    for anchor in ANCHORS:
        g = _phrases("related_line", ("en",), anchor)
        assert g.anchored == (anchor in ("line", "prefix", "start"))
        assert g.index is not None  # (kept for ``may_hold``)


def test_an_anchored_group_answers_as_its_expression_on_every_block() -> None:
    blocks = sorted({b.strip() for t in _texts() + SAMPLES for b in t.split("\n") if b.strip()})
    found = 0
    for group, langs in _groups():
        for anchor in ("line", "prefix", "start"):
            g = _phrases(group, langs, anchor)
            for text in blocks:
                assert _same(g, text), (group, langs, anchor, text)
                found += g.pattern.search(text) is not None
    assert found > 100  # the blocks exercise the groups, not only their "no"


@settings(max_examples=300, deadline=None)
@given(texts, st.sampled_from(LANG_SETS))
def test_an_anchored_group_answers_as_its_expression(text: str, langs: tuple[str, ...]) -> None:
    for group in _groups_in(langs[0]):
        for anchor in ("line", "prefix", "start"):
            assert _same(_phrases(group, langs, anchor), text), (group, anchor, text)
