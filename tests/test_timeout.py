"""The per-document time limit: a document over time comes back unchanged, with a warning."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from cleantext import Context, Document, Finding, OptionError, Pipeline, clean, replay

TEXT = "By Ann Smith\n\nThe council voted on Tuesday to extend the bus line to the airport.\n\nSign up for our newsletter!"


def slow(doc: Document, ctx: Context) -> Iterator[Finding]:
    time.sleep(0.2)
    return iter(())


def test_over_time_the_document_is_passed_through_with_a_warning() -> None:
    p = Pipeline.default().with_filter(slow, after="byline")
    r = clean(TEXT, pipeline=p, timeout=0.05)
    assert r.text == replay(TEXT, ())  # unchanged (line ends aside), never dropped
    assert "Sign up" in r.text and "By Ann Smith" in r.text
    assert r.removed == ()
    assert len(r.warnings) == 1 and "timed out after 0.05 s" in r.warnings[0] and "'slow'" in r.warnings[0]


def test_within_time_nothing_changes() -> None:
    p = Pipeline.default().with_filter(slow, after="byline")
    assert clean(TEXT, pipeline=p, timeout=5).text == clean(TEXT).text
    assert clean(TEXT, timeout=5).warnings == ()


def test_bad_timeouts_are_errors() -> None:
    for bad in (0, -1.0):
        with pytest.raises(OptionError):
            clean(TEXT, timeout=bad)


def test_timed_out_document_keeps_the_metadata_given_and_read() -> None:
    import time

    from cleantext import Context, Document, Finding, Pipeline, clean

    def slow(doc: Document, ctx: Context) -> list[Finding]:
        time.sleep(0.05)
        return []

    r = clean(
        "Some text of an article.",
        url="https://example.org/a",
        timeout=0.01,
        pipeline=Pipeline.default().with_filter(slow, before="byline"),
    )
    assert any("timed out" in w for w in r.warnings)
    assert r.metadata.url == "https://example.org/a"
