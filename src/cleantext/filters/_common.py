"""Shared pieces of the filters: name and case tests, quoted speech, the base class."""

from __future__ import annotations

import bisect
import functools
import importlib
import time
import unicodedata
import warnings
from collections.abc import Collection, Iterable
from typing import Any

import ahocorasick
import regex

from .._document import Block, Document
from .. import _patterns
from .._patterns import group_source, load_group, load_triggers
from .._types import Context, Finding

# the standard library's parser of expressions (read only, to find a pattern's literals)
_sre: Any
_sre_parse: Any
try:
    _sre = importlib.import_module("re._constants")
    _sre_parse = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - Python before 3.11
    _sre = importlib.import_module("sre_constants")
    _sre_parse = importlib.import_module("sre_parse")

__all__ = [
    "BaseFilter",
    "NAME",
    "NAME_LIST",
    "title_case_ratio",
    "is_headline_like",
    "is_body_like",
    "reports_speech",
    "inside_quotes",
    "phrases",
    "Phrases",
    "languages",
    "norm",
    "table_cell",
]

# A person's name: 1 to 5 capitalised tokens (initials, hyphens, apostrophes, particles).
_TOKEN = r"(?:\p{Lu}[\p{L}\p{M}'\u2019]+\.?(?:-\p{Lu}?[\p{L}\p{M}'\u2019]+)*|\p{Lu}\.)"
_PARTICLE = r"(?:de|del|de la|da|di|dos|du|van|von|der|den|ten|ter|le|la|bin|ibn|al|el|y|Mc|Mac)"
NAME = rf"{_TOKEN}(?:\s+(?:{_PARTICLE}\s+)?{_TOKEN}){{0,4}}"
NAME_LIST = rf"{NAME}(?:\s*,\s*{NAME})*(?:,?\s+(?:and|&|y|und|et)\s+{NAME})?"

_MINOR = frozenset(
    "a an the and or but nor of in on at to for by with as from into onto upon vs via per than "
    "de la el los las y en del por con para al le les et des du un une und der die das von zu".split()
)
_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}\p{M}'\u2019.-]*")
_WS = regex.compile(r"\s+")

# Reported speech: an attribution verb near a quotation mark (a quote at most 400 characters
# before the verb, or an opening quote at most 80 after "said", "told", ...). Found from the
# verbs and the quote positions, not by one pattern with ".{0,400}?" tried from every quote,
# which cost 400 steps a character on a line of quotation marks.
_SPEECH_VERB = regex.compile(
    r"\b(?:said|says|told|wrote|writes|added|asked|explained|"
    r"according to|dijo|afirmó|señaló|explicó|sagte|erklärte|a déclaré|a dit)\b",
    regex.IGNORECASE,
)
_SPEECH_VERB_BEFORE_QUOTE = frozenset(("said", "says", "told", "wrote", "added"))
_QUOTE = regex.compile(r"[\"\u201c\u201d\u00ab\u00bb]")
_OPENING_QUOTE = frozenset('"\u201c\u00ab')

#: Verdicts on a text alone are cached (pure functions; several filters ask about the same
#: block, and each look at the clean text asks again): so many texts, about 4 MB at most.
_TEXT_CACHE = 8192


def norm(text: str) -> str:
    """White space folded, for comparing blocks."""
    return " ".join(text.split())


@functools.lru_cache(maxsize=_TEXT_CACHE)
def title_case_ratio(text: str) -> float:
    """Share of the non-minor words that start with a capital letter or a digit."""
    words = [w for w in _WORD.findall(text) if w.lower() not in _MINOR]
    if not words:
        return 0.0
    cap = sum(1 for w in words if w[0].isupper() or w[0].isdigit())
    return cap / len(words)


@functools.lru_cache(maxsize=_TEXT_CACHE)
def is_headline_like(text: str) -> bool:
    """A short line in title case without a sentence's closing punctuation."""
    n = len(text.split())
    if not 2 <= n <= 25 or len(text) > 220:
        return False
    if text.rstrip()[-1:] in ".,;:" and not text.endswith("..."):
        return title_case_ratio(text) >= 0.85 and n >= 4
    return title_case_ratio(text) >= 0.7


@functools.lru_cache(maxsize=_TEXT_CACHE)
def is_body_like(text: str) -> bool:
    """A paragraph of prose: long enough, or a sentence with its closing punctuation."""
    n = len(text.split())
    if n >= 25:
        return True
    return n >= 6 and text.rstrip("\"'\u201d\u2019)]")[-1:] in ".!?:\u2026" and not is_headline_like(text)


@functools.lru_cache(maxsize=_TEXT_CACHE)
def reports_speech(text: str) -> bool:
    """Whether the block quotes somebody (article prose, not a prompt addressed to the reader)."""
    verbs = list(_SPEECH_VERB.finditer(text))
    if not verbs:
        return False
    quotes = [m.start() for m in _QUOTE.finditer(text)]
    opening = [q for q in quotes if text[q] in _OPENING_QUOTE]
    for v in verbs:
        i = bisect.bisect_left(quotes, v.start() - 401)
        if i < len(quotes) and quotes[i] < v.start():
            return True
        if v.group().lower() in _SPEECH_VERB_BEFORE_QUOTE:
            i = bisect.bisect_left(opening, v.end())
            if i < len(opening) and opening[i] <= v.end() + 80:
                return True
    return False


def inside_quotes(text: str, pos: int) -> bool:
    """Whether ``text[pos]`` lies inside quotation marks opened before it on the block: an odd
    number of straight double quotes before it, or more opening curly quotes than closing ones
    (a prompt named or quoted in prose: the menu labelled "Help us fight censorship", the
    statement "... working to support us")."""
    head = text[:pos]
    if head.count('"') % 2 == 1:
        return True
    return head.count("\u201c") > head.count("\u201d") or head.count("\u00ab") > head.count("\u00bb")


def languages(ctx: Context) -> tuple[str, ...]:
    """The phrase-list languages for a document: its own, and English."""
    return ("en",) if ctx.language == "en" else (ctx.language, "en")


#: characters the case-blind expressions take for an ASCII letter though their lower case is
#: another one: the long s ("s"), the dotted and the dotless capital and small i ("i"); and the
#: Kelvin sign, to be safe; a text holding one is searched whole (tests/test_rule_fastpaths.py
#: checks every character against every ASCII character)
_ODD_FOLDS = ("\u017f", "\u0130", "\u0131", "\u212a")
_REPEATS = (_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", _sre.MAX_REPEAT))


def _required(items: object) -> frozenset[str] | None:
    """Literals (lower-case ASCII) of which every match of the parsed sequence ``items`` holds
    one, or None when none is known: a run of literal characters the sequence must match, or a
    group of alternatives each of which holds one, or a part repeated at least once (the best
    of them: the one whose shortest literal is longest)."""
    best: frozenset[str] | None = None

    def consider(cands: frozenset[str] | None) -> None:
        nonlocal best
        if cands and all(cands) and (best is None or min(map(len, cands)) > min(map(len, best))):
            best = cands

    run: list[str] = []
    for op, av in items:  # type: ignore[attr-defined]
        if op is _sre.LITERAL and av < 128:
            run.append(chr(av).lower())
            continue
        consider(frozenset(("".join(run),)) if run else None)
        run = []
        if op is _sre.SUBPATTERN:
            consider(_required(av[-1]))
        elif op is getattr(_sre, "ATOMIC_GROUP", None):
            consider(_required(av))
        elif op in _REPEATS and av[0] >= 1:
            consider(_required(av[2]))
        elif op is _sre.BRANCH:
            sets = [_required(branch) for branch in av[1]]
            if all(x is not None for x in sets):
                consider(frozenset().union(*sets))  # type: ignore[arg-type]
        # anything else (a set, an anchor, a look-around, a back reference) breaks the run
    consider(frozenset(("".join(run),)) if run else None)
    return best


@functools.lru_cache(maxsize=None)
def literals_of(pattern: str) -> frozenset[str] | None:
    """Lower-case ASCII literals of which every match of ``pattern`` (a phrase list's pattern, in
    the ``regex`` module's syntax, matched case-blind or not) holds one, read from the standard
    library's parse of it; None when it does not parse there alike (a property, a set inside a
    set, a quoted run, a flag of the ``regex`` module) or holds no such literal. A text whose
    lower case holds none of them (and no character of ``_ODD_FOLDS``) is not searched."""
    if "\\p" in pattern or "\\P" in pattern or "[[" in pattern or "[:" in pattern or "\\Q" in pattern:
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # a warning says the two syntaxes may part ("nested set")
            parsed = _sre_parse.parse(pattern, 0)
    except Exception:  # any syntax of the ``regex`` module alone
        return None
    return _required(parsed)


def _odd(text: str) -> bool:
    """Whether ``text`` holds a character of ``_ODD_FOLDS`` (a text in ASCII holds none)."""
    if text.isascii():
        return False
    for c in _ODD_FOLDS:
        if c in text:
            return True
    return False


# ---- the literals every match of a filter's own expression holds ----------------------------------
# (``literals_of`` reads a phrase list's pattern, matched case-blind; these read an expression
# with its flags: literals of a case-sensitive part are compared as written, of a case-blind
# part in lower case; a Unicode property stands for a character no literal is)
_PROPERTY = regex.compile(r"(?<!\\)((?:\\\\)*)\\[pP]\{[^}]*\}")
_POSIX = regex.compile(r"\[:\^?\w+:\]")
_IGNORECASE = 2  # the standard library's flag (re.IGNORECASE), as the parse reports it


def _caseless(c: int) -> bool:
    """A character that is its own lower and upper case: an ASCII one other than a letter, or a
    symbol or punctuation mark ("\u00a9", "\u2014") that no case-blind match takes for another."""
    ch = chr(c)
    if c < 128:
        return not ch.isalpha()
    return unicodedata.category(ch)[0] in "PS" and ch.lower() == ch.upper() == ch.casefold() == ch


def _needed(items: object, fold: bool) -> frozenset[tuple[str, bool]] | None:
    """As ``_required``, for an expression's parse: literals as (text, case-blind) of which
    every match of ``items`` holds one; a case-blind literal is in lower case. A set of at most
    four characters is the alternatives of its characters; a case-blind part inside a
    case-sensitive one holds literals of its own (compared in lower case)."""
    best: frozenset[tuple[str, bool]] | None = None

    def consider(cands: frozenset[tuple[str, bool]] | None) -> None:
        nonlocal best
        if cands and all(w for w, _ in cands) and (
                best is None or min(len(w) for w, _ in cands) > min(len(w) for w, _ in best)):
            best = cands

    def char(c: int) -> str | None:
        if c < 128:
            return chr(c).lower() if fold else chr(c)
        return chr(c) if _caseless(c) else None

    run: list[str] = []
    for op, av in items:  # type: ignore[attr-defined]
        ch = char(av) if op is _sre.LITERAL else None
        if ch is not None:
            run.append(ch)
            continue
        consider(frozenset((("".join(run), fold),)) if run else None)
        run = []
        if op is _sre.SUBPATTERN:
            add, drop = av[1], av[2]
            inner = (fold or bool(add & _IGNORECASE)) and not drop & _IGNORECASE
            consider(_needed(av[-1], inner))
        elif op is getattr(_sre, "ATOMIC_GROUP", None):
            consider(_needed(av, fold))
        elif op in _REPEATS and av[0] >= 1:
            consider(_needed(av[2], fold))
        elif op is _sre.BRANCH:
            sets = [_needed(branch, fold) for branch in av[1]]
            if all(x is not None for x in sets):
                consider(frozenset().union(*sets))  # type: ignore[arg-type]
        elif op is _sre.IN and len(av) <= 4 and all(o is _sre.LITERAL for o, _ in av):
            chars = [char(c) for _, c in av]
            if all(c is not None for c in chars):
                consider(frozenset((c, fold) for c in chars))  # type: ignore[misc]
        # anything else (a larger set, an anchor, a look-around, a back reference) breaks the run
    consider(frozenset((("".join(run), fold),)) if run else None)
    return best


class Needs:
    """The literals of which every match of an expression holds one (``needs``), looked for in a
    text: :meth:`may` says whether the expression may match in it, :meth:`last` from where on
    it may no longer start a match. A text holding a character of ``_ODD_FOLDS`` may always."""

    __slots__ = ("exact", "blind", "exact_ac", "blind_ac", "always")

    def __init__(self, lits: frozenset[tuple[str, bool]] | None) -> None:
        #: no literal known: every text may hold a match
        self.always = lits is None
        self.exact = tuple(sorted(w for w, b in lits or () if not b))
        self.blind = tuple(sorted(w for w, b in lits or () if b))
        self.exact_ac = _automaton(self.exact) if len(self.exact) > 8 else None
        self.blind_ac = _automaton(self.blind) if len(self.blind) > 8 else None

    def may(self, text: str, low: str | None = None) -> bool:
        """Whether the expression may match in ``text`` (of lower case ``low``)."""
        if self.always or _odd(text):
            return True
        if self.exact_ac is not None:
            if next(self.exact_ac.iter(text), None) is not None:
                return True
        else:
            for w in self.exact:
                if w in text:
                    return True
        if self.blind:
            if low is None:
                low = text.lower()
            if self.blind_ac is not None:
                return next(self.blind_ac.iter(low), None) is not None
            for w in self.blind:
                if w in low:
                    return True
        return False

    def last(self, text: str, low: str | None = None) -> int:
        """The start of the last literal in ``text`` (-1 when it holds none): a match starting
        further on holds none, so there is none (``len(text)`` when every start may match)."""
        if self.always or _odd(text):
            return len(text)
        at = -1
        for words, ac, t in ((self.exact, self.exact_ac, text), (self.blind, self.blind_ac, None)):
            if not words:
                continue
            if t is None:
                t = low if low is not None else text.lower()
            if ac is not None:
                for end, w in ac.iter(t):
                    at = max(at, end - len(w) + 1)
            else:
                for w in words:
                    i = t.rfind(w)
                    at = max(at, i)
        return at


def _automaton(words: tuple[str, ...]) -> Any:
    a = ahocorasick.Automaton()
    for w in words:
        a.add_word(w, w)
    a.make_automaton()
    return a


@functools.lru_cache(maxsize=None)
def needs(pattern: str, flags: int = 0) -> Needs:
    """The literals of which every match of ``pattern`` (an expression in the ``regex`` module's
    syntax, compiled with ``flags``) holds one, read from the standard library's parse of it
    (a Unicode property read as a character no literal is); none known (``Needs.always``) when
    it does not parse there alike (a set inside a set, a POSIX class, a quoted run, the
    ``regex`` module's own syntax) or holds none."""
    if "[[" in pattern or _POSIX.search(pattern) or "\\Q" in pattern:
        return Needs(None)
    plain = _PROPERTY.sub(lambda m: m[1] + "\\x80", pattern)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # a warning says the two syntaxes may part ("nested set")
            parsed = _sre_parse.parse(plain, _sre.SRE_FLAG_VERBOSE if flags & regex.VERBOSE else 0)
    except Exception:  # any syntax of the ``regex`` module alone
        return Needs(None)
    fold = bool(flags & regex.IGNORECASE) or bool(parsed.state.flags & _IGNORECASE)
    return Needs(_needed(parsed, fold))


def needs_of(p: regex.Pattern[str]) -> Needs:
    """``needs`` of a compiled expression."""
    return needs(p.pattern, p.flags & (regex.IGNORECASE | regex.VERBOSE))


class _Literals:
    """The literals of a group's alternatives, looked for in one pass: which alternatives a text
    may hold a match of (an Aho-Corasick automaton over a long list, ``in`` over a short one)."""

    __slots__ = ("words", "automaton", "of", "always", "every")

    def __init__(self, each: list[frozenset[str] | None]) -> None:
        of: dict[str, list[int]] = {}
        for i, w in enumerate(each):
            for lit in w or ():
                of.setdefault(lit, []).append(i)
        self.of = {w: tuple(v) for w, v in of.items()}
        #: the alternatives without literals: always searched
        self.always = tuple(i for i, w in enumerate(each) if w is None)
        #: whether every alternative has literals (then a text without any holds no match)
        self.every = not self.always
        self.words = tuple(sorted(of))
        self.automaton: Any = None
        if len(self.words) > 8:
            automaton = ahocorasick.Automaton()
            for word in self.words:
                automaton.add_word(word, word)
            automaton.make_automaton()
            self.automaton = automaton

    def found(self, low: str) -> list[str]:
        """The literals ``low`` holds."""
        if self.automaton is not None:
            return [w for _, w in self.automaton.iter(low)]
        return [w for w in self.words if w in low]

    def alternatives(self, low: str) -> list[int] | None:
        """The alternatives (ascending) that ``low`` may hold a match of; None for all."""
        got = self.found(low)
        if not got:
            return list(self.always)
        if len(got) == 1 and not self.always:
            return list(self.of[got[0]])
        idx: set[int] = set(self.always)
        for w in got:
            idx.update(self.of[w])
        return sorted(idx)


def may_hold(lits: frozenset[str] | None, low: str) -> bool:
    """Whether a text of lower case ``low`` may hold a match of a pattern of literals ``lits``."""
    if lits is None:
        return True
    for w in lits:
        if w in low:
            return True
    return False


class Phrases:
    """A phrase group ready to search blocks.

    A document is first tested for the group's trigger literals (one ``str.find`` each, on
    the document's lower-case text, cached per document); only the triggers it holds are then
    looked for in each block, and only a block holding one is searched with the expression.
    """

    __slots__ = ("pattern", "triggers", "tail", "parts", "part_lits", "index", "anchored")

    def __init__(self, pattern: regex.Pattern[str], triggers: tuple[str, ...] | None, tail: int = 0,
                 parts: tuple[regex.Pattern[str], ...] | None = None,
                 part_lits: tuple[frozenset[str] | None, ...] | None = None,
                 each: list[frozenset[str] | None] | None = None, anchored: bool = False) -> None:
        self.pattern = pattern
        #: the expression is anchored at the text's start ("line", "prefix", "start"): it fails
        #: there at once, in less time than a look for the alternatives' literals in the whole
        #: text takes, so :meth:`first` tries it without that look
        self.anchored = anchored
        self.triggers = triggers
        #: for patterns anchored at the end: search only this many trailing characters
        self.tail = tail
        #: ``pattern``'s alternatives each compiled alone, in their order (for a group matched
        #: anywhere): :meth:`search` takes the leftmost of their first matches, the first
        #: alternative's at a tie, which is the match of the whole alternation; each alone
        #: scans for its own literals, where the alternation tried every alternative at every
        #: position (three times slower on a list with an alternative that opens with ``\w``)
        self.parts = parts
        #: each part's literals (``literals_of``), a part whose literals a block lacks is not searched
        self.part_lits = part_lits
        #: the alternatives' literals (in their order), looked for in one pass
        self.index = _Literals(each) if each and any(w is not None for w in each) else None

    def may_hold(self, text: str, low: str) -> bool:
        """Whether the group may match in ``text`` (lower case ``low``): one of its alternatives'
        literals is in it (or a character the case-blind match folds oddly)."""
        index = self.index
        if index is None or not index.every or _odd(text):
            return True
        return bool(index.found(low))

    def active(self, ctx: Context) -> tuple[str, ...] | None:
        """The triggers present in the document (None: the group has no triggers)."""
        if self.triggers is None:
            return None
        return ctx.present(self.triggers)

    def may_match(self, low: str, active: Collection[str] | None = None) -> bool:
        t = self.triggers if active is None else active
        if t is None:
            return True
        for w in t:
            if w in low:
                return True
        return False

    def search(self, b: Block, active: Collection[str] | None = None,
               found: frozenset[str] | None = None) -> regex.Match[str] | None:
        """The first match in the block, or None. Phrase lists are data anybody may extend, so
        the search runs with ``_patterns.PATTERN_TIMEOUT``; a search that gives up raises
        ``TimeoutError``, which the pipeline turns into a warning. ``found``: the trigger
        literals the block holds (``Context.triggers_in``), when ``active`` is of the scanned
        vocabulary: one set test instead of an ``in`` test per trigger."""
        if found is not None and active is not None:
            if found.isdisjoint(active):
                return None
        elif not self.may_match(b.low, active):
            return None
        return self.first(b.text, b.low)

    def first(self, text: str, low: str) -> regex.Match[str] | None:
        """The first match in ``text`` (of lower case ``low``), or None, without the trigger
        gate: a text without any alternative's literals is not searched, and of the parts of
        a group matched anywhere only those whose literals it holds are."""
        timeout = _patterns.PATTERN_TIMEOUT
        index = self.index
        if index is not None and not self.anchored and not _odd(text):
            if self.parts is not None and self.part_lits is not None:
                # only the parts whose literals the text holds (the parts are the alternatives)
                at = index.alternatives(low)
                if not at:
                    return None
                parts = self.parts
                return _leftmost(tuple([parts[i] for i in at]), text, timeout)
            if index.every and not index.found(low):
                return None  # none of the literals any match holds: the expression finds nothing
        if self.parts is not None:
            return _leftmost(self.parts, text, timeout)
        if self.tail and len(text) > self.tail:
            return self.pattern.search(text, len(text) - self.tail, timeout=timeout)
        return self.pattern.search(text, timeout=timeout)


def _leftmost(parts: tuple[regex.Pattern[str], ...], text: str, timeout: float) -> regex.Match[str] | None:
    """The match of the alternation of ``parts`` (each ``(?<!\\w)(?:ALTERNATIVE)(?!\\w)``):
    the leftmost of their first matches, the earliest part's at a tie. The parts share the
    ``timeout`` of one search: a search that gives up raises ``TimeoutError``."""
    deadline = time.monotonic() + timeout
    best: regex.Match[str] | None = None
    for p in parts:
        m = p.search(text, timeout=max(deadline - time.monotonic(), 1e-6))
        if m is not None and (best is None or m.start() < best.start()):
            best = m
            if m.start() == 0:
                break  # no later part can start further left
    return best


# a back reference, a named group, a recursion or a branch reset, or a flag for the whole expression
# (a flag turned off for a group, "(?-i:...)", holds inside the group alone: not one of them)
_GLOBAL_REFERENCE = regex.compile(
    r"\\[1-9]|\\g<|\(\?P[<=>]|\(\?<\w|\(\?&|\(\?[0-9R+]|\(\?-\d|\(\?\||\(\?[a-zA-Z]*(?:-[a-zA-Z]+)?\)"
)


@functools.lru_cache(maxsize=None)
def _phrases(name: str, langs: tuple[str, ...], anchor: str) -> Phrases:
    src = group_source(name, langs)
    parts: tuple[regex.Pattern[str], ...] | None = None
    part_lits: tuple[frozenset[str] | None, ...] | None = None
    alternatives = [p for lang in langs for p in load_group(name, lang)]
    # (each alternative's literals hold for it inside the whole expression unless one refers to a
    # group by number or name, or sets a flag for the whole expression)
    own = not any(_GLOBAL_REFERENCE.search(p) for p in alternatives)
    each = [literals_of(p) if own else None for p in alternatives]
    if anchor == "line":  # the whole block is the phrase, give or take bullets and punctuation
        pat = rf"^[\W_]{{0,40}}{src}[\W_]*$"
    elif anchor == "prefix":  # the block opens with the phrase as a label
        # a hyphen glued on both sides joins a word ("Read-along features"), it parts no label
        pat = rf"^[\W_]{{0,40}}{src}(?:\s*[:|\u2013\u2014]+\s*|\s*-+\s+|\s+-+\s*|-+(?=[\W_])|\s+(?=\p{{Lu}}|\d|[\"'\u201c]))"
    elif anchor == "start":  # glued to the start of a paragraph
        pat = rf"^{src}(?:\s*[:|\u2013\u2014-]+)?\s*"
    elif anchor == "end":  # glued to the end of a paragraph
        pat = rf"\s*(?:[\u2013\u2014|-]+\s*|\.{{2,}}\s*|\u2026\s*)?{src}[\W_]*$"
    else:
        pat = rf"(?<![\w]){src}(?![\w])"
        # (each alone matches as in the alternation unless one refers to a group by number or
        # name, or sets a flag for the whole expression)
        if own:
            parts = tuple(regex.compile(rf"(?<![\w])(?:{p})(?![\w])", regex.IGNORECASE) for p in alternatives)
            part_lits = tuple(each)
    # anchored groups too: a block without a trigger is not even tried at its start (the
    # lists' triggers are checked against every fixture by tests/test_triggers.py)
    triggers = load_triggers(name, langs)
    return Phrases(regex.compile(pat, regex.IGNORECASE), triggers, 300 if anchor == "end" else 0,
                   parts if anchor == "any" else None, part_lits if anchor == "any" else None,
                   each if own else None, anchor in ("line", "prefix", "start"))


def phrases(name: str, ctx: Context, anchor: str = "any") -> Phrases:
    """The group ``name`` for this document's languages, anchored as asked:
    ``any`` (anywhere), ``line`` (the whole block), ``prefix`` (a label opening the block),
    ``start``/``end`` (glued to the start or end of a paragraph)."""
    return _phrases(name, languages(ctx), anchor)


class BaseFilter:
    """A filter class: ``name``, the ``categories`` it emits, and ``find``.

    Subclasses implement ``find(doc, ctx)`` and yield findings; they never edit the text.
    """

    name: str = ""
    categories: tuple[str, ...] = ()

    def find(self, doc: Document, ctx: Context) -> Iterable[Finding]:  # pragma: no cover
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"


def head_blocks(ctx: Context, limit: int = 8, scan: int = 20) -> list[Block]:
    """The first ``limit`` blocks still kept, looking no further than block ``scan``."""
    out: list[Block] = []
    for b in ctx.doc.blocks[:scan]:
        if not ctx.is_removed(b.index):
            out.append(b)
            if len(out) >= limit:
                break
    return out


def table_cell(text: str) -> str:
    """The text of a table row of one cell as extractors write it ("| text |"), else the text.

    >>> table_cell("| Posted : Thu, 10 Jan 2008 03:47 GMT |"), table_cell("| Name | Age |")
    ('Posted : Thu, 10 Jan 2008 03:47 GMT', '| Name | Age |')
    """
    if text[:1] != "|":
        return text
    inner = text.strip(" |\t")
    return inner if inner and " | " not in inner else text
