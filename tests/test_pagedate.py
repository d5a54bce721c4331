"""The publication date of an HTML page: where it is taken from, in which order, and its form.

Every page here is written for the test; nothing comes from ../shared/eval.
"""

from __future__ import annotations

import json

import pytest

from cleantext import clean
from cleantext._pagedate import to_iso

from ._helpers import P1, P2


def page(head: str = "", before: str = "", after: str = "", canonical: str | None = None) -> str:
    link = f"<link rel='canonical' href='{canonical}'>" if canonical else ""
    return (
        f"<html><head><title>Bus line - Daily Courier</title>{link}{head}</head><body>"
        f"<article><h1>Bus line to reach the airport</h1>{before}<p>{P1}</p><p>{P2}</p></article>"
        f"{after}</body></html>"
    )


def published(html: str) -> str | None:
    return clean(html).metadata.published


def ld(obj: object) -> str:
    return f"<script type='application/ld+json'>{json.dumps(obj)}</script>"


# -- sources and their order -------------------------------------------------------------------

def test_json_ld_graph_published_wins_over_modified() -> None:
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "WebSite", "name": "Daily Courier"},
        {"@type": "NewsArticle", "headline": "Bus line", "dateModified": "2024-06-01T10:00:00+02:00",
         "datePublished": "2024-03-05T09:30:00+01:00"},
    ]}
    head = ld(graph) + "<meta property='article:modified_time' content='2024-06-01T10:00:00+02:00'>"
    assert published(page(head)) == "2024-03-05T09:30:00+01:00"


def test_a_cms_meta_key_that_says_published() -> None:
    assert published(page("<meta name='parsely-pub-date' content='2021-04-02T08:00:00Z'>")) == "2021-04-02T08:00:00Z"
    assert published(page("<meta name='w-published-date' content='2021-04-02'>")) == "2021-04-02"
    assert published(page("<meta name='cms:date' content='2021-04-02'>")) == "2021-04-02"


def test_meta_keys_that_are_not_the_publication_date() -> None:
    # a publisher, an expiry date, a modified date: none is the publication date; the modified
    # date is only the last resort, and a stated published time beats it
    head = ("<meta name='article:publisher' content='https://social.example/2019/01/02/courier'>"
            "<meta name='expiration-date' content='2030-01-01'>"
            "<meta property='article:modified_time' content='2024-06-01T10:00:00+02:00'>")
    assert published(page(head, before="<p class='date'>Published March 5, 2024</p>")) == "2024-03-05"
    assert published(page(head)) == "2024-06-01T10:00:00+02:00"


def test_time_marked_published_beats_time_marked_updated() -> None:
    before = ("<div class='entry-meta'><time class='updated' datetime='2024-06-01T10:00:00+02:00'>June 1</time>"
              "<time class='entry-date published' datetime='2024-03-05T09:30:00+01:00'>March 5</time></div>")
    assert published(page(before=before)) == "2024-03-05T09:30:00+01:00"


def test_an_updated_line_is_not_taken_for_the_published_one() -> None:
    before = "<div class='post-meta'><span>Updated June 1, 2024</span> <span>Published March 5, 2024</span></div>"
    assert published(page(before=before)) == "2024-03-05"


def test_date_line_after_the_headline_without_markup() -> None:
    before = "<div class='x1'><div class='x2'>Ann Lee</div><div class='x3'>June 12, 2025</div></div>"
    assert published(page(before=before)) == "2025-06-12"  # a date alone: no time is invented


def test_time_element_text_without_datetime() -> None:
    assert published(page(before="<span><time>July 27, 2025</time></span>")) == "2025-07-27"


def test_dates_in_comments_and_sidebars_are_not_the_story_date() -> None:
    aside = (
        "<div class='sidebar'><ul><li><a href='/a'>Older story</a> <time datetime='2019-01-01'>Jan 1</time></li></ul></div>"
        "<div id='comments'><div class='comment'><span class='date'>May 2, 2024</span> Great story!</div></div>"
    )
    html = (f"<html><head><title>Bus line</title></head><body>{aside}<article><h1>Bus line</h1>"
            f"<p>{P1}</p><p>{P2}</p></article></body></html>")
    assert published(html) is None


def test_url_date_is_a_last_resort() -> None:
    url = "https://courier.example/2019/05/03/bus-line/"
    assert published(page(canonical=url)) == "2019-05-03"
    assert published(page("<meta name='date' content='2019-05-04'>", canonical=url)) == "2019-05-04"
    assert published(page(canonical="https://courier.example/bus-line-2019/")) is None


def test_json_state_of_a_script_page() -> None:
    state = "<script>window.__STATE__={\"slug\":\"bus\",\"publishedDate\":\"2019-08-16T00:00:00.000Z\"}</script>"
    assert published(page(state)) == "2019-08-16T00:00:00Z"


# -- the form of the value ---------------------------------------------------------------------

@pytest.mark.parametrize("value, iso", [
    ("2024-05-09 00:00:00 +0000", "2024-05-09T00:00:00+00:00"),
    ("2023-05-17T10:20:30+0200", "2023-05-17T10:20:30+02:00"),
    ("2024-11-22T22:28:12.769Z", "2024-11-22T22:28:12Z"),
    ("2021-11-25 16:11", "2021-11-25T16:11:00"),
    ("2021-11-25", "2021-11-25"),
    ("July 17, 2025", "2025-07-17"),
    ("17.05.2021", "2021-05-17"),
    ("23/12/2025", "2025-12-23"),
    ("Tue, 25 Nov 2025 5:00:00 PST", "2025-11-25T05:00:00-08:00"),
])
def test_values_come_out_in_iso_8601(value: str, iso: str) -> None:
    assert to_iso(value) == iso


@pytest.mark.parametrize("value", ["02-12-2025", "soon", "2024-13-40", "0000-00-00", ""])
def test_no_date_is_guessed(value: str) -> None:
    assert to_iso(value) is None
