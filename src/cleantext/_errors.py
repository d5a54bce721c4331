"""The exception tree of cleantext, in one place.

Every error the library raises on purpose derives from :class:`CleantextError`, and also from
the built-in exception a caller would expect (``TypeError`` for a wrong input type, ``ValueError``
for a wrong value), so ``except TypeError`` keeps working.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = [
    "CleantextError",
    "InputTypeError",
    "UnknownNameError",
    "PatternError",
    "OptionError",
]


class CleantextError(Exception):
    """Base class of every error cleantext raises on purpose."""


class InputTypeError(CleantextError, TypeError):
    """The input is not ``str`` or ``bytes``; the message names the type that was given."""

    def __init__(self, value: object, what: str = "text") -> None:
        self.type_name = type(value).__name__
        super().__init__(
            f"cleantext expects {what} as str or bytes, got {self.type_name}"
        )


class OptionError(CleantextError, ValueError):
    """An option has a value outside its documented range."""


class UnknownNameError(CleantextError, ValueError):
    """A filter, category, mode or language name that does not exist; lists the valid ones."""

    def __init__(self, kind: str, name: object, valid: Iterable[str]) -> None:
        self.kind = kind
        self.name = name
        self.valid = tuple(valid)
        super().__init__(
            f"unknown {kind} {name!r}; valid {kind} names: {', '.join(self.valid)}"
        )


class PatternError(CleantextError, ValueError):
    """A phrase-list data file is missing, empty or holds a pattern that does not compile."""
