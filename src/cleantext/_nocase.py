"""Case-insensitive patterns searched fast, for class names, ids and other short attribute values.

Python's ``re.IGNORECASE`` makes a long alternation of literals several times slower to search
(every character is case-folded against every branch). For an ASCII value, lower-casing it and
searching a case-sensitive pattern finds exactly what the ``re.I`` pattern finds: the pattern is
all lower case, and ASCII lower-casing keeps every position. Other values (rare in markup) are
searched with the ``re.I`` pattern, so Unicode case folding (``"ſ"`` matching ``s``) still holds.
"""

from __future__ import annotations

import re

__all__ = ["NoCase"]


class NoCase:
    """A lower-case pattern matched without regard to case.

    >>> p = NoCase(r"side-?bar|\\bnav\\b")
    >>> bool(p.search("Main SIDEBAR")), bool(p.search("navigation")), bool(p.search("top Nav"))
    (True, False, True)
    >>> bool(p.search("\\u017fidebar"))  # long s folds to s, as with re.I
    True
    """

    __slots__ = ("pattern", "_cs", "_ci")

    def __init__(self, pattern: str) -> None:
        if pattern != pattern.lower():
            raise ValueError(f"NoCase needs a lower-case pattern: {pattern!r}")
        self.pattern = pattern
        self._cs = re.compile(pattern)
        self._ci = re.compile(pattern, re.I)

    def search(self, value: str) -> bool:
        """Whether the pattern occurs in ``value``, in any case."""
        if value.isascii():
            return self._cs.search(value.lower()) is not None
        return self._ci.search(value) is not None
