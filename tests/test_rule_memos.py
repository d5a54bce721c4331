"""The cheaper paths of the byline, advertisement, author and title rules answer as the plain work.

Each shortcut is checked against the computation it replaces, written out here as it was (or
switched off), on the fixtures and seed texts, on lines written for these tests, and on texts
built at random:

- ``_promo``: the last sentence, read alone first, starts where the last of all the sentences
  does; a verdict given the block's word count is the plain verdict;
- byline: the window found from the two ends of the page is the window of all its paragraphs;
- author_bio: with no byline's name on the page, the gate that passes over the blocks above the
  page's end passes over none ``extra`` takes;
- the verdicts kept across the looks at one document (title's "no", byline's date lines, the
  blurb and biography expressions' plain texts, the biography sentences) change no result;
- a phrase list's flag turned off for a group ("(?-i:...)") is no flag for the whole expression:
  such a list is searched alternative by alternative, as the alternation would find.
"""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleantext._document import Block
from cleantext.filters import _promo, byline, phrases
from cleantext.filters._common import is_body_like

from .test_rule_fastpaths import BIO_LINES, LANG_SETS, PIECES, PROMO_LINES, _results, _verdict_plain
from .test_triggers import BLOCKS, SAMPLES, _texts

STORY = "The council voted on Tuesday to close the old bridge after engineers found deep cracks in two of its supports."


# -- _promo: the last sentence first ------------------------------------------------------------
BREAK_PIECES = [
    " ", "  ", "\n", "\u00a0", "\u2003", ". ", "? ", "! ", "... ", "\u2026 ", '." ', ".\u201d ", ".) ", "!? ",
    "Mr. ", "Dr. ", "J. ", "U.S. ", "A. ", "(", "\u201c", "\u00bf", "\u00a1", "The", "the", "word", "Word", "2020",
    "Follow our desk on Instagram", "Shop our mugs", "x" * 120, "word " * 45, "Ann Lee said", ",", ":",
]
break_texts = st.lists(st.sampled_from(BREAK_PIECES), max_size=40).map("".join)


def _last_start_plain(text: str, first: int) -> int:
    sents = _promo._sentences(text, first)
    return sents[-1][0] if sents else first


@settings(max_examples=800, deadline=None)
@given(break_texts, st.integers(min_value=0, max_value=400))
def test_the_last_sentence_starts_where_the_last_of_the_sentences_does(text: str, first: int) -> None:
    first = min(first, len(text))
    assert _promo._last_start(text, first) == _last_start_plain(text, first)


def test_a_last_sentence_longer_than_the_window_is_found_whole() -> None:
    # no break in the last characters: the whole is searched (from ``first``)
    for head in ("", "It rained. ", "Mr. Lee left. ", "Why? ", "The end.\u201d Then ", "Stop.  \u201cGo"):
        for n in (0, 10, 150, 199, 200, 201, 250, 500):
            for tail in ("", ".", ". ", " Then"):
                text = head + "word " * (n // 5) + tail
                for first in {0, min(len(text), 3), len(head), len(text)}:
                    assert _promo._last_start(text, first) == _last_start_plain(text, first), (text, first)


def test_the_last_sentence_start_on_every_block() -> None:
    for text in [t for t, _ in BLOCKS] + SAMPLES + PROMO_LINES:
        for first in sorted({0, max(0, len(text) - _promo.TAIL_CHARS), len(text) // 2}):
            assert _promo._last_start(text, first) == _last_start_plain(text, first), text


promo_texts = st.lists(st.sampled_from(PIECES + BREAK_PIECES), min_size=1, max_size=30).map("".join)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(promo_texts, st.sampled_from(LANG_SETS))
def test_the_verdict_given_the_word_count_is_the_plain_verdict(text: str, langs: tuple[str, ...]) -> None:
    assert _promo._verdict.__wrapped__(text, langs, len(text.split())) == _verdict_plain(text, langs)


def test_the_verdict_given_the_word_count_on_every_block() -> None:
    found = 0
    for langs in LANG_SETS:
        for text in [t for t, _ in BLOCKS] + SAMPLES + PROMO_LINES:
            want = _verdict_plain(text, langs)
            assert _promo._verdict.__wrapped__(text, langs, len(text.split())) == want, (langs, text)
            found += want is not None
    assert found > 10


# -- byline: the window from the two ends -------------------------------------------------------
def _window_plain(kept: list[Block], head_max: int, tail_max: int) -> tuple[int, int, int]:
    body = [k for k, b in enumerate(kept) if b.words >= 25 or is_body_like(b.text)]
    if len(body) > 1:
        head_end = min(body[1], head_max)
        tail_start = max(body[-2] + 1, head_end, len(kept) - tail_max)
    else:
        head_end = tail_start = len(kept)
    longs = [k for k in body if kept[k].words >= 25]
    by_end = max(head_end, min(longs[2] if len(longs) > 2 else len(kept), head_max, tail_start))
    return head_end, tail_start, by_end


LINE_KINDS = [
    "By Ann Lee", "March 3, 2021", "Storm Knocks Out Power Across The Valley", "Advertisement",
    "The mayor said the bridge would reopen soon.",  # a short sentence: a paragraph by its ending
    STORY, STORY + " " + STORY,  # 20 words with a full stop, and 40 words
    "word " * 24 + "word",  # 25 words without an ending
    "Read more:", "Photo: Ann Lee",
]


def _blocks(texts: list[str]) -> list[Block]:
    out, pos = [], 0
    for i, t in enumerate(texts):
        out.append(Block(i, pos, pos + len(t), t, i))
        pos += len(t) + 2
    return out


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(LINE_KINDS), max_size=40), st.sampled_from([(15, 8), (2, 1), (0, 0), (40, 30), (3, 12)]))
def test_the_bylines_window_from_the_two_ends_is_the_plain_window(lines: list[str], limits: tuple[int, int]) -> None:
    kept = _blocks(lines)
    assert byline._window(kept, *limits) == _window_plain(kept, *limits)


# -- author_bio: the gate without a byline's name -----------------------------------------------
def _bio_texts() -> list[str]:
    import json
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "fixtures" / "filters" / "author_bio.json"
    out = [case["input"] for case in json.loads(path.read_text(encoding="utf-8"))]
    short = "Ann Lee Reports From Lima"  # a line opening with a name, above the page's end
    for line in BIO_LINES + ["Follow Ann Lee on Twitter @annlee", "Jane Doe, who teaches at Example University, is a contributor to The Example Times."]:
        out += [
            f"{STORY}\n\n{line}\n\n" + "\n\n".join([STORY] * 12),
            f"{STORY}\n\n{STORY}\n\n{line}",
            f"By Jane Doe\n\n{STORY}\n\n{line}\n\n" + "\n\n".join([STORY] * 12),
            f"{STORY}\n\n{line}\n\n" + "\n\n".join([short] * 6),
            f"{STORY}\n\n" + "\n\n".join([line] * 12),
        ]
    return out


def test_the_bio_gate_without_bylines_passes_over_no_block_extra_takes(monkeypatch: Any) -> None:
    texts = _bio_texts()
    gated = _results(texts)
    assert sum(any(r[3].startswith("bio-") for r in removed) for _, removed in gated) > 20  # the texts exercise the rules
    monkeypatch.setattr(phrases.AuthorBioFilter, "_extra_gate", lambda self, ctx, kept: self.extra_may)
    assert _results(texts) == gated


BIO_KINDS = ["Follow Ann Lee on Twitter @annlee", "Ann Lee Reports From Lima", "Ann Lee is a writer.", STORY,
             "mail ann@example.org", "word " * 35 + "@x", "Jane Doe covers health care for The Example Times.", "Share"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(BIO_KINDS), max_size=30))
def test_the_bio_gate_without_bylines_is_extra_may_without_bylines(lines: list[str]) -> None:
    # a page with no byline: the gate of the look is ``extra_may`` told so, at every position
    from cleantext import Options, read
    from cleantext._types import Context

    flt = phrases.AuthorBioFilter()
    doc, _ = read("\n\n".join(lines) or "x")
    ctx = Context(doc, Options())
    kept = list(doc.blocks)
    gate = flt._extra_gate(ctx, kept)
    for k in range(len(kept)):
        assert gate(kept, k, frozenset()) == flt.extra_may(kept, k, frozenset(), bylines=False), (lines, k)


# -- the verdicts kept across the looks at one document -----------------------------------------
def test_the_verdicts_kept_across_looks_change_no_result(monkeypatch: Any) -> None:
    from cleantext import _types
    from cleantext.filters import _bios, _orgblurb, title

    texts = _texts() + _bio_texts()
    kept = _results(texts)
    real = _types.Context.memo_for

    def memo_for(self: Any, owner: object) -> dict[Any, Any]:
        # a memo of these verdicts forgets at once: every look (and every block) asks again
        if isinstance(owner, title.TitleFilter) or owner in (byline._date_only, _orgblurb.closing_org_blurbs, phrases._BIO, _bios.bio_sentence):
            return {}
        return real(self, owner)

    monkeypatch.setattr(_types.Context, "memo_for", memo_for)
    assert _results(texts) == kept


# -- phrase lists: a flag turned off for a group -------------------------------------------------
def test_a_flag_turned_off_for_a_group_is_no_flag_for_the_whole_expression() -> None:
    from cleantext.filters._common import _GLOBAL_REFERENCE, _phrases

    for p in ("(?-i:Ann) Lee", "(?s-i:a.)b", "(?i:x)"):
        assert _GLOBAL_REFERENCE.search(p) is None, p
    for p in ("(?-1)", "(?-i)", "(?i-s)", "(?i)", "(?R)", "(?+1)", "(?1)", "\\1", "(?P<n>x)", "(?P=n)", "(?<n>x)", "(?|a|b)", "(?&n)", "\\g<1>"):
        assert _GLOBAL_REFERENCE.search(p) is not None, p
    g = _phrases("author_bio_phrase", ("en",), "any")
    assert g.parts is not None and g.index is not None
    lines = [
        "Ann Lee can be reached at alee@example.org.",
        "ann lee can be reached at alee@example.org.",  # a name in capitals only: case-sensitive
        "To contact corresponding author Ann Lee, email alee@example.org",
        "Email her at alee@example.org or follow her on Twitter.",
        "The hotline can be reached at 555-010-0100 around the clock.",
    ]
    found = []
    for text in lines:
        whole = g.pattern.search(text)
        assert (g.first(text, text.lower()) and g.first(text, text.lower()).span()) == (whole and whole.span()), text
        found.append(whole is not None)
    assert found == [True, False, True, True, False]


def _title_texts() -> list[str]:
    import json
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "fixtures" / "filters" / "title.json"
    out = [case["input"] for case in json.loads(path.read_text(encoding="utf-8"))]
    head = "Storm Knocks Out Power Across The Valley"
    for second in ("By Ann Lee", "Photo: Ann Lee", "EXCLUSIVE:", "Storm knocks out power across the valley", head, "March 3, 2021"):
        out += [f"{head}\n\n{second}\n\n{STORY}\n\n{STORY}", f"{second}\n\n{head}\n\n{second}\n\n{STORY}",
                f"EXCLUSIVE:\n\n{head}\n\n{second}\n\n{second}\n\n{STORY}",
                # a shorter line left open under the headline: kept unless a header stands between
                f"{head}\n\n{second}\n\nPower went out for many homes\u2026\n\n{STORY}",
                f"{second}\n\n{second}\n\n{head}\n\nBy Ann Lee\n\n{STORY}",
                # a credit line between the headline and the story is passed over at the top only
                f"{second}\n\n{second}\n\n{head}\n\nBy Ann Lee\n\nPhoto: Ann Lee\n\n{STORY}"]
    # the first line of the text, or the same line below it: a headline run into its standfirst
    fused = "Abortion funds see an increase in calls during the pandemic The increase in need comes as unemployment reaches new highs."
    out += [f"{fused}\n\n{fused}\n\n{STORY}\n\n{STORY}", f"{fused}\n\nBy Ann Lee\n\n{fused}\n\n{STORY}"]
    return out


def test_the_titles_kept_no_is_the_no_in_every_context() -> None:
    # the same lines judged with earlier blocks taken (as bylines, captions, share bars) in every
    # combination, one memo kept across all of them: each answer is the answer of a fresh memo
    import itertools

    from cleantext import Options, read
    from cleantext._types import Context
    from cleantext.filters.title import TitleFilter

    flt = TitleFilter()
    options = Options()
    found = 0
    for text, order in itertools.product(_title_texts(), (1, -1)):
        doc, _ = read(text)
        memo: dict[object, Any] = {}
        n = min(4, len(doc.blocks))
        # (a related link taken is no header: the same lines, another header flag); the
        # contexts in both orders, each "no" kept before the others are asked
        for cats in list(itertools.product((None, "byline", "caption", "social", "related"), repeat=n))[::order]:
            answers = []
            for shared in (memo, {}):
                ctx = Context(doc, options, shared)
                ctx.filter_name = "byline"
                for b, cat in zip(doc.blocks, cats):
                    if cat is not None:
                        ctx._record(ctx.finding(b, cat, "test", "taken for the test", 0.9))
                ctx.filter_name = "title"
                answers.append([(f.start, f.end, f.rule, f.confidence) for f in flt.find(doc, ctx)])
            assert answers[0] == answers[1], (text, cats)
            found += bool(answers[1])
    assert found > 100  # the contexts exercise the rule
