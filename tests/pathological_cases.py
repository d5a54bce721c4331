"""Crafted worst cases for the patterns, shared by tests/test_pathological.py and
benchmarks/pathological.py.

Each case is ``make(n)``: an input that grows linearly with ``n``; ``SIZES[name]`` is the size
the robustness issue names (a million spaces, "By " 20,000 times, 20,000 lines of "Photo by AP",
a one-megabyte line of prompt words, 20,000 nested parentheses, ...). Ten times ``n`` must cost
about ten times the time.
"""

from __future__ import annotations

import time
from collections.abc import Callable

MB = 1_000_000
_PROMPT = "sign up for our free daily newsletter get it delivered to your inbox please donate to support our journalism "
_PARA = "The council voted on Tuesday to extend the bus line to the airport after a decade of debate."


def _chars(unit: str, n: int) -> str:
    """``unit`` repeated to ``n`` characters."""
    return (unit * (n // len(unit) + 1))[:n]


TEXT_CASES: dict[str, Callable[[int], str]] = {
    # white space
    "million-spaces": lambda n: " " * n,
    "blank-gap": lambda n: "a" + " " * n + "b",
    "blank-gap-paren": lambda n: "A ferry leaves the harbour. (Photo by" + " " * n + "x",
    "newlines": lambda n: "\n" * n,
    "crlf-lines": lambda n: "a\r\n" * (n // 3),
    # bylines
    "by-repeated": lambda n: "By " * n,
    "by-lines": lambda n: "By Ann Lee | March 3, 2021\n" * n,
    # captions
    "photo-by-ap-lines": lambda n: "Photo by AP\n" * n,
    "credit-slashes": lambda n: _chars("Ann Lee/", n),
    "credit-pipes": lambda n: _chars("Ann | ", n),
    # prompts
    "prompt-words-line": lambda n: _chars(_PROMPT, n),
    "prompt-lines": lambda n: "Please consider donating to keep our reporting free.\n" * n,
    "dear-words": lambda n: _chars("Dear ", n),
    "dash-line": lambda n: "\u2014" * n,
    # brackets and quotes
    "nested-parens": lambda n: "(" * n + "x" + ")" * n,
    "open-parens": lambda n: "(" * n,
    "quote-marks": lambda n: '"' * n,
    "quotes-and-said": lambda n: _chars('"x said ', n),
    # names and capitals
    "capitalised-words": lambda n: _chars("Word ", n),
    "upper-words": lambda n: _chars("WASHINGTON ", n),
    "initials": lambda n: "A. " * n,
    "hyphenated-name": lambda n: _chars("Ann-", n),
    "huge-word": lambda n: "A" + "a" * n,
    # long lines without punctuation, and long prose
    "words-no-punctuation": lambda n: _chars("word ", n),
    "digits": lambda n: _chars("1 ", n),
    "prose-paragraphs": lambda n: (_PARA + "\n\n") * n,
}

#: The size of each case the issue names (characters, repetitions or nesting depth).
SIZES: dict[str, int] = {
    "million-spaces": MB,
    "blank-gap": MB,
    "blank-gap-paren": MB,
    "newlines": MB,
    "crlf-lines": 60_000,
    "by-repeated": 20_000,
    "by-lines": 20_000,
    "photo-by-ap-lines": 20_000,
    "credit-slashes": MB,
    "credit-pipes": MB,
    "prompt-words-line": MB,
    "prompt-lines": 20_000,
    "dear-words": MB,
    "dash-line": MB,
    "nested-parens": 20_000,
    "open-parens": MB,
    "quote-marks": MB,
    "quotes-and-said": MB,
    "capitalised-words": MB,
    "upper-words": MB,
    "initials": 20_000,
    "hyphenated-name": MB,
    "huge-word": MB,
    "words-no-punctuation": MB,
    "digits": MB,
    "prose-paragraphs": 20_000,
}

_P = f"<p>{_PARA}</p>"

HTML_CASES: dict[str, Callable[[int], str]] = {
    "html-nested-divs": lambda n: "<html><body>" + "<div>" * n + _P + "</div>" * n + "</body></html>",
    "html-unclosed-divs": lambda n: "<html><body>" + "<div>" * n + _P,
    "html-nested-inline": lambda n: "<html><body><p>" + "<b>" * n + "x" + "</b>" * n + "</p>" + _P + "</body></html>",
    "html-attribute-value": lambda n: '<html><body><div title="' + "a" * n + '">' + _P + "</div></body></html>",
    "html-unclosed-attribute": lambda n: '<html><body><div title="' + "a" * n + _P,
    "html-many-paragraphs": lambda n: "<html><body><article>" + _P * n + "</article></body></html>",
    "html-many-captions": lambda n: "<html><body>" + "<figure><figcaption>Photo by AP</figcaption></figure>" * n + _P + "</body></html>",
}
SIZES.update(
    {
        "html-nested-divs": 50_000,
        "html-unclosed-divs": 50_000,
        "html-nested-inline": 50_000,
        "html-attribute-value": 10 * MB,
        "html-unclosed-attribute": MB,
        "html-many-paragraphs": 20_000,
        "html-many-captions": 20_000,
    }
)


def time_filters(text: str, fmt: str) -> dict[str, float]:
    """Seconds each built-in filter takes alone on ``text`` (its ``find`` on the segmented
    document, accepted findings recorded as the pipeline would), and ``"ALL"``: ``clean()``."""
    from cleantext import Options, Pipeline, clean, read
    from cleantext._pipeline import Context

    opts = Options(format=fmt)
    out: dict[str, float] = {}
    doc, _ = read(text, opts)
    for flt in Pipeline.default():
        ctx = Context(doc, opts)
        ctx.filter_name = flt.name
        t0 = time.perf_counter()
        for f in flt.find(doc, ctx):
            ctx._record(f)
        out[flt.name] = time.perf_counter() - t0
    t0 = time.perf_counter()
    clean(text, format=fmt)
    out["ALL"] = time.perf_counter() - t0
    return out
