"""HTML in: the reader (main content, blocks, hints), metadata, the ledger, and robustness.

Every page here is written for the test; nothing comes from ../shared/eval.
"""

from __future__ import annotations

import time

import pytest

from cleantext import Pipeline, clean, read
from cleantext._html import parse_html, read_html

from ._helpers import P1, P2, assert_ledger_ok

P3 = (
    "The council's transport committee will publish the timetable in March, and the operator said "
    "fares would match those of the existing city routes, including the discounts for students."
)

HEAD = """<head>
<meta charset="utf-8">
<title>Bus line to reach the airport | Riverside Post</title>
<meta property="og:title" content="Bus line to reach the airport">
<meta property="og:site_name" content="Riverside Post">
<meta name="description" content="The council voted to extend the bus line.">
<meta property="article:published_time" content="2024-03-05T09:30:00+01:00">
<link rel="canonical" href="https://post.example/transport/bus-line">
<script type="application/ld+json">
{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Bus line to reach the airport",
 "author": [{"@type": "Person", "name": "Ana Ruiz"}, {"@type": "Person", "name": "Tom Berg"}],
 "datePublished": "2024-03-05T09:30:00+01:00", "publisher": {"@type": "Organization", "name": "Riverside Post"}}
</script>
</head>"""

PAGE = f"""<!DOCTYPE html><html lang="en-GB">{HEAD}<body>
<header class="site-header"><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
<div class="layout">
<main><article>
<h1>Bus line to reach the airport</h1>
<p class="byline">By Ana Ruiz and Tom Berg</p>
<p>{P1}</p>
<figure><img src="bus.jpg" alt="A bus"><figcaption>A bus at the depot on Monday. Photograph: Lee Chan/Reuters</figcaption></figure>
<p>{P2}</p>
<div class="share-tools"><a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">Email</a></div>
<p>{P3}</p>
<div class="newsletter-signup"><h3>The Morning Brief</h3><p>Get the day's top stories in your inbox.</p></div>
</article></main>
<aside class="sidebar"><h3>Most read</h3><ul><li><a href="/a">Tram fares to rise in spring</a></li>
<li><a href="/b">New cycle lanes open downtown</a></li><li><a href="/c">Library opens on Sundays</a></li></ul></aside>
</div>
<footer><p>Copyright 2024 Riverside Post. All rights reserved.</p><p>Contact us | Privacy | Terms</p></footer>
</body></html>"""


# -- the body ------------------------------------------------------------------------------------

def test_page_gives_the_story_and_nothing_else() -> None:
    r = clean(PAGE)
    assert r.format == "html"
    assert_ledger_ok(r)
    assert r.text == "\n\n".join([P1, P2, P3])


def test_removals_name_the_element() -> None:
    r = clean(PAGE)
    by_text = {x.text: x for x in r.removed}
    cap = by_text["A bus at the depot on Monday. Photograph: Lee Chan/Reuters"]
    assert cap.category == "caption" and cap.filter == "structure"
    assert "figcaption" in cap.evidence
    share = by_text["Facebook Twitter Email"]
    assert share.category == "social" and "share-tools" in share.evidence
    assert by_text["The Morning Brief"].category == "newsletter"


def test_captions_are_data_with_credit() -> None:
    r = clean(PAGE)
    assert [c.to_dict() for c in r.metadata.captions] == [
        {"text": "A bus at the depot on Monday.", "credit": "Lee Chan/Reuters"}
    ]


def test_chrome_outside_the_content_is_not_in_the_text_view() -> None:
    r = clean(PAGE)
    assert "Most read" not in r.original
    assert "Copyright" not in r.original
    assert "Home" not in r.original.split()


def test_the_structure_filter_is_one_name_everywhere() -> None:
    page = PAGE.replace("<p>" + P3, "<p class='wp-caption-text'>Commuters board the last train of the night</p><p>" + P3)
    r = clean(page, pipeline=Pipeline.default().without("structure"))
    assert all(x.filter != "structure" for x in r.removed)
    assert "Commuters board the last train" in r.text  # only the markup said it is a caption
    assert "Commuters board the last train" not in clean(page).text


def test_blocks_carry_tag_and_hints() -> None:
    doc = read_html(PAGE)
    tags = {b.text[:20]: (b.tag, b.hints) for b in doc.blocks}
    assert tags["A bus at the depot o"][0] == "figcaption"
    assert "@figure" in tags["A bus at the depot o"][1]
    assert "share-tools" in tags["Facebook Twitter Ema"][1]
    for b in doc.blocks:
        assert doc.text[b.start : b.end] == b.text


def test_hidden_elements_are_not_read() -> None:
    page = (
        f"<html><body><article><h1>Bus line</h1><p>{P1}</p>"
        "<div hidden><p>Menu copy one, not for readers.</p></div>"
        "<div aria-hidden='true'><p>Menu copy two, not for readers.</p></div>"
        "<div STYLE='DISPLAY : None'><p>Menu copy three, not for readers.</p></div>"
        "<p>Before <span style='visibility:hidden'>menu copy four</span> after the hidden span.</p>"
        f"<div aria-hidden='false'><p>Shown copy stays.</p></div><p>{P2}</p></article></body></html>"
    )
    text = read_html(page).text
    assert P1 in text and P2 in text and "Shown copy stays." in text
    assert "Menu copy" not in text and "menu copy" not in text
    assert "Before after the hidden span." in text  # the tail of a hidden element is kept


def test_a_hidden_element_holding_most_of_the_page_is_read() -> None:
    # streamed rendering: the story sits in a hidden element that a script reveals
    page = (
        "<html><body><nav><a href='/'>Home</a></nav>"
        f"<div style='display:none'><article><p>{P1}</p><p>{P2}</p><p>{P3}</p></article></div>"
        "<div hidden><p>A small hidden menu.</p></div></body></html>"
    )
    text = read_html(page).text
    assert P1 in text and P3 in text
    assert "small hidden menu" not in text


def test_control_characters_are_removed_not_replaced() -> None:
    page = f"<html><body><article><p>Bus\x01 line\x0b to the air\ufffeport.</p><p>{P1}</p></article></body></html>"
    text = read_html(page).text
    assert "Bus line to the airport." in text
    assert "\ufffd" not in text


def test_a_page_wrapper_form_gives_no_form_hint() -> None:
    # an ASP.NET page is one <form>: its blocks are not parts of a form
    paras = f"<p>{P1}</p><p>{P2}</p><p>{P3}</p>" * 3
    wrapped = f"<html><body><form id='aspnetForm'><article>{paras}</article></form></body></html>"
    small = f"<html><body><article><p>{P1}</p><p>{P2}</p><form><p>Sign up for the weekly letter today.</p></form></article></body></html>"
    assert not any("@form" in b.hints for b in read_html(wrapped).blocks)
    assert any("@form" in b.hints for b in read_html(small).blocks if b.text.startswith("Sign up"))


def test_scoring_finds_content_without_article_markup() -> None:
    paras = "".join(f"<p>{p}</p>" for p in (P1, P2, P3))
    page = (
        "<html><body><div id='top'><a href='/'>Home</a> <a href='/x'>World</a> <a href='/y'>Business</a></div>"
        "<div class='col-left'><ul>" + "".join(f"<li><a href='/{i}'>Story number {i}</a></li>" for i in range(12))
        + "</ul></div>"
        f"<div class='col-main'><h2>Bus line</h2>{paras}</div>"
        "<div class='col-right'><p>Advertise with us. Call 555 0100 today.</p></div></body></html>"
    )
    r = clean(page)
    for p in (P1, P2, P3):
        assert p in r.text
    assert "Story number" not in r.text
    assert "Advertise with us" not in r.text


def test_text_split_over_sections_is_kept_whole() -> None:
    sections = "".join(
        f"<section class='chunk'><div class='inner'><p>{p}</p></div></section><div class='media'><img src='x.jpg'></div>"
        for p in (P1, P2, P3)
    )
    page = f"<html><body><nav><a href='/'>Home</a></nav><div class='story'>{sections}</div></body></html>"
    r = clean(page)
    for p in (P1, P2, P3):
        assert p in r.text


def test_over_broad_class_tokens_delete_nothing() -> None:
    page = (
        "<html><body><article>"
        f"<div class='widget'><p>{P1}</p></div><div class='banner-wrap'><p>{P2}</p></div>"
        f"<div class='has-comments'><p>{P3}</p></div></article></body></html>"
    )
    r = clean(page)
    assert r.text == "\n\n".join([P1, P2, P3])


def test_comment_thread_is_not_the_story() -> None:
    comments = "".join(
        f"<li class='comment'><div class='comment-content'><p>Comment {i}: I take this bus every day and, "
        f"honestly, the council should have done this years ago, it is long overdue.</p></div></li>"
        for i in range(8)
    )
    page = (
        f"<html><body><div class='post'><h1>Bus line</h1><p>{P1}</p><p>{P2}</p></div>"
        f"<div id='comments'><ol class='comment-list'>{comments}</ol></div></body></html>"
    )
    r = clean(page)
    assert P1 in r.text and P2 in r.text
    assert "Comment 3" not in r.text


# -- metadata ------------------------------------------------------------------------------------

def test_metadata_from_the_page() -> None:
    m = clean(PAGE).metadata
    assert m.title == "Bus line to reach the airport"
    assert m.authors == ("Ana Ruiz", "Tom Berg")
    assert m.published == "2024-03-05T09:30:00+01:00"
    assert m.site_name == "Riverside Post"
    assert m.url == "https://post.example/transport/bus-line"
    assert m.description == "The council voted to extend the bus line."
    assert m.language == "en"


def test_metadata_fallbacks_without_json_ld() -> None:
    page = (
        "<html><head><title>Floods close the coast road - Daily Courier</title>"
        "<meta name='author' content='Jo Lee'></head><body><article>"
        f"<h1>Floods close the coast road</h1><time datetime='2023-11-02T08:00:00Z'>2 Nov</time>"
        f"<p>{P1}</p><p>{P2}</p></article></body></html>"
    )
    m = clean(page).metadata
    assert m.title == "Floods close the coast road"
    assert m.authors == ("Jo Lee",)
    assert m.published == "2023-11-02T08:00:00Z"


def test_rel_author_and_byline_element() -> None:
    page = (
        "<html><body><article><h1>Floods close the coast road</h1>"
        "<div class='byline'>By <a rel='author' href='/jo'>Jo Lee</a></div>"
        f"<p>{P1}</p><p>{P2}</p></article></body></html>"
    )
    assert clean(page).metadata.authors == ("Jo Lee",)


def test_title_without_site_suffix() -> None:
    from cleantext._html import strip_site

    assert strip_site("Floods close the coast road | Daily Courier") == "Floods close the coast road"
    assert strip_site("Floods close the coast road - Daily Courier", "Daily Courier") == "Floods close the coast road"
    assert strip_site("Why the tide is late: a short explanation") == "Why the tide is late: a short explanation"


# -- robustness ----------------------------------------------------------------------------------

def test_deep_nesting_does_not_recurse() -> None:
    depth = 50_000
    page = "<html><body>" + "<div>" * depth + f"<p>{P1}</p>" + "</div>" * depth + f"<p>{P2}</p></body></html>"
    t0 = time.perf_counter()
    r = clean(page)
    assert time.perf_counter() - t0 < 30
    assert P1 in r.text
    assert_ledger_ok(r)
    text = " ".join(parse_html(page).itertext())
    assert P1 in text and P2 in text  # nothing lost to the parser's depth limit


def test_deep_inline_nesting() -> None:
    page = "<html><body><article>" + "<span><b>" * 20_000 + P1 + "</b></span>" * 20_000 + f"<p>{P2}</p></article></body></html>"
    r = clean(page)
    assert P1 in r.text


def test_huge_attributes() -> None:
    big = "x" * 2_000_000
    page = (
        f"<html><body><article class='{big}' data-blob='{big}'><p style='{big}'>{P1}</p>"
        f"<p id='{big}'>{P2}</p></article></body></html>"
    )
    r = clean(page)
    assert P1 in r.text and P2 in r.text


@pytest.mark.parametrize(
    "page",
    [
        f"<html><body><p>{P1}<p>{P2}<div><p>{P3}</span></table></body>",
        f"<p>{P1}</p></html></html><p>{P2}</p>",
        f"<html><body><table><tr><td><p>{P1}</td><p>{P2}</div></body>",
        f"<html><head><title>{P1}<body><p>{P2}</p>",
        f"<html><body><button>Menu<div><p>{P1}</p><p>{P2}</p></div></body></html>",
        f"<!DOCTYPE html><html><body><p>{P1}\x00\x01</p><p>{P2}</p></body></html>",
        "<html><body></body></html>",
        "<html>",
        "<p></p>",
        "<?xml version='1.0' encoding='utf-8'?><html><body><p>Hello there, reader.</p></body></html>",
    ],
)
def test_broken_markup(page: str) -> None:
    r = clean(page, format="html")
    assert_ledger_ok(r)
    if P2 in page:
        assert P2 in r.text


def test_bytes_in_any_charset() -> None:
    page = f"<html><head><meta charset='utf-8'></head><body><article><p>Café society. {P1}</p><p>{P2}</p></article></body></html>"
    assert "Café society." in clean(page.encode("utf-8")).text
    # declared and right
    koi = page.replace("utf-8", "koi8-r").replace("Café society.", "Привет, город.")
    assert "Привет, город." in clean(koi.encode("koi8-r")).text
    # declared UTF-8, really Windows-1252
    r = clean(page.encode("cp1252"))
    assert "Café society." in r.text
    assert any("Windows-1252" in w for w in r.warnings)
    # no declaration, Shift-JIS: decoded somehow, never raises
    r = clean(f"<html><body><p>東京の天気。{P1}</p></body></html>".encode("shift_jis"))
    assert_ledger_ok(r)
    # declared charset the bytes do not fit: replaced, with a warning
    r = clean(b"<meta charset='shift_jis'><p>" + P1.encode() + b"\x82\xff\xfe</p>")
    assert P1[:40] in r.text
    doc, warnings = read(b"<meta charset='shift_jis'><p>abc\x82\xff</p>")
    assert warnings and "shift_jis" in warnings[0]


def test_cleaning_is_idempotent_on_html_output() -> None:
    r = clean(PAGE)
    assert clean(r.text).text == r.text


def test_other_extractors_output_is_cleaned_as_text() -> None:
    extracted = "\n".join(
        [P1, "A bus at the depot on Monday. (Photo by Lee Chan/Reuters)", P2, "Sign up for our newsletter!", P3]
    )
    r = clean(extracted)
    assert r.text == "\n".join([P1, P2, P3])
