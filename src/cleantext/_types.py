"""The types every filter needs: Finding, Options, Context, the Filter protocol, the modes.

Filters import from here, and the pipeline imports the filters: the layers read one way
(face -> pipeline -> filters -> these types), with no import circle.
"""

from __future__ import annotations

import bisect
from itertools import filterfalse
from operator import attrgetter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Protocol, runtime_checkable

from ._document import Block, Document
from ._errors import CleantextError, OptionError, UnknownNameError
from ._profile import Profile
from ._patterns import LANGUAGES, trigger_scanner, trigger_vocabulary

__all__ = [
    "Finding",
    "Context",
    "Filter",
    "FunctionFilter",
    "Options",
    "MODES",
    "FORMATS",
    "FilterError",
]

#: The confidence a finding needs in each mode. ``precision`` removes only what rules are
#: sure of; ``recall`` also takes the doubtful cases.
MODES: Mapping[str, float] = {"precision": 0.8, "balanced": 0.5, "recall": 0.3}

FORMATS = ("auto", "text", "html")


class FilterError(CleantextError, RuntimeError):
    """A filter raised while judging a document; names the filter."""


@dataclass(frozen=True, slots=True)
class Finding:
    """What a filter found: ``original[start:end]`` is ``category``, by ``filter``'s ``rule``.

    ``data`` carries metadata the filter extracted (``authors``, ``published``, ``title``,
    ``caption``); ``confidence`` in [0, 1] is compared with the mode's threshold.
    A finding with ``remove=False`` only tags (an embedded post kept as content).
    """

    start: int
    end: int
    category: str
    filter: str
    rule: str
    evidence: str
    confidence: float = 0.9
    data: Mapping[str, Any] = field(default_factory=dict, compare=False, hash=False)
    remove: bool = True


@dataclass(frozen=True)
class Options:
    """Every option of a cleaning run, with its default. ``None`` means "off".

    mode:               ``"precision"`` | ``"balanced"`` | ``"recall"``; the one knob between
                        leaks (boilerplate left in) and false removals (article text lost).
    format:             ``"auto"`` (HTML is recognised by its markup), ``"text"`` or ``"html"``.
    language:           ``"en"``, ``"es"``, ...; ``None`` detects it from the text.
    timeout:            seconds per document; when exceeded the document is returned unchanged
                        with a warning, never dropped. ``None``: no limit.
    max_removed_share:  the safety cap: when removals would take more than this share of a
                        document's article-like text (blocks of 25 words or more), the
                        doubtful removals (confidence < 0.9) of each rule that would take such a
                        block are undone, and a warning names the rule. ``None``: no cap.
    drop_embeds:        also remove embedded social posts (kept and tagged by default).
    profile:            a site :class:`~cleantext.Profile` for the ``site_template`` filter
                        (learned with ``cleantext learn``); ``None``: no site template removal.
    fix_encoding:       repair mojibake ("countryâ\x80\x99s") with ``ftfy`` before cleaning (the
                        optional extra ``ftfy``); ``Result.original`` is then the repaired text.
    """

    mode: str = "balanced"
    format: str = "auto"
    language: str | None = None
    timeout: float | None = None
    max_removed_share: float | None = 0.5
    drop_embeds: bool = False
    profile: Profile | None = None
    fix_encoding: bool = False

    def __post_init__(self) -> None:
        if self.profile is not None and not isinstance(self.profile, Profile):
            raise OptionError(
                f"profile must be a cleantext.Profile (Profile.load(path)), got {type(self.profile).__name__}"
            )
        if self.mode not in MODES:
            raise UnknownNameError("mode", self.mode, MODES)
        if self.format not in FORMATS:
            raise UnknownNameError("format", self.format, FORMATS)
        if self.timeout is not None and not self.timeout > 0:
            raise OptionError(f"timeout must be a positive number of seconds or None, got {self.timeout!r}")
        if self.max_removed_share is not None and not 0 < self.max_removed_share <= 1:
            raise OptionError(
                f"max_removed_share must be in (0, 1] or None, got {self.max_removed_share!r}"
            )

    @property
    def threshold(self) -> float:
        return MODES[self.mode]


@runtime_checkable
class Filter(Protocol):
    """A filter: a ``name`` and a ``find(doc, ctx)`` that yields findings and never edits."""

    name: str

    def find(self, doc: Document, ctx: Context) -> Iterable[Finding]: ...


class FunctionFilter:
    """Wraps a function ``f(doc, ctx) -> Iterable[Finding]`` as a filter named ``name``."""

    def __init__(self, func: Callable[[Document, Context], Iterable[Finding]], name: str | None = None) -> None:
        self.func = func
        self.name: str = name or str(getattr(func, "__name__", "custom"))

    def find(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        return self.func(doc, ctx)

    def __repr__(self) -> str:
        return f"FunctionFilter({self.name!r})"


_INDEX = attrgetter("index")

#: (id of a literal tuple, languages) -> (the tuple, whether the trigger scanner of these
#: languages knows every literal of it): a phrase group's tuple lives for the run, so this is
#: asked once, not at every look (a function of the tuple and the languages alone; bounded)
_KNOWN: dict[tuple[int, tuple[str, ...]], tuple[tuple[str, ...], bool]] = {}


def _all_known(literals: tuple[str, ...], langs: tuple[str, ...], known: frozenset[str]) -> bool:
    key = (id(literals), langs)
    got = _KNOWN.get(key)
    if got is None or got[0] is not literals:
        if len(_KNOWN) >= 4096:  # a user's filter making a new tuple at every call
            _KNOWN.clear()
        got = _KNOWN[key] = (literals, known.issuperset(literals))
    return got[1]


class Context:
    """What a filter may know besides the document: the mode and what earlier filters found.

    ``is_removed(i)`` tells whether block ``i`` is already covered by an accepted finding, so a
    later filter can reason about what is left ("the first block that is still there").
    ``finding(...)`` builds a Finding named after the running filter.
    ``memo`` is a dict that lives for every look at one document: a filter may keep there the
    verdicts that depend on a block's text alone, so the looks at the clean text do not judge an
    unchanged block again (see :meth:`memo_for`).
    """

    def __init__(self, doc: Document, options: Options, memo: dict[object, Any] | None = None) -> None:
        self.doc = doc
        self.memo: dict[object, Any] = {} if memo is None else memo
        self.options = options
        self.threshold = options.threshold
        # the phrase lists' language: one that has lists, else English. ``doc.language`` may come
        # from the page (``<html lang>``): any string, never to be used as a path or cache key
        self.language = doc.language if doc.language in LANGUAGES else "en"
        self.filter_name = ""
        self._findings: list[Finding] = []
        self._removed: set[int] = set()
        #: block -> the category of the first accepted finding that took it whole
        self._category: dict[int, str] = {}
        self._cut: set[int] = set()
        self._starts = [b.start for b in doc.blocks]
        self._dense: bool | None = None
        self._low: str | None = None
        self._present: dict[int, tuple[tuple[str, ...], tuple[str, ...]]] = {}
        self._found: frozenset[str] | None = None
        #: the phrase lists' languages, in the order they are asked for
        self._langs: tuple[str, ...] = ("en",) if self.language == "en" else (self.language, "en")
        self._known = trigger_vocabulary(self._langs)
        # block text -> its trigger literals (the memo's, kept across looks), once scanned
        self._per_block: dict[str, frozenset[str]] | None = None

    # -- cheap tests on the whole document ---------------------------------------------------
    @property
    def low(self) -> str:
        """The document's text in lower case (computed once)."""
        if self._low is None:
            self._low = self.doc.text.lower()
        return self._low

    def present(self, literals: tuple[str, ...]) -> tuple[str, ...]:
        """Those of ``literals`` that occur in the document (lower case), cached per tuple."""
        # keyed by the tuple's identity (a phrase group's literals are one tuple for the run):
        # hashing a tuple of twenty strings on every call cost more than the answer
        entry = self._present.get(id(literals))
        if entry is not None and entry[0] is literals:
            return entry[1]
        found = self._found
        if found is None:
            found = self._found = self._scan()
        if _all_known(literals, self._langs, self._known):  # the usual case: one intersection, in C
            inter = found.intersection(literals)
            got = tuple(sorted(inter)) if inter else ()
        else:  # literals the scanner knows are looked up; any other (a user's) is searched for
            known = self._known
            got = tuple(w for w in literals if w in found or (w not in known and w in self.low))
        self._present[id(literals)] = (literals, got)
        return got

    def memo_for(self, owner: object) -> dict[Any, Any]:
        """A dict of ``owner``'s verdicts on this document, kept across looks at it. Only for
        verdicts that are a function of the key alone (a block's text): what a block's
        neighbours say changes between looks."""
        d = self.memo.get(id(owner))
        if d is None:
            d = self.memo[id(owner)] = {}
        return d

    def triggers_in(self, b: Block) -> frozenset[str]:
        """The trigger literals (of this document's phrase lists) that block ``b`` holds."""
        per_block = self._per_block
        if per_block is None:
            self._found = self._scan()
            per_block = self._per_block
            assert per_block is not None
        got = per_block.get(b.text)
        if got is None:  # a block of another document (a filter may build its own)
            got = per_block[b.text] = trigger_scanner(self._langs)(b.low)
        return got

    def scanned_triggers(self) -> dict[str, frozenset[str]]:
        """Block text -> the trigger literals it holds, for every block of this document (the
        scan runs now if it has not): a filter's loop reads it instead of calling
        :meth:`triggers_in` per block (a block of another document is not in it)."""
        per_block = self._per_block
        if per_block is None:
            self._found = self._scan()
            per_block = self._per_block
            assert per_block is not None
        return per_block

    def _scan(self) -> frozenset[str]:
        """Every trigger literal the document holds: the union of its blocks' (no literal
        spans two blocks), each block's scanned once and kept in the memo across looks."""
        langs = self._langs
        scan = trigger_scanner(langs)
        per_block: dict[str, frozenset[str]] = self.memo.setdefault(("triggers", langs), {})
        self._per_block = per_block
        get = per_block.get
        out: set[str] = set()
        for b in self.doc.blocks:
            got = get(b.text)
            if got is None:
                got = per_block[b.text] = scan(b.low)
            if got:
                out |= got
        return frozenset(out)

    # -- what earlier filters decided ------------------------------------------------------
    @property
    def findings(self) -> Sequence[Finding]:
        return tuple(self._findings)

    def accepted(self, f: Finding) -> bool:
        return f.remove and f.confidence >= self.threshold

    def is_removed(self, index: int) -> bool:
        return index in self._removed

    def removed_category(self, index: int) -> str | None:
        """The category of the accepted finding that covers block ``index``, if any (the first
        such finding recorded: noted as it is, not searched for among all of them)."""
        return self._category.get(index)

    def kept(self) -> Iterator[Block]:
        """The blocks no accepted finding covers yet, in order (read as the iterator goes: a
        block a finding takes while it runs is not given)."""
        blocks = self.doc.blocks
        if self._dense is None:  # every block's index is its place (segmentation makes them so)
            self._dense = list(map(_INDEX, blocks)) == list(range(len(blocks)))
        if self._dense:
            # the same lazy walk as below, in C: ``_removed`` is one set, updated in place
            return map(blocks.__getitem__, filterfalse(self._removed.__contains__, range(len(blocks))))
        return self._kept_by_index()

    def _kept_by_index(self) -> Iterator[Block]:
        for b in self.doc.blocks:
            if b.index not in self._removed:
                yield b

    def _rollback(self, n: int) -> None:
        """Forget the findings after the first ``n`` (a filter's, dropped): the blocks taken and
        cut are those the first ``n`` took and cut, as :meth:`_record` noted them."""
        del self._findings[n:]
        self._removed = set()
        self._cut = set()
        self._category = {}
        for f in self._findings:
            if self.accepted(f):  # a finding not applied was kept with remove=False
                whole, cut = self._covered(f)
                self._note(f, whole, cut)

    def _record(self, f: Finding) -> None:
        """Keep a finding and note which blocks it takes whole or cuts into.

        A block an earlier rule cut into (a strip) is not taken whole by a later rule: that
        rule judged the block with the cut part still in it. The later finding is kept, for
        ``annotate()``, but does not remove; the next look at the clean text judges what is left.
        """
        if not self.accepted(f):
            self._findings.append(f)
            return
        whole, cut = self._covered(f)
        if any(j in self._cut for j in whole):
            self._findings.append(
                replace(f, remove=False, evidence=f.evidence + " (not applied: an earlier rule cut part of this block)")
            )
            return
        self._findings.append(f)
        self._note(f, whole, cut)

    def _note(self, f: Finding, whole: list[int], cut: list[int]) -> None:
        self._removed.update(whole)
        self._cut.update(cut)
        for j in whole:
            self._category.setdefault(j, f.category)

    def _covered(self, f: Finding) -> tuple[list[int], list[int]]:
        """The blocks finding ``f`` takes whole, and those it cuts into."""
        i = bisect.bisect_left(self._starts, f.start)
        if i > 0 and self.doc.blocks[i - 1].end > f.start:
            i -= 1
        blocks = self.doc.blocks
        whole: list[int] = []
        cut: list[int] = []
        while i < len(blocks) and blocks[i].start < f.end:
            b = blocks[i]
            if f.start <= b.start and b.end <= f.end:
                whole.append(i)
            elif f.end > b.start and f.start < b.end:
                cut.append(i)
            i += 1
        return whole, cut

    # -- building findings -----------------------------------------------------------------
    def finding(
        self,
        where: Block | tuple[int, int],
        category: str,
        rule: str,
        evidence: str,
        confidence: float = 0.9,
        data: Mapping[str, Any] | None = None,
        remove: bool = True,
    ) -> Finding:
        if isinstance(where, Block):
            start, end = where.start, where.end
        else:
            start, end = where
        return Finding(
            start, end, category, self.filter_name, rule, evidence, confidence, data or {}, remove
        )
