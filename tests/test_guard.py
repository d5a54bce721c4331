"""The do-no-harm guard: past the cap, doubtful removals of article-like text are undone.

Figures on the dev set: ``python benchmarks/guard.py``.
"""

from __future__ import annotations

from collections.abc import Iterable

from cleantext import Context, Document, Finding, Options, Pipeline, clean

from ._helpers import assert_ledger_ok

P1 = (
    "For twenty years we have covered the harbour towns, their councils, their schools and their "
    "storms, and this spring you will notice that our paper looks different: the print edition "
    "moves to Thursdays and the website gets a new layout."
)
P2 = (
    "We made these changes because you told us, in letters and at our open evenings, that you read "
    "us on your phone in the morning and on paper at the weekend, and we want to be where you are."
)
ASK = "Please consider supporting our journalism with a donation."
# An editor's letter to readers (body, by the labelling rules) that ends with an appeal: the
# donation filter takes it from its salutation to its sign-off.
LETTER = f"Dear readers,\n\n{P1}\n\n{P2}\n\n{ASK}\n\n\u2014 The Harbour Post Team"


def test_editors_letter_keeps_its_paragraphs() -> None:
    off = clean(LETTER, options=Options(max_removed_share=None))
    assert off.text == ""  # what the guard is for: the whole letter would go
    on = clean(LETTER)
    # the rule that would take the paragraphs is not trusted on this document: the whole letter
    # stays, and cleaning it again changes nothing
    assert on.text == LETTER.replace("\n\n\u2014", "\n\n\u2014")
    assert any(w.startswith("safety cap") and "donation/donation-letter" in w for w in on.warnings)
    assert clean(on.text).text == on.text
    assert_ledger_ok(on)


def _over_eager(doc: Document, ctx: Context) -> Iterable[Finding]:
    for b in doc.blocks:
        if "you" in b.text.lower() or "we " in b.text.lower():
            yield ctx.finding(b, "advertisement", "addresses-reader", "says you/we", 0.6)


def test_over_eager_filter_is_held_back() -> None:
    text = f"Bus Line Extended\n\n{P1}\n\n{P2}\n\nSign up for our newsletter!"
    pipe = Pipeline.default().with_filter(_over_eager, before="duplicate")
    assert P1 not in clean(text, pipeline=pipe, options=Options(max_removed_share=None)).text
    r = clean(text, pipeline=pipe)
    assert P1 in r.text and P2 in r.text
    assert "Sign up" not in r.text
    assert any(w.startswith("safety cap") for w in r.warnings)


def test_sure_removals_stay_past_the_cap() -> None:
    """A verbatim repeated paragraph (confidence 0.9) is not doubtful."""
    text = f"{P1}\n\n{P1}\n\n{P1}"
    r = clean(text, options=Options(max_removed_share=0.1))
    assert r.text == P1
    assert not r.warnings


def test_share_counts_article_like_text_only() -> None:
    """Removing many short prompts around one kept paragraph does not fire the cap."""
    text = "\n\n".join(["Sign up for our newsletter!", "Photo by AP", P1, "Getty Images", "Share this article"])
    r = clean(text, options=Options(max_removed_share=0.1))
    assert P1 in r.text
    assert not any(w.startswith("safety cap") for w in r.warnings)


def test_cap_fires_on_article_share_not_on_total_share() -> None:
    """Two of three long paragraphs removed by a doubtful rule: past a 50% cap of article text,
    though short boilerplate makes the document's total share lower."""
    filler = "\n\n".join(["Updated"] * 1)

    def eats_p1_p2(doc: Document, ctx: Context) -> Iterable[Finding]:
        for b in doc.blocks:
            if b.text in (P1, P2):
                yield ctx.finding(b, "related", "bad-rule", "test", 0.6)

    third = P1.replace("twenty", "thirty")
    text = f"{P1}\n\n{P2}\n\n{third}\n\n{filler}"
    pipe = Pipeline([eats_p1_p2])
    r = clean(text, pipeline=pipe)
    assert P1 in r.text and P2 in r.text
    assert r.warnings and "of the article-like text" in r.warnings[0]


def test_overlapping_findings_counted_once() -> None:
    def twice(doc: Document, ctx: Context) -> Iterable[Finding]:
        for b in doc.blocks:
            if b.text == P1:
                yield ctx.finding(b, "related", "a", "test", 0.6)
                yield ctx.finding(b, "related", "b", "test", 0.6)

    text = f"{P1}\n\n{P2}\n\n{P2.replace('phone', 'tablet')}"
    r = clean(text, pipeline=Pipeline([twice]), options=Options(max_removed_share=0.4))
    assert P1 not in r.text  # one third of the article text: under a 40% cap
    assert not r.warnings


def test_the_share_is_of_the_text_the_sure_removals_leave() -> None:
    """A verbatim repeat (sure) goes whatever the cap; a doubtful rule's share is measured against
    the article-like text left after it, so the clean text, cleaned again, gets the same answer."""
    third = P1.replace("twenty", "thirty")

    def doubts_third(doc: Document, ctx: Context) -> Iterable[Finding]:
        for b in doc.blocks:
            if b.text == third:
                yield ctx.finding(b, "related", "doubtful", "test", 0.6)

    pipe = Pipeline.default().with_filter(doubts_third, before="duplicate")
    # P2 twice in a row (the second copy is sure), third doubtful: of the four long paragraphs it
    # is a quarter, but of the three the repeat leaves a third; under a 30% cap it stays
    text = f"{P1}\n\n{P2}\n\n{P2}\n\n{third}"
    r = clean(text, pipeline=pipe, options=Options(max_removed_share=0.3))
    assert third in r.text and r.text.count(P2) == 1
    assert any(w.startswith("safety cap") for w in r.warnings)
    again = clean(r.text, pipeline=pipe, options=Options(max_removed_share=0.3))
    assert third in again.text
    # under a 40% cap the third paragraph goes, and so it does when the clean text is cleaned again
    r = clean(text, pipeline=pipe, options=Options(max_removed_share=0.4))
    assert third not in r.text and not r.warnings
