"""Each byline line shape is recognised by its own rule (the shapes are tested for a literal
before their expressions run: a test per shape keeps those literal tests honest)."""

from __future__ import annotations

import pytest

from cleantext import clean

from ._helpers import P1, P2, assert_ledger_ok

HEAD = [
    ("(Reporting by Ann Lee in Lisbon; Editing by Tom Ruiz)", "credit-line"),
    ("Authors:", "authors-header"),
    ("Posted on May 3, 2021 by Ann Lee", "posted-on-by"),
    ("Posted by Ann Lee on May 3, 2021", "posted-by-on"),
    ("Submitted by Example Institute, authored by Ann Lee", "submitted-by"),
    ("Article courtesy of Ann Lee", "courtesy-of"),
    ("Reuters", "agency-line"),
    ("Ann Lee: 206-555-0142 or alee@example.org", "contact-line"),
    ("Ann Lee contributed to this report.", "contributor-credit"),
    ("With files from The Canadian Press", "contributor-credit"),
    ("Some information for this report was provided by AFP.", "contributor-credit"),
    ("By The Associated Press", "by-agency"),
    ("By Ann Lee | May 3, 2021", "by-line"),
    ("Por Ana López", "by-line"),
    ("Published: May 3, 2021 4:15 pm", "date-stamp"),
    ("Mis à jour le 3 mai 2021 à 16:15", "date-stamp"),
    ("Last edited: May 3, 2021", "date-stamp"),
    ("Created: May 3, 2021 4:15 pm", "date-stamp"),
    ("| Posted : Mon, 3 May 2021 16:15 GMT |", "date-stamp"),
    ("Harbour Post Staff Writer", "outlet-role"),
    ("Monday, May 3, 2021", "date-line"),
    ("Ann Lee, Staff Writer", "name-role"),
    ("Ann Lee | May 3, 2021", "name-date"),
]


@pytest.mark.parametrize(("line", "rule"), HEAD, ids=[r + ":" + line[:20] for line, r in HEAD])
def test_each_byline_shape_has_its_rule(line: str, rule: str) -> None:
    r = clean(f"{line}\n\n{P1}\n\n{P2}", language="fr" if line.startswith("Mis") else None)
    assert_ledger_ok(r)
    got = [(x.text, x.rule) for x in r.removed if x.filter == "byline"]
    assert got == [(line, rule)]
    assert P1 in r.text and P2 in r.text


def test_name_at_outlet_signs_off_the_page() -> None:
    r = clean(f"{P1}\n\n{P2}\n\nAnn Lee at Example Tribune")
    assert [(x.text, x.rule) for x in r.removed] == [("Ann Lee at Example Tribune", "name-at-outlet")]
    assert r.metadata.authors == ("Ann Lee",)


@pytest.mark.parametrize(
    "line",
    [
        "By the time the firefighters arrived, the barn was gone.",
        "Posted guards stood at every gate of the old fort through the night.",
        "Some of the residents said they would appeal the decision in court.",
        "With the river rising, the mayor ordered the lower town cleared by noon.",
    ],
)
def test_story_lines_that_open_like_bylines_stay(line: str) -> None:
    r = clean(f"{line}\n\n{P1}\n\n{P2}")
    assert not [x for x in r.removed if x.filter == "byline"]
    assert line in r.text
