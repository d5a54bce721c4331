"""Invariants of every result, checked with Hypothesis on generated articles and on any text."""

from __future__ import annotations

import regex
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from cleantext import Result, clean

from ._helpers import assert_ledger_ok

PROSE = [
    "The council voted on Tuesday to extend the bus line to the airport after a decade of debate.",
    "Residents were divided, and several said the line would bring traffic to quiet streets.",
    "By the time the firefighters arrived, the barn had burned to the ground.",
    "She kept the photo by her bed for forty years, her daughter said.",
    "\u201cWe need your donations now more than ever,\u201d said Ruth Gill, who runs the food bank.",
    "More than 4,000 people signed up for the newsletter in its first week, the editor said.",
    "It rained all week.",
    "Yes.",
    "A Decade of Debate",
]
BOILER = [
    "By Ann Smith | March 3, 2021 | 9:15am EST",
    "Posted on June 1, 2020 by Tom Reed",
    "A ferry leaves the harbour. (Photo by Ines Ruiz/AFP via Getty Images)",
    "Getty Images",
    "Enlarge this image toggle caption Lee Chan/AP",
    "Sign up for our newsletter!",
    "Get the best stories delivered to your inbox.",
    "Please consider donating to keep our reporting free.",
    "Dear Reader,",
    "\u2014 The Harbour Post Team",
    "City Council Extends Bus Line to the Airport",
    "WASHINGTON (Reuters) - The talks ended without a deal on Friday, officials said in a statement.",
    "( \u2013 The talks ended without a deal on Friday, officials said in a brief statement.",
    "Advertisement",
    "Advertisement - story continues below",
    "Share this:",
    "Facebook",
    "Twitter",
    "More",
    "1.2k SHARES",
    "Related",
    "READ MORE: Airport traffic hits a record",
    "Recent Posts",
    "Why the bus fare went up",
    "take our poll - story continues below",
    "Email *",
    "Expand | Collapse The council approved the new parking rules on Tuesday night.",
    "About the author: Tom Reed writes about transport.",
    "Reed has covered buses for twenty years.",
    "Copyright 2021 The Harbour Post. All rights reserved.",
    "This article originally appeared on The Harbour Post.",
    "Scroll down to leave a comment!",
    "Already a subscriber? Log in to keep reading.",
    "\u00d7 50 Bus Routes Every Commuter Should Know by Tom Reed, a guide full of shortcuts and timetables for every rider.",
    "The bus line is finally happening! \u2014 Ann Lee (@annlee) May 2, 2021",
    "Public Transport",
    "Commuters wait for a bus outside the station in Leeds, England, March 3, 2021.",
]
SEPS = ["\n", "\n\n", "\r\n", "\n\n\n", " \n", "\n \n"]

articles = st.lists(
    st.tuples(st.sampled_from(PROSE + BOILER), st.sampled_from(SEPS)), min_size=0, max_size=14
).map(lambda parts: "".join(p + s for p, s in parts))
any_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)) | st.sampled_from(list("\n\r \t()|-\u2013\u2014:,.")),
    max_size=400,
)
mixed = st.one_of(articles, any_text, st.tuples(articles, any_text).map(lambda t: t[0] + t[1]))

_WS = regex.compile(r"\s+")


def _is_subsequence(small: str, big: str) -> bool:
    it = iter(big)
    return all(ch in it for ch in small)


def check(r: Result) -> None:
    assert_ledger_ok(r)
    # made of the original's characters, plus the separators (spaces and line breaks)
    assert _is_subsequence(_WS.sub("", r.text), _WS.sub("", r.original))
    assert "\n\n\n" not in r.text
    assert r.text == r.text.strip()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mixed)
@example("Getty Images\nGetty Images")
@example("( \u2013 ")
@example("By A\n\nx")
def test_invariants(text: str) -> None:
    r = clean(text)
    check(r)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mixed)
@example("A Decade of Debate\n\nCity Council Extends Bus Line to the Airport\n\nThe council voted on Tuesday to extend the bus line to the airport after a decade of debate.")
def test_idempotent(text: str) -> None:
    once = clean(text)
    twice = clean(once.text)
    assert twice.removed == (), (once.explain(), twice.explain())
    assert twice.text == once.text


@settings(max_examples=100, deadline=None)
@given(mixed, st.sampled_from(["precision", "balanced", "recall"]))
def test_modes_keep_invariants(text: str, mode: str) -> None:
    check(clean(text, mode=mode))


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes(data: bytes) -> None:
    check(clean(data))
