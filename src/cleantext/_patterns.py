"""Phrase lists: data files under ``cleantext/patterns/<language>/<group>.txt``.

One pattern a line, written in the syntax of the ``regex`` module and matched case-insensitively;
``#`` starts a comment (a literal ``#`` is written ``\\#``); blank lines are ignored. A group's
patterns are compiled once, on first use, into one alternation bounded so that it neither starts
nor ends inside a word. A group that exists in no requested language, or is empty, is an error:
a filter must never run with an empty list by accident.
"""

from __future__ import annotations

import functools
from importlib import resources

import regex

from ._errors import PatternError

__all__ = ["load_group", "compile_group", "group_source", "LANGUAGES", "PATTERN_TIMEOUT"]

#: Seconds one search with a phrase group may take (the ``regex`` module's ``timeout=``).
#: Phrase lists are data anybody may extend, so their patterns cannot be proven free of
#: catastrophic backtracking; a search that gives up raises ``TimeoutError``, and the pipeline
#: drops that filter's findings on the document with a warning instead of hanging.
PATTERN_TIMEOUT = 1.0

#: Languages that have phrase lists.
LANGUAGES: tuple[str, ...] = ("en", "es", "de", "fr")


@functools.lru_cache(maxsize=None)
def load_group(group: str, language: str) -> tuple[str, ...]:
    """The patterns of one group in one language; empty when that language has no such file."""
    try:
        path = resources.files("cleantext").joinpath("patterns").joinpath(language).joinpath(f"{group}.txt")
        if not path.is_file():
            return ()
        raw = path.read_text(encoding="utf-8")
    except (FileNotFoundError, NotADirectoryError):
        return ()
    out: list[str] = []
    for line in raw.splitlines():
        # strip comments: a '#' not escaped by a backslash
        cut = regex.search(r"(?<!\\)#", line)
        if cut:
            line = line[: cut.start()]
        line = line.strip()
        if line:
            out.append(line.replace("\\#", "#"))
    return tuple(out)


@functools.lru_cache(maxsize=None)
def group_source(group: str, languages: tuple[str, ...] = ("en",)) -> str:
    """The group's patterns as one alternation, to embed in a larger expression."""
    pats: list[str] = []
    for lang in languages:
        pats.extend(load_group(group, lang))
    if not pats:
        raise PatternError(f"phrase group {group!r} is empty or missing for languages {languages}")
    for p in pats:
        try:
            regex.compile(p)
        except regex.error as exc:
            raise PatternError(f"pattern {p!r} in group {group!r} does not compile: {exc}") from exc
    return "(?:" + "|".join(f"(?:{p})" for p in pats) + ")"


@functools.lru_cache(maxsize=None)
def compile_group(group: str, languages: tuple[str, ...] = ("en",), flags: int = 0) -> regex.Pattern[str]:
    """One compiled alternation of the group's patterns in the given languages."""
    body = group_source(group, languages)
    return regex.compile(rf"(?<![\w]){body}(?![\w])", regex.IGNORECASE | flags)
