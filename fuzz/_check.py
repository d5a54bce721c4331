"""Invariants every fuzz target checks on a Result (shared by the atheris harnesses)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from cleantext import Result, replay  # noqa: E402


def check_result(r: Result, idempotent: bool = True) -> None:
    """Ledger in bounds, sorted, non-overlapping, replayable; serialisable; idempotent."""
    prev = 0
    for x in r.removed:
        assert prev <= x.start < x.end <= len(r.original), ("span out of order or bounds", x.start, x.end, prev)
        assert r.original[x.start : x.end] == x.text, "ledger text differs from the original span"
        prev = x.end
    assert replay(r.original, r.removed) == r.text, "replay(original, removed) != text"
    assert replay(r.original, [x.to_dict() for x in r.removed]) == r.text, "dict replay differs"
    # nothing invented: the output is the original's characters in order, plus separators
    it = iter("".join(r.original.split()))
    assert all(ch in it for ch in "".join(r.text.split())), "output has characters not in the original"
    json.loads(r.to_json())
    r.explain()
    if idempotent:
        from cleantext import clean

        again = clean(r.text, format="text", mode=r.mode)
        assert again.removed == (), ("not idempotent", again.explain())
