"""The learned block model as a filter: boilerplate the phrase lists do not know the words of."""

from __future__ import annotations

import math
from collections.abc import Container, Iterable, Sequence
from typing import Any

import numpy as np

from .._document import Document
from .._lang import _STOP
from .._model import BlockModel, context_features, load_model, rule_hits, text_features
from .._types import Context, Finding
from ._common import BaseFilter, reports_speech

__all__ = ["ModelFilter"]

# a text is taken to be in the model's language when this many of the language's commonest words
# occur in its first few thousand characters, and they are this share of its words: an Italian
# or German text (which the language guess may call English by default) is left to the rules
_LANG_MIN_HITS = 5
_LANG_MIN_SHARE = 0.08
_SAMPLE = 4000
_STRETCH = 64  # words counted at a time
# the model judges a block against the story around it: a document needs this many blocks, one
# of them story prose (a paragraph of _LONG words), else it is left to the rules (a short note,
# a list, a fragment: what boilerplate looks like there was not learned)
_MIN_BLOCKS = 5
_LONG = 25
# A contributor's note or a press release's closing blurb stands among the page's last blocks,
# where the story has ended: there the model's word on a biography needs less margin. Its cost
# shift is lowered by _TAIL_SHIFT for a block of _TAIL_MIN_WORDS words or more among the last
# _TAIL_BLOCKS whose likeliest boilerplate class is in _TAIL_CATEGORIES (a bare link or a name
# there is left to the rules). The step is the largest of 4, 6 and 8 that took no body text from
# the look half of the outlet split and, from the gold bodies of L3S-GN1, Scrapinghub and WCXB,
# only closing contact lines and an issuer's blurb (at 6 a WCXB page's closing paragraph went).
_TAIL_SHIFT = 4.0
_TAIL_BLOCKS = 4
_TAIL_MIN_WORDS = 8
_TAIL_CATEGORIES = frozenset({"author_bio"})
_END = frozenset(".!?:;\"'\u201d\u2019)")


def _in_language(text: str, lang: str) -> bool:
    stop = _STOP.get(lang)
    if not stop:
        return False
    words = text[:_SAMPLE].lower().split()
    n = len(words)
    if not n:
        return False
    # counted a stretch at a time, until enough are found (more hits only pass more surely)
    contains = stop.__contains__
    hits = 0
    for k in range(0, n, _STRETCH):
        hits += sum(map(contains, words[k : k + _STRETCH]))
        if hits >= _LANG_MIN_HITS and hits / n >= _LANG_MIN_SHARE:
            return True
    return False


def _doc_in_language(doc: Document, lang: str) -> bool:
    """:func:`_in_language` of ``doc.text``, from its blocks: the words of its first _SAMPLE
    characters are those of the blocks there (each ``Block.words`` of them, ``Block.low`` in
    lower case; of a block cut at _SAMPLE, those of its part before) when every character
    between them is white space (lines and sentences: so a word never spans two blocks, and a
    block lowered alone is lowered as in the whole: white space is never case-ignorable, and
    lowering keeps it where it was). Their count is known without a split, so only the blocks
    that reach the hits needed are split. The answer is :func:`_in_language`'s: the share only
    grows as hits are counted, so it passes at some stretch exactly when it passes on all of them
    (``tests/test_model_fast.py``); a document whose blocks do not cover its text is read whole."""
    stop = _STOP.get(lang)
    if not stop:
        return False
    text = doc.text
    blocks = doc.blocks
    pos = n = k = 0
    cut: list[str] = []  # the words of a block cut at _SAMPLE
    for b in blocks:
        start = b.start
        if start >= _SAMPLE:
            break
        if start != pos and (start < pos or not text[pos:start].isspace()):
            return _in_language(text, lang)
        pos = b.end
        if pos > _SAMPLE:
            cut = text[start:_SAMPLE].lower().split()
            n += len(cut)
            pos = _SAMPLE
            break
        n += b.words
        k += 1
    if pos < _SAMPLE and pos < len(text) and not text[pos:_SAMPLE].isspace():
        return _in_language(text, lang)
    if not n:
        return False
    contains = stop.__contains__
    hits = 0
    for b in blocks[:k]:
        hits += sum(map(contains, b.low.split()))
        if hits >= _LANG_MIN_HITS and hits / n >= _LANG_MIN_SHARE:
            return True
    hits += sum(map(contains, cut))
    return hits >= _LANG_MIN_HITS and hits / n >= _LANG_MIN_SHARE


def _shifts(blocks: list[Any], cand: list[int], best: list[int], classes: Sequence[str], shift: float) -> Any:
    """The shift each candidate's confidence is computed at: the model's ``shift``, less
    ``_TAIL_SHIFT`` for a likely biography (``_TAIL_CATEGORIES``) among the page's last
    ``_TAIL_BLOCKS`` blocks, of ``_TAIL_MIN_WORDS`` words or more (one number when every candidate
    has the model's)."""
    n = len(blocks)
    tail = [i >= n - _TAIL_BLOCKS and blocks[i].words >= _TAIL_MIN_WORDS and classes[c] in _TAIL_CATEGORIES
            for i, c in zip(cand, best)]
    if not any(tail):
        return shift
    low = shift - _TAIL_SHIFT
    return np.array([low if t else shift for t in tail])


def _reweighted(p_boiler: Any, shift: Any) -> Any:
    """A finding's confidence: the boilerplate probability with its log-odds moved down by
    ``shift`` (a number, or one per probability).

    The probabilities are clipped to [1e-9, 1] as before: ``p`` and ``1 - p`` are at most 1
    (``p`` is one less a probability), so only the lower clip is applied (``np.maximum``: the same
    numbers as ``np.clip``); ``exp(shift - z)`` is ``exp(-(z - shift))`` to the bit (a rounded
    difference changes sign with its operands). Element by element, so the same numbers for any
    set of candidates (numpy's exp and log give an element the same bits wherever it stands)."""
    z = np.log(np.maximum(p_boiler, 1e-9)) - np.log(np.maximum(1.0 - p_boiler, 1e-9))
    return 1.0 / (1.0 + np.exp(shift - z))


def _confident(probs: Any, body: int, shift: float, floor: float, removed: Container[int]) -> tuple[list[int], Any, list[int]] | None:
    """The blocks not in ``removed`` that may reach ``floor`` at ``shift`` (the lowest a block's
    confidence is computed at): their indices, boilerplate probabilities and likeliest
    boilerplate classes; ``None`` when no block may. Only a block whose boilerplate probability
    is above the one that gives ``floor``, less a margin far wider than any rounding, is
    computed: element by element, the same numbers as over every block. A block a rule removed
    is never reported (its probabilities are not even meaningful: its words were not looked up)."""
    p_min = 1.0 / (1.0 + math.exp(-(shift + math.log(floor / (1.0 - floor))))) - 1e-6
    cand = (probs[:, body] <= 1.0 - p_min).nonzero()[0].tolist()
    if removed:
        cand = [i for i in cand if i not in removed]
    if not cand:
        return None
    rows = probs[cand]
    p_boiler = 1.0 - rows[:, body]
    rows[:, body] = -1.0
    return cand, p_boiler, rows.argmax(axis=1).tolist()


class ModelFilter(BaseFilter):
    """Removes blocks a learned model scores as boilerplate, for sites whose wording no list has.

    A multinomial logistic model over each block's words, shape, position, neighbours and the
    rules' findings (``python -m cleantext.training`` rebuilds it from the labelled set; see
    ``cleantext/model/MODEL_CARD.md``). Its confidence is the model's probability, re-weighted
    for the cost of losing article text, so ``balanced`` acts only where the model is sure.
    It acts on English and Spanish text only; on other languages it leaves the decision to the
    rules. It acts on plain text (``formats``), not on an HTML page's blocks, whose extractor and
    rules decide there; the clean text a page gives is plain text, and the later looks at it
    judge it as ``clean(result.text)`` would, this filter included (so that cleaning stays
    idempotent). The evidence names the features that decided.

    >>> from cleantext import clean
    >>> story = "\\n\\n".join(["Bridge to close for six weeks of repairs",
    ...     "The council voted on Tuesday to close the old bridge for repairs, after engineers found "
    ...     "cracks in two of its supports during a routine inspection last month.",
    ...     "Drivers will be sent along the river road, which the city expects to add about fifteen "
    ...     "minutes to the morning commute for people coming from the north side.",
    ...     "The mayor said the work would be finished before winter, and that the cost would be "
    ...     "covered by the state's road fund rather than by local taxes this year."])
    >>> plug = "Home | News | Sport | Weather | Contact Us"
    >>> [(x.filter, x.category) for x in clean(story + "\\n\\n" + plug).removed if x.filter == "model"]
    [('model', 'ui')]
    >>> said = "Her followers on Instagram and TikTok cheered the decision, she said."
    >>> said in clean(story + "\\n\\n" + said).text
    True
    """

    name = "model"

    def __init__(self, model: BlockModel | None = None, formats: Iterable[str] = ("text",)) -> None:
        self._model = model
        #: the input formats it acts on: plain text (what it was trained on). On an HTML page the
        #: extractor's structure and the rules decide: on the three HTML sets with gold bodies the
        #: model changed F1 by less than 0.001 and cost a third to half of the time (the later
        #: looks at the page's clean text, plain text, are judged as a new call would judge them)
        self.formats = frozenset(formats)

    @property
    def model(self) -> BlockModel | None:
        return self._model if self._model is not None else load_model()

    def find(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        model = self.model
        blocks = doc.blocks
        if doc.format not in self.formats:
            return
        if model is None or len(blocks) < _MIN_BLOCKS or not any(b.words >= _LONG for b in blocks):
            return
        lang = doc.language or "en"
        if lang not in model.info.get("languages", ()):
            return
        # the language is judged once per document (the first look's text), not once per look
        memo = ctx.memo_for(self)
        ok = memo.get("language")
        if ok is None:
            ok = memo["language"] = _doc_in_language(doc, lang)
        if not ok:
            return
        hits = rule_hits(doc, ctx.findings)
        probs = model.score_blocks(doc, hits, skip=ctx._removed)
        floor = 0.3  # the recall threshold: below it a finding could not act in any mode
        shift = float(model.info.get("shift", 0.0))
        found = _confident(probs, model.body, shift - _TAIL_SHIFT, floor, ctx._removed)
        if found is None:
            return
        cand, p_boiler, best = found
        # a biography among the last blocks is judged at the tail's lower shift, the rest at the model's
        conf = _reweighted(p_boiler, _shifts(blocks, cand, best, model.classes, shift)).tolist()
        context: list[list[str]] | None = None  # the context features in words, for the evidence
        for j, c in enumerate(conf):
            if not c >= floor:
                continue
            i = cand[j]
            b = blocks[i]
            if ctx.is_removed(i):
                continue
            if reports_speech(b.text):
                continue
            if i + 1 < len(blocks) and b.text[-1] not in _END and blocks[i + 1].para == b.para and blocks[i + 1].text[:1].islower():
                continue  # a sentence broken over two lines: this line is not a block of its own
            cat = model.classes[best[j]]
            if context is None:
                context = context_features(doc, hits)
            why = model.evidence([*text_features(b.text, b.low, b.words), *context[i]], best[j])
            evidence = f"model: {cat} p={float(p_boiler[j]):.2f}" + (f" ({'; '.join(why)})" if why else "")
            yield ctx.finding(b, cat, rule="block-model", evidence=evidence, confidence=round(c, 3))
