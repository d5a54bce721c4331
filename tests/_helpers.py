"""Shared checks for the tests."""

from __future__ import annotations

from cleantext import Result, replay


def assert_ledger_ok(r: Result) -> None:
    """Spans inside the original, sorted, non-overlapping, text matching; replay gives the text."""
    prev = 0
    for x in r.removed:
        assert prev <= x.start < x.end <= len(r.original), (x.start, x.end, prev)
        assert r.original[x.start : x.end] == x.text
        prev = x.end
    assert replay(r.original, r.removed) == r.text
    assert replay(r.original, [x.to_dict() for x in r.removed]) == r.text
