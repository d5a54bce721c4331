"""Phrase-driven filters: one class, one category each, rules kept as data.

For a category ``cat`` the phrase lists ``patterns/<lang>/<cat>_<kind>.txt`` say what to look
for; a kind that has no file is simply not used. The kinds, and what a match removes:

``line``    the whole short block is the phrase ("Advertisement", "Share this", "Related")
``prefix``  the block opens with the phrase as a label ("READ MORE: headline", "TRENDING: ...")
``phrase``  the phrase anywhere in a short block ("Share this article to inform everyone ...")
``header``  a header line; the short, list-like lines after it go too ("Recent Posts" + titles)
``start``   the phrase glued to the start of a paragraph: only the phrase goes
``end``     the phrase glued to the end of a paragraph: only the phrase goes

Every rule skips long blocks (prose) and quoted speech; the evidence of each finding names the
kind of rule and the words that matched.
"""

from __future__ import annotations

import bisect
import functools
from itertools import chain, count
from operator import attrgetter
from collections.abc import Collection, Generator, Iterable, Iterator, Mapping
from typing import Any, NamedTuple

import regex

from .._document import Block, Document
from .._patterns import load_group, scan_words, trigger_vocabulary
from .._types import Context, Finding
from ._common import BaseFilter, Phrases, _phrases, is_body_like, languages, needs_of, phrases, reports_speech, title_case_ratio
from ._headlines import headline_run
from ._orgblurb import closing_org_blurbs
from ._bios import bio_sentence, byline_names, follow_author, same_person
from ._forms import GATE_WORDS
from ._pointers import HEAD, MAX_WORDS as POINTER_MAX_WORDS, coverage_pointer, may_point, may_point_text
from ._promo import CATEGORY, grammar_triggers, may_promote, promotion, verdict
from ._widgets import _MENU_OPENS, POINTER_WORDS, is_embed_pointer, is_month_menu, may_be_month_menu

__all__ = [
    "PhraseFilter",
    "AdvertisementFilter",
    "SocialFilter",
    "RelatedFilter",
    "SubscriptionFilter",
    "SourceNoticeFilter",
    "LegalFilter",
    "AuthorBioFilter",
    "CommentsFilter",
    "UiFilter",
]

_FULL_URL = regex.compile(r"^(?:https?://|www\.)\S+$", regex.IGNORECASE)
_POPUP_GLUED = regex.compile(r"\s\u00d7\s(?=\p{Lu}|\d+\s+\p{Lu})")
# a pop-up's own button after a sentence of its pitch ("... chapters. Buy Now"): where it ends
_POPUP_BUTTON = regex.compile(
    r"[.!?]\s+(?:buy|shop|order|download|subscribe|join|register|sign\s+up|learn\s+more|get\s+it)(?:\s+(?:now|today|here))?(?=\s+(?-i:\p{Lu}))",
    regex.IGNORECASE,
)
_NUMBERED = regex.compile(r"^(?:\d{1,2}[.)]|[\u2022*\u2013-])\s+\S")
_LABEL_SEP = regex.compile(r"[:|\u2013\u2014-]\s*$")
_LEADING_MARKS = regex.compile(r"^[\W_]+")
# what a share bar holds besides its words: marks, digits, a count's "k" or "M"
_BAR_REST = regex.compile(r"[\W_\d]|[kKmM](?=\W|$)")
_ANCHOR = {"line": "line", "prefix": "prefix", "phrase": "any", "header": "line", "start": "start", "end": "end"}
_URL = regex.compile(r"^(?:https?://|www\.)\S+$|^[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|news|info|co\.uk|gov|edu|io|tv)(?:/\S*)?$", regex.IGNORECASE)


@functools.lru_cache(maxsize=None)
def _kinds(name: str, langs: tuple[str, ...]) -> tuple[tuple[str, Phrases], ...]:
    """The kinds of rule category ``name`` has lists for in these languages, each compiled."""
    return tuple(
        (kind, _phrases(f"{name}_{kind}", langs, anchor))
        for kind, anchor in _ANCHOR.items()
        if any(load_group(f"{name}_{kind}", lang) for lang in langs)
    )


#: a category's kinds of rule, each with its phrases and the triggers that gate them
_Groups = Mapping[str, tuple[Phrases, Collection[str] | None]]


@functools.lru_cache(maxsize=None)
def _scan_kinds(name: str, langs: tuple[str, ...]) -> tuple[dict[str, tuple[Phrases, frozenset[str]]], frozenset[str], tuple[str, ...]] | None:
    """``_kinds`` with each kind's triggers as a set, and all of them (as a set, and as one
    tuple for ``Context.present``), when every kind has triggers and all are of the document
    scan's vocabulary; else None. (Read only: the same objects for every look.)"""
    known = trigger_vocabulary(langs)
    out: dict[str, tuple[Phrases, frozenset[str]]] = {}
    for kind, g in _kinds(name, langs):
        if g.triggers is None or not known.issuperset(g.triggers):
            return None
        out[kind] = (g, frozenset(g.triggers))
    every = frozenset().union(*(t for _, t in out.values()))
    return out, every, tuple(sorted(every))


#: the order in which ``_judge`` tries a category's kinds of rule
_KIND_ORDER = ("header", "line", "prefix", "start", "end", "phrase")
#: id of a (read-only, cached) groups mapping -> (the mapping, its kinds in ``_KIND_ORDER``)
_ORDERS: dict[int, tuple[Any, tuple[tuple[str, Phrases, Collection[str] | None, int], ...]]] = {}


def _order(groups: _Groups) -> tuple[tuple[str, Phrases, Collection[str] | None, int], ...]:
    """The kinds of ``groups`` in the order ``_judge`` tries them, each with its phrases, its
    triggers and no bit (kept per mapping: ``_scan_kinds``'s live for the run; any other is read anew)."""
    got = _ORDERS.get(id(groups))
    if got is not None and got[0] is groups:
        return got[1]
    order = tuple((kind, *groups[kind], 0) for kind in _KIND_ORDER if kind in groups)
    if isinstance(groups, dict) and len(_ORDERS) < 256:
        _ORDERS[id(groups)] = (groups, order)
    return order


# -- the plan of a look: which blocks each built-in phrase filter visits ----------------------
#
# Every built-in phrase filter used to pass over every kept block of every look, asking of each
# whether it held one of the filter's triggers and whether the filter's own rule (``extra``)
# might take it. Those answers are of the block's text alone, so they are read once per text of
# a document (as bits of one int, ``_mask``) and, at each look, gathered once into the list of
# the blocks that carry each bit (``_Look``): a filter visits only its lists' blocks.

#: the built-in filters the plan serves: each of their kinds of rule has a bit, "the text holds
#: one of the kind's triggers" (``_KIND_ORDER``'s six bits per filter, in this order)
_PLAN_NAMES = ("ui", "advertisement", "social", "related", "subscription", "source_notice", "legal", "comments")
_KIND_BITS = len(_PLAN_NAMES) * len(_KIND_ORDER)
_KINDS = (1 << _KIND_BITS) - 1
# bits above the kinds' that a trigger gives (read while a text's bits are made, not kept)
_PROMO_WORD = 1 << _KIND_BITS  # a literal of the promotion grammar (``_promo``)
_BAR_WORD = 1 << _KIND_BITS + 1  # a share-bar trigger
_NEWSLETTER_WORD = 1 << _KIND_BITS + 2  # a literal of a sign-up form, a pitch or a prompt
_DONATION_WORD = 1 << _KIND_BITS + 3  # a trigger of the donation asks

# The lists of a look: for each, the places of the blocks whose text is in it. The first ones,
# one per filter of ``_PLAN_NAMES`` (its place there): the text holds a trigger of its rules.
#: the text holds a literal of the promotion grammar (advertisement, social, related)
PROMO = len(_PLAN_NAMES)
#: ``_widget`` finds in the text (ui)
UI_WIDGET = PROMO + 1
#: a pop-up's close button "\u00d7 " (advertisement)
AD_POPUP = PROMO + 2
#: a short block with a share-bar trigger or a count (social)
SOCIAL_SHORT = PROMO + 3
#: ``coverage_pointer``'s tests of the text alone pass (related)
POINTER_TEXT = PROMO + 4
#: a short label ending in a colon, not somebody's words (social's ``_LABEL``)
SOCIAL_LABEL = PROMO + 5
#: a short line ``_thread`` reads: a commenter's name or time, a button (comments)
THREAD_LINE = PROMO + 6
#: a literal of a sign-up form, a pitch or a sign-up prompt (newsletter, ``appeals``)
NEWSLETTER = PROMO + 7
#: a trigger of the donation asks (donation, ``appeals``)
DONATION = PROMO + 8
_LISTS = DONATION + 1
_INDEX = attrgetter("index")
_NO_PLACES: frozenset[int] = frozenset()


class _Table(NamedTuple):
    #: trigger literal -> the bits a text holding it carries
    bits: dict[str, int]
    #: filter name -> its list of the look (a filter whose kinds are not all of the scan has none)
    slot: dict[str, int]
    #: filter name -> the bits of its kinds
    jbits: dict[str, int]
    #: filter name -> {0: its kinds in ``_KIND_ORDER``, each (kind, phrases, triggers, bit); and,
    #: filled as texts ask, a text's bits of the filter -> the kinds among them it holds}
    picks: dict[str, dict[int, Any]]
    #: a text's kinds' bits -> the filters' lists they put it in (filled as texts ask)
    lists_of: dict[int, tuple[int, ...]]
    #: filter name -> the longest block (in words) each kind may take, as the table was made
    limits: dict[str, dict[str, int]]
    #: the limits' values, ascending; and for a block of ``words`` words, the kinds' bits whose
    #: limit it is within (the kinds glued to a paragraph's start or end have none):
    #: ``within[bisect_left(bounds, words)]``
    bounds: tuple[int, ...]
    within: tuple[int, ...]
    bar: Phrases
    #: whether the share bar's triggers are all of the scan (then ``_BAR_WORD`` tells them)
    bar_scanned: bool
    #: whether ``NEWSLETTER`` and ``DONATION`` tell their filters' literals (all of the scan)
    newsletter: bool
    donation: bool


@functools.lru_cache(maxsize=None)
def _table(langs: tuple[str, ...]) -> _Table:
    bits: dict[str, int] = {}

    def add(words: Iterable[str], bit: int) -> None:
        for t in words:
            bits[t] = bits.get(t, 0) | bit

    slot: dict[str, int] = {}
    jbits: dict[str, int] = {}
    picks: dict[str, dict[int, Any]] = {}
    limits: dict[str, dict[str, int]] = {}
    limited: list[tuple[int, int | None]] = []  # (a kind's bit, its limit)
    for n, name in enumerate(_PLAN_NAMES):
        static = _scan_kinds(name, langs)
        if static is None:
            continue
        slot[name] = n
        limits[name] = dict(_PLAN_CLASSES[name].max_words)
        order = []
        for j, kind in enumerate(_KIND_ORDER):
            if kind in static[0]:
                g, active = static[0][kind]
                bit = 1 << n * len(_KIND_ORDER) + j
                add(active, bit)
                order.append((kind, g, active, bit))
                jbits[name] = jbits.get(name, 0) | bit
                limited.append((bit, None if kind in ("start", "end") else limits[name][kind]))
        picks[name] = {0: tuple(order)}
    bounds = tuple(sorted({x for _, x in limited if x is not None}))
    within = tuple(functools.reduce(int.__or__, (bit for bit, x in limited if x is None or (i < len(bounds) and x >= bounds[i])), 0)
                   for i in range(len(bounds) + 1))
    add(grammar_triggers(langs), _PROMO_WORD)
    known = trigger_vocabulary(langs)
    bar = _phrases("social_bar", langs, "any")
    bar_scanned = bar.triggers is not None and known.issuperset(bar.triggers)
    if bar_scanned:
        add(bar.triggers or (), _BAR_WORD)
    prompt = _phrases("newsletter_prompt", langs, "any").triggers
    newsletter = prompt is not None and known.issuperset(prompt) and known.issuperset(GATE_WORDS)
    if newsletter:
        add((*(prompt or ()), *GATE_WORDS), _NEWSLETTER_WORD)
    ask = _phrases("donation_ask", langs, "any").triggers
    donation = ask is not None and known.issuperset(ask)
    if donation:
        add(ask or (), _DONATION_WORD)
    return _Table(bits, slot, jbits, picks, {}, limits, bounds, within, bar, bar_scanned, newsletter, donation)


def _entry(b: Block, found: frozenset[str], table: _Table, popup: bool = True) -> tuple[int, tuple[int, ...]]:
    """What the plan knows of ``b``'s text (a function of the text alone): the bits of the kinds
    of rule it holds a trigger of and is short enough for, and the look's lists it is in (whose triggers it holds, and
    which filters' own rules may take it). ``popup``: whether the text may hold a pop-up's close
    button (False when the document has no "\u00d7", read once for all its blocks)."""
    m = 0
    for x in map(table.bits.get, found):
        if x:
            m |= x
    text = b.text
    w = b.words
    # the kinds whose search may find here: a trigger of theirs held, and short enough for them
    kinds = m & _KINDS & table.within[bisect.bisect_left(table.bounds, w)]
    lists_of = table.lists_of
    lists = lists_of.get(kinds)
    if lists is None:
        lists = tuple(table.slot[name] for name, bits in table.jbits.items() if kinds & bits)
        if len(lists_of) < 4096:
            lists_of[kinds] = lists
    more: list[int] = []
    if m & _PROMO_WORD:
        more.append(PROMO)
    if m & _NEWSLETTER_WORD:
        more.append(NEWSLETTER)
    if m & _DONATION_WORD:
        more.append(DONATION)
    if w <= 60:  # (each of these rules takes short blocks only)
        # ui: a month menu or a pointer to a player (``_widget``, its cheap tests first)
        if ((text[:1].lower() in _MENU_OPENS and len(text) <= 600 and is_month_menu(text))
                or (w <= POINTER_WORDS and text.rstrip().endswith(":") and is_embed_pointer(text, w))) \
                and not reports_speech(text):
            more.append(UI_WIDGET)
        if w <= _SOCIAL_SHORT_WORDS and ((m & _BAR_WORD if table.bar_scanned else table.bar.may_match(b.low)) or _COUNT.match(text)):
            more.append(SOCIAL_SHORT)
        if w <= POINTER_MAX_WORDS and may_point_text(b):
            more.append(POINTER_TEXT)
        if w <= _THREAD_WORDS and (text.endswith(":") or _DIGIT.search(text) or ((first := text[:1].lower()) and first in "rlf")):
            more.append(THREAD_LINE)
    if ":" in text[-2:] and _LABEL.match(text) and not reports_speech(text):
        more.append(SOCIAL_LABEL)
    if popup and "\u00d7 " in text:
        more.append(AD_POPUP)
    return kinds, (*lists, *more) if more else lists


_LOOK_KEY = ("phrase-plan",)
#: whether the filters use the plan (off: each passes over every block, as the tests compare)
_USE_PLAN = True


class _Look:
    """One look at a document: for each of its lists (``PROMO``, ``UI_WIDGET``, ... and one
    per filter of ``_PLAN_NAMES``), the places (in ``doc.blocks``, ascending) of the blocks whose
    text is in it; and the promotion verdicts' places by category, read when first asked."""

    __slots__ = ("table", "lists", "entries", "blocks", "_promo", "_pending", "_kept")

    def __init__(self, table: _Table, lists: list[list[int]], entries: dict[str, tuple[int, tuple[int, ...]]],
                 blocks: list[Block]) -> None:
        self.table = table
        self.lists = lists
        #: text -> what the plan knows of it (``_entry``), for every block of the document
        self.entries = entries
        self.blocks = blocks
        self._promo: dict[str, list[int]] | None = None
        self._pending: list[int] = []
        self._kept: tuple[Any, int, list[Block], dict[int, int] | None] | None = None

    def kept(self, ctx: Context) -> tuple[list[Block], dict[int, int] | None]:
        """``list(ctx.kept())``, and a block's place in the document -> its place among them
        (None when every block is kept: the places agree). Made again only when a finding has
        taken a block since: the set of taken blocks only grows in a look (a filter's findings
        dropped make a new set)."""
        removed = ctx._removed
        got = self._kept
        if got is not None and got[0] is removed and got[1] == len(removed):
            return got[2], got[3]
        if removed:
            kept = list(ctx.kept())
            pos: dict[int, int] | None = dict(zip(map(_INDEX, kept), count()))
        else:  # every block is kept
            kept, pos = self.blocks, None
        self._kept = (removed, len(removed), kept, pos)
        return kept, pos

    def at(self, which: int, pos: dict[int, int] | None) -> list[int]:
        """The places among the kept blocks (``pos``, None: all kept) of those in list ``which``."""
        got = self.lists[which]
        if not got or pos is None:
            return got
        return [p for i in got if (p := pos.get(i)) is not None]

    def promoted(self, category: str, pos: dict[int, int] | None, ctx: Context) -> list[int]:
        """The places among the kept blocks of those whose promotion (``_promo.verdict``) is of
        ``category``. The verdicts are read for the blocks kept when first asked; a block taken
        then and given back since (a filter's findings dropped) is read when asked again."""
        blocks = self.blocks
        if self._promo is None:
            by: dict[str, list[int]] = {c: [] for c in CATEGORY.values()}
            for i in self.lists[PROMO]:
                if pos is not None and i not in pos:
                    self._pending.append(i)
                    continue
                v = verdict(blocks[i], ctx)
                if v is not None:
                    by[CATEGORY[v.concept]].append(i)
            self._promo = by
        elif self._pending:
            still = []
            for i in self._pending:
                if pos is not None and i not in pos:
                    still.append(i)
                    continue
                v = verdict(blocks[i], ctx)
                if v is not None:
                    lst = self._promo[CATEGORY[v.concept]]
                    lst.append(i)
                    lst.sort()
            self._pending = still
        got = self._promo.get(category)
        if not got:
            return []
        if pos is None:
            return got
        return [p for i in got if (p := pos.get(i)) is not None]


def _look(ctx: Context) -> _Look | None:
    """The plan of this look at the document (made by the first filter that asks); None when
    the blocks' indexes are not their places (a document made by hand)."""
    if not _USE_PLAN:
        return None
    memo = ctx.memo
    got: tuple[Document, _Look | None] | None = memo.get(_LOOK_KEY)
    if got is not None and got[0] is ctx.doc:
        return got[1]
    doc = ctx.doc
    blocks = doc.blocks
    look: _Look | None = None
    dense = ctx._dense  # (every block's index is its place: ``Context.kept`` may have asked)
    if dense is None:
        dense = list(map(_INDEX, blocks)) == list(range(len(blocks)))
    if dense:
        langs = languages(ctx)
        table = _table(langs)
        scanned = ctx.scanned_triggers()
        entries: dict[str, tuple[int, tuple[int, ...]]] = memo.setdefault(("phrase-plan-texts", langs), {})
        popup = "\u00d7" in doc.text
        lists: list[list[int]] = [[] for _ in range(_LISTS)]
        get = entries.get
        for i, b in enumerate(blocks):
            e = get(b.text)
            if e is None:
                found = scanned.get(b.text)
                if found is None:
                    found = ctx.triggers_in(b)
                e = entries[b.text] = _entry(b, found, table, popup)
            for which in e[1]:
                lists[which].append(i)
        look = _Look(table, lists, entries, blocks)
    memo[_LOOK_KEY] = (doc, look)
    return look


class PhraseFilter(BaseFilter):
    """The shared machinery; subclasses set ``name`` (= their category) and may add rules."""

    #: the longest block (in words) each kind of rule may remove whole
    max_words = {"line": 30, "prefix": 45, "phrase": 45, "header": 20}
    #: a list item after a header: at most this many words, and at most this many items
    item_words = 20
    max_items = 25
    #: after a header, short blocks that run to the end of the page are its list
    tail_item_words = 40
    #: what a strip must leave of its paragraph
    min_rest = 20
    #: a phrase of this category may be a prompt closing a story paragraph: when the block's
    #: sentences before it are story, only the prompt's sentence goes (a biography or an ad's
    #: pitch that ends with the phrase is boilerplate throughout: those categories say False)
    prompt_closes_prose = False
    #: a notice of this category closing a story paragraph runs to the paragraph's end (a
    #: copyright line's "All rights reserved. This material may not be ..."): from the
    #: sentence holding the phrase, the rest of the block goes, the story before it stays
    notice_closes_prose = False
    confidence = {"line": 0.9, "prefix": 0.85, "phrase": 0.8, "header": 0.85, "item": 0.7, "start": 0.85, "end": 0.85}

    def _groups(self, ctx: Context) -> _Groups:
        """The kinds of rule this category has, each with the triggers the document holds;
        a kind whose triggers are all absent cannot match and is left out.

        When every kind's triggers are of the scan, every kind comes with all its triggers (a
        frozenset), whatever the document holds: each block is gated by the literals it holds,
        a subset of the document's, so a kind's triggers gate it as the document's would, and
        a kind none of whose triggers the document holds matches no block."""
        langs = languages(ctx)
        scan_kinds = _scan_kinds(self.name, langs)
        if scan_kinds is not None:
            return scan_kinds[0]
        out: dict[str, tuple[Phrases, Collection[str] | None]] = {}
        for kind, g in _kinds(self.name, langs):
            active = g.active(ctx)
            if active is None or active:
                out[kind] = (g, active)
        return out

    def find(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        static = _scan_kinds(self.name, languages(ctx))
        if static is not None and type(self) in _PLANNED:
            look = _look(ctx)
            if look is not None and self.name in look.table.slot and self.max_words == look.table.limits[self.name]:
                yield from self._find_planned(look, doc, ctx)
                return
        groups: _Groups
        wanted: frozenset[str] | None
        if static is not None:  # every trigger of the scan: the blocks' own literals gate them
            groups, wanted, every = static
            if type(self).extra is PhraseFilter.extra and not ctx.present(every):
                return  # no trigger in the document, no rule of its own
        else:
            groups = self._groups(ctx)
            if not groups and type(self).extra is PhraseFilter.extra:
                return
            # every literal that may let a rule match here; a block holding none of them is
            # judged without a search (when they are all the lists' own: a user's are not in the scan)
            union: frozenset[str] = frozenset().union(*(a for _, a in groups.values() if a is not None))
            own = not any(a is None for _, a in groups.values()) and ctx._known.issuperset(union)
            wanted = union if own else None
        kept = list(ctx.kept())
        # the blocks whose text no phrase rule matched, on this or an earlier look: the phrase
        # rules judge a block's text alone (the triggers a block holds are in the document too)
        clean_texts = ctx.memo_for(self)
        # the scan's per-block literals, read directly (the scan runs now if it has not)
        scanned = ctx.scanned_triggers() if wanted is not None else None
        has_extra = type(self).extra is not PhraseFilter.extra
        gated = not has_extra or type(self).extra_may is not PhraseFilter.extra_may
        if wanted is not None and scanned is not None and gated:
            # only the blocks that hold a trigger, and those where ``extra`` may take one, are
            # visited (every other one is passed over by the loop below without a finding)
            extra_may = self._extra_gate(ctx, kept)
            todo = [
                j for j, b in enumerate(kept)
                if (got := scanned.get(b.text)) is None or not wanted.isdisjoint(got) or (has_extra and extra_may(kept, j, got))
            ]
            yield from self._visit(kept, todo, has_extra, groups, wanted, scanned, clean_texts, ctx)
            return
        k = 0
        n = len(kept)
        while k < n:
            b = kept[k]
            text = b.text
            if text in clean_texts:
                f = None
            else:
                if wanted is not None:
                    got = scanned.get(text) if scanned is not None else None
                    if got is None:
                        got = ctx.triggers_in(b)
                    skip = wanted.isdisjoint(got)
                else:
                    skip = False
                if skip:
                    f = None
                else:
                    f = self._judge(b, groups, ctx, got if wanted is not None else None)
                    if f is None:
                        clean_texts[text] = True
            if f is None and has_extra:
                f = self.extra(kept, k, ctx)
            if f is None:
                k += 1
                continue
            k = yield from self._with_list(f, kept, k, ctx)

    def _find_planned(self, look: _Look, doc: Document, ctx: Context) -> Iterator[Finding]:
        """``find`` for a built-in filter, from the look's plan (``_look``): the blocks that
        hold one of the filter's triggers are judged, and ``extra`` is asked where the text-only
        tests of its rules (and the block's place) say it may find (``_extra_at``)."""
        table = look.table
        jbit = table.jbits[self.name]
        judge = look.lists[table.slot[self.name]]  # (places in the document)
        has_extra = type(self).extra is not PhraseFilter.extra
        if not has_extra and not judge:
            return  # no trigger in the document, no rule of its own
        kept, pos = look.kept(ctx)
        if not kept:
            return
        if pos is not None:
            judge = [p for i in judge if (p := pos.get(i)) is not None]
        extra = self._extra_at(look, kept, pos, ctx) if has_extra else _NO_PLACES
        judged: set[int] | None = None
        todo: Iterable[int] = judge
        if extra:
            judged = set(judge)
            todo = sorted(extra.union(judged))
        if not todo:
            return
        picks = table.picks[self.name]
        clean_texts = ctx.memo_for(self)
        entries = look.entries
        k = 0  # the first position not taken by a header's list
        for j in todo:
            if j < k:
                continue
            b = kept[j]
            f = None
            if judged is None or j in judged:
                text = b.text
                if text not in clean_texts:
                    f = self._judge_bits(b, picks, ctx, entries[text][0] & jbit)
                    if f is None:
                        clean_texts[text] = True
            if f is None and j in extra:
                f = self.extra(kept, j, ctx)
            if f is None:
                continue
            k = yield from self._with_list(f, kept, j, ctx)

    def _extra_at(self, look: _Look, kept: list[Block], pos: dict[int, int] | None, ctx: Context) -> set[int]:
        """The places in ``kept`` where :meth:`extra` may find on this look (the planned path:
        every built-in filter with an ``extra`` says, each a necessary condition of it)."""
        return set(range(len(kept)))

    def _visit(self, kept: list[Block], todo: list[int], has_extra: bool, groups: _Groups, wanted: frozenset[str],
               scanned: dict[str, frozenset[str]], clean_texts: dict[Any, Any], ctx: Context) -> Iterator[Finding]:
        """``find``'s loop over the positions ``todo`` only (ascending): the blocks that hold one
        of the ``wanted`` literals, and those where ``extra`` may find (``extra_may``)."""
        k = 0  # the first position not taken by a header's list
        for j in todo:
            if j < k:
                continue
            b = kept[j]
            text = b.text
            f = None
            if text not in clean_texts:
                got = scanned.get(text)
                if got is None:
                    got = ctx.triggers_in(b)
                if not wanted.isdisjoint(got):
                    f = self._judge(b, groups, ctx, got)
                    if f is None:
                        clean_texts[text] = True
            if f is None and has_extra:
                f = self.extra(kept, j, ctx)
            if f is None:
                continue
            k = yield from self._with_list(f, kept, j, ctx)

    def extra_may(self, kept: list[Block], k: int, found: frozenset[str]) -> bool:
        """Whether :meth:`extra` may find something at ``kept[k]``, a block holding the scanned
        literals ``found``: a cheap necessary condition (a subclass that defines it lets
        ``find`` pass over the other blocks; not defined, every block is given to ``extra``)."""
        return True

    def _extra_gate(self, ctx: Context, kept: list[Block]) -> Any:
        """``extra_may`` for this look at a document, whose kept blocks are ``kept`` (a subclass
        may read them there)."""
        return self.extra_may

    def _judge(self, b: Block, groups: _Groups, ctx: Context,
               found: frozenset[str] | None = None) -> Finding | None:
        """``found``: the trigger literals ``b`` holds, when every group's are of the scan."""
        return self._judge_in(b, _order(groups), ctx, found)

    def _judge_bits(self, b: Block, picks: dict[int, Any], ctx: Context, mask: int) -> Finding | None:
        """``_judge`` on the plan: only the kinds the text's bits (``_mask``) say it holds one
        of the triggers of are tried (``picks``: ``_Table.picks``, its bits -> those kinds)."""
        order = picks.get(mask)
        if order is None:
            order = picks[mask] = tuple(o for o in picks[0] if o[3] & mask)
        return self._judge_in(b, order, ctx, None, True)

    def _judge_in(self, b: Block, order: tuple[tuple[Any, ...], ...], ctx: Context,
                  found: frozenset[str] | None = None, held: bool = False) -> Finding | None:
        """``_judge`` over the kinds of ``order`` (``_order``: the groups' kinds in the order
        they are tried, each with its phrases and its triggers, and on the plan its bit);
        ``held``: the block holds a trigger of each kind of ``order`` (``_judge_bits``)."""
        words = b.words
        speech = None
        for kind, g, active, _ in order:
            if held:
                search = g.first  # (what ``g.search`` does once it knows a trigger is there)
            elif found is not None and active is not None and found.isdisjoint(active):
                continue  # none of the kind's triggers in the block: its search finds nothing
            else:
                search = None
            if kind in ("start", "end"):
                m = g.search(b, active, found) if search is None else search(b.text, b.low)
                if m is None:
                    continue
                rest = len(b.text) - (m.end() - m.start())
                if rest < self.min_rest:
                    if words <= self.max_words["line"]:
                        return ctx.finding(b, self.name, "line", f"{_WHY['line']} ('{_snip(m.group())}')", self.confidence["line"])
                    continue
                span = (b.start + m.start(), b.start + m.end())
                return ctx.finding(span, self.name, kind, f"{_WHY[kind]} ('{_snip(m.group())}')", self.confidence[kind])
            if words > self.max_words[kind]:
                continue
            m = g.search(b, active, found) if search is None else search(b.text, b.low)
            if m is None:
                continue
            if kind == "prefix" and not _LABEL_SEP.search(m.group()):
                # "Popular Video The ..." or "READ MORE The ...": a label without a colon must
                # look like one (capitals, two words or more), or "Read Smith's letter" would go
                label = _LEADING_MARKS.sub("", m.group()).strip()
                if not (label.isupper() or (len(label.split()) >= 2 and title_case_ratio(label) == 1.0)):
                    continue
                nxt = b.text[m.end() : m.end() + 40].split()[:2]
                if len(nxt) == 2 and all(w.isupper() and len(w) > 1 for w in nxt):
                    continue  # "WATCH PRICE BATTERY LIFE": a table's header row, not a label
            if kind == "phrase":  # a label opening the block is not speech; a phrase inside may be
                if speech is None:
                    speech = reports_speech(b.text)
                if speech:
                    continue
                # a paragraph of the story that ends with a prompt ("... off this list. Leave a
                # comment and let us know."): only the prompt's sentence goes, and a phrase with
                # prose on both sides is left alone
                closes = self.prompt_closes_prose or self.notice_closes_prose
                cut = _prose_before(b.text, m.start()) if closes else None
                if cut is not None:
                    if not self.notice_closes_prose and _SENTENCE_BREAK.search(b.text, m.end()) is not None:
                        continue
                    return ctx.finding((b.start + cut, b.end), self.name, "end-sentence",
                                       f"a prompt sentence closing a paragraph ('{_snip(m.group())}')",
                                       self.confidence[kind])
            return ctx.finding(b, self.name, kind, f"{_WHY[kind]} ('{_snip(m.group())}')", self.confidence[kind])
        return None

    def _with_list(self, f: Finding, kept: list[Block], j: int, ctx: Context) -> Generator[Finding, None, int]:
        """``f``, found at ``kept[j]``, and after a header the list under it (:meth:`_items`);
        returns the first place after them (the loops of ``find`` go on from there)."""
        yield f
        k = j + 1
        if f.rule == "header":
            for item in self._items(kept, k, ctx):
                yield item
                k += 1
        return k

    def _items(self, kept: list[Block], k: int, ctx: Context) -> Iterator[Finding]:
        """The list after a header: short lines that are not prose, until the story resumes.

        When everything from the header to the end is short (descriptions of other stories
        or products, each a sentence or two), all of it is the list."""
        rest = kept[k:]
        # the story's paragraphs before the header set the scale: list entries are much shorter
        before = sorted(b.words for b in kept[: max(0, k - 1)])
        # with no story before the header, the "list" may be the story itself: no tail list
        limit = min(self.tail_item_words, int(0.6 * before[len(before) // 2])) if before else 0
        if 0 < len(rest) <= self.max_items and all(b.words <= limit and self.tail_ok(b) for b in rest):
            for b in rest:
                yield ctx.finding(b, self.name, "list-item", "a short block in the list that ends the page", self.confidence["item"])
            return
        n = 0
        marked = None  # whether the list's entries open with a bullet or a number
        while k < len(kept) and n < self.max_items:
            b = kept[k]
            if not self.is_item(b):
                return
            # a list of bulleted entries ends at the first line without one (the story's
            # next subheading, "Trend 5: Exercises for mental health")
            has_mark = _NUMBERED.match(b.text) is not None
            if marked is None:
                marked = has_mark
            elif marked and not has_mark:
                return
            yield ctx.finding(b, self.name, "list-item", "a short line in the list under a header", self.confidence["item"])
            k += 1
            n += 1

    def is_item(self, b: Block) -> bool:
        if b.words == 0 or b.words > self.item_words + 10:
            return False
        if b.words > self.item_words and not _NUMBERED.match(b.text):
            return False
        if _URL.match(b.text):
            return True
        if _NUMBERED.match(b.text):  # a numbered entry may run longer than a plain one
            return b.words <= self.item_words + 10
        t = b.text.rstrip()
        if t.endswith((".", "!", "?")) and not t.endswith("..."):
            return title_case_ratio(t) >= 0.8 and not is_body_like(t)
        return True

    def tail_ok(self, b: Block) -> bool:
        """Whether ``b`` may belong to a list that runs from a header to the end of the page."""
        return True

    def extra(self, kept: list[Block], k: int, ctx: Context) -> Finding | None:
        """A subclass's own rule for ``kept[k]``, beyond the phrase lists."""
        return None


# the end of a sentence inside a block: its punctuation (and a closing quote), then a capital
_SENTENCE_BREAK = regex.compile(r"[.!?\u2026][\"'\u201d\u2019)]*\s+(?=[\"'\u201c\u2018(]?[\p{Lu}\p{Nd}])")
#: story before a prompt sentence: at least this many words
_PROSE_WORDS = 20


def _prose_before(text: str, pos: int) -> int | None:
    """Where the sentence holding ``text[pos]`` starts, when the sentences before it are story
    (``_PROSE_WORDS`` words or more); else None."""
    start = None
    for m in _SENTENCE_BREAK.finditer(text, 0, pos + 2):  # (room for the look-ahead's capital)
        if m.end() <= pos:
            start = m.end()
    if start is None or len(text[:start].split()) < _PROSE_WORDS:
        return None
    return start


def _snip(s: str, n: int = 40) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "\u2026"


_WHY = {
    "line": "a line that is only boilerplate",
    "prefix": "a line opened by a boilerplate label",
    "phrase": "a short block with a boilerplate phrase",
    "header": "a header over a list",
    "start": "boilerplate glued to the start of the paragraph",
    "end": "boilerplate glued to the end of the paragraph",
}


class AdvertisementFilter(PhraseFilter):
    """Removes ad labels, "story continues below" markers, product pitches (the outlet's own too:
    "Shop our new mugs and tote bags!", see ``_promo``), affiliate notices.

    >>> from cleantext import clean
    >>> clean("The vote was held on Monday after a long debate in the chamber.\\n\\nAdvertisement - story continues below\\n\\nThe bill now goes to the governor, who is expected to sign it.").text
    'The vote was held on Monday after a long debate in the chamber.\\n\\nThe bill now goes to the governor, who is expected to sign it.'
    >>> clean("Advertising revenue at the newspaper fell by a third last year, the company said in its report.").text
    'Advertising revenue at the newspaper fell by a third last year, the company said in its report.'
    """

    name = "advertisement"
    categories = ("advertisement",)

    def _extra_at(self, look: _Look, kept: list[Block], pos: dict[int, int] | None, ctx: Context) -> set[int]:
        # a pop-up's close button, or the outlet's pitch for its products
        return {*look.at(AD_POPUP, pos), *look.promoted("advertisement", pos, ctx)}

    def extra_may(self, kept: list[Block], k: int, found: frozenset[str]) -> bool:
        # a pop-up's close button, or a word of the self-promotion grammar
        return "\u00d7 " in kept[k].text or may_promote(found)

    def extra(self, kept: list[Block], k: int, ctx: Context) -> Finding | None:
        b = kept[k]
        # a pop-up left in the text: its close button "×" opens the block
        if "\u00d7 " not in b.text:
            # the outlet's pitch for its own products ("Shop our new mugs and tote bags!")
            return promotion(b, ctx, "advertisement")
        if b.text.startswith("\u00d7 ") and b.words <= 150 and (b.text[2:3].isupper() or b.text[2:3].isdigit()):
            end = _popup_end(b.text, 2)
            if end < len(b.text):
                return ctx.finding((b.start, b.start + end), "advertisement", "pop-up", "a pop-up from its close button '\u00d7' to its button, before the story", 0.8)
            return ctx.finding(b, "advertisement", "pop-up", "a block opened by a pop-up's close button '\u00d7'", 0.8)
        # the same pop-up glued after other text: from its close button to the end (or to its
        # own button, when the story goes on after it)
        m = _POPUP_GLUED.search(b.text)
        head = b.text[m.end():].split()[:5] if m else []
        if m and len(b.text[m.end():].split()) >= 20 and sum(1 for w in head if w[:1].isupper() or w[:1].isdigit()) >= 4:
            end = _popup_end(b.text, m.end())
            if end < len(b.text):
                return ctx.finding((b.start + m.start(), b.start + end), "advertisement", "pop-up", "a pop-up glued into the paragraph, from its close button '\u00d7' to its button", 0.75)
            return ctx.finding((b.start + m.start(), b.end), "advertisement", "pop-up", "a pop-up glued to the end, from its close button '\u00d7'", 0.75)
        return promotion(b, ctx, "advertisement")


def _popup_end(text: str, pos: int) -> int:
    """Where a pop-up that opens at ``text[pos]`` ends: after its first button ("Buy Now") when
    the story goes on behind it (``_PROSE_WORDS`` words or more), else at the end of the block."""
    m = _POPUP_BUTTON.search(text, pos)
    if m and len(text[m.end():].split()) >= _PROSE_WORDS:
        return m.end()
    return len(text)


class SocialFilter(PhraseFilter):
    """Removes share bars, share counts and follow and share prompts (on any site: the outlet
    asking to be followed or passed on, "Follow our health desk on Instagram", see ``_promo``).

    >>> from cleantext import clean
    >>> clean("1.2k SHARES Facebook Twitter\\n\\nThe storm knocked out power to 40,000 homes on Sunday night.").text
    'The storm knocked out power to 40,000 homes on Sunday night.'
    >>> clean("Thousands shared the video on Facebook before it was taken down, the company said.").text
    'Thousands shared the video on Facebook before it was taken down, the company said.'
    """

    name = "social"
    categories = ("social",)
    prompt_closes_prose = True

    def find(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        """The phrase and share-bar rules; then a short label ending in a colon ("Follow us:",
        "Our podcast:") whose next line went as a share or follow prompt goes with it."""
        yield from super().find(doc, ctx)
        blocks = doc.blocks
        look = _look(ctx) if type(self) in _PLANNED else None
        if look is not None:  # the labels' places, from the plan (the same tests of their texts)
            last = len(blocks) - 1
            for i in look.lists[SOCIAL_LABEL]:
                if i < last and not ctx.is_removed(i) and ctx.removed_category(i + 1) == "social":
                    yield ctx.finding(blocks[i], "social", "label", "a short label ending in ':' over a share or follow prompt", 0.8)
            return
        for b in blocks[:-1]:
            # (a label ends with its colon, before ``$``: a test of the last two characters
            # first, not the expression's look-ahead over the whole of every paragraph)
            if ":" not in b.text[-2:] or ctx.is_removed(b.index) or not _LABEL.match(b.text) or reports_speech(b.text):
                continue
            if ctx.removed_category(b.index + 1) == "social":
                yield ctx.finding(b, "social", "label", "a short label ending in ':' over a share or follow prompt", 0.8)

    def _extra_at(self, look: _Look, kept: list[Block], pos: dict[int, int] | None, ctx: Context) -> set[int]:
        # a short line with a share-bar word or a count, or the outlet asking to be followed
        return {*look.at(SOCIAL_SHORT, pos), *look.promoted("social", pos, ctx)}

    def extra_may(self, kept: list[Block], k: int, found: frozenset[str]) -> bool:
        # a short line (a share bar, a count), or a word of the self-promotion grammar
        return kept[k].words <= _SOCIAL_SHORT_WORDS or may_promote(found)

    def extra(self, kept: list[Block], k: int, ctx: Context) -> Finding | None:
        b = kept[k]
        if b.words > _SOCIAL_SHORT_WORDS:
            # the outlet asking to be followed or passed on ("Follow our desk on Instagram")
            return promotion(b, ctx, "social")
        bar = phrases("social_bar", ctx, "any")
        if not bar.may_match(b.low, bar.active(ctx)) and not _COUNT.match(b.text):
            return promotion(b, ctx, "social")
        if _is_bar(b, bar, strong=True):
            if _NOT_BAR.search(b.text):
                return None  # "1. Facebook" heads a numbered section; "LinkedIn $2.50" is a table row
            nxt = kept[k + 1].text if k + 1 < len(kept) else ""
            name = b.text.strip()
            if b.words == 1 and nxt.startswith(name) and nxt[len(name) : len(name) + 1] in (" ", "'", "’"):
                return None  # "Pinterest" over "Pinterest is where users come for ...": a subheading
            return ctx.finding(b, "social", "share-bar", "a line made of share-bar words", 0.9)
        # a weak line ("More", a bare count) inside a run of share-bar lines
        if _is_bar(b, bar, strong=False) or _COUNT.match(b.text):
            near = [kept[j] for j in (k - 1, k + 1) if 0 <= j < len(kept)]
            after_bar = k > 0 and ctx.removed_category(kept[k - 1].index) == "social"
            if after_bar or any(_is_bar(x, bar, strong=True) for x in near):
                return ctx.finding(b, "social", "share-bar", "a share-bar word or count beside a share bar", 0.8)
        return promotion(b, ctx, "social")


_COUNT = regex.compile(r"^\d[\d.,]*\s*[kKmM]?$")
#: a share bar's line is short: ``SocialFilter.extra`` reads longer blocks for a promotion only
_SOCIAL_SHORT_WORDS = 14
# a numbered heading or a row of prices: platform names there are no share buttons
_NOT_BAR = regex.compile(r"^\s*\d{1,2}[.)]\s+\S|[$\u20ac\u00a3%]")
# a label: at most six words, no sentence inside, ending in a colon
_LABEL = regex.compile(r"^(?!.*[.!?]\s)\S+(?:\s+\S+){0,5}:$")
_BAR_WEAK = frozenset({"more", "x", "mix", "print", "sms", "google", "gab", "vk"})


def _is_bar(b: Block, bar: Phrases, strong: bool) -> bool:
    """Whether the block is made only of share-bar words (and counts); ``strong`` asks for at
    least one word that names a platform or sharing, not just "More"."""
    if not bar.may_match(b.low) or "*" in b.text:  # "Email *" is a form field, not a share button
        return False
    rest = bar.pattern.sub(" ", b.text)
    if _BAR_REST.sub("", rest).strip():
        return False
    if not strong:
        return True
    words = {m.group().lower() for m in bar.pattern.finditer(b.text)}
    return any(w not in _BAR_WEAK for w in words)


class RelatedFilter(PhraseFilter):
    """Removes related-story links and lists, "Read more" pointers, trending and recent posts, and
    the outlet's pointers to its own shows ("Listen to our podcast", see ``_promo``).

    >>> from cleantext import clean
    >>> clean("The plant will close in June, putting 300 people out of work.\\n\\nREAD MORE: Factory jobs vanish across the region\\n\\nThe union said it would appeal the decision.").text
    'The plant will close in June, putting 300 people out of work.\\n\\nThe union said it would appeal the decision.'
    >>> clean("Read more widely, the report suggests, and the picture of the economy is less bleak than it looks.").text
    'Read more widely, the report suggests, and the picture of the economy is less bleak than it looks.'
    """

    name = "related"
    categories = ("related",)
    prompt_closes_prose = True

    def is_item(self, b: Block) -> bool:
        # related lists are headlines; a bare domain under the header is a source, not a story
        return not _URL.match(b.text) and super().is_item(b)

    def tail_ok(self, b: Block) -> bool:
        return not _URL.match(b.text)

    def _extra_at(self, look: _Look, kept: list[Block], pos: dict[int, int] | None, ctx: Context) -> set[int]:
        # the outlet pointing to its shows, or a pointer to more coverage past the head
        return {*look.promoted("related", pos, ctx), *(p for p in look.at(POINTER_TEXT, pos) if p >= HEAD)}

    def extra_may(self, kept: list[Block], k: int, found: frozenset[str]) -> bool:
        # a word of the self-promotion grammar, or a short block past the head (a pointer)
        return may_promote(found) or may_point(kept, k)

    def extra(self, kept: list[Block], k: int, ctx: Context) -> Finding | None:
        # the outlet pointing to its own shows ("Listen to this week's episode of our podcast"),
        # or the reader to more coverage ("For more on X, visit Y", see ``_pointers``)
        return promotion(kept[k], ctx, "related") or coverage_pointer(kept, k, ctx)

    def find(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        """The phrase rules; then, by shape, a run of headlines closing the page."""
        yield from super().find(doc, ctx)
        look = _look(ctx) if type(self) in _PLANNED else None
        yield from headline_run(list(ctx.kept()) if look is None else look.kept(ctx)[0], ctx)

    def _items(self, kept: list[Block], k: int, ctx: Context) -> Iterator[Finding]:
        """The list after a header; and, on a page that is only a header and a directory of
        resources (no story before the header), every entry of the directory."""
        if k <= 1 and _is_directory(kept[k:], self.max_items, self.tail_item_words):
            for b in kept[k:]:
                yield ctx.finding(
                    b, "related", "directory-entry",
                    "an entry of a resource directory under a header, with no story on the page "
                    "(each entry names a site or title and says what it offers)",
                    0.9,
                )
            return
        yield from super()._items(kept, k, ctx)


# a directory entry: a site or title, then what it is or offers ("Example.com offers free ...",
# "The Bus Guide is a free ...")
_ENTRY = regex.compile(
    r"^(?:The\s+)?(?:[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|info|io|co\.uk|tv)|\p{Lu}[\p{L}\p{N}.&'\u2019-]*(?:\s+\p{Lu}[\p{L}\p{N}.&'\u2019-]*){0,4})"
    r"\s+(?:is|are|offers|provides|lists|features|covers|compares|gives|helps|brings|shows|tracks)\s",
)
_SITE = regex.compile(r"\b[\w-]+\.(?:com|org|net|info|io|co\.uk|tv)\b|https?://|\bwww\.", regex.IGNORECASE)


def _is_directory(rest: list[Block], max_items: int, max_words: int) -> bool:
    """Whether ``rest`` (everything after a header, to the end of the page) is a directory: at
    least three short entries, each opening with a name and what it is or offers, at least one
    naming a web site, and none reporting speech."""
    if not 3 <= len(rest) <= max_items:
        return False
    if not all(b.words <= max_words and _ENTRY.match(b.text) and not reports_speech(b.text) for b in rest):
        return False
    return any(_SITE.search(b.text) for b in rest)


class SubscriptionFilter(PhraseFilter):
    """Removes subscribe, paywall and log-in prompts.

    >>> from cleantext import clean
    >>> clean("The vote is set for Friday, when the committee meets again.\\n\\nAlready a subscriber? Log in to keep reading.").text
    'The vote is set for Friday, when the committee meets again.'
    >>> clean("Subscribers to the water utility will see their bills rise by 4% in January.").text
    'Subscribers to the water utility will see their bills rise by 4% in January.'
    """

    name = "subscription"
    categories = ("subscription",)
    prompt_closes_prose = True


class SourceNoticeFilter(PhraseFilter):
    """Removes notices of where the article came from: "originally appeared on", "h/t", "Source:".

    >>> from cleantext import clean
    >>> clean("The mayor said the budget was balanced for the first time in ten years.\\n\\nThis article originally appeared on The Harbour Post.").text
    'The mayor said the budget was balanced for the first time in ten years.'
    >>> clean("The river is the source of drinking water for two million people in the valley.").text
    'The river is the source of drinking water for two million people in the valley.'
    """

    name = "source_notice"
    categories = ("source_notice",)

    def _extra_at(self, look: _Look, kept: list[Block], pos: dict[int, int] | None, ctx: Context) -> set[int]:
        return {len(kept) - 1} if len(kept) > 3 else set()

    def extra_may(self, kept: list[Block], k: int, found: frozenset[str]) -> bool:
        return k == len(kept) - 1 and len(kept) > 3

    def extra(self, kept: list[Block], k: int, ctx: Context) -> Finding | None:
        b = kept[k]
        # a full link as the very last line: where the story came from
        if k == len(kept) - 1 and b.words == 1 and _FULL_URL.match(b.text) and len(kept) > 3:
            return ctx.finding(b, "source_notice", "source-link", "a bare link at the end of the article", 0.6)
        return None


class LegalFilter(PhraseFilter):
    """Removes copyright lines, disclaimers, and cookie and privacy notices.

    >>> from cleantext import clean
    >>> clean("The court will rule in May.\\n\\nCopyright 2021 The Harbour Post. All rights reserved.").text
    'The court will rule in May.'
    >>> clean("The lawsuit claims the song infringed the copyright of a 1970s ballad, lawyers for the singer said.").text
    'The lawsuit claims the song infringed the copyright of a 1970s ballad, lawyers for the singer said.'
    """

    name = "legal"
    categories = ("legal",)
    max_words = {"line": 30, "prefix": 45, "phrase": 70, "header": 20}
    notice_closes_prose = True

    def find(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        """The phrase rules; then a forward-looking-statements disclaimer (see ``_safe_harbor``)."""
        yield from super().find(doc, ctx)
        if ctx.present(_FLS_LITERALS):  # (from the one scan: no block holds them, no disclaimer)
            yield from _safe_harbor(doc.blocks, ctx)


# A company's forward-looking-statements disclaimer: its heading, and paragraphs that say
# what such statements are and that they may prove wrong ("risks and uncertainties", "undue
# reliance", "no obligation to update", the US "Private Securities Litigation Reform Act").
_FLS_HEAD = regex.compile(
    r"^\W*(?:(?:cautionary|special)\s+(?:note|statement|language)s?\s+(?:regarding|about|concerning|on|relating\s+to)\s+)?"
    r"(?:(?:note|statement)s?\s+(?:regarding|about|concerning|on)\s+)?forward[-\s]looking\s+(?:statements?|information)"
    r"(?:\s+(?:disclaimer|and\s+safe\s+harbou?r))?\W*$"
    r"|^\W*safe\s+harbou?r(?:\s+statement)?\W*$",
    regex.IGNORECASE,
)
#: the words every such disclaimer holds (in the trigger scan, see ``LegalFilter.find``)
_FLS_LITERALS = tuple(sorted(scan_words("forward-looking", "forward looking")))
_FLS_WORDS = regex.compile(r"forward[-\s]looking\s+(?:statements?|information)", regex.IGNORECASE)
_FLS_CUES = regex.compile(
    r"risks?\s+and\s+uncertaint|undue\s+reliance|safe\s+harbou?r|securities\s+litigation\s+reform\s+act|"
    r"(?:undertakes?|assumes?)\s+no\s+(?:obligation|duty)|no\s+obligation\s+to\s+(?:publicly\s+)?(?:update|revise)|"
    r"differ\s+materially|expressly\s+qualified|cautionary\s+statement|(?:anticipates?|believes?|expects?|intends?|plans?)\W+and\s+similar\s+expressions",
    regex.IGNORECASE,
)


_FLS_OWN = regex.compile(
    r"(?:undertakes?|assumes?)\s+no\s+(?:obligation|duty)|no\s+obligation\s+to\s+(?:publicly\s+)?(?:update|revise)|"
    r"expressly\s+qualified|speak\s+only\s+as\s+of",
    regex.IGNORECASE,
)


def _safe_harbor(blocks: list[Block], ctx: Context) -> Iterator[Finding]:
    """A heading "Forward-Looking Statements" and the disclaimer under it: paragraphs that
    speak of such statements or their risks, and the clauses of their list of risks (each ending
    with ";" or opening in lower case), up to the next short heading; and, without a heading,
    a paragraph that names forward-looking statements with two of the disclaimer's set phrases."""
    n = len(blocks)
    i = 0
    while i < n:
        b = blocks[i]
        if b.words <= 12 and _FLS_HEAD.match(b.text) and i + 1 < n and _is_disclaimer(blocks[i + 1].text, 1):
            if not ctx.is_removed(i):
                yield ctx.finding(b, "legal", "forward-looking", "the heading of a forward-looking-statements disclaimer", 0.9)
            j = i + 1
            while j < n and j - i <= 60:
                x = blocks[j]
                t = x.text.rstrip()
                clause = t.endswith((";", "; and", "; or", ",")) or x.text[:1].islower()
                if not (clause or _is_disclaimer(x.text, 1)):
                    break
                if not ctx.is_removed(j):
                    yield ctx.finding(x, "legal", "forward-looking", "part of a forward-looking-statements disclaimer under its heading", 0.9)
                j += 1
            i = j
            continue
        # without its heading, a paragraph must also disclaim in the company's own voice ("undertakes
        # no obligation to update", "speak only as of"): a news story about such statements
        # ("regulators warn against undue reliance on forecasts' risks and uncertainties") does not
        if (b.words >= 25 and not ctx.is_removed(i) and _is_disclaimer(b.text, 2) and _FLS_OWN.search(b.text)
                and not reports_speech(b.text)):
            yield ctx.finding(b, "legal", "forward-looking", "a forward-looking-statements disclaimer", 0.85)
        i += 1


def _is_disclaimer(text: str, cues: int) -> bool:
    """Whether ``text`` names forward-looking statements (or, for a paragraph under the heading,
    their risks) with at least ``cues`` of the disclaimer's set phrases."""
    if _word_count(text) > 600:
        return False
    found = len(_FLS_CUES.findall(text))
    if _FLS_WORDS.search(text):
        return found >= cues
    return cues <= 1 and found >= 2


def _word_count(text: str) -> int:
    return text.count(" ") + 1


class AuthorBioFilter(PhraseFilter):
    """Removes the author's biography at the end of an article, and a press release's closing
    "About <issuer>" blurb and its media contacts.

    >>> from cleantext import clean
    >>> clean("The bridge reopens on Monday after two years of repairs.\\n\\nAnn Smith is a staff writer for The Harbour Post. She tweets @annsmith.").text
    'The bridge reopens on Monday after two years of repairs.'
    >>> clean("The bridge reopens on Monday.\\n\\nAnn Smith is a nurse who crosses it every day, and she says the detour added an hour to her commute.").text
    'The bridge reopens on Monday.\\n\\nAnn Smith is a nurse who crosses it every day, and she says the detour added an hour to her commute.'
    """

    name = "author_bio"
    categories = ("author_bio",)
    #: an explicit "About the author:" label is as sure as a rule gets
    confidence = {**PhraseFilter.confidence, "prefix": 0.9}
    max_words = {"line": 30, "prefix": 90, "phrase": 80, "header": 20}

    def find(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        """The phrase rules, and a biography's continuation: after "About the author: NAME ...",
        the paragraphs that go on about NAME (or he/she), and the link lines that follow."""
        blocks = doc.blocks
        by_start: dict[int, int] | None = None  # (made for the first label found)
        for f in super().find(doc, ctx):
            yield f
            if f.rule != "prefix":
                continue
            if by_start is None:
                by_start = {b.start: b.index for b in blocks}
            if f.start not in by_start:
                continue
            i = by_start[f.start]
            if _CONTACT_LABEL.match(blocks[i].text):
                continue  # a press contact's line is one line: the story may follow it
            m = _BIO_NAME.search(blocks[i].text)
            surname = m.group(1).split()[-1] if m else None
            # every block after the label, taken by another rule or not: the biography claims
            # a link or a "click here" inside it too, so a doubt about that rule cannot split it
            for b in blocks[i + 1 :]:
                if not _continues_bio(b, surname):
                    break
                yield ctx.finding(b, "author_bio", "bio-continued", "continues the biography under an explicit author label", 0.9)
        yield from _issuer_blurbs(blocks, ctx)
        yield from closing_org_blurbs(blocks, ctx)

    def _items(self, kept: list[Block], k: int, ctx: Context) -> Iterator[Finding]:
        """Under a contacts header ("Media Contact:"), the names, titles, numbers and addresses
        only when they close the page: such a header at the top of a press release stands over
        the story's own headline and paragraphs."""
        rest = kept[k:]
        before = sorted(b.words for b in kept[: max(0, k - 1)])
        limit = min(self.tail_item_words, int(0.6 * before[len(before) // 2])) if before else 0
        if 0 < len(rest) <= self.max_items and all(b.words <= limit for b in rest):
            for b in rest:
                yield ctx.finding(b, self.name, "list-item", "a short block in the contacts that end the page", self.confidence["item"])

    def extra_may(self, kept: list[Block], k: int, found: frozenset[str], bylines: bool = True) -> bool:
        # what ``extra`` may take: the last blocks' bio sentence; anywhere, a "Follow NAME ...
        # @handle" line or a block that opens with a name (``_more_bio``'s own first tests; a
        # block above the page's end only when the page has a byline's name, ``bylines``)
        # (a rule added to ``extra`` is added here, and to ``_extra_gate`` if it takes a block
        # above the page's last ``_END_BLOCKS`` blocks)
        if k >= len(kept) - 3 and k >= 2:
            return True
        b = kept[k]
        return b.words <= _BIO_MAX_WORDS and (
            _follow_may(b) or ((bylines or _tail(kept, k)) and _bio_opening(b.text))
        )

    def _extra_gate(self, ctx: Context, kept: list[Block]) -> Any:
        # the byline's names ``_more_bio`` reads on this look: most pages have none
        if _bylines(ctx, ctx.memo_for(self)):
            return self.extra_may
        # without them, above the page's last ``_END_BLOCKS`` blocks (never among the last
        # three nor at the end, ``_tail``) ``extra_may`` is ``_follow_may``: asked directly
        end = len(kept) - _END_BLOCKS
        may = self.extra_may

        def gate(kept: list[Block], k: int, found: frozenset[str]) -> bool:
            if k < end:
                b = kept[k]
                return b.words <= 30 and "@" in b.text  # (``_follow_may``, inline: asked of most blocks)
            return may(kept, k, found, bylines=False)

        return gate

    #: the verbs of ``_BIO``, after its name
    _BIO_VERBS = frozenset(("is", "was", "es", "ist", "est"))

    @classmethod
    def _may_bio(cls, text: str) -> bool:
        """Whether ``_BIO`` may match ``text``: its verb is a word among the first six (a dash,
        a name of two to four words, the verb; their white space is ``split()``'s too)."""
        return not cls._BIO_VERBS.isdisjoint(text.split(None, 6)[:6])

    def extra(self, kept: list[Block], k: int, ctx: Context) -> Finding | None:
        b = kept[k]
        more = _more_bio(self, kept, k, ctx)
        if more is not None:
            return more
        if k < len(kept) - 3 or b.words > _BIO_MAX_WORDS or k < 2:
            return None
        # (the texts the expression does not match, kept for the document's later looks)
        plain = ctx.memo_for(_BIO)
        m = _BIO.match(b.text) if b.text not in plain and self._may_bio(b.text) else None
        if m is None:
            plain[b.text] = True
        if m and not reports_speech(b.text) and not _story_person(m.group("name"), kept[:k]) and not _ROSTER.search(b.text):
            return ctx.finding(b, "author_bio", "bio-sentence", f"an author's description at the end ('{_snip(m.group())}')", 0.7)
        return None


def _more_bio(flt: BaseFilter, kept: list[Block], k: int, ctx: Context) -> Finding | None:
    """The shapes of ``_bios``: "Follow NAME on Twitter @handle" anywhere; a biography sentence
    ("NAME covers ...", "NAME, MD, is professor of ...") of the byline's author anywhere, or of
    anybody the story above does not name, at the end of the page (the last four blocks, or a
    tail of short ones)."""
    b = kept[k]
    if b.words > _BIO_MAX_WORDS:
        return None
    if _follow_may(b) and follow_author(b.text):
        return ctx.finding(b, "author_bio", "bio-follow", "where to follow the writer ('Follow NAME ... @handle')", 0.8)
    tail = _tail(kept, k)
    memo = ctx.memo_for(flt)
    names = memo.get(("bylines",))
    if names is None:
        names = memo[("bylines",)] = _bylines(ctx, memo)
    if not (tail or names) or not _bio_opening(b.text):
        return None  # no byline to match and not the page's end, or no "NAME ..." opening
    # (a verdict of the text alone, kept for the document's later looks)
    bios = ctx.memo_for(bio_sentence)
    name = bios.get(b.text, _UNSEEN)
    if name is _UNSEEN:
        name = bios[b.text] = bio_sentence(b.text)
    byline_only = False
    if name is None and names:
        name, byline_only = bio_sentence(b.text, byline_only=True), True
    if name is None or _ROSTER.search(b.text):
        return None
    if same_person(name, names) and b.index > 0:
        return ctx.finding(b, "author_bio", "bio-of-byline", f"a biography of the byline's author ('{_snip(name)}')", 0.8)
    if not byline_only and tail and k >= 2 and not _story_person(name, kept[:k]):
        return ctx.finding(b, "author_bio", "bio-sentence", f"an author's description at the end ('{_snip(name)}')", 0.7)
    return None


_UNSEEN: Any = object()


#: the page's end: a biography sentence of anybody stands among its last this many blocks
_END_BLOCKS = 10


def _tail(kept: list[Block], k: int) -> bool:
    """Whether ``kept[k]`` is at the page's end: among the last four blocks, or in a tail of
    short ones (at most ``_END_BLOCKS`` blocks)."""
    n = len(kept)
    return k >= n - 4 or (n - k <= _END_BLOCKS and all(x.words <= 30 for x in kept[k + 1 :]))


def _follow_may(b: Block) -> bool:
    """Whether ``b`` may be "Follow NAME ... @handle" (``_more_bio``'s first test of it)."""
    return b.words <= 30 and "@" in b.text


def _bylines(ctx: Context, memo: dict[Any, Any]) -> frozenset[tuple[str, str]]:
    """The byline names ``_more_bio`` reads on this look: those kept from an earlier look (the
    first that asked), else those of this look's document (kept with it, so that a gate that
    asks first and ``_more_bio`` read the same, and a later look asks its own document again
    when ``_more_bio`` did not ask on this one)."""
    names: frozenset[tuple[str, str]] | None = memo.get(("bylines",))
    if names is not None:
        return names
    got: tuple[Document, frozenset[tuple[str, str]]] | None = memo.get(("bylines-of",))
    if got is not None and got[0] is ctx.doc:
        return got[1]
    # only the lines ``byline_names`` reads (short, with "by" or "por"), told by their lower case
    names = byline_names([x.text for x in ctx.doc.blocks if len(x.text) <= 300 and ("by" in x.low or "por" in x.low)])
    memo[("bylines-of",)] = (ctx.doc, names)
    return names


def _bio_opening(text: str) -> bool:
    """Whether ``text`` may open with a name (two capitalised words, after a mark or a title):
    a cheap test before the biography expression."""
    rest = text.lstrip("*_(\u2014\u2013- ")
    first = rest[:1]
    if not first.isupper() and not first.isspace():
        return False  # the first word opens in lower case (no title does): no name
    words = rest.split(None, 3)
    if words and words[0].rstrip(".") in ("Dr", "Prof", "Rev", "Mr", "Mrs", "Ms", "Dra", "Sr", "Sra"):
        words = words[1:]
    return len(words) >= 2 and words[0][:1].isupper() and words[1][:1].isupper()


def _story_person(name: str, before: list[Block]) -> bool:
    """Whether the person a closing description names (by surname) is in the story above it: a
    profile's subject or a source introduced again at the end, not the author. The author's name
    stands in a byline: a short line, "(Posted) by NAME", or the opening words of the page."""
    surname = name.split()[-1]
    if len(surname) < 3:
        return False
    word = regex.compile(rf"\b{regex.escape(surname)}\b")
    for j, x in enumerate(before):
        if x.words < 10:
            continue
        for m in word.finditer(x.text):
            if j == 0 and len(x.text[: m.start()].split()) < 6:
                continue  # a byline glued to the first paragraph
            if _BY_BEFORE.search(x.text, max(0, m.start() - 40), m.start()):
                continue
            return True
    return False


# "by NAME", "por NAME": the name just before a surname is the author's in a byline
_BY_BEFORE = regex.compile(r"\b(?:by|por)\s+(?:\S+\s+){0,3}$", regex.IGNORECASE)


# a team's roster ("Ann Lee and Bo Park are the associate producers"): credits, not one author's bio
_ROSTER = regex.compile(
    r"\b(?:and|y)\s+\p{Lu}[\p{L}.'\u2019-]+(?:\s+\p{Lu}[\p{L}.'\u2019-]+){0,3},?\s+(?:are|were|son|fueron)\s+(?:the|los|las)\s"
)


_CONTACT_LABEL = regex.compile(r"^\W*(?:media|press|news)\s+contacts?\b", regex.IGNORECASE)
_BIO_NAME = regex.compile(r":\s*(\p{Lu}[\p{L}'\u2019-]+(?:\s+\p{Lu}[\p{L}'\u2019-]+){0,2})")
_PRONOUN = regex.compile(r"^(?:he|she|they|his|her|their|in\s+(?:his|her|their)|with\s+a\s+background)\b", regex.IGNORECASE)
_LINK_LINE = regex.compile(r"^[^\s]{2,80}$|:$|\.(?:com|org|net|news|info)\b", regex.IGNORECASE)


def _continues_bio(b: Block, surname: str | None) -> bool:
    if b.words <= 8 and _LINK_LINE.search(b.text):
        return True
    # the author's directory of links: "Find more ... at:", "Podcasts:", "Health Ranger bio"
    if b.words <= 15 and b.text.rstrip().endswith(":"):
        return True
    if b.words <= 6 and b.text.rstrip()[-1:] not in ".!?\"\u201d":
        return True
    if b.words > 250:
        return False
    if surname and regex.search(rf"\b{regex.escape(surname)}\b", b.text):
        return True
    return bool(_PRONOUN.match(b.text))


# "About Example Health", "ABOUT EXAMPLE CORP", "About the Example Society:" (not "About the study")
_ABOUT_ORG = regex.compile(
    r"^(?:about|acerca\s+de|sobre)\s+(?:the\s+|el\s+|la\s+|los\s+|las\s+)?(?P<name>(?:[\p{L}\p{N}&.,'\u2019()®-]+\s*){1,10}?)\s*[:.]?$",
    regex.IGNORECASE,
)
_ABOUT_NEEDS = needs_of(_ABOUT_ORG)
_GENERIC_ABOUT = frozenset({
    "study", "studies", "trial", "trials", "survey", "research", "researchers", "report", "data", "findings", "author",
    "authors", "writer", "this", "these", "it", "us", "me", "them", "him", "her", "that", "estudio", "autor", "autora",
})
_NAME_WORD = regex.compile(r"[\p{Lu}\p{N}][\p{L}\p{N}&'\u2019-]*")
_CONTACTISH = regex.compile(r"@[\w-]+\.|\d{3}[-.\s)]+\d{3}[-.\s]\d{4}|https?://|www\.", regex.IGNORECASE)


def _issuer_blurbs(blocks: list[Block], ctx: Context) -> Iterator[Finding]:
    """A press release's closing blurbs: "About Example Health" over a paragraph that describes
    Example Health by name, perhaps more such pairs, contacts and links, to the end of the page.

    All of it goes only when, from the first "About ..." line, every block is a blurb naming its
    issuer, another "About ..." line, a short line (a contact, a link, a name) or already removed:
    a subheading "About Face" over the story's next paragraphs is no blurb."""
    n = len(blocks)
    for i in range(2, n - 1):
        b = blocks[i]
        if b.words > 12 or ctx.is_removed(i):
            continue
        names = _about_names(b.text)
        if not names or not any(is_body_like(x.text) and x.words >= 15 for x in blocks[:i]):
            continue
        nxt = blocks[i + 1]
        if nxt.words < 8 or not _names_in(names, nxt.text) or reports_speech(nxt.text):
            continue
        taken: list[Block] = [b]
        for x in blocks[i + 1 :]:
            more = _about_names(x.text) if x.words <= 12 else None
            if more:
                names = more
            elif not (ctx.is_removed(x.index) or x.words <= 12 or _names_in(names, x.text) or (x.words <= 30 and _CONTACTISH.search(x.text))):
                break
            taken.append(x)
        else:
            for x in taken:
                if not ctx.is_removed(x.index):
                    yield ctx.finding(x, "author_bio", "issuer-blurb",
                                      "a press release's closing 'About ...' blurb on its issuer, with its contacts, to the end", 0.8)
            return


def _about_names(text: str) -> frozenset[str] | None:
    """The name words of an "About NAME" line (and their initials: "National Institutes of
    Health" gives "NIH" too), or None when it is no such line or names something generic."""
    m = _ABOUT_ORG.match(text.strip()) if _ABOUT_NEEDS.may(text) else None
    if m is None:
        return None
    words = _NAME_WORD.findall(m["name"])
    low = [w.lower() for w in m["name"].split()]
    if not words or any(w.strip(".,:") in _GENERIC_ABOUT for w in low[:1]):
        return None
    names = {w for w in words if len(w) >= 3 and w.lower() not in ("the", "inc", "ltd", "llc", "and")}
    caps = "".join(w[0] for w in words if w[0].isupper())
    if len(caps) >= 2:
        names.add(caps)
    return frozenset(names) or None


def _names_in(names: frozenset[str], text: str) -> bool:
    """Whether ``text`` names one of ``names`` (as a word) in its first 40 words."""
    head = " ".join(text.split()[:40])
    # "ABOUT CLEARPOP" over "ClearPop is ...": a name the header writes in capitals, in any case
    return any(regex.search(rf"(?<![\p{{L}}\p{{N}}]){regex.escape(w)}(?![\p{{L}}\p{{N}}])", head,
                            regex.IGNORECASE if w.isupper() and len(w) >= 4 else 0) for w in names)


# "NAME is a writer ...", "— NAME is an editor ...", "NAME es director de ..."
#: an author's description at the end runs to a few sentences
_BIO_MAX_WORDS = 110
_BIO = regex.compile(
    r"^(?:[\u2014\u2013-]\s*)?(?!(?:There|It|This|That|These|Those|He|She|They|We|Our|The|A|An)\s)(?P<name>\p{Lu}[\p{L}.'\u2019-]+(?:\s+\p{Lu}[\p{L}.'\u2019-]+){1,3})\s+"
    r"(?:is|was|es|ist|est)\s+(?:a|an|the|un|una|ein|eine|une|der|die|el|la|le)?\s*"
    r"(?:[\p{L}-]+\s+){0,6}?"
    r"(?i:writer|journalist|author|reporter|editor|columnist|contributor|correspondent|blogger|"
    r"novelist|essayist|commentator|host|founder|fellow|professor|director|analyst|producer|copywriter|content\s+(?:creator|writer|strategist)|"
    r"periodista|escritor|escritora|autor|autora|redactor|redactora|director|directora|profesor|profesora|"
    r"journalist(?:in)?|autor(?:in)?|redakteur(?:in)?|journaliste|rédacteur|rédactrice)\b",
)
# (no literal gate before it: the expression, anchored, fails on a block's first words, at a
# third of the cost of looking for its thirty-odd trades in the block)


class CommentsFilter(PhraseFilter):
    """Removes comment prompts and comment-section residue.

    >>> from cleantext import clean
    >>> clean("The museum will reopen in spring.\\n\\nScroll down to leave a comment!").text
    'The museum will reopen in spring.'
    >>> clean("In a comment to reporters, the minister said the talks would resume on Monday.").text
    'In a comment to reporters, the minister said the talks would resume on Monday.'
    """

    name = "comments"
    categories = ("comments",)
    prompt_closes_prose = True

    def find(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        """The phrase rules; then a reader-comment thread after the story (see ``_thread``)."""
        yield from super().find(doc, ctx)
        look = _look(ctx) if type(self) in _PLANNED else None
        # (on the plan, only the short lines ``_thread`` reads are read)
        span = _thread(doc.blocks, None if look is None else look.lists[THREAD_LINE])
        if span is None:
            return
        for b in doc.blocks[span[0] : span[1]]:
            if ctx.is_removed(b.index):
                continue
            if _SIGNATURE_SAYS.match(b.text) or _signature_stamp(b.text) or _STAMP_LINE.match(b.text) or _MARKER.match(b.text):
                yield ctx.finding(b, "comments", "thread", "a commenter's name, time or reply button in a comment thread", 0.9)
            else:
                yield ctx.finding(b, "comments", "thread", "a reader's comment between commenters' names and times", 0.85)


# A comment thread as scrapers keep it: "Name says:" or "Name on May 3, 2020 at 4:15 pm", or
# "Name · 2 hours ago", each over the comment, and "Reply" / "Like" buttons.
_AGO = r"\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago"
_DAY_STAMP = (
    r"(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}"
    r"|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+\d{4}"
    r"|\d{1,2}/\d{1,2}/\d{2,4})"
)
_STAMP = rf"(?:{_AGO}|{_DAY_STAMP}(?:,?\s+(?:at|@)?\s*\d{{1,2}}:\d{{2}}\s*(?:[ap]\.?m\.?)?)?)"
_STAMP_LINE = regex.compile(rf"^(?:posted\s+)?(?:on\s+)?{_STAMP}\s*(?:said|says)?\s*:?$", regex.IGNORECASE)
_SIGNATURE_SAYS = regex.compile(r"^(?!.*[.!?]\s)\S+(?:\s+\S+){0,4}\s+(?:says|said|wrote|dice|escribi[óo])\s*:$", regex.IGNORECASE)
_SIGNATURE_STAMP = regex.compile(
    rf"^(?P<name>[^\s.!?:]+(?:\s+[^\s.!?:]+){{0,4}})\s*(?:[\u00b7|\u2022,\u2013\u2014-]\s*)?(?P<says>(?:says|said|wrote)\s*:\s*)?(?:on\s+)?{_STAMP}\s*(?:said|says|wrote)?\s*:?$",
    regex.IGNORECASE,
)
_MARKER = regex.compile(
    r"^(?:reply|like|likes?\s+reply|reply\s+like|report(?:\s+comment)?|flag|log\s+in\s+to\s+reply|responder|\d+\s+likes?)\s*[\u2193\u21b5]?$",
    regex.IGNORECASE,
)


_DIGIT = regex.compile(r"\d")
#: a commenter's signature, a time or a button is a short line
_THREAD_WORDS = 16
# a commenter's name or handle on a line of its own: a few words, no sentence, no digit-only stamp
_HANDLE = regex.compile(r"^[\p{L}\p{N}@_][\p{L}\p{N}_.'\u2019@-]*(?:\s+[\p{L}\p{N}_.'\u2019@-]+){0,3}$")
# a comment section's header: "2 Comments", "Comments", "Leave a Reply", "12 thoughts on ..."
_THREAD_HEAD = regex.compile(
    r"^(?:\d+\s+)?(?:comments?|responses?|replies|reader\s+comments|discussion)\s*:?$|^leave\s+a\s+(?:reply|comment)\b|"
    r"^join\s+the\s+(?:discussion|conversation)\b|^\d+\s+(?:thoughts?|responses?|comments?)\s+(?:on|to)\s",
    regex.IGNORECASE,
)


def _handle_line(b: Block) -> bool:
    return (b.words <= 4 and len(b.text) <= 40 and b.text[-1:] not in ".!?:;," and _HANDLE.match(b.text) is not None
            and not _MARKER.match(b.text))


def _says_stamp(text: str) -> bool:
    m = _SIGNATURE_STAMP.match(text) if len(text) <= 90 else None
    return m is not None and m["says"] is not None


def _signature_stamp(text: str) -> bool:
    return len(text) <= 90 and _SIGNATURE_STAMP.match(text) is not None


def _thread(blocks: list[Block], lines: Iterable[int] | None = None) -> tuple[int, int] | None:
    """The blocks ``[start, end)`` of a reader-comment thread, or None.

    A thread has two commenters or more, each a signature line: "Name says:" over a time line,
    a name with the time ("Name on May 3, 2020 at 4:15 pm", "Name · 2 hours ago"), or a name
    alone over a line that is only the time; and unless every signature is "Name says:" over a
    time, at least one "Reply"/"Like" button or a header ("2 Comments") just above the first.
    It starts after the story has begun (a punctuated paragraph of 15 words or more) and ends
    at the last button, or at most three blocks after the last signature. A transcript's
    "Smith says:" lines or a diary's dated subheadings have neither times nor buttons.

    ``lines``: the places (ascending) of the blocks the loop below may read, when known: those of
    ``_THREAD_WORDS`` words or fewer that end with a colon, hold a digit or open with r, l or f
    (every other block is passed over)."""
    sigs: list[int] = []
    says_with_time = True
    markers: list[int] = []
    for i in range(len(blocks)) if lines is None else lines:
        b = blocks[i]
        if b.words > _THREAD_WORDS:
            continue
        # cheap gates first: "says:" ends with a colon, a stamp holds a digit, a button opens
        # with r, l, f or a digit
        text = b.text
        says = text.endswith(":") and _SIGNATURE_SAYS.match(text)
        if not says and not _DIGIT.search(text):
            first = text[:1].lower()
            if first and first in "rlf" and _MARKER.match(text):
                markers.append(i)
            continue
        if says:
            sigs.append(i)
            nxt = blocks[i + 1].text if i + 1 < len(blocks) else ""
            if not _STAMP_LINE.match(nxt):
                says_with_time = False
        elif _signature_stamp(b.text):
            sigs.append(i)
            # "Name says: May 3, 2020 at 4:15 pm" is a commenter and a time on one line
            says_with_time = says_with_time and _says_stamp(b.text)
        elif _MARKER.match(b.text):
            markers.append(i)
        elif i > 0 and (not sigs or sigs[-1] != i - 1) and _STAMP_LINE.match(text) and _handle_line(blocks[i - 1]):
            # the commenter's name on its line, the time on the next: "Ann Lee" / "May 3, 2020 at 4:15 pm"
            sigs.append(i - 1)
            says_with_time = False
    # without a button, a comment section's header above the first commenter will do ("2 Comments")
    if len(sigs) < 2 or not (markers or says_with_time or any(_THREAD_HEAD.match(x.text) for x in blocks[max(0, sigs[0] - 3) : sigs[0]])):
        return None
    start = sigs[0]
    if not any(b.words >= 15 and b.text.rstrip()[-1:] in ".!?\"'\u201d\u2019" for b in blocks[:start]):
        return None
    end = min(len(blocks), sigs[-1] + 4)
    later = [m for m in markers if m > sigs[-1]]
    if later and later[0] < end:
        end = later[0] + 1
    return start, end



class UiFilter(PhraseFilter):
    """Removes page furniture: player and gallery controls, polls and form text, "Loading...".

    >>> from cleantext import clean
    >>> clean("Expand | Collapse The council approved the new parking rules on Tuesday night.").text
    'The council approved the new parking rules on Tuesday night.'
    >>> clean("Watch closely, the coach told his players, because the next drill is the hardest one.").text
    'Watch closely, the coach told his players, because the next drill is the hardest one.'
    """

    name = "ui"
    categories = ("ui",)
    #: a poll's question and answers run longer than a list of links
    item_words = 30
    max_words = {"line": 30, "prefix": 45, "phrase": 80, "header": 20}

    def _extra_at(self, look: _Look, kept: list[Block], pos: dict[int, int] | None, ctx: Context) -> set[int]:
        # a widget's text, and the last line (a topic tag)
        return {*look.at(UI_WIDGET, pos), len(kept) - 1}

    def extra_may(self, kept: list[Block], k: int, found: frozenset[str]) -> bool:
        # the last line (a topic tag); a short line that opens like a month menu or ends with
        # a pointer's colon (``_widget``'s own first tests)
        if k == len(kept) - 1:
            return True
        b = kept[k]
        if b.words <= 60 and len(b.text) <= 600 and may_be_month_menu(b.text):
            return True
        return b.words <= POINTER_WORDS and b.text.rstrip().endswith(":")

    def extra(self, kept: list[Block], k: int, ctx: Context) -> Finding | None:
        b = kept[k]
        widget = _widget(b)
        if widget is not None:
            return ctx.finding(b, "ui", widget[0], widget[1], 0.75)
        # a topic tag as the page's last line ("Bill Gates", "DNA"), after the story's last paragraph
        if (
            k == len(kept) - 1
            and k >= 2
            and b.words <= 3
            and len(b.text) <= 30
            and b.text.rstrip()[-1:] not in ".!?:;\"\u201d)"
            and is_body_like(kept[k - 1].text)
            and (b.text[:1].isupper() or b.text[:1].isdigit())
            and not _last_subheading(kept, k)
        ):
            return ctx.finding(b, "ui", "trailing-tag", "a short tag line closing the page", 0.55)
        return None


def _last_subheading(kept: list[Block], k: int) -> bool:
    """Whether ``kept[k]``, a short last line, is one more of the story's subheadings where the
    text was cut: a phrase in sentence case ("Behind the scenes", not a name like "Bill Gates"),
    in a story with at least two such short lines between its paragraphs."""
    words = kept[k].text.split()
    if len(words) < 2 or not any(w[:1].islower() for w in words[1:]):
        return False
    heads = 0
    for j in range(1, k - 1):
        x = kept[j]
        if (x.words <= 6 and x.text.rstrip()[-1:] not in ".!?:;\"\u201d)"
                and is_body_like(kept[j - 1].text) and is_body_like(kept[j + 1].text)):
            heads += 1
            if heads >= 2:
                return True
    return False


def _widget(b: Block) -> tuple[str, str] | None:
    """(rule, evidence) when ``b`` is an archive's month menu or a pointer to a dropped player."""
    if b.words <= 60 and is_month_menu(b.text) and not reports_speech(b.text):
        return "month-menu", "nothing but months: an archive menu"
    if is_embed_pointer(b.text, b.words) and not reports_speech(b.text):
        return "embed-pointer", "a short line pointing at an embedded player, ending with a colon"
    return None


#: the filters ``find`` serves from the plan of the look (``_look``): the built-in classes
#: themselves (a subclass may change what ``extra`` takes)
_PLANNED = frozenset({UiFilter, AdvertisementFilter, SocialFilter, RelatedFilter, SubscriptionFilter,
                      SourceNoticeFilter, LegalFilter, CommentsFilter})
_PLAN_CLASSES: dict[str, type[PhraseFilter]] = {cls.name: cls for cls in _PLANNED}
