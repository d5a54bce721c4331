"""No pattern backtracks catastrophically: ten times the input costs about ten times the time.

Each crafted worst case (tests/pathological_cases.py) runs through every filter alone and
through ``clean()``, at a tenth of the size the robustness issue names and at that size divided
by a hundred (``CLEANTEXT_PATHOLOGICAL_SCALE=1`` runs the issue's own sizes, and ten times
less). The bound is generous (x30, where linear is x10 and quadratic x100) and applies when the
larger run takes long enough to measure; every case must also finish within a few seconds.
Exact ratios: ``python benchmarks/pathological.py``.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator

import pytest

from cleantext import clean

from .pathological_cases import HTML_CASES, SIZES, TEXT_CASES, time_filters

SCALE = float(os.environ.get("CLEANTEXT_PATHOLOGICAL_SCALE", "0.1"))
MAX_RATIO = 30.0
MEASURABLE = 0.1  # seconds: below this the ratio is noise
CAP = 5.0  # seconds for one clean() of any case at any scale

clean("Warm up. By Ann Lee\n\nSign up for our newsletter!")


@pytest.fixture(autouse=True)
def _no_hang() -> Iterator[None]:
    """A case that backtracks catastrophically must fail the test, not hang the suite."""
    if not hasattr(signal, "setitimer"):
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise TimeoutError(f"a pathological case ran for more than {4 * CAP:.0f} s")

    old = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, 4 * CAP)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def _ratios(make, n: int, fmt: str) -> tuple[dict[str, float], dict[str, float]]:
    small = time_filters(make(n), fmt)
    for _ in range(2):  # the small run is short: keep its best time
        again = time_filters(make(n), fmt)
        small = {k: min(v, again[k]) for k, v in small.items()}
    big = time_filters(make(10 * n), fmt)
    again = time_filters(make(10 * n), fmt)  # the best of two: one slice of a busy machine can
    big = {k: min(v, again[k]) for k, v in big.items()}  # double a 0.1 s run
    return small, big


def _superlinear(small: dict[str, float], big: dict[str, float]) -> list[str]:
    return [
        f"{name}: {small[name]:.4f}s -> {big[name]:.3f}s (x{big[name] / max(small[name], 1e-9):.0f})"
        for name in big
        if big[name] > MEASURABLE and big[name] > MAX_RATIO * small[name]
    ]


@pytest.mark.parametrize("case", [*TEXT_CASES, *HTML_CASES])
def test_linear_time(case: str) -> None:
    make = TEXT_CASES.get(case) or HTML_CASES[case]
    fmt = "html" if case in HTML_CASES else "text"
    n = max(1, int(SIZES[case] * SCALE / 10))
    small, big = _ratios(make, n, fmt)
    bad = _superlinear(small, big)
    if bad:  # a second measurement, so that a busy machine does not fail the test
        small, big = _ratios(make, n, fmt)
        bad = _superlinear(small, big)
    assert not bad, f"{case} at n={n} and 10n: " + "; ".join(bad)
    assert big["ALL"] < CAP, f"{case}: clean() took {big['ALL']:.1f}s at n={10 * n}"


@pytest.mark.parametrize("case", ["blank-gap-paren", "quote-marks", "prompt-lines", "by-repeated"])
def test_result_is_sound(case: str) -> None:
    """The worst cases still give a valid result, not only a fast one."""
    from ._helpers import assert_ledger_ok

    r = clean(TEXT_CASES[case](1000))
    assert_ledger_ok(r)


def test_a_pattern_that_times_out_is_reported_not_raised() -> None:
    """A filter whose regex search gives up (timeout=) loses its findings on that document only."""
    import regex

    from cleantext import Pipeline

    slow = regex.compile(r"(?:a|aa)+b")  # exponential in the regex module

    def backtracker(doc, ctx):  # type: ignore[no-untyped-def]
        for b in doc.blocks:
            yield ctx.finding(b, "advertisement", "slow", "test", 0.9)
            slow.search(b.text, timeout=0.05)

    text = "Sign up for our newsletter!\n\n" + "a" * 40 + "\n\nThe council voted on Tuesday."
    r = clean(text, pipeline=Pipeline.default().with_filter(backtracker, before="newsletter"))
    assert r.text == "a" * 40 + "\n\nThe council voted on Tuesday."
    assert [x.filter for x in r.removed] == ["newsletter"]
    assert any("'backtracker': a pattern timed out" in w for w in r.warnings)


def test_phrase_group_searches_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    """Phrase lists are data: their searches run with PATTERN_TIMEOUT, and a time-out is a warning."""
    from cleantext import _patterns

    monkeypatch.setattr(_patterns, "PATTERN_TIMEOUT", 1e-9)
    r = clean("Sign up for our newsletter!\n\nThe council voted on Tuesday to extend the bus line.")
    assert "Sign up" in r.text
    assert any("'newsletter': a pattern timed out" in w for w in r.warnings)
