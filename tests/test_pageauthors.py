"""The authors of an HTML page: sources, their order, and what is not a name.

Every page here is written for the test; nothing comes from ../shared/eval.
"""

from __future__ import annotations

import json

from cleantext import clean

from ._helpers import P1, P2


def page(head: str = "", before: str = "", after: str = "") -> str:
    return (
        "<html><head><title>Bus line - Daily Courier</title>"
        f"<meta property='og:site_name' content='Daily Courier'>{head}</head><body>"
        f"<article><h1>Bus line to reach the airport</h1>{before}<p>{P1}</p><p>{P2}</p></article>"
        f"{after}</body></html>"
    )


def authors(html: str) -> tuple[str, ...]:
    return clean(html).metadata.authors


def ld(obj: object) -> str:
    return f"<script type='application/ld+json'>{json.dumps(obj)}</script>"


def test_json_ld_author_by_reference_to_a_person_node() -> None:
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "Article", "headline": "Bus line", "author": {"@id": "https://c.example/#/person/1"}},
        {"@type": "Person", "@id": "https://c.example/#/person/1", "name": "Ann Lee"},
        {"@type": "Person", "@id": "https://c.example/#/person/2", "name": "Someone Else"},
    ]}
    assert authors(page(ld(graph))) == ("Ann Lee",)


def test_json_ld_author_with_the_publisher_appended() -> None:
    art = {"@type": "NewsArticle", "headline": "Bus line", "author": {"@type": "Person", "name": "Ann Lee and Bo Chan, The Courier"},
           "publisher": {"@type": "Organization", "name": "The Courier"}}
    assert authors(page(ld(art))) == ("Ann Lee", "Bo Chan")


def test_meta_author_with_an_escaped_ampersand() -> None:
    assert authors(page("<meta name='author' content='Maria &amp;amp; Katerina'>")) == ("Maria", "Katerina")


def test_hcard_and_author_class_with_a_job_title_beside_the_name() -> None:
    card = "<span class='author vcard'>Posted by <a class='url fn n' href='/u/ann'>Ann Lee</a></span>"
    assert authors(page(before=card)) == ("Ann Lee",)
    box = "<div class='post-author'><span>Written by</span><b>Ann Lee</b><i>Senior Writer</i></div>"
    assert authors(page(before=box)) == ("Ann Lee",)


def test_itemprop_author_takes_its_name_not_its_bio() -> None:
    el = ("<div itemprop='author' itemscope><span itemprop='name'>Ann Lee</span>"
          "<p itemprop='description'>Ann Lee covers transport for the Courier.</p></div>")
    assert authors(page(before=el)) == ("Ann Lee",)


def test_authors_from_a_page_s_json_state() -> None:
    state = "<script>var page = {\"section\": \"city\", \"authors\": [\"Ann Lee\"]};</script>"
    assert authors(page(state)) == ("Ann Lee",)


# -- negatives: what is not an author -----------------------------------------------------------

def test_site_name_url_handle_and_staff_are_not_authors() -> None:
    assert authors(page("<meta name='author' content='Daily Courier'>")) == ()
    assert authors(page("<meta name='author' content='https://facebook.com/courier'>")) == ()
    assert authors(page("<meta name='author' content='@annlee'>")) == ()
    assert authors(page("<meta name='author' content='ann.lee_78'>")) == ()
    assert authors(page("<meta name='author' content='Staff'>")) == ()


def test_a_junk_source_gives_way_to_the_next_one() -> None:
    head = "<meta name='author' content='webeditor.courier'>"
    before = "<div class='byline'>By <a rel='author' href='/ann'>Ann Lee</a></div>"
    assert authors(page(head, before)) == ("Ann Lee",)


def test_comment_authors_are_not_the_story_s_authors() -> None:
    comments = ("<div id='comments'><div class='comment'><span class='comment-author vcard'>"
                "<cite class='fn'>Bo Chan</cite></span> Great story!</div></div>")
    assert authors(page(after=comments)) == ()


def test_rel_author_and_byline_are_whole_words_of_the_attribute() -> None:
    # rel and class are lists of words: "author" among them counts, "co-author" does not
    link = "<p>Story by <a rel='external\tauthor' href='/ann'>Ann Lee</a></p>"
    assert authors(page(before=link)) == ("Ann Lee",)
    assert authors(page(before="<span rel='author'>Ann Lee</span>")) == ("Ann Lee",)
    assert authors(page(before="<p><a rel='co-author' href='/bo'>Bo Chan</a> helped.</p>")) == ()
    assert authors(page(before="<div class='story\nbyline'>By Ann Lee</div>")) == ("Ann Lee",)
    assert authors(page(before="<div class='bylines-list'>Bo Chan</div>")) == ()


def test_an_fn_outside_an_hcard_is_no_author() -> None:
    assert authors(page(before="<span class='fn'>Bo Chan</span>")) == ()
    assert authors(page(before="<div class='vcard'><b class='org'>Courier</b> <i class='x fn'>Ann Lee</i></div>")) == ("Ann Lee",)
