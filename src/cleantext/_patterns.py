"""Phrase lists: data files under ``cleantext/patterns/<language>/<group>.txt``.

One pattern a line, written in the syntax of the ``regex`` module and matched case-insensitively;
``#`` starts a comment (a literal ``#`` is written ``\\#``); blank lines are ignored. A line
``@triggers: word | other words`` lists lower-case literals of which every match of the group
contains at least one: a block holding none of them is not searched at all, which is what keeps
a document's cost near one pass of ``str.find`` per trigger instead of one regex scan per group. A group's
patterns are compiled once, on first use, into one alternation bounded so that it neither starts
nor ends inside a word. A group that exists in no requested language, or is empty, is an error:
a filter must never run with an empty list by accident.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from importlib import resources
from operator import itemgetter

import ahocorasick
import regex

from ._errors import PatternError

__all__ = [
    "load_group",
    "load_triggers",
    "compile_group",
    "group_source",
    "trigger_scanner",
    "trigger_vocabulary",
    "scan_words",
    "LANGUAGES",
    "PATTERN_TIMEOUT",
]


#: Seconds one search with a phrase group may take (the ``regex`` module's ``timeout=``).
#: Phrase lists are data anybody may extend, so their patterns cannot be proven free of
#: catastrophic backtracking; a search that gives up raises ``TimeoutError``, and the pipeline
#: drops that filter's findings on the document with a warning instead of hanging.
PATTERN_TIMEOUT = 1.0

#: Languages that have phrase lists.
LANGUAGES: tuple[str, ...] = ("en", "es", "de", "fr")


@functools.lru_cache(maxsize=None)
def _read(group: str, language: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """(patterns, triggers) of one group file, or None when the language has no such file."""
    if language not in LANGUAGES:  # a name from the input is never a path
        return None
    try:
        path = resources.files("cleantext").joinpath("patterns").joinpath(language).joinpath(f"{group}.txt")
        if not path.is_file():
            return None
        raw = path.read_text(encoding="utf-8")
    except (FileNotFoundError, NotADirectoryError):
        return None
    out: list[str] = []
    triggers: list[str] = []
    for line in raw.splitlines():
        if line.startswith("@triggers:"):
            triggers.extend(t.strip().lower() for t in line[len("@triggers:") :].split("|") if t.strip())
            continue
        # strip comments: a '#' not escaped by a backslash
        cut = regex.search(r"(?<!\\)#", line)
        if cut:
            line = line[: cut.start()]
        line = line.strip()
        if line:
            out.append(line.replace("\\#", "#"))
    if not out:
        raise PatternError(f"phrase group file {language}/{group}.txt holds no pattern")
    return tuple(out), tuple(triggers)


def load_group(group: str, language: str) -> tuple[str, ...]:
    """The patterns of one group in one language; empty when that language has no such file."""
    got = _read(group, language)
    return got[0] if got else ()


@functools.lru_cache(maxsize=None)
def load_triggers(group: str, languages: tuple[str, ...] = ("en",)) -> tuple[str, ...] | None:
    """The group's trigger literals in these languages; None when a file declares none."""
    out: list[str] = []
    for lang in languages:
        got = _read(group, lang)
        if got is None:
            continue
        if not got[1]:
            return None
        out.extend(got[1])
    return tuple(dict.fromkeys(out))


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


def _groups_in(language: str) -> list[str]:
    if language not in LANGUAGES:  # a name from the input is never a path
        return []
    folder = resources.files("cleantext").joinpath("patterns").joinpath(language)
    try:
        return sorted(p.name[:-4] for p in folder.iterdir() if p.name.endswith(".txt"))
    except (FileNotFoundError, NotADirectoryError):
        return []


#: Literals the built-in filters test in a block's lower-case text besides the phrase lists'
#: triggers (see :func:`scan_words`), in any language.
_FILTER_WORDS: set[str] = set()


def scan_words(*words: str) -> frozenset[str]:
    """Declare lower-case literals that a filter tests in blocks (``w in block.low``): they join
    the one scan of the trigger automaton, and the filter reads them from
    ``Context.triggers_in(b)`` / ``Context.scanned_triggers()`` instead of searching each block
    once per literal (the scan finds every occurrence, overlapping ones too, so
    ``w in triggers`` is ``w in block.low``). Called when a filter module is imported."""
    for w in words:
        if not w or w != w.lower():
            raise PatternError(f"a scanned literal is a non-empty lower-case string, got {w!r}")
    new = set(words) - _FILTER_WORDS
    if new:
        _FILTER_WORDS.update(new)
        trigger_vocabulary.cache_clear()
        trigger_scanner.cache_clear()
    return frozenset(words)


@functools.lru_cache(maxsize=None)
def trigger_vocabulary(languages: tuple[str, ...]) -> frozenset[str]:
    """Every trigger literal of every group in these languages, and the filters' own literals
    (:func:`scan_words`)."""
    words: set[str] = set(_FILTER_WORDS)
    for lang in languages:
        for g in _groups_in(lang):
            got = _read(g, lang)
            if got:
                words.update(t for t in got[1] if t)
    return frozenset(words)


@functools.lru_cache(maxsize=None)
def trigger_scanner(languages: tuple[str, ...]) -> Callable[[str], frozenset[str]]:
    """A function from lower-case text to the set of every trigger literal (of every group in
    these languages) that occurs in it: one pass of an Aho-Corasick automaton (``pyahocorasick``)
    over the text instead of one ``str.find`` per literal (or a regular expression tried at
    every position, four times slower)."""
    words = sorted(trigger_vocabulary(languages))
    if not words:
        return lambda text: frozenset()
    automaton = ahocorasick.Automaton()
    for w in words:
        automaton.add_word(w, w)
    automaton.make_automaton()

    iterate = automaton.iter
    value = itemgetter(1)

    def found(text: str) -> frozenset[str]:
        # (the literal of each (end, literal) match taken in C, not by a loop of bytecodes)
        return frozenset(map(value, iterate(text)))

    return found
