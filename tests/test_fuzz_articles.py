"""Hypothesis: articles built from fragments of real-looking prose, prompts, captions, bylines
and HTML, and the invariants every result keeps (see DESIGN.md):

- the ledger lies inside the original, sorted, non-overlapping, and replays to the text;
- nothing is invented: the text is the original's characters, in order, plus separators;
- cleaning is idempotent: ``clean(clean(x).text).removed == ()``;
- nothing raises but the documented errors, whatever the mode or the safety cap.

The fragments are written for these tests (no evaluation data). Regressions found by fuzzing
are pinned with ``@example``.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from cleantext import Options, clean

from ._helpers import assert_ledger_ok
from .test_properties import check

# -- fragments ---------------------------------------------------------------------------------
SUBJECTS = ["The council", "Residents of the valley", "The health ministry", "Ms. Okafor", "A spokesman for the port",
            "Police in Lyon", "The university", "Farmers near the river", "El ayuntamiento", "Dr. J. R. Hale"]
VERBS = ["voted on Tuesday to", "said it would", "has refused to", "plans to", "told reporters it might",
         "asked the court to", "decided last week to", "dijo que iba a"]
OBJECTS = ["extend the bus line to the airport", "close two schools before the winter",
           "publish the report by March 3, 2021", "raise the toll on the old bridge",
           "donate the land to the city", "sign up volunteers for the flood defences",
           "support the strike", "review the photo by the harbour wall"]
TAILS = [".", ", officials said.", ", according to a statement.", " after a decade of debate.", "!", "?",
         ", \u201cwe need your help,\u201d she said.", " (see below).", " \u2014 and nobody objected."]
HEADLINES = ["City Council Extends Bus Line to the Airport", "Floods Close Two Schools", "A Decade of Debate",
             "Port Strike Enters Second Week", "What We Know About the Bridge Toll"]
BYLINES = ["By Ann Smith", "By Ann Smith | March 3, 2021 | 9:15am EST", "By A. Smith, B. Jones and C. Doe",
           "Posted on June 1, 2020 by Tom Reed", "Updated 1:30 p.m. ET, January 5, 2021", "Jane Roe, Staff Writer",
           "(Reporting by Ann Lee; Editing by Tom Reed)", "Por Ana L\u00f3pez", "BY TOM REED"]
CAPTIONS = ["A ferry leaves the harbour. (Photo by Ines Ruiz/AFP via Getty Images)", "Getty Images",
            "Protesters gather in Madrid. Altaf Qadri/AP", "Enlarge this image toggle caption Lee Chan/AP",
            "Image 1 of 5", "Photograph: Sam Hill/Reuters", "(AP Photo/Ann Lee)", "Photo by AP",
            "Featured image via Flickr", "The mayor poses outside city hall."]
PROMPTS = ["Sign up for our newsletter!", "Get the best stories delivered to your inbox.",
           "Please consider donating to keep our reporting free.", "Dear Reader,", "\u2014 The Harbour Post Team",
           "Become a member today.", "Enter your email address", "Thank you for subscribing!",
           "Support independent journalism: donate now.", "Suscr\u00edbete a nuestro bolet\u00edn"]
DATELINES = ["WASHINGTON (Reuters) - ", "(CNN) \u2014 ", "LONDON \u2014 ", "( \u2013 ", "PARIS, France (AP) - ", ""]
SEPS = ["\n", "\n\n", "\r\n", "\r\n\r\n", "\r", "\n \n", "\n\n\n"]
NOISE = ["\x00", "\u200b", "\u200f", "\ufeff", "\ud800", "\u00a0", "\t", "  ", "\u2028", "\u00c3\u00a9"]

sentence = st.builds(lambda s, v, o, t: f"{s} {v} {o}{t}", st.sampled_from(SUBJECTS), st.sampled_from(VERBS),
                     st.sampled_from(OBJECTS), st.sampled_from(TAILS))
paragraph = st.builds(lambda d, ss: d + " ".join(ss), st.sampled_from(DATELINES), st.lists(sentence, min_size=1, max_size=4))
piece = st.one_of(paragraph, paragraph, st.sampled_from(HEADLINES), st.sampled_from(BYLINES),
                  st.sampled_from(CAPTIONS), st.sampled_from(PROMPTS))


@st.composite
def articles(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.tuples(piece, st.sampled_from(SEPS)), max_size=16))
    text = "".join(p + s for p, s in parts)
    if draw(st.booleans()):  # a caption printed twice, as scrapers do
        cap = draw(st.sampled_from(CAPTIONS))
        at = draw(st.integers(0, len(text)))
        text = text[:at] + f"\n{cap}\n{cap}\n" + text[at:]
    if draw(st.booleans()):  # stray characters of a broken scrape
        for _ in range(draw(st.integers(1, 4))):
            at = draw(st.integers(0, len(text)))
            text = text[:at] + draw(st.sampled_from(NOISE)) + text[at:]
    return text


HTML_BLOCK = {
    "p": "<p>{}</p>", "h1": "<h1>{}</h1>", "fig": "<figure><img src=x.jpg><figcaption>{}</figcaption></figure>",
    "div": '<div class="{cls}">{}</div>', "li": "<ul><li>{}</li></ul>", "br": "{}<br>", "raw": "{}",
}


@st.composite
def html_pages(draw: st.DrawFn) -> str:
    blocks = []
    for _ in range(draw(st.integers(0, 12))):
        kind = draw(st.sampled_from(sorted(HTML_BLOCK)))
        text = draw(piece).replace("<", "&lt;")
        cls = draw(st.sampled_from(["byline", "caption", "newsletter", "content", "share", ""]))
        blocks.append(HTML_BLOCK[kind].format(text, cls=cls))
    body = "".join(blocks)
    if draw(st.booleans()):
        body = f"<article>{body}</article>"
    if draw(st.booleans()):  # truncated or broken markup
        body = body[: draw(st.integers(0, len(body)))] + draw(st.sampled_from(["", "<div", "<![x", "</p></p>", "<!--"]))
    head = draw(st.sampled_from(["", "<title>Floods Close Two Schools</title>", '<meta property="og:title" content="T">']))
    return f"<html><head>{head}</head><body>{body}</body></html>"


def _idempotent(text: str, **kw: object) -> None:
    once = clean(text, **kw)  # type: ignore[arg-type]
    check(once)
    json.loads(once.to_json())
    once.explain()
    twice = clean(once.text, format="text", mode=once.mode)
    assert twice.removed == (), (once.explain(), twice.explain())


SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(articles(), st.sampled_from(["precision", "balanced", "recall"]))
# found by atheris: the safety cap kept the long ask of a donation letter, and each look at the
# clean text took the letter back to an earlier "Dear Reader," (fixed in the cap)
@example(
    "it Exten 2021 | 9:am&EST\n\nWASHIr!\nDear Reader,\nch 3, 202115am&EST\n\nWASHIrti bus Reader,\ny Council "
    "Exten 2021 | 9:am&EST\n\nWASHIr!\nDear Reader,\nch 3, 202115am&EST\n\nWASHIrti bus Reader,\nPlease consider "
    "donating to keep ou%r reporti bus line to the ai:16am E the bus lN i en(Reuters) - The cnuocil vo Exten 20esday toa",
    "balanced",
)
# found by atheris: the cap doubted a donation ask of 25 words counting its dateline; cleaned
# again, without the dateline, the ask was short and went (the cap now measures what the
# finding alone removes)
@example(
    "ity Counc reporting freil ExtendsT\n\nWASHINGTON (Reuters) - The c\x7funcil voted on Tuesday to ex\x0c\x13ninsh "
    "tdoder donate bus line to the airport Dear Read d\x12nating to keep our rST\nPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPP\n"
    "\x0cWANGTON (Reuters) - The council voted on donate bus line to the airport Dear Read d\x12nating to keep our "
    "rST\nPPPPPPPPPPPPPPPPPTuesday to extend t\x01\x00\x00\x00ider donate bus liing to keep our repofi nrgtree.\n"
    "b\x00\x14 T\x00\x00\x000\x00\x00\x00\x00-ur Post Teporting ",
    "precision",
)
# found by Hypothesis after the merge: in precision mode a run of asks lost one per look
@example("Please consider donating to keep our reporting free.\n" * 4, "precision")
# found while timing pathological cases: each look removed three more capitalised head lines
@example("USA\nUK\nEU\nNATO\nUN\nWHO\nIMF\nOECD\nG7\nG20\nASEAN\nThe summit opened on Monday with a long speech.", "balanced")
def test_articles_keep_the_invariants(text: str, mode: str) -> None:
    _idempotent(text, mode=mode, format="text")


# Found by Hypothesis on random seeds (18 and 22), shrunk: the first look's safety cap doubted a
# rule, and the later looks of that call remembered the doubt, which a second, separate clean()
# cannot: the second call removed what the first call's later look had found and set aside.
_PARA = "WASHINGTON (Reuters) - The council voted on Tuesday to extend the bus line to the airport."
_LONG = ("WASHINGTON (Reuters) - The council said it would extend the bus line to the airport. The council "
         "voted on Tuesday to extend the bus line to the airport, according to a statement.")
_HEAD = "City Council Extends Bus Line to the Airport"
DOUBTED_ON_THE_FIRST_LOOK = [
    # the cap doubted duplicate/repeated-block (the long paragraph's copy, 53% of the article-like
    # text); once the dateline is cut from the first paragraph its copy repeats nothing, and the
    # short paragraph's copy (not article-like) is a repeat the clean text still holds
    ("\n".join([_LONG, _HEAD, _PARA, _LONG, _PARA]) + "\n", "recall", ("duplicate", _PARA)),
    # the cap doubted title/headline (it took an article-like paragraph, 51%); once the byline and
    # the prompt are gone, the title rule takes the headline at the top of the clean text
    ("\n".join([_HEAD, _PARA, _PARA + " The council voted on Tuesday to extend the bus line to the airport!",
                "By Ann Smith", _PARA + " The council said it would extend the bus line to the airport.",
                _HEAD, _HEAD, _HEAD, "Sign up for our newsletter!"]) + "\n", "balanced", ("title", _HEAD)),
]


@pytest.mark.parametrize("text, mode, later", DOUBTED_ON_THE_FIRST_LOOK,
                         ids=["repeat-under-a-cut-dateline", "headline-after-a-doubted-title"])
def test_a_later_look_judges_the_clean_text_as_a_new_call(text: str, mode: str, later: tuple[str, str]) -> None:
    once = clean(text, mode=mode, format="text")
    assert any(w.startswith("safety cap") for w in once.warnings), once.explain()
    # what the later look found, with no memory of the first look's doubt, is removed
    assert any(r.filter == later[0] and r.text == later[1] and r.evidence.endswith("(on a second look)")
               for r in once.removed), once.explain()
    check(once)
    twice = clean(once.text, format="text", mode=mode)
    assert twice.removed == (), (once.explain(), twice.explain())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles(), st.sampled_from([None, 0.1, 0.5, 1.0]))
def test_invariants_whatever_the_cap(text: str, cap: float | None) -> None:
    r = clean(text, options=Options(max_removed_share=cap, format="text"))
    check(r)
    assert clean(r.text, options=Options(max_removed_share=cap, format="text")).removed == ()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles())
def test_articles_as_bytes(text: str) -> None:
    for enc in ("utf-8", "utf-16", "cp1252"):
        data = text.encode(enc, "surrogatepass" if enc.startswith("utf") else "replace")
        assert_ledger_ok(clean(data, format="text"))


@SETTINGS
@given(html_pages())
@example("<html><head></head><body><![ncm x><p>The council voted.</p></body></html>")
def test_html_pages_keep_the_invariants(page: str) -> None:
    r = clean(page)
    assert_ledger_ok(r)
    json.loads(r.to_json())
    r.explain()
    assert "<p>" not in r.text or r.format == "text"
