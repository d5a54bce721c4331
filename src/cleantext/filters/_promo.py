"""The outlet's self-promotion addressed to the reader, found by its grammar, not by its wording.

A promotion is a sentence that opens with an imperative addressed to the reader and points at
the outlet itself: "Follow our health desk on Instagram and TikTok.", "Shop our new mugs and
tote bags!", "Listen to this week's episode of our politics podcast wherever you get your
podcasts.", "Enjoyed this piece? Pass it on to a friend." Each site words it its own way, so
the rule is a small grammar over word classes kept as phrase lists
(``patterns/<language>/promo_*.txt``):

    [lead] VERB OPENER ...   with, in the same sentence,
    follow  (social)         an owner ("our", "us") and a channel noun, platform or show noun;
                             or "Follow NAME on PLATFORM" and nothing else
    share   (social)         the article itself ("this piece"), or an owner and the outlet's
                             work ("our journalism"), or "it" after a question to the reader
    shop    (advertisement)  an owner and a product noun ("our ... mugs", "our app")
    listen  (related)        an owner and a show noun ("our podcast"), or a podcast noun and
                             where podcasts play ("on Spotify", "wherever you get your podcasts")

A show of the outlet is "related": a pointer to more of the outlet's own content, like "READ
MORE"; a paid product of the outlet is "advertisement" (the labelling guide's "store pitches").

The verb must open its sentence (after "Please", "Be sure to", ...) and be followed by the
start of an object ("our", "the", "this", "it", "on", a name): "Shop owners said ..." and
"Follow the river road north ..." are no promotion (no owner, no channel). A sentence that
reports speech ("..., the lawyer told the jury") or sits inside quotation marks is story, and
so is a headline-like line without a full stop. A promotion goes whole when it is the whole
(short) block; glued to the end of a paragraph, only its sentences go.

>>> from cleantext import clean
>>> story = "The council voted on Tuesday to close the old bridge after engineers found deep cracks in two of its supports."
>>> clean(story + "\\n\\nShop our new mugs and tote bags!").text == story
True
>>> clean(story + " Follow our health desk on Instagram and TikTok.").removed[0].rule
'promo-follow-end'
>>> kept = "Shop owners said they would stay open, and the council promised to follow their advice on parking."
>>> clean(story + "\\n\\n" + kept).text == story + "\\n\\n" + kept
True
"""

from __future__ import annotations

import functools
from typing import Any, NamedTuple

import regex

from .._document import Block
from .._patterns import LANGUAGES, group_source, load_group, load_triggers
from .._types import Context, Finding
from ._common import _GLOBAL_REFERENCE, inside_quotes, is_headline_like, languages, reports_speech

__all__ = ["promotion", "verdict", "grammar_triggers", "may_promote", "Promotion", "CATEGORY"]

#: the concepts, in the order a sentence is tried, and the category each one's removals carry
CATEGORY = {"follow": "social", "share": "social", "shop": "advertisement", "listen": "related"}
_CONCEPTS = tuple(CATEGORY)

#: a block that is a promotion from its first word goes whole up to this many words
BLOCK_WORDS = 40
#: a promotion glued to the end of a paragraph: at most this many words of it
END_WORDS = 60
#: story before a promotion glued to its end: at least this many words
PROSE_WORDS = 20
#: a long block is read for a promotion in its last this many characters only
TAIL_CHARS = 400
CONFIDENCE = {"block": 0.7, "end": 0.65}

_I = regex.IGNORECASE
# the end of a sentence: its punctuation (a closing quote), space, then a capital, a digit, or
# an opening quote, bracket or Spanish question or exclamation mark
# (not after an initial, "Donald J. Trump", or a title, "Dr. Lee")
_BREAK = regex.compile(
    r"(?<!\b\p{Lu}|\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gov|Sen|Rep|Lt|Col|Gen|Sgt|Prof|Rev|Hon|No|Sra?|Dra?))"
    r"[.!?\u2026]+[\"'\u201d\u2019)]*\s+(?=[\"'\u201c\u2018(\u00bf\u00a1]?[\p{Lu}\p{Nd}])"
)
# a sentence that tells who said it is story, even when it opens with an imperative
_ATTRIBUTION = regex.compile(
    r"\b(?:said|says|told|tells|asked|added|urged|urges|wrote|writes|recalled|explained|according\s+to|"
    r"dijo|afirm[óo]|señal[óo]|explic[óo]|según)\b",
    _I,
)
# "Share it ...", "Pass this on ...": a pronoun object, a promotion only after a question
_PRONOUN = regex.compile(r"(?:it|them|this)(?=\s+(?:on|along|around|forward|with|to)\b|[\s.!]*$)", _I)
_FUSED_PRONOUN = regex.compile(r"(?:l[oa])$", _I)  # "Compártelo": the pronoun is in the verb


class Promotion(NamedTuple):
    """A verdict on one block: from ``start`` (an offset into the block's text) to its end is
    the outlet's promotion; ``kind`` is ``block`` (all of it) or ``end`` (glued at its end)."""

    start: int
    concept: str
    kind: str
    evidence: str


class _Grammar(NamedTuple):
    heads: dict[str, regex.Pattern[str]]
    #: every head's opening without its look-ahead, one alternation of the verbs: a sentence it
    #: does not match opens with no head (None when a list refers to a group by number or name)
    any_head: regex.Pattern[str] | None
    question: regex.Pattern[str]
    owner: regex.Pattern[str]
    self_: regex.Pattern[str]
    platform: regex.Pattern[str]
    social: regex.Pattern[str]
    product: regex.Pattern[str]
    show: regex.Pattern[str]
    named_on: regex.Pattern[str]
    podcast: regex.Pattern[str]
    triggers: frozenset[str]


def _word(src: str) -> regex.Pattern[str]:
    return regex.compile(rf"(?<![\w]){src}(?![\w])", _I)


@functools.lru_cache(maxsize=None)
def _grammar(langs: tuple[str, ...]) -> _Grammar:
    """The grammar for these languages, compiled once from the word-class lists."""
    def src(group: str) -> str:
        return group_source(group, langs)

    lead, opener = src("promo_lead"), src("promo_opener")
    heads = {
        c: regex.compile(
            rf"^[^\w\"'\u201c\u2018\u00ab]{{0,3}}(?:{lead}[\s,]+){{0,2}}(?P<verb>{src(f'promo_{c}_verb')})"
            rf"\s+(?=(?:{opener})(?![\w])|(?-i:\p{{Lu}}))",
            _I,
        )
        for c in _CONCEPTS
    }
    verbs = [src(f"promo_{c}_verb") for c in _CONCEPTS]
    own = not any(_GLOBAL_REFERENCE.search(p) for g in ["promo_lead", *(f"promo_{c}_verb" for c in _CONCEPTS)]
                  for lang in langs for p in load_group(g, lang))
    any_head = regex.compile(
        rf"^[^\w\"'\u201c\u2018\u00ab]{{0,3}}(?:{lead}[\s,]+){{0,2}}(?:{'|'.join(verbs)})\s+", _I
    ) if own else None
    question = regex.compile(rf"^[^\w\"'\u201c\u2018\u00ab]{{0,3}}{src('promo_reader_question')}\s*\?+[^\w]*$", _I)
    platform = src("promo_platform")
    named_on = regex.compile(
        rf"^(?:\S+\s+){{0,5}}?(?:on|at|en)\s+(?:{platform})(?:\s*(?:,|and|&|or|y|o)\s*(?:{platform}))*\s*[.!]*$", _I
    )
    triggers: set[str] = set()
    for g in [f"promo_{c}_verb" for c in _CONCEPTS] + ["promo_reader_question"]:
        triggers.update(load_triggers(g, langs) or ())
    return _Grammar(
        heads=heads,
        any_head=any_head,
        question=question,
        owner=_word(src("promo_owner")),
        self_=_word(src("promo_self")),
        platform=_word(platform),
        social=_word(src("promo_social_noun")),
        product=_word(src("promo_product_noun")),
        show=_word(src("promo_show_noun")),
        named_on=named_on,
        podcast=_word(r"(?:podcasts?|episodes?|p[óo]dcasts?|episodios?)"),
        triggers=frozenset(triggers),
    )


def _sentences(text: str, start: int = 0) -> list[tuple[int, int]]:
    """The sentences of ``text`` from ``start``, as (start, end) offsets."""
    out: list[tuple[int, int]] = []
    s = start
    for m in _BREAK.finditer(text, start):
        out.append((s, m.start() + len(m.group().rstrip())))
        s = m.end()
    if s < len(text):
        out.append((s, len(text)))
    return out


def _first(p: regex.Pattern[str], text: str) -> str | None:
    m = p.search(text)
    return " ".join(m.group().split()) if m else None


def _classify(sent: str, g: _Grammar) -> tuple[str, str] | None:
    """("question" | "pronoun" | a concept, evidence) for one sentence, or None (story)."""
    if "?" in sent and g.question.match(sent):  # (a question ends with its mark)
        return "question", "a question to the reader about the article"
    if g.any_head is not None and g.any_head.match(sent) is None:
        return None  # no verb opens the sentence: no head below matches (one match, not four)
    # a sentence that tells who said it is story: asked only of a sentence some verb opens
    # (without one the answer is None all the same, and most sentences have none)
    attributed: bool | None = None
    for c in _CONCEPTS:
        m = g.heads[c].match(sent)
        if m is None:
            continue
        if attributed is None:
            attributed = _ATTRIBUTION.search(sent) is not None
        if attributed:
            return None
        verb = " ".join(m["verb"].split())
        rest = sent[m.end():]
        owner = _first(g.owner, sent[m.start("verb"):])
        why: str | None = None
        if c == "follow":
            noun = _first(g.platform, rest) or _first(g.social, rest) or _first(g.show, rest)
            if owner and noun:
                why = f"'{verb}' + owner '{owner}' + channel '{noun}'"
            elif g.named_on.match(rest):
                why = f"'{verb}' + a name on '{_first(g.platform, rest)}'"
        elif c == "share":
            itself = _first(g.self_, rest)
            noun = _first(g.social, rest)
            if itself:
                why = f"'{verb}' + the article itself '{itself}'"
            elif owner and noun:
                why = f"'{verb}' + owner '{owner}' + '{noun}'"
            elif _PRONOUN.match(rest) or _FUSED_PRONOUN.search(verb):
                return "pronoun", f"'{verb}' + '{rest.split()[0]}'"
        elif c == "shop":
            noun = _first(g.product, rest)
            if owner and noun:
                why = f"'{verb}' + owner '{owner}' + product '{noun}'"
        else:
            noun = _first(g.show, rest)
            if owner and noun:
                why = f"'{verb}' + owner '{owner}' + show '{noun}'"
            elif _first(g.podcast, rest) and (where := _first(g.platform, rest)):
                why = f"'{verb}' + a podcast + '{where}'"
        if why is not None:
            return c, why
    return None


#: the last sentence is looked for in the block's last this many characters first
_LAST_WINDOW = 200


def _last_start(text: str, first: int) -> int:
    """Where the last of ``_sentences(text, first)`` starts (the end of the last break found
    from ``first``), read from the end of ``text``: its last ``_LAST_WINDOW`` characters are
    searched from ``p`` first, the whole from ``first`` when they hold no break.

    The search from ``p`` ends with the same break as the search from ``first`` whenever it
    finds one. A break ends where the white space after its marks (and closing quotes) ends,
    wherever among its marks it starts, and it starts with a mark: so a break found from ``p``
    that starts inside one found from ``first`` ends with it, and from that end on both
    searches find the same breaks; and a break found from ``p`` that starts in no break found
    from ``first`` is one found from ``first`` (that search, from the end of the break before
    ``p``, found no other that starts before it). A break's look-behind sees the text before
    where a search starts, as at any other position."""
    p = max(first, len(text) - _LAST_WINDOW)
    last = None
    for last in _BREAK.finditer(text, p):
        pass
    if last is None and p > first:
        for last in _BREAK.finditer(text, first):
            pass
    return first if last is None else last.end()


@functools.lru_cache(maxsize=8192)
def _verdict(text: str, langs: tuple[str, ...], words: int | None = None) -> Promotion | None:
    """``words``: ``len(text.split())``, when the caller knows it (a block's ``words``)."""
    g = _grammar(langs)
    if words is None:
        words = len(text.split())
    first = 0 if words <= BLOCK_WORDS else max(0, len(text) - TAIL_CHARS)
    if first:  # a long block: its sentences from the first break in its tail
        m = _BREAK.search(text, first)
        if m is None:
            return None
        first = m.end()
    # the run below ends with the last sentence, and a run whose last sentence is story or a
    # question gives no promotion: that sentence is read alone first (most blocks end so)
    lab = _classify(text[_last_start(text, first):], g)
    if lab is None or lab[0] == "question":
        return None
    sents = _sentences(text, first)
    # the longest run of promotion sentences that ends the block: its sentences are classified
    # from the last one back, up to the first that is story (those before it are never read)
    run: list[tuple[int, str, str]] = []
    for j in range(len(sents) - 1, -1, -1):
        s, e = sents[j]
        lab = _classify(text[s:e], g)
        if lab is None:
            break
        run.insert(0, (j, lab[0], lab[1]))
    if not run or run[-1][1] == "question":
        return None
    # (tests of the whole text, asked only of a text that ends with a promotion: each of them
    # answers None, in whichever order they are asked)
    if text.rstrip()[-1:] not in ".!?\u2026\"'\u201d\u2019)" and is_headline_like(text):
        return None  # a heading ("Shop Local: How Our Town Kept Its Main Street")
    if reports_speech(text):
        return None
    # "Pass it on" counts only after a question to the reader; a question only before a prompt
    asked = False
    cut = 0
    for n, (_, kind, _) in enumerate(run):
        if kind == "question":
            asked = True
        elif kind == "pronoun" and not asked:
            cut = n + 1
    run = run[cut:]
    if not any(kind != "question" for _, kind, _ in run):
        return None
    concepts = [kind for _, kind, _ in run if kind in CATEGORY]
    concept = concepts[0] if concepts else "share"
    evidence = "; ".join(why for _, _, why in run)
    pos = sents[run[0][0]][0]
    if inside_quotes(text, pos):
        return None
    if pos == 0:
        return Promotion(0, concept, "block", evidence) if words <= BLOCK_WORDS else None
    # glued to a paragraph: only after story (as the phrase rules' "end-sentence" asks), and
    # not too long; a short block whose head is not story is left to the other filters
    if len(text[:pos].split()) < PROSE_WORDS or len(text[pos:].split()) > END_WORDS:
        return None
    return Promotion(pos, concept, "end", evidence)


_NONE: Any = object()


_ANY_TRIGGERS: list[frozenset[str]] = []


def may_promote(found: frozenset[str]) -> bool:
    """Whether a block holding the scanned literals ``found`` (``Context.triggers_in``) may be a
    promotion: it holds a literal of the grammar's verbs or questions, in some language (a
    necessary condition of :func:`promotion`, which asks it in the document's languages)."""
    if not _ANY_TRIGGERS:  # the literals of every language's grammar (a superset of each one's)
        _ANY_TRIGGERS.append(frozenset().union(*(_grammar((lang, "en") if lang != "en" else ("en",)).triggers
                                                 for lang in LANGUAGES)))
    return not _ANY_TRIGGERS[0].isdisjoint(found)


def verdict(b: Block, ctx: Context) -> Promotion | None:
    """The promotion in ``b`` (whatever its category), or None: a verdict of the text alone,
    asked by three filters and on each look, kept in the document's memo."""
    memo = ctx.memo_for(promotion)
    v = memo.get(b.text)
    if v is None:
        langs = languages(ctx)
        g = _grammar(langs)
        if g.triggers.isdisjoint(ctx.triggers_in(b)):
            v = _NONE
        else:
            v = _verdict(b.text, langs, b.words) or _NONE
        memo[b.text] = v
    return None if v is _NONE else v


def grammar_triggers(langs: tuple[str, ...]) -> frozenset[str]:
    """The literals of the grammar's verbs and questions in these languages: a block holding
    none of them (``Context.triggers_in``) has no promotion."""
    return _grammar(langs).triggers


def promotion(b: Block, ctx: Context, category: str) -> Finding | None:
    """A finding for the outlet's promotion in ``b`` when its concept maps to ``category``."""
    # the verdict is one of the text alone, asked by three filters and on each look: kept in the
    # document's memo (``_NONE``: no promotion)
    memo = ctx.memo_for(promotion)
    v = memo.get(b.text)
    if v is None:
        v = verdict(b, ctx) or _NONE
    if v is _NONE or CATEGORY[v.concept] != category:
        return None
    if v.kind == "block":
        return ctx.finding(b, category, f"promo-{v.concept}",
                           f"the outlet's self-promotion to the reader ({v.evidence})", CONFIDENCE["block"])
    return ctx.finding((b.start + v.start, b.end), category, f"promo-{v.concept}-end",
                       f"the outlet's self-promotion closing a paragraph ({v.evidence})", CONFIDENCE["end"])
