"""NoCase: a lower-case pattern searched without regard to case, as re.IGNORECASE would."""

from __future__ import annotations

import re

import pytest

from cleantext._nocase import NoCase

VALUES = [
    "", "Sidebar", "SIDEBAR-left", "main-Content", "nav", "top-NAV-bar", "Navigation", "hid", "HID",
    "ads", "AdS banner", "display: NONE", "visibility:Hidden", "ſidebar", "\u212aomment",  # long s, Kelvin sign
    "İnav-x", "side\u0130bar", "Ünter-nav", "Käse comment", "résumé", "story body", "ARTICLEBODY",
]
PATTERNS = [
    r"side-?bar|\bnav\b|^hid$|\bads?\b",
    r"display\s*:\s*none|visibility\s*:\s*hidden",
    r"comment|repl(?:y|ies)|articlebody|story-?body|nav-|-nav",
    r"(?:^|[\s_-])(?:author|k)(?:$|[\s_-])",
]


@pytest.mark.parametrize("pattern", PATTERNS)
def test_finds_what_ignorecase_finds(pattern: str) -> None:
    nocase = NoCase(pattern)
    for value in VALUES:
        assert nocase.search(value) == (re.search(pattern, value, re.I) is not None), value


def test_non_ascii_values_fold_as_ignorecase_does() -> None:
    assert NoCase(r"sidebar").search("\u017fidebar")  # long s folds to s
    assert NoCase(r"kelvin").search("\u212aelvin")  # the Kelvin sign folds to k
    assert not NoCase(r"sidebar").search("side bar")


def test_an_upper_case_pattern_is_refused() -> None:
    # lower-casing the value would never match it (and \S lower-cased would be \s)
    with pytest.raises(ValueError):
        NoCase(r"Article")
    with pytest.raises(ValueError):
        NoCase(r"\S+")
