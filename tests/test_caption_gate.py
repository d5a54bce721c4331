"""The caption filter's gate (``caption._plain``) passes over no block its rules would take.

``_plain`` asks the cheap tests of every rule of ``CaptionFilter._single`` at once, so a
paragraph of prose skips the rules one by one. It must be exact: wherever it says "nothing
here", ``_single`` finds nothing, whatever the block's neighbours and the document's cues. These
tests put each text between paragraphs of a story, with a paragraph after it that opens with
its words (what the rules that read the neighbours look for), and ask both on every block: on
every fixture and seed text, on credit lines written for the rule tests, and on texts built at
random from pieces that make the gate's cases (credits, agencies, labels, cues, literals
inside other words, characters that spell a literal case-blind without it). Then the whole
pipeline, gate off, gives the same results.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleantext import Options, read
from cleantext._types import Context
from cleantext.filters import caption

from .test_rule_fastpaths import CREDIT_LINES, _results
from .test_triggers import SAMPLES, _texts

STORY = "The council voted on Tuesday to close the old bridge after engineers found deep cracks in two of its supports."


def _framed(line: str) -> str:
    """``line`` between paragraphs of a story, the paragraph after it opening with its words."""
    return f"{STORY}\n\n{STORY}\n\n{line}\n\n{line.rstrip('.!?')} and the rest of that paragraph went on for a while.\n\n{STORY}"


def _check(text: str) -> tuple[int, int]:
    """Assert the gate on every block of ``text``; (blocks it passes over, findings of the others)."""
    doc, _ = read(text, Options(format="text"))
    ctx = Context(doc, Options(format="text"))
    ctx.filter_name = "caption"
    flt = caption.CaptionFilter()
    scanned = ctx.scanned_triggers()
    every_cue = tuple(caption._DOC_CUES)
    gated = taken = 0
    for b in doc.blocks:
        judged = caption._cell_block(b) if b.text[:1] == "|" else b
        found = scanned.get(judged.text)
        if found is None:
            found = ctx.triggers_in(judged)
        if caption._plain(judged, found):
            gated += 1
            for cues in (ctx.present(caption._DOC_CUES), every_cue):
                assert flt._single(judged, ctx, cues, found) is None, (judged.text, cues)
        else:
            taken += flt._single(judged, ctx, ctx.present(caption._DOC_CUES), found) is not None
    return gated, taken


def test_the_gate_passes_over_no_block_of_the_fixtures() -> None:
    gated = taken = 0
    for text in _texts():
        g, t = _check(text)
        gated, taken = gated + g, taken + t
    assert gated > 300 and taken > 50  # the texts exercise both sides


CAPTION_LINES = CREDIT_LINES + SAMPLES + [
    "Ann Lee poses for a portrait at her home in Lima.",
    "The plan's purpose was clear to everyone who had followed the debate over the bridge.",
    "Ann Lee, left, and Bob Roe walk past the old bridge on Tuesday.",
    "Ann Lee (left) and Bob Roe at the opening of the bridge on Tuesday.",
    "Protesters gather outside the council chamber in Zwickau, Germany, November 4, 2019.",
    "Crowds wait at the gate before the match. Crowds wait at the gate before the match.",
    "Credit: Ann Lee",
    "Caption: Crowds wait at the gate before the match",
    "Pie de foto: La plaza al mediod\u00eda",
    "Share on Pinterest A bowl of beetroot soup with a spoon of cream",
    "Sunset over the bay. Fot\u00f3grafo: Ann Lee, Getty",
    "Sunset over the bay, as seen from the pier. Ilustraci\u00f3n: Ann Lee Reuters",
    "The old mill before its restoration. Courte\u017fy of Example Resort.",
    "The old mill before its restoration. Courtesy of Example Resort.",
    "Volunteers prepare bags of food at the community centre on Friday",
    "Ron Lee outside his home in Troy, Mich. Example News",
    "Swimmers at Lake Tahoe enjoying the water before the storm came in",
    "The topic of the evening was the bridge, and the especially long debate that followed it.",
    "She filed the profile at noon, with the source material provided by the city.",
    "In this photo taken on Tuesday, crowds wait at the gate.",
    "1 / 5 Slideshow",
    "Data: Regional Differences",
    "Map by the city",
    "Ann Lee via Getty Images",
    "The mayor arrives at the chamber on Tuesday. REUTERS/Ann Lee",
    "A man (R) and a woman (L) CNBC Make It",
    "Benni McCarthy \u00a9 Action Images",
    "The harbour at dawn | AP Photo/Ann Lee The council voted on Tuesday to close the old bridge after the storm.",
    # each sign alone, where no other test of the gate sees it
    "Protesters gather outside the council chamber on Tuesday as the vote on the old bridge goes ahead in Zwickau. Reuters.",
    "Ron Lee outside his home in the city. Courtesy of Supercalifragilisticexpialidocious Internationalizations "
    "Administrationalisms Extraordinarily Incomprehensibilities Counterrevolutionaries Association.",
    "The Harbour At Dawn As The Boats Come In Courtesy" + " " * 150 + "Example Resort",
    "Video by Ann Lee",
    "Slide 2 of 9 The harbour at dawn",
    "The harbour at dawn, as the boats come in hide caption",
    "(c) Reuters Crowds wait at the gate before the match",
    ("The council voted on Tuesday to close the old bridge after engineers found deep cracks in two of its supports, "
     "and the mayor said the work would take most of the summer, with a ferry for the commuters who cross the river "
     "every morning, and buses for the schools on the other bank, while the engineers wait for the steel to arrive "
     "from the mill and the divers finish their survey of the piers. Ann Lee via Reuters"),
]


def test_the_gate_passes_over_no_caption_line() -> None:
    gated = taken = 0
    for line in CAPTION_LINES:
        g, t = _check(_framed(line))
        gated, taken = gated + g, taken + t
    assert taken > 40


PIECES = [
    "The council met on Tuesday", " and voted to close the bridge", ". ", ", ", " ", "  ", ".", "!", "?", ":", ")",
    "Ann Lee", "Bob Roe", " poses for a photo", " pose for a portrait", "purpose", " (left)", ", left,", " in this photo",
    "Photo: ", "Image source: ", "Caption: ", "Credit: ", "Courtesy of ", "courtesy", "Cortes\u00eda", "Fot\u00f3grafo: ",
    "Ilustraci\u00f3n: ", "Getty Images", "AP", "Reuters", "Liverpool", "AFP", "Shutterstock", " via ", "/", " | ", "\u00a9",
    "(c) ", "(L) ", "Staff photo", "Supplied", "file", "source", "video", "topic", "especially", "picture", "pictured",
    "Share on Pinterest ", "Pie de foto: ", "November 4, 2019.", " in Zwickau, Germany, ", "1 / 5 Slideshow ",
    "\u017f", "\u0130", "\u212a", "\u00a0", "\u201c", "\u201d", "Data is from Example.com", "Map by ", "word " * 12,
    "The harbour at dawn, as the boats come in and the gulls circle over the fish market",
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=14).map("".join))
def test_the_gate_passes_over_no_block_built_at_random(line: str) -> None:
    _check(_framed(line))


def test_the_pipeline_gives_the_same_results_without_the_gate(monkeypatch: object) -> None:
    texts = [_framed(line) for line in CAPTION_LINES] + [t for t in _texts() if "caption" in t.lower() or "photo" in t.lower()]
    gated = _results(texts)
    monkeypatch.setattr(caption, "_plain", lambda b, found: False)  # type: ignore[attr-defined]
    assert _results(texts) == gated


def _first_words_plain(text: str) -> list[str]:
    import itertools

    return [m.group().lower() for m in itertools.islice(caption._WORDS.finditer(text), caption._ECHO_WORDS)]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(list("aZ9 .,'-\u2019\u00e9\u0301\u03a3\u0130\u00a0\t\u4e2d\u0661") + ["word ", "\u03a3'A"]), max_size=40).map("".join))
def test_the_first_words_of_one_match_are_the_first_runs(text: str) -> None:
    assert caption._first_words(text) == _first_words_plain(text)


def test_the_first_words_on_every_block() -> None:
    from .test_triggers import BLOCKS

    for text, _ in BLOCKS:
        assert caption._first_words(text) == _first_words_plain(text), text
