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
    ("Article Written by: Ann Lee MD, PhD", "by-line"),
    ("By Ann Lee, Special to the Harbour Post", "by-line"),
    ("EMBARGOED FOR RELEASE: 11 A.M. (ET), MONDAY, MAY 3, 2021", "release-line"),
    ("For Immediate Release: May 3, 2021", "release-line"),
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


def test_contributor_names_stand_for_authors_only_without_a_byline() -> None:
    r = clean(f"{P1}\n\n{P2}\n\nStaff writer Ann Lee contributed to this report.")
    assert r.metadata.authors == ("Ann Lee",)
    r = clean(f"By Tom Ruiz\n\n{P1}\n\n{P2}\n\nStaff writer Ann Lee contributed to this report.")
    assert r.metadata.authors == ("Tom Ruiz",)
    assert "Ann Lee" not in r.text


def test_reuters_credit_names_additional_reporters_not_editors() -> None:
    r = clean(f"{P1}\n\n{P2}\n\n(Reporting by Ann Lee; additional reporting by Tom Ruiz; editing by Bo Chan)")
    assert r.metadata.authors == ("Ann Lee", "Tom Ruiz")


@pytest.mark.parametrize(
    ("head", "authors", "published"),
    [
        ("Ann Lee\n\nMay 22nd, 2021", ("Ann Lee",), "2021-05-22"),
        ("By Ann Lee, Special to the Harbour Post\n\nMay 22, 2021", ("Ann Lee",), "2021-05-22"),
        ("Ann Lee, Harbour Dispatch", ("Ann Lee",), None),
    ],
)
def test_names_and_dates_known_by_their_neighbours(head: str, authors: tuple[str, ...], published: str | None) -> None:
    r = clean(f"{head}\n\n{P1}\n\n{P2}")
    assert_ledger_ok(r)
    assert r.metadata.authors == authors
    assert (r.metadata.published or None) == published
    assert P1 in r.text and P2 in r.text


@pytest.mark.parametrize(
    ("tail", "author"),
    [
        ("ANN LEE", "ANN LEE"),
        ("-- Ann Lee / Harbour Post", "Ann Lee"),
        ("Ann Lee \u2022 555-123-4567", "Ann Lee"),
    ],
)
def test_the_writer_signs_off_at_the_tail(tail: str, author: str) -> None:
    r = clean(f"{P1}\n\n{P2}\n\n{tail}")
    assert [x.rule for x in r.removed] == ["tail-name"]
    assert r.metadata.authors == (author,)


@pytest.mark.parametrize(
    "tail",
    ["United Nations", "God Bless.", "Sincerely,\n\nAnn Lee", "MEDIA CONTACT"],
)
def test_closing_lines_that_are_no_sign_off_stay(tail: str) -> None:
    r = clean(f"{P1}\n\n{P2}\n\n{tail}")
    assert not [x for x in r.removed if x.filter == "byline"]
    assert r.metadata.authors == ()


def test_spanish_name_dash_opening_the_story() -> None:
    body = "Cuando aún se cuentan los votos, decenas de recursos siguen abiertos en los tribunales del país."
    r = clean(f"Ana Ruiz.- {body}\n\n{P2}")
    assert [x.text for x in r.removed] == ["Ana Ruiz.- "]
    assert r.metadata.authors == ("Ana Ruiz",)
    assert body in r.text
