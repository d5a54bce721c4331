"""The plan of a look (``phrases._look``) gives the built-in phrase filters what their plain
loop over every kept block gave.

The plan reads once per text of a document which filters' triggers a block holds and which
filters' own rules (``extra``) may take it, and each filter visits only those blocks. Checked
here: the results with the plan are those without it (every filter's plain loop, ``_USE_PLAN``
off) on every fixture and seed text, on lines written for the filters' own rules, and on
texts built at random from pieces that put those lines among story paragraphs; and each bit of
a text is what the filter's own tests of that text say.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleantext import Options, clean
from cleantext.filters import phrases

from .test_triggers import _texts

STORY = "The council voted on Tuesday to close the old bridge after engineers found deep cracks in two of its supports."
MORE = "Drivers will be sent along the river road, which adds about fifteen minutes to the morning commute."
# lines for the filters' own rules (and their negatives): share bars and counts, promotions,
# pointers to more coverage, month menus and players, pop-ups, a last line's tag or link
LINES = [
    "1.2k SHARES Facebook Twitter", "Facebook Twitter Email", "More", "34", "2.5K", "Pinterest",
    "1. Facebook", "LinkedIn $2.50", "Email *", "Follow us:", "Share:",
    "Shop our new mugs and tote bags!", "Follow our health desk on Instagram and TikTok.",
    "Enjoyed this piece? Pass it on to a friend.",
    "Listen to this week's episode of our politics podcast wherever you get your podcasts.",
    "Shop owners said they would stay open.", "For the latest updates on the bridge, visit our live blog.",
    "For more than a decade, she has crossed the bridge every morning.",
    "The National Institutes of Health has more on sleep apnea.", "Click here for our full coverage of the election.",
    "May 2020 April 2020 March 2020 February 2020", "Watch the full video of the council meeting on YouTube:",
    "In the video, the mayor said:", "\u00d7 Get the book now. It has ten chapters on the war. Buy Now",
    "Bill Gates", "https://example.com/story/123", "Advertisement", "READ MORE: Factory jobs vanish",
    "Related Stories", "Leave a comment", "Copyright 2021 The Harbour Post. All rights reserved.",
    "Already a subscriber? Log in to keep reading.", "This article originally appeared on The Harbour Post.",
    # newsletter, donation, a comment thread, a label over a prompt, a safe-harbour disclaimer
    "Sign up for our Morning Briefing newsletter to get the day's news.",
    "Morning Notes Your daily digest of local news. Please enter a valid email address. Privacy Policy",
    "To make sure you never miss an update, this newsletter will be sent to your inbox every evening.",
    "Please consider donating to keep our reporting free for everyone.", "Dear Reader,", "\u2014 The Harbour Post Team",
    "The charity asked residents to donate blankets before the storm.",
    "2 Comments", "Ann Lee says:", "May 3, 2020 at 4:15 pm", "Bo Park on May 4, 2020 at 9:02 am", "Reply", "Like",
    "Follow us:", "Follow our desk on Instagram and TikTok.",
    "Forward-Looking Statements",
    "This release contains forward-looking statements that involve risks and uncertainties; the company "
    "undertakes no obligation to update them, and readers should not place undue reliance on them.",
]


def _results(texts: list[str]) -> list[object]:
    out: list[object] = []
    for mode in ("balanced", "recall"):
        for t in texts:
            r = clean(t, options=Options(mode=mode, format="text"))
            out.append((r.text, [(x.start, x.end, x.category, x.rule, x.evidence) for x in r.removed]))
    return out


def _both(texts: list[str], monkeypatch: pytest.MonkeyPatch) -> tuple[list[object], list[object]]:
    planned = _results(texts)
    with monkeypatch.context() as m:
        m.setattr(phrases, "_USE_PLAN", False)
        plain = _results(texts)
    return planned, plain


def test_the_plan_answers_as_the_plain_loop(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _texts()
    texts += [f"{STORY}\n\n{MORE}\n\n{STORY}\n\n{MORE}\n\n{line}" for line in LINES]
    texts += [f"{STORY}\n\n{line}\n\n{MORE}\n\n{STORY}\n\n{MORE}\n\n{line}\n\n{STORY}" for line in LINES]
    # a comment thread after the story, and the disclaimer under its heading
    texts.append("\n\n".join([STORY, MORE, STORY, "2 Comments", "Ann Lee says:", "May 3, 2020 at 4:15 pm",
                                "Great piece, thanks.", "Reply", "Bo Park says:", "May 4, 2020 at 9:02 am", "Agreed.", "Reply"]))
    texts.append("\n\n".join([STORY, MORE, LINES[-2], LINES[-1]]))
    planned, plain = _both(texts, monkeypatch)
    assert planned == plain
    # the lines exercise the filters' own rules, not only their "no"
    rules = {x[3] for _, removed in planned for x in removed}  # type: ignore[misc]
    assert {"share-bar", "promo-shop", "coverage-pointer", "month-menu", "embed-pointer", "pop-up", "source-link",
            "signup-prompt", "donation-ask", "label", "thread", "forward-looking"} <= rules


PIECES = LINES + [STORY, MORE, STORY + " " + LINES[12], MORE + " Follow our desk on Instagram."]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=12).map("\n\n".join))
def test_the_plan_answers_as_the_plain_loop_on_any_page(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    planned, plain = _both([text], monkeypatch)
    assert planned == plain


def test_a_text_s_bits_are_its_filters_tests() -> None:
    from cleantext._document import segment_text
    from cleantext._patterns import trigger_scanner
    from cleantext.filters._common import _phrases, reports_speech
    from cleantext.filters._forms import GATE_WORDS
    from cleantext.filters._pointers import may_point_text

    table = phrases._table(("en",))
    scan = trigger_scanner(("en",))
    long = " ".join([STORY, "Sign up for our newsletter. Related stories and more ads here.", MORE] * 3)
    doc = segment_text("\n".join(LINES + [STORY, MORE, long, long[:300]]))
    prompt = _phrases("newsletter_prompt", ("en",), "any").triggers or ()
    ask = _phrases("donation_ask", ("en",), "any").triggers or ()
    assert table.newsletter and table.donation
    seen_long = False
    for b in doc.blocks:
        found = scan(b.low)
        kinds, lists = phrases._entry(b, found, table)
        for name, picks in table.picks.items():
            order = picks[0]
            ks = phrases._scan_kinds(name, ("en",))[0]  # type: ignore[index]
            assert [k for k, *_ in order] == [k for k in phrases._KIND_ORDER if k in ks]
            limits = phrases._PLAN_CLASSES[name].max_words
            for kind, _, active, bit in order:
                short = kind in ("start", "end") or b.words <= limits[kind]
                assert bool(kinds & bit) == (not active.isdisjoint(found) and short), (name, kind, b.text)
            assert (table.slot[name] in lists) == bool(kinds & table.jbits[name]), (name, b.text)
        seen_long = seen_long or b.words > 80
        assert (phrases.UI_WIDGET in lists) == (phrases._widget(b) is not None), b.text
        assert (phrases.AD_POPUP in lists) == ("\u00d7 " in b.text), b.text
        assert (phrases.POINTER_TEXT in lists) == may_point_text(b), b.text
        label = ":" in b.text[-2:] and phrases._LABEL.match(b.text) is not None and not reports_speech(b.text)
        assert (phrases.SOCIAL_LABEL in lists) == label, b.text
        assert (phrases.NEWSLETTER in lists) == (not found.isdisjoint({*prompt, *GATE_WORDS})), b.text
        assert (phrases.DONATION in lists) == (not found.isdisjoint(ask)), b.text
        assert len(set(lists)) == len(lists)
    assert seen_long
