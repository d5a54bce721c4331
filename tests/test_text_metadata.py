"""Metadata found in plain text: the date a wire dateline states, the headline and byline
shapes around it.

Every text here is written for the test; nothing comes from ../shared/eval.
"""

from __future__ import annotations

from cleantext import clean

STORY = (
    "The county health board said on Tuesday that a new clinic would open in the spring, "
    "after two years of planning and a long fight over where it should be built."
)
HEADLINE = "County health board picks a site for the new clinic"


# -- the date a dateline states ------------------------------------------------------------------

def test_wire_dateline_with_year_dates_the_story() -> None:
    r = clean(f"MILLBROOK, Ore., Feb. 9, 2019 /ExampleWire/ -- {STORY}")
    assert r.metadata.published == "2019-02-09"
    assert r.text.startswith("The county health board")


def test_weekday_dateline_with_agency_dates_the_story() -> None:
    r = clean(f"THURSDAY, Oct. 3, 2024 (Clinic Wire News) -- {STORY}")
    assert r.metadata.published == "2024-10-03"


def test_standalone_dateline_with_date_dates_the_story() -> None:
    r = clean(f"MILLBROOK, Ore., Feb. 9, 2019\n\n{STORY}")
    assert r.metadata.published == "2019-02-09"


def test_dateline_without_year_gives_no_date() -> None:
    r = clean(f"MILLBROOK, Feb. 9 (Example Wire) - {STORY}")
    assert r.text.startswith("The county health board")
    assert r.metadata.published is None


def test_date_in_the_story_sentence_is_not_a_dateline_date() -> None:
    # a sentence that opens with a date is the story, not a dateline: no date, nothing removed
    text = f"On Feb. 9, 2019, the county health board said a new clinic would open. {STORY}"
    r = clean(text)
    assert r.metadata.published is None
    assert r.text == text


def test_byline_date_comes_before_the_dateline_date() -> None:
    r = clean(f"By Ann Lee | March 2, 2020\n\nMILLBROOK, Ore., Feb. 9, 2019 /ExampleWire/ -- {STORY}")
    assert r.metadata.published == "2020-03-02"


# -- a writer's role under the byline ------------------------------------------------------------


def test_role_line_under_byline_is_byline_and_headline_is_title() -> None:
    r = clean(f"{HEADLINE}\n\nBy Ann Lee\n\nMillbrook Daily Reporter\n\n{STORY}")
    assert r.metadata.title == HEADLINE
    assert list(r.metadata.authors) == ["Ann Lee"]
    assert "Reporter" not in r.text
    assert r.text.startswith("The county health board")


def test_role_line_under_byline_is_never_the_title() -> None:
    r = clean(f"By Ann Lee\n\nMillbrook Daily Reporter\n\n{STORY}")
    assert r.metadata.title != "Millbrook Daily Reporter"
    assert "Millbrook Daily Reporter" not in r.text


def test_subheading_under_byline_is_not_a_role() -> None:
    sub = "Why the Clinic Matters to Every Reporter"
    r = clean(f"{HEADLINE}\n\nBy Ann Lee\n\n{sub}\n\n{STORY}")
    assert sub in r.text


def test_role_shaped_line_without_byline_above_stays() -> None:
    text = f"{STORY}\n\nMillbrook Daily Reporter\n\n{STORY.replace('spring', 'summer')}"
    assert "Millbrook Daily Reporter" in clean(text).text


# -- a bare date beside the headline -------------------------------------------------------------

def test_bare_date_under_headline_is_byline() -> None:
    r = clean(f"{HEADLINE}\n\nMarch 5, 2020\n\n{STORY}")
    assert r.metadata.title == HEADLINE
    assert r.metadata.published == "2020-03-05"
    assert r.text.startswith("The county health board")


def test_bare_date_over_headline_is_byline() -> None:
    r = clean(f"March 5, 2020\n\n{HEADLINE}\n\n{STORY}")
    assert r.metadata.title == HEADLINE
    assert r.metadata.published == "2020-03-05"


def test_bare_date_over_a_letter_stays() -> None:
    text = f"March 5, 2020\n\nDear members of the board,\n\n{STORY}"
    r = clean(text)
    assert "March 5, 2020" in r.text
    assert r.metadata.published is None


def test_diary_dates_stay() -> None:
    # a date on a line of its own further down: the dates head a diary's entries
    text = (f"Notes from the clinic build\n\nMarch 5, 2020\n\n{STORY}\n\nMarch 9, 2020\n\n"
            "The builders poured the foundation on Monday and said the walls would rise within a month.")
    r = clean(text)
    assert "March 5, 2020" in r.text and "March 9, 2020" in r.text


# -- a live blog's signed entries ----------------------------------------------------------------

def test_signed_live_blog_entries_give_authors() -> None:
    text = (
        f"{STORY} \u2014 Ann Lee\n\n"
        "The state reported 40 new cases on Sunday, down from 52 a day earlier, its health office said. \u2014 Ann Lee\n\n"
        "Schools in the north of the county will reopen next week, the district said in a letter to parents. \u2014 Bob Stone"
    )
    r = clean(text)
    assert list(r.metadata.authors) == ["Ann Lee", "Bob Stone"]
    assert "\u2014 Ann Lee" not in r.text and "\u2014 Bob Stone" not in r.text
    assert "its health office said." in r.text


def test_one_quotation_attribution_stays() -> None:
    text = f"{STORY}\n\n\"The best clinic is the one that is open when you need it.\" \u2014 Ann Lee"
    r = clean(text)
    assert "\u2014 Ann Lee" in r.text
    assert not r.metadata.authors


# -- a letter's greeting is not a name beside a date ---------------------------------------------
LETTER = (
    "My neighbour has parked his truck across my driveway for three weeks now, and every time I "
    "ask him to move it he says he will do it tomorrow, which never comes."
)


def test_greeting_beside_a_date_is_not_a_byline() -> None:
    # "Dear Ann," over a letter looks like a two-word name next to the date: it is the letter's
    # first line and stays, and nobody is named as the author
    for greeting in ("Dear Ann,", "Querida Ana,", "Hello Ann,"):
        text = f"Letters to the editor\n\nMarch 5, 2020\n\n{greeting}\n\n{LETTER}\n\n{LETTER}\n\n{STORY}"
        r = clean(text)
        assert greeting in r.text, greeting
        assert r.metadata.authors == (), greeting


def test_name_beside_a_date_is_still_a_byline() -> None:
    # the same page with a writer's name where the greeting was: the name is the byline
    text = f"Letters to the editor\n\nMarch 5, 2020\n\nAnn Lee\n\n{LETTER}\n\n{LETTER}\n\n{STORY}"
    r = clean(text)
    assert r.metadata.authors == ("Ann Lee",)
    assert "Ann Lee" not in r.text
