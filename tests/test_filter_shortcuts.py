"""The shortcuts of the byline, title, duplicate, embed, dateline and author filters answer as
the plain work they stand in for.

Each is checked against the computation it replaces, written out here as it was (or switched
off), on every block of the fixtures and seed texts, on lines written for these tests, and on
texts built at random from pieces that make the cases worth testing:

- duplicate: a block is folded only when an earlier long block has as many words;
- title: ``_may_fuse`` says no only where ``_fused_split`` finds no split;
- embed: the text's triggers are asked (in another order) only at a block that may be a post;
"""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from cleantext import Options, read
from cleantext._types import Context
from cleantext.filters import title
from cleantext.filters._common import norm
from cleantext.filters.duplicate import DuplicateFilter

from .test_triggers import BLOCKS, _texts

STORY = "The council voted on Tuesday to close the old bridge after engineers found deep cracks in two of its supports."


def _findings(flt: Any, text: str) -> list[tuple[object, ...]]:
    doc, _ = read(text)
    ctx = Context(doc, Options())
    return [(f.start, f.end, f.rule, f.evidence, f.confidence) for f in flt.find(doc, ctx)]


# -- duplicate: folded only beside a block of as many words --------------------------------------
class _PlainDuplicate(DuplicateFilter):
    """``DuplicateFilter.find`` as it was: every long block folded and looked up."""

    def find(self, doc: Any, ctx: Any) -> Any:
        kept = list(ctx.kept())
        seen: dict[str, int] = {}
        keys: list[str | None] = [None] * len(kept)
        for p, b in enumerate(kept):
            if len(b.text) < self.min_chars:
                continue
            key = keys[p] = norm(b.text)
            q = seen.get(key)
            if q is None:
                seen[key] = p
                continue
            back, fwd, paragraphs = self._run(kept, keys, q, p)
            if p - back == q + fwd + 1:
                yield ctx.finding(b, "duplicate", "repeated-block",
                                  f"repeats block {kept[q].index} verbatim, right after it", 0.9)
            elif paragraphs >= self.min_run:
                yield ctx.finding(b, "duplicate", "repeated-block",
                                  f"repeats block {kept[q].index} verbatim, in a passage of "
                                  f"{paragraphs} paragraphs printed twice", 0.9)
            else:
                yield ctx.finding(b, "duplicate", "repeated-block",
                                  f"repeats block {kept[q].index} verbatim, alone among other "
                                  "neighbours (perhaps the text's own structure)",
                                  self.lone_confidence)


# long lines of as many words (13), some the same but for their white space, some list items
DUP_LINES = [
    STORY,
    STORY.replace(" ", "  "),
    STORY.replace("bridge", "tunnel"),
    STORY.replace(" ", "\u00a0", 3),
    STORY.replace("cracks", "cracks\tand"),
    "- " + STORY,
    "The mayor said the bridge would reopen in the spring, after the repairs to its supports.",
    "The mayor said the tunnel would reopen in the spring, after the repairs to its supports.",
    "Short line.",
    "",
]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(DUP_LINES), max_size=30), st.sampled_from(["\n", "\n\n"]))
@example([STORY, DUP_LINES[2], STORY.replace(" ", "  ")], "\n\n")
def test_duplicates_found_by_word_count_first_are_the_plain_ones(lines: list[str], sep: str) -> None:
    text = sep.join(lines) or "x"
    assert _findings(DuplicateFilter(), text) == _findings(_PlainDuplicate(), text)


def test_duplicates_on_the_fixtures_are_the_plain_ones() -> None:
    found = 0
    for text in _texts():
        got = _findings(DuplicateFilter(), text)
        assert got == _findings(_PlainDuplicate(), text)
        found += bool(got)
    assert found >= 3  # the texts exercise the rule


# -- title: a headline run into its standfirst ---------------------------------------------------
def _fused_plain(text: str) -> int | None:
    """``_fused_split`` without ``_may_fuse``: every text searched."""
    may = title._may_fuse
    title._may_fuse = lambda t: True
    try:
        return title._fused_split(text)
    finally:
        title._may_fuse = may


FUSED_WORDS = [
    "The", "the", "A", "An", "an", "In", "Is", "For", "For,", "pandemic", "increase", "2020", "it's", "it\u2019s",
    "\u00e9t\u00e9", "\u00c9t\u00e9", "need.", "Abortion", "Funds", "See", "Calls", "COVID-19", "said", "\u00aa",
    "\u0130stanbul", "\u00bfQu\u00e9", "Nearly", "covid19", "dogs'", "dogs\u2019", "According", "of", "\u2014", "x\x1cy",
]
FUSED_SEPS = [" ", "  ", "\t", "\x1c", "\x1f", "\u00a0", "\u2003", "\n"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(FUSED_WORDS), st.sampled_from(FUSED_SEPS)), min_size=6, max_size=32),
       st.sampled_from([".", "?", ".\u201d", "", " "]))
@example([("Abortion", " "), ("funds", " "), ("see", " ")] + [("an", " "), ("increase", " ")] * 3
         + [("The", " "), ("increase", " ")] * 4, ".")
def test_may_fuse_says_no_only_where_there_is_no_split(pieces: list[tuple[str, str]], end: str) -> None:
    text = "".join(w + s for w, s in pieces).rstrip() + end
    assert title._fused_split(text) == _fused_plain(text)


def _may_fuse_plain(t: str) -> bool:
    """Whether ``_fused_split``'s search for a split (either case) may find one in ``t``."""
    import itertools

    toks = [m.group() for m in itertools.islice(title._TOKEN.finditer(t), 28)]
    if len(toks) < 10:
        return False
    if len(toks) >= 13 and all(p[:1].isupper() or p[:1].isdigit() or p in title._MINOR_WORDS for p in toks[:6]):
        return True
    ends = [m.start() for m in itertools.islice(title._TOKEN.finditer(t), 28)]
    return title._FUSED_SENTENCE_CASE.search(t, 0, ends[min(len(toks) - 1, 21)]) is not None


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(FUSED_WORDS), st.sampled_from(FUSED_SEPS)), min_size=6, max_size=32))
@example([("x", " ")] * 5 + [("2020", " "), ("The", " "), ("2020", " ")] + [("x", " ")] * 5)
@example([("x", " ")] * 5 + [("it’s", " "), ("In", " "), ("été", " ")] + [("x", " ")] * 5)
def test_may_fuse_is_true_where_the_search_finds(pieces: list[tuple[str, str]]) -> None:
    text = "".join(w + s for w, s in pieces).strip()
    if _may_fuse_plain(text):
        assert title._may_fuse(text), text


def test_may_fuse_on_every_block() -> None:
    fused = "Abortion funds see an increase in calls during the pandemic The increase in need comes as unemployment reaches new highs."
    title_case = "Hardeeville Is Bracing For The Storm As Crews Work In The Dark Hardeeville has one of the oldest levees."
    found = 0
    for text in [b for b, _ in BLOCKS] + [fused, title_case, fused.replace(" ", "\x1c")]:
        got = title._fused_split(text)
        assert got == _fused_plain(text), text
        found += got is not None
    assert found >= 2


# -- embed: the text's triggers asked at the first block that may be a post ----------------------
EMBED_PIECES = ["@", "@ann", "t.co/", "t.co", "/", "[", "[youtube]", "[YouTube]", "[embed", "[tweet", "twitter.com",
                "twitter.com/ann/status/1", "vimeo", "Vimeo", "post shared by", "A post shared by Ann (@ann)",
                "from Ann on vimeo", " ", "\n", "\n\n", "word", "x.com/ann/status/12", "\u2014 Ann Lee (@annlee) May 2, 2021"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(EMBED_PIECES), max_size=20).map("".join))
def test_the_embed_triggers_are_the_plain_triggers(text: str) -> None:
    from cleantext.filters import embed

    assert embed._triggered(text) == any(t in text for t in embed._TRIGGERS)


class _PlainEmbed(__import__("cleantext.filters.embed", fromlist=["EmbedFilter"]).EmbedFilter):
    """``EmbedFilter.find`` as it was: the text's triggers asked first."""

    def find(self, doc: Any, ctx: Any) -> Any:
        from cleantext.filters import embed

        if not any(t in ctx.doc.text for t in embed._TRIGGERS):
            return
        kept = list(ctx.kept())
        for k, b in enumerate(kept):
            if "@" not in b.text and "/" not in b.text and "[" not in b.text and "vimeo" not in b.low:
                continue
            if embed._TWEET_SIGNATURE.search(b.text) or embed._TWEET_LINK.search(b.text) or embed._OTHER.search(b.text):
                first = k
                while first > 0 and kept[first - 1].para == b.para and kept[first - 1].index == kept[first].index - 1 and kept[first - 1].words <= 60:
                    first -= 1
                for x in kept[first : k + 1]:
                    yield self._tag(x, ctx)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(EMBED_PIECES + [STORY, "We will fix the bridge."]), max_size=20).map("".join))
def test_embeds_found_are_the_plain_ones(text: str) -> None:
    from cleantext.filters.embed import EmbedFilter

    assert _findings(EmbedFilter(), text or "x") == _findings(_PlainEmbed(), text or "x")


def test_embeds_on_the_fixtures_are_the_plain_ones() -> None:
    from cleantext.filters.embed import EmbedFilter

    found = 0
    for text in _texts():
        got = _findings(EmbedFilter(), text)
        assert got == _findings(_PlainEmbed(), text)
        found += bool(got)
    assert found >= 2
