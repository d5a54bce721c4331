"""Wire credit lines without brackets ("Reporting by ...; Editing by ..."), comment prompts in
the outlet's own words ("Tell us what you think in the comments below") and the page furniture
of common site software (share buttons, copyright and footer lines, reading times): each goes,
between story paragraphs or at the end, and the prose that looks like them stays."""

from __future__ import annotations

import pytest

from cleantext import clean

from .test_model import STORY  # the same three paragraphs of an invented story


def _texts(line: str) -> list[str]:
    return ["\n\n".join(STORY[:2] + [line] + STORY[2:]), "\n\n".join(STORY + [line])]


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("Reporting by Jane Doe in London; Editing by John Roe", ("Jane Doe",)),
        ("Reporting by Jane Doe and Ann Lee; Additional reporting by Bo Li in Beijing; Editing by John Roe and Max Pole.",
         ("Jane Doe", "Ann Lee", "Bo Li")),
        ("Writing by Jane Doe; Editing by John Roe", ("Jane Doe",)),
    ],
)
def test_a_wire_credit_line_without_brackets_goes_and_names_the_reporters(line: str, authors: tuple[str, ...]) -> None:
    for text in _texts(line):
        r = clean(text)
        assert line not in r.text
        assert [(x.category, x.rule) for x in r.removed] == [("byline", "credit-line")]
        assert r.metadata.authors == authors  # the editors are not authors
        assert all(p in r.text for p in STORY)


@pytest.mark.parametrize(
    "line",
    [
        "Reporting by the Example Times found that the company had hidden losses for years.",
        "Reporting by Jane Doe; Editing by the night desk after midnight, as always on Sundays",
        "Editing by hand took the crew three weeks, the director said at the premiere.",
        "Writing by candlelight, she finished the novel in a single winter.",
    ],
)
def test_prose_that_opens_like_a_credit_stays(line: str) -> None:
    for text in _texts(line):
        r = clean(text)
        assert line in r.text
        assert not any(x.rule == "credit-line" for x in r.removed)


@pytest.mark.parametrize(
    "line",
    [
        "Tell us what you think in the comments below.",
        "Share your thoughts in the comments section below!",
        "Sound off in the comments.",
        "We want to hear from you. Tell us what you think in the comments below.",
    ],
)
def test_a_comment_prompt_in_any_words_goes(line: str) -> None:
    for text in _texts(line):
        r = clean(text)
        assert line not in r.text
        assert [x.category for x in r.removed] == ["comments"]


@pytest.mark.parametrize(
    "line",
    [
        "Several readers argued in the comments below the video that the referee was wrong.",
        "Tell us what you think, the mayor wrote in the comments below his post, and many residents did.",
        "Fans were quick to weigh in on the decision, and the club's post drew thousands of replies.",
    ],
)
def test_reporting_about_comments_stays(line: str) -> None:
    for text in _texts(line):
        assert line in clean(text).text


@pytest.mark.parametrize(
    ("line", "category"),
    [
        ("Click to share on Twitter (Opens in new window)", "social"),
        ("Click to email a link to a friend (Opens in new window)", "social"),
        ("\u00a9 Example Media Group 2026", "legal"),
        ("Terms of Service | Privacy Policy", "ui"),
        ("About Us | Contact Us | Privacy Policy | Cookie Settings", "ui"),
        ("Estimated reading time: 4 minutes", "ui"),
        ("Listen to this story (4 min)", "ui"),
        ("Continue reading the main story", "ui"),
        ("Posted in Local News, Schools", "ui"),
    ],
)
def test_page_furniture_of_common_site_software_goes(line: str, category: str) -> None:
    for text in _texts(line):
        r = clean(text)
        assert line not in r.text
        assert [x.category for x in r.removed] == [category]
        assert all(p in r.text for p in STORY)


@pytest.mark.parametrize(
    "line",
    [
        "Click to print your boarding pass at the kiosk, the airline told passengers.",
        "Posted in Kabul, the soldier wrote letters home every week.",
        "Listen to this: the band played for four hours without a break.",
        "The company changed its privacy policy and terms of service after the ruling, the regulator said.",
        "Continue reading the report and you will find the council's own numbers on page 12.",
        "Privacy | Security is the title of the exhibition that opens on Friday at the museum.",
    ],
)
def test_prose_that_names_page_furniture_stays(line: str) -> None:
    for text in _texts(line):
        assert line in clean(text).text


def test_a_footer_of_links_names_no_author() -> None:
    r = clean("\n\n".join(STORY + ["About Us | Contact Us"]))
    assert r.metadata.authors == ()
    assert not any(x.rule == "tail-name" for x in r.removed)
