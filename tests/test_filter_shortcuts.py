"""The shortcuts of the byline, title, duplicate, embed, dateline and author filters answer as
the plain work they stand in for.

Each is checked against the computation it replaces, written out here as it was (or switched
off), on every block of the fixtures and seed texts, on lines written for these tests, and on
texts built at random from pieces that make the cases worth testing:

- duplicate: a block is folded only when an earlier long block has as many words;
- title: ``_may_fuse`` says no only where ``_fused_split`` finds no split;
- embed: the text's triggers are asked (in another order) only at a block that may be a post;
- byline: a signature is searched for only where ``_may_sign`` says it may be; the date
  stamp's words written out; the bylines' names read only from lines opening with "by"/"por";
  below the head only a line holding "by" (or "por", "von", "par") is judged; a head line is
  read as "NAME | DATE" or "NAME, role" only when it holds a separator or a comma;
- title, dateline, byline: a paragraph told by its word count; a line too long for a headline
  asks the fused headline first;
- author_bio: the unlabelled blurb's expression is asked only where its first words may open it,
  the closing description's (``_BIO``) only where its verb stands among the first six words;
- the verdicts kept across the looks at one document (dateline's, a place alone, "NAME.-")
  change no result;
- dateline: its rules are tried only on a line that opens with a bracket or holds a dash.
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


# -- byline: the signed entries, the date stamp's words, the bylines' names -----------------------
SIGN_PIECES = [STORY, "It rained.", " ", "  ", "\u00a0", "\x1c", "\u2014", "\u2013", "--", "---", "-", ".", "!", "\u201d", ")",
               "Ann Lee", "ann lee", "Jean-Paul Roe", "2020", ",", "and then left", "J. Roe", "\u00c9mile Zola"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(SIGN_PIECES), max_size=16).map("".join))
@example(STORY + " \u2014 Ann Lee")
@example(STORY + "\u201d -- Jean-Paul Roe")
@example(STORY + " \u2014 and then left. \u2013 \u00c9mile Zola")
def test_may_sign_is_true_where_the_signature_matches(text: str) -> None:
    from cleantext.filters import byline

    if byline._SIGNED.search(text) is not None:
        assert byline._may_sign(text), text


def test_the_stamp_words_written_out_are_the_stamp_words() -> None:
    from cleantext.filters import byline

    lines = [low for _, low in BLOCKS] + [w for w in byline._STAMP_WORDS] + ["x" + w + "y" for w in byline._STAMP_WORDS] + ["", "publ"]
    for low in lines:
        assert byline._may_stamp(low) == any(w in low for w in byline._STAMP_WORDS), low
    assert sum(map(byline._may_stamp, lines)) >= 2 * len(byline._STAMP_WORDS)


def _byline_names_plain(texts: list[str]) -> frozenset[tuple[str, str]]:
    from cleantext.filters import _bios

    out: set[tuple[str, str]] = set()
    for t in texts:
        if len(t) > 300 or ("by" not in t.lower() and "por" not in t.lower()):
            continue
        m = _bios._BYLINE.match(t)
        if m is not None:
            for part in _bios._NAMES_SPLIT.split(m["names"]):
                if part.strip():
                    out.add(_bios._key(part))
    return frozenset(out)


BYLINE_PIECES = ["By", "BY", "by", "Por", "POR", "por", " ", "  ", ":", "*", "\u2014", "(", "1", "\u0130", "\u0130by", "a",
                 "Ann Lee", "Jane Doe and John Roe", "Ana de la Cruz", "\u00c1ngel P\u00e9rez", ",", "x" * 300]


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.lists(st.sampled_from(BYLINE_PIECES), max_size=8).map("".join), max_size=6))
@example(["By Ann Lee", "*  By Jane Doe and John Roe", "\u2014 por Ana de la Cruz", "(1:By Ann Lee", "a By Ann Lee"])
def test_byline_names_read_as_the_plain_names(texts: list[str]) -> None:
    from cleantext.filters import _bios

    assert _bios.byline_names(texts) == _byline_names_plain(texts)


def test_byline_names_on_every_block() -> None:
    from cleantext.filters import _bios

    texts = [b for b, _ in BLOCKS]
    got = _bios.byline_names(texts)
    assert got == _byline_names_plain(texts)
    assert len(got) >= 3


# -- the verdicts kept across the looks at one document ------------------------------------------
def _dated_texts() -> list[str]:
    head = "Storm Knocks Out Power Across The Valley"
    lines = [
        "LONDON (Reuters) - " + STORY, "RENO, Nev., Jan. 8, 2008", "WASHINGTON", "Paris - " + STORY,
        "Ana Ruiz.- " + STORY, "Redacci\u00f3n.- " + STORY, "By Ann Lee", "Photo: Ann Lee", head, STORY,
    ]
    out = []
    for a in lines:
        for b in lines:
            out.append(f"{a}\n\n{b}\n\n{STORY}\n\n{STORY}")
            out.append(f"{head}\n\nBy Ann Lee\n\n{a}\n\n{b}\n\n{STORY}")
    return out


def test_the_verdicts_kept_across_looks_change_no_result(monkeypatch: Any) -> None:
    from cleantext import _types
    from cleantext.filters import byline, dateline

    from .test_rule_fastpaths import _results

    texts = _texts() + _dated_texts()
    kept = _results(texts)
    assert sum(any(r[2] == "dateline" for r in removed) for _, removed in kept) > 20  # the texts exercise the rules
    assert sum(any(r[3] == "name-dash" for r in removed) for _, removed in kept) > 5
    real = _types.Context.memo_for

    def memo_for(self: Any, owner: object) -> dict[Any, Any]:
        # a memo of these verdicts forgets at once: every look (and every block) asks again
        if isinstance(owner, dateline.DatelineFilter) or owner in (dateline._standalone, byline._name_dash):
            return {}
        return real(self, owner)

    monkeypatch.setattr(_types.Context, "memo_for", memo_for)
    assert _results(texts) == kept


# -- title, dateline, byline: a paragraph told by its word count -----------------------------------
LIKE_PIECES = ["word", "Word", "The", " ", "  ", "\u00a0", ".", ",", ":", "!", "?", "\u201d", "...", "\u2026", ")", "x" * 230]


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(LIKE_PIECES), max_size=70).map("".join))
def test_body_and_headline_by_word_count_are_the_plain_verdicts(text: str) -> None:
    from cleantext._document import Block
    from cleantext.filters import byline
    from cleantext.filters._common import is_body_like, is_headline_like

    b = Block(0, 0, len(text), text, 0)
    assert title._body_like(b) == byline._body_like(b) == is_body_like(text)
    assert title._headline_like(b) == is_headline_like(text)


def test_body_and_headline_by_word_count_on_every_block() -> None:
    from cleantext.filters import byline
    from cleantext.filters._common import is_body_like, is_headline_like

    for text in _texts():
        doc, _ = read(text)
        for b in doc.blocks:
            assert title._body_like(b) == byline._body_like(b) == is_body_like(b.text)
            assert title._headline_like(b) == is_headline_like(b.text)


def test_a_line_too_long_for_a_headline_is_judged_as_the_plain_way(monkeypatch: Any) -> None:
    from .test_rule_memos import _title_texts

    long_fused = ("Abortion funds see an increase in calls during the pandemic The increase in need comes as "
                  "unemployment reaches new highs, and the funds say they cannot keep up with the calls they get.")
    texts = _title_texts() + _texts() + [f"{long_fused}\n\n{STORY}", f"{STORY} {STORY}\n\n{STORY}", f"By Ann Lee\n\n{long_fused}\n\n{STORY}"]
    got = [_findings(title.TitleFilter(), t) for t in texts]
    assert sum(1 for f in got if f) >= 10
    monkeypatch.setattr(title, "_too_long", lambda b: False)
    assert [_findings(title.TitleFilter(), t) for t in texts] == got


def test_below_the_head_only_a_line_with_by_is_judged(monkeypatch: Any) -> None:
    # a "By NAME" line below the head (down to the third long paragraph) is found as before; the
    # other lines there are passed over without a judgement, which could only take a "By" line
    from cleantext.filters import byline

    from .test_rule_fastpaths import _results

    short = ["By Ann Lee", "BY ANN LEE | March 3, 2021", "Por Ana Ruiz", "Photo: Ann Lee", "Reporting by Ann Lee; Editing by Bo Li",
             "Ann Lee contributed to this report.", "Updated March 3, 2021 at 9:15 a.m.", "Reuters", "March 3, 2021"]
    long_story = STORY + " " + STORY
    texts = _texts() + [f"{long_story}\n\n{a}\n\n{long_story}\n\n{b}\n\n{long_story}\n\n{long_story}\n\n{STORY}"
                        for a in short for b in short]
    got = _results(texts)
    assert sum(any(r[3] == "by-line" for r in removed) for _, removed in got) > 20
    monkeypatch.setattr(byline, "_may_by", lambda low: True)
    assert _results(texts) == got


# -- author_bio: the unlabelled blurb's first words -------------------------------------------------
BLURB_PIECES = ["Example", "Health", "The", "the", "of", "for", "&", "on", "is", "are", "conducts", "and", "supports",
                "one", "a", "an", "nation's", "world\u2019s", "leading", "nonprofit", "recognized", "nationally",
                "(NYSE: EXM)", "(NYSE:", "EXM)", ",", ", a unit of Example Corp,", "Founded", "in", "1901,", "With", "500",
                "employees,", "Since", "Based", "said", "Acme,", "2020", "\u00c9cole", "dedicated", "to", " ", "  ", "\u00a0", "\x1c", "\t"]


@settings(max_examples=4000, deadline=None)
@given(st.lists(st.sampled_from(BLURB_PIECES), max_size=14).map(" ".join))
@example("Example Health is one of the nation's leading nonprofit hospital systems.")
@example("Founded in 1901, Example University is a leading research school.")
@example("The Example Society, a unit of Example Corp, is the world\u2019s largest association.")
@example("Example Corp (NYSE: EXM) makes parts.")
@example("Acme, a unit of Example Corp, is the world's largest maker of parts.")
@example("Department of Health conducts and supports research.")
@example("Example\x1cLabs is nationally recognized for care.")
def test_may_blurb_is_true_where_the_blurb_matches(text: str) -> None:
    from cleantext.filters import _orgblurb

    if _orgblurb._BLURB.match(text) is not None:
        assert _orgblurb._may_blurb(text), text


def test_may_blurb_on_every_block() -> None:
    from cleantext.filters import _orgblurb

    found = 0
    for text, _ in BLOCKS:
        if _orgblurb._BLURB.match(text) is not None:
            assert _orgblurb._may_blurb(text), text
            found += 1
    assert found >= 1


BIO_PIECES = ["Ann", "Lee", "Jane", "Doe", "Roe", "\u2014", "\u2013", "-", "Dr.", "O'Neil", "is", "was", "es", "ist", "est",
              "a", "writer", "the", "editor", "It", "There", "said", " ", "  ", "\u00a0", "\x1c", "\t", "periodista", "Ana"]


@settings(max_examples=4000, deadline=None)
@given(st.lists(st.sampled_from(BIO_PIECES), max_size=12).map("".join), st.lists(st.sampled_from(BIO_PIECES), max_size=12).map(" ".join))
@example("", "Ann Lee is a staff writer for The Example Post.")
@example("", "\u2014 Jane Ann Doe Roe was the editor of the paper.")
@example("", "\u2014Jane Ann Doe Roe es periodista.")
def test_may_bio_is_true_where_the_bio_matches(glued: str, spaced: str) -> None:
    from cleantext.filters.phrases import _BIO, AuthorBioFilter

    for text in (glued, spaced):
        if _BIO.match(text) is not None:
            assert AuthorBioFilter._may_bio(text), text


def test_may_bio_on_every_block() -> None:
    from cleantext.filters.phrases import _BIO, AuthorBioFilter

    found = 0
    for text, _ in BLOCKS:
        if _BIO.match(text) is not None:
            assert AuthorBioFilter._may_bio(text), text
            found += 1
    assert found >= 2


# -- dateline: a bracket or a dash ----------------------------------------------------------------
DATE_PIECES = ["LONDON", "Paris", "Ciudad de M\u00e9xico", ",", ", March 5", " 12 Mar.", " (Reuters)", "(AP)", "(", ")", " ",
               "-", " - ", "--", " \u2014 ", "\u2013", ".-", "/PRNewswire/", " The", " council", "voted", STORY]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(DATE_PIECES), max_size=10).map("".join))
@example("LONDON (Reuters) - " + STORY)
@example("(AP) " + STORY)
@example("Madrid (EFE).- " + STORY)
def test_may_date_is_true_where_a_rule_matches(text: str) -> None:
    from cleantext.filters import dateline

    if any(pat.match(text) for _, pat, _, _ in dateline._RULES):
        assert dateline._may_date(text), text


def test_datelines_found_are_the_plain_ones(monkeypatch: Any) -> None:
    from cleantext.filters import dateline

    from .test_rule_fastpaths import _results

    texts = _texts() + _dated_texts()
    got = _results(texts)
    monkeypatch.setattr(dateline, "_may_date", lambda text: True)
    assert _results(texts) == got


PART_PIECES = ["Ann Lee", "ANN LEE", " ", "|", " | ", "\u2022", "\u00b7", " - ", " -- ", " \u2014 ", "\u2013", ": ", ";", ",", ", ",
               "March 3, 2021", "Staff Writer", "x"]


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(PART_PIECES), max_size=8).map("".join))
@example("Ann Lee | March 3, 2021")
@example("Ann Lee \u00b7 March 3 2021")
def test_may_part_is_true_where_the_line_has_parts(text: str) -> None:
    from cleantext.filters import byline

    if len(byline._SPLIT_SEGMENTS.split(text, maxsplit=1)) > 1 or "," in text:
        assert byline._may_part(text), text


def test_names_and_dates_found_are_the_plain_ones(monkeypatch: Any) -> None:
    from cleantext.filters import byline

    from .test_rule_fastpaths import _results

    lines = ["Ann Lee | March 3, 2021", "Ann Lee \u00b7 March 3 2021", "Ann Lee \u2022 Staff Writer", "Ann Lee, Staff Writer",
             "Ann Lee; March 3, 2021", "Ann Lee - March 3, 2021", "Ann Lee: March 3, 2021", "Ann Lee", "Storm Hits The Valley"]
    texts = _texts() + [f"{a}\n\n{STORY}\n\n{STORY}" for a in lines] + [f"{lines[-1]}\n\n{a}\n\n{STORY}\n\n{STORY}" for a in lines]
    got = _results(texts)
    assert sum(any(r[3] in ("name-date", "name-role") for r in removed) for _, removed in got) >= 8
    monkeypatch.setattr(byline, "_may_part", lambda text: True)
    assert _results(texts) == got
