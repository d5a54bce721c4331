"""Shared checks for the tests."""

from __future__ import annotations

from cleantext import Result, replay

# Two paragraphs of story for test pages (written for the tests).
P1 = (
    "The city council voted on Tuesday to extend the bus line to the airport, a project that has "
    "been debated for more than a decade, with the first buses due to run next spring."
)
P2 = (
    "Residents who spoke at the meeting were divided, with several saying the new line would bring "
    "traffic to quiet streets near the river, while others welcomed a faster trip to work."
)


def assert_ledger_ok(r: Result) -> None:
    """Spans inside the original, sorted, non-overlapping, text matching; replay gives the text."""
    prev = 0
    for x in r.removed:
        assert prev <= x.start < x.end <= len(r.original), (x.start, x.end, prev)
        assert r.original[x.start : x.end] == x.text
        prev = x.end
    assert replay(r.original, r.removed) == r.text
    assert replay(r.original, [x.to_dict() for x in r.removed]) == r.text
