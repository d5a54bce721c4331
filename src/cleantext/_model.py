"""The learned block model: features of a block in its document, and a linear model over them.

Every block of a document is described by sparse binary features (named tokens): its words and
word pairs (digits folded; of a long block, those of its opening and its end only), the words
that open and close it, its shape (length, end
punctuation, capitals, links, e-mail, handles, numbers), its position (head, tail, before the
first or after the last long paragraph), its neighbours' shapes, repetition in the document, and
what the rule filters found on it. A multinomial logistic model (trained by
``python -m cleantext.training``, shipped in ``cleantext/model/``) scores each block for body
and for each boilerplate category. Inference is numpy only: a block text's own features are
looked up once (their rows kept across the looks at a document); every feature of all of a
document's blocks, context and text, is a row number into one table of weights
(:class:`_ContextTables`), all gathered and summed in one numpy call (exact sums). Nothing is
fetched; the weights are loaded on first use.

The same function computes the features at training time and at run time, so the two cannot
drift apart; ``FEATURES_VERSION`` is recorded in the model file and checked on load.
"""

from __future__ import annotations

import array
import bisect
import codecs
import encodings.cp1252 as _cp1252_codec
import functools
import json
import math
import operator
import re
from collections import Counter
from collections.abc import Container, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import repeat
from importlib import resources
from typing import Any

import regex

from ._document import Document
from ._errors import CleantextError

__all__ = [
    "FEATURES_VERSION", "BlockModel", "block_features", "context_features", "rule_hits", "load_model", "describe", "text_features",
]

#: Bumped whenever the features change; a model file trained on other features is refused.
#: 2: a block's word count is its white-space count (``Block.words``); a long text's words are
#: those of its opening and its end only (never a split of the whole text); fewer unigrams.
FEATURES_VERSION = 2

_WORD = regex.compile(r"[\p{L}\p{N}]+")
_DIGITS = regex.compile(r"\p{N}")
_URL = regex.compile(r"https?://|www\.|\.(?:com|org|net|co\.uk|es|mx)\b", regex.IGNORECASE)
_EMAIL = regex.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
_HANDLE = regex.compile(r"(?<![\w@])@\w{2,}")
_HASHTAG = regex.compile(r"(?<![\w#])#\p{L}\w+")
_BULLET = frozenset("•·-–—*►▶»>|")

# a block of this many words (white-space separated: ``Block.words``) or more is "long" (story
# prose, usually)
_LONG = 25
_HEAD_WORDS = 15  # words of a long block whose unigrams count (its opening)
_TAIL_WORDS = 5  # and of its end
_PAIR_WORDS = 12  # word pairs from the first words only
_PAIR_TAIL = 4  # and the last few
# a text longer than _OPEN_CHARS + _END_CHARS has its words taken from its opening (cut at the
# last space before _OPEN_CHARS) and its end (from the first space of its last _END_CHARS) only
_OPEN_CHARS = 200
_END_CHARS = 60
_FIRST_CHARS = 48  # a block's first word is the first of these characters' (cut at a space)


def _bucket(n: float, edges: Sequence[float]) -> int:
    return bisect.bisect_right(edges, n)


_LEN_EDGES = (1, 2, 3, 4, 6, 8, 11, 15, 20, 25, 35, 50, 80, 120)
_CHAR_EDGES = (10, 20, 30, 45, 60, 80, 110, 150, 220, 320)


_first_char = operator.itemgetter(0)


def _cp1252_char(c: int) -> str | None:
    """The character of byte ``c`` in Windows-1252 (``None``: a byte the code page leaves undefined)."""
    try:
        return bytes([c]).decode("cp1252")
    except UnicodeDecodeError:
        return None


# the one-byte text of the fast paths: Windows-1252, ASCII with the curly quotes, dashes,
# ellipsis, guillemets, bullets, signs and the Latin-1 letters (accents, "ñ") of news text in
# English and Spanish; one byte per character, so counts and positions are those of the text
_CP1252 = tuple(_cp1252_char(c) for c in range(256))
# every such character as one of five, by the str methods the definitions use: white space
# (str.split's) " ", a capital "U" (isupper; every one is also isalpha), another letter
# (isalpha) "l", a number (\p{N}, as _DIGITS counts) "d", anything else "x"
_CLASS5 = bytes(
    120 if ch is None else 32 if ch.isspace() else 85 if ch.isupper() else 108 if ch.isalpha()
    else 100 if _DIGITS.match(ch) else 120
    for ch in _CP1252
)
# _WORD and the digit fold on such text: a letter (\p{L}) is itself, a number "0", anything
# else a space; the apostrophes ("'" and "\u2019", byte 0x92) are deleted first
_WORD_BYTES = bytes(
    32 if ch is None else c if _WORD.match(ch) and not _DIGITS.match(ch) else 48 if _DIGITS.match(ch) else 32
    for c, ch in enumerate(_CP1252)
)
_APOSTROPHES = "'\u2019".encode("cp1252")
_WORD_BYTE = re.compile(b"[" + b"".join(re.escape(bytes([c])) for c in range(256) if _WORD_BYTES[c] != 32) + b"]")
# _URL on such text: the same pattern on the text with its ASCII letters in lower case (no
# character outside ASCII matches an ASCII letter ignoring case), without IGNORECASE, "\b"
# after the last letter spelled as "no word character follows" (regex's Unicode \w); the
# alternatives reordered so that each starts with one byte ("." "w" ":")
_URL_LOW = re.compile(
    rb"\.(?:com|org|net|co\.uk|es|mx)(?![" + b"".join(re.escape(bytes([c])) for c, ch in enumerate(_CP1252)
                                                   if ch is not None and regex.match(r"\w", ch)) + rb"])"
    rb"|www\.|:(?:(?<=https:)|(?<=http:))//"
)
_LDQUO = "\u201c".encode("cp1252")


# the codec's own C functions and tables, called without the codec machinery's Python frame
_charmap_encode, _charmap_decode = codecs.charmap_encode, codecs.charmap_decode
_ENC, _DEC = _cp1252_codec.encoding_table, _cp1252_codec.decoding_table
# a byte of such text to that of its character in lower case (every one is one character, in
# the code page: for such a text, ``text.lower()`` character by character)
_LOWER = bytes(c if ch is None else _charmap_encode(ch.lower(), None, _ENC)[0][0] for c, ch in enumerate(_CP1252))


def _one_byte(text: str) -> bytes | None:
    """``text`` in Windows-1252 (ASCII as itself), or ``None`` when it has a character the code
    page lacks."""
    if text.isascii():
        return text.encode("ascii")
    try:
        return _charmap_encode(text, None, _ENC)[0]  # type: ignore[no-any-return]
    except UnicodeEncodeError:
        return None


_END_OF = {**{c: c for c in ".!?"}, ":": ":", ",": ",", ";": ","}
_QUOTE_END = frozenset("\"'\u201d\u2019)]")
_START_OF = {c: "bullet" for c in _BULLET} | {c: "quote" for c in "\"'\u201c\u2018\u00ab"} | {"(": "paren", "[": "paren"}
_UPPER_EDGES = (0.05, 0.15, 0.3, 0.6, 0.9)
_CAPS_EDGES = (0.2, 0.4, 0.6, 0.8, 0.99)
_DIGIT_EDGES = (0.05, 0.15, 0.3)
_MARKS = (("|", "has:pipe"), ("©", "has:copy"), ("\u00bb", "has:raquo"), ("•", "has:dot"), ("…", "has:ellipsis"))
_MARKS_ASCII = tuple(m for m in _MARKS if m[0].isascii())  # those an ASCII text can have
# every shape feature as one string object made once: a feature is not formatted anew for each
# text, and the model's table of them (_ContextTables.shape_ids) finds each by identity
_LEN_TOK = tuple(f"len:{k}" for k in range(len(_LEN_EDGES) + 1))
_CHARS_TOK = tuple(f"chars:{k}" for k in range(len(_CHAR_EDGES) + 1))
_END_KINDS = (".", "!", "?", "q.", "q", ":", ",", "alnum", "other")
_END_TOK = {e: "end:" + e for e in _END_KINDS}
_STARTS = ("upper", "lower", "digit", "bullet", "quote", "paren", "other")
_START_TOK = {e: "start:" + e for e in _STARTS}
_UPPER_TOK = tuple(f"upper:{k}" for k in range(len(_UPPER_EDGES) + 1))
_CAPS_TOK = tuple(f"caps:{k}" for k in range(len(_CAPS_EDGES) + 1))
_DIGIT_TOK = tuple(f"digits:{k}" for k in range(len(_DIGIT_EDGES) + 1))
_SENTS_TOK = tuple(f"sents:{k}" for k in range(4))
_HAS_URL, _HAS_EMAIL, _HAS_HANDLE, _HAS_HASHTAG, _HAS_QUOTES = "has:url", "has:email", "has:handle", "has:hashtag", "has:quotes"
_SHAPE_TOKENS = (*_LEN_TOK, *_CHARS_TOK, *_END_TOK.values(), *_START_TOK.values(), *_UPPER_TOK, *_CAPS_TOK, *_DIGIT_TOK,
                 *_SENTS_TOK, _HAS_URL, _HAS_EMAIL, _HAS_HANDLE, _HAS_HASHTAG, _HAS_QUOTES, *(name for _, name in _MARKS))
# what _shape_of says each feature is: the token strings (for _shape; _ContextTables.shape_rows
# has their rows, for _ContextTables.byte_rows): the lengths, characters, ends, starts,
# capitals, capitalised words, digits and sentences by bucket, the "has:" features, the marks
# by character
_SHAPE_NAMES = (_LEN_TOK, _CHARS_TOK, _END_TOK, _START_TOK, _UPPER_TOK, _CAPS_TOK, _DIGIT_TOK, _SENTS_TOK,
                (_HAS_URL, _HAS_EMAIL, _HAS_HANDLE, _HAS_HASHTAG, _HAS_QUOTES), _MARKS, _MARKS_ASCII)


def _end(text: str) -> str:
    """The ``end:`` feature of a text: how it ends (a full stop, a quote, a colon...)."""
    last = text[-1]
    end = _END_OF.get(last)
    if end is None:
        if last in _QUOTE_END:
            end = "q." if len(text) > 1 and text[-2] in ".!?," else "q"
        elif last.isalnum():
            end = "alnum"
        else:
            end = "other"
    return end


def _start(first: str) -> str:
    """The ``start:`` feature of a text whose first character is ``first``."""
    if first.isupper():
        return "upper"
    if first.islower():
        return "lower"
    if first.isdigit():
        return "digit"
    return _START_OF.get(first, "other")


def _shape(text: str, n: int | None = None) -> list[str]:
    """Features of the block's own text, not its words (a pure function of the text; not
    cached: the model keeps each text's feature rows, and :func:`_text_tokens` its tokens).
    ``n``: its white-space word count (``len(text.split())``, ``Block.words``) when known.

    A text of one byte per character (ASCII, or Windows-1252: the curly quotes, dashes and
    accented letters of English and Spanish news) is counted in C: its bytes mapped to five
    classes (space, capital, other letter, number, other: the str methods' verdicts on each
    character) give the capitals, letters and digits as counts of one byte, and the words and
    the capitalised words as counts of two-byte patterns; links by the lower-case pattern.
    ``tests/test_model_fast.py`` checks this against the per-character definition."""
    raw = _one_byte(text)
    return _shape_of(text, n, raw, None if raw is None else raw.lower(), _SHAPE_NAMES)


def _shape_of(text: str, n: int | None, raw: bytes | None, lraw: bytes | None, names: Any) -> list[Any]:
    """:func:`_shape` of ``text`` given its :func:`_one_byte` bytes ``raw`` and those bytes with
    (at least) their ASCII letters in lower case ``lraw``, each feature named from ``names``
    (:data:`_SHAPE_NAMES`, or the model's rows of those features)."""
    t_len, t_chars, t_end, t_start, t_upper, t_caps, t_digit, t_sents, t_has, t_marks, t_marks_ascii = names
    end = _end(text)
    first = text[0]
    if first.isupper():
        start = "upper"
    elif first.islower():
        start = "lower"
    elif first.isdigit():
        start = "digit"
    else:
        start = _START_OF.get(first, "other")
    size = len(text)
    if raw is not None:
        # one byte per character (ASCII or Windows-1252): counted in C
        cls = raw.translate(_CLASS5)
        lead = cls[0]
        n_caps = cls.count(b" U") + (lead == 85)
        if n is None:
            n = n_caps + cls.count(b" l") + cls.count(b" d") + cls.count(b" x") + (lead == 108 or lead == 100 or lead == 120)
        n_upper = cls.count(b"U")
        n_letters = n_upper + cls.count(b"l")
        digits = cls.count(b"d")
        url = _URL_LOW.search(lraw) is not None  # type: ignore[arg-type]
        quotes = raw.count(b'"')
        sentences = raw.count(b". ")
        if b"?" in raw:  # (a count of two bytes is slower than a search for one)
            sentences += raw.count(b"? ")
        if b"!" in raw:
            sentences += raw.count(b"! ")
        if raw.isascii():
            marks = t_marks_ascii
        else:
            quotes += raw.count(_LDQUO)
            marks = t_marks
    else:
        words = text.split()
        n = len(words)
        n_caps = sum(map(str.isupper, map(_first_char, words)))
        letters = "".join(filter(str.isalpha, text))
        n_letters = len(letters)
        n_upper = sum(map(str.isupper, letters))
        digits = len(_DIGITS.findall(text))
        url = _URL.search(text) is not None
        quotes = text.count('"') + text.count("\u201c")
        sentences = text.count(". ") + text.count("? ") + text.count("! ")
        marks = t_marks
    out = [t_len[bisect.bisect_right(_LEN_EDGES, n)], t_chars[bisect.bisect_right(_CHAR_EDGES, size)],
           t_end[end], t_start[start]]
    if n_letters:
        out.append(t_upper[bisect.bisect_right(_UPPER_EDGES, n_upper / n_letters)])
    if n:
        out.append(t_caps[bisect.bisect_right(_CAPS_EDGES, n_caps / n)])
    if digits:
        out.append(t_digit[bisect.bisect_right(_DIGIT_EDGES, digits / size)])
    if url:
        out.append(t_has[0])
    if "@" in text:
        if _EMAIL.search(text):
            out.append(t_has[1])
        if _HANDLE.search(text):
            out.append(t_has[2])
    if "#" in text and _HASHTAG.search(text):
        out.append(t_has[3])
    for ch, name in marks:
        if ch in text:
            out.append(name)
    if quotes >= 2:
        out.append(t_has[4])
    out.append(t_sents[sentences if sentences < 3 else 3])
    return out


def _words(low: str) -> tuple[str, ...]:
    """The words of a text: its runs of letters and digits once its apostrophes (``'`` and
    ``\u2019``) are deleted, every digit folded to "0". A text of one byte per character
    (ASCII or Windows-1252) is split in C (:func:`_split_words`)."""
    raw = _one_byte(low)
    if raw is not None:
        return tuple(_split_words(raw))
    return tuple(_WORD.findall(_DIGITS.sub("0", low.replace("'", "").replace("\u2019", ""))))


def _split_words(raw: bytes) -> list[str]:
    """:func:`_words` of a text of one byte per character (its :func:`_one_byte` bytes): the
    bytes mapped to themselves (a letter), "0" (a digit) or a space (anything else), the
    apostrophes deleted, then split at the spaces."""
    kept = raw.translate(_WORD_BYTES, _APOSTROPHES)
    return (kept.decode("ascii") if kept.isascii() else _charmap_decode(kept, None, _DEC)[0]).split()


@functools.lru_cache(maxsize=8192)
def _first_word(low: str) -> str | None:
    """The first word of a text's first _FIRST_CHARS characters (cut at the last space)."""
    if len(low) > _FIRST_CHARS:
        cut = low.rfind(" ", 0, _FIRST_CHARS)
        low = low[: cut if cut > 0 else _FIRST_CHARS]
    w = _words(low)
    return w[0] if w else None


def _word_ends(low: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words of a block's opening and of its end: of a text of at most _OPEN_CHARS +
    _END_CHARS characters its words, twice (the same tuple); of a longer one the words of its
    first _OPEN_CHARS characters up to the last space, and of its last _END_CHARS from the first
    space. The words in between are never split out."""
    if len(low) <= _OPEN_CHARS + _END_CHARS:
        w = _words(low)
        return w, w
    cut = low.rfind(" ", 0, _OPEN_CHARS)
    if cut <= 0:
        cut = _OPEN_CHARS
    start = low.find(" ", len(low) - _END_CHARS)
    if start < 0:
        start = len(low) - _END_CHARS
    return _words(low[:cut]), _words(low[start:])


def _word_feats(
    low: str, long: bool
) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...], str | None, str | None, tuple[str, str] | None]:
    """A block's words whose unigrams count, the runs whose word pairs count, and its first
    word, last word and first two words (``long``: it has _LONG white-space words or more)."""
    head, tail = _word_ends(low)
    srcs: tuple[tuple[str, ...], ...]
    if long or head is not tail:
        ws = head[:_HEAD_WORDS] + tail[-_TAIL_WORDS:]
        srcs = (head[:_PAIR_WORDS], tail[-_PAIR_TAIL:])
    else:
        ws = head
        srcs = (head,)
    first = _first_word(low)
    last = tail[-1] if tail else None
    first2 = (head[0], head[1]) if len(head) > 1 else None
    return ws, srcs, first, last, first2


def rule_hits(doc: Document, findings: Iterable[Any]) -> list[dict[str, float]]:
    """For each block, the categories the rule filters gave it (``"cat"`` for a whole-block
    finding, ``"cut:cat"`` for one that takes part of it) with the highest confidence."""
    blocks = doc.blocks
    starts = [b.start for b in blocks]
    hits: list[dict[str, float]] = [{} for _ in blocks]
    for f in findings:
        if not getattr(f, "remove", True):
            continue
        i = bisect.bisect_right(starts, f.start) - 1
        if i < 0:
            i = 0
        while i < len(blocks) and blocks[i].start < f.end:
            b = blocks[i]
            if b.end > f.start:
                key = f.category if (f.start <= b.start and b.end <= f.end) else "cut:" + f.category
                if f.confidence > hits[i].get(key, 0.0):
                    hits[i][key] = f.confidence
            i += 1
    return hits


def _conf(c: float) -> str:
    return "hi" if c >= 0.8 else ("mid" if c >= 0.5 else "lo")


@functools.lru_cache(maxsize=8192)
def _text_tokens(text: str, low: str, nwords: int) -> tuple[str, ...]:
    """The features of a block's own text: its shape, words, word pairs, first and last words
    (a pure function of the text, cached across the looks at a document; ``nwords``: its
    white-space word count)."""
    toks: list[str] = list(_shape(text, nwords))
    # words: all of a short block; the opening and the end of a long one
    ws, srcs, first, last, first2 = _word_feats(low, nwords >= _LONG)
    toks.extend(sorted({"w:" + x for x in ws}))
    pairs: set[str] = set()
    for src in srcs:
        for a, z in zip(src, src[1:]):
            pairs.add(f"b:{a}_{z}")
    toks.extend(sorted(pairs))
    if first is not None:
        toks.append("first:" + first)
    if last is not None:
        toks.append("last:" + last)
    if first2 is not None:
        toks.append(f"first2:{first2[0]}_{first2[1]}")
    return tuple(dict.fromkeys(toks))


def text_features(text: str, low: str, nwords: int | None = None) -> tuple[str, ...]:
    """The features of a block's own text (see :func:`block_features`; ``nwords``: its
    white-space word count, ``Block.words``, counted when not given)."""
    return _text_tokens(text, low, len(text.split()) if nwords is None else nwords)


def block_features(doc: Document, hits: Sequence[Mapping[str, float]] | None = None) -> list[list[str]]:
    """The feature tokens of every block of ``doc`` (``hits``: :func:`rule_hits`)."""
    return [list(_text_tokens(b.text, b.low, b.words)) + c for b, c in zip(doc.blocks, context_features(doc, hits))]


def context_features(doc: Document, hits: Sequence[Mapping[str, float]] | None = None) -> list[list[str]]:
    """The features of every block of ``doc`` that depend on the document around it: position,
    neighbours, repetition, what the rules found (and the bias and language)."""
    blocks = doc.blocks
    n = len(blocks)
    if n == 0:
        return []
    firsts = [_first_word(b.low) for b in blocks]
    nwords = [b.words for b in blocks]
    long_idx = [i for i, k in enumerate(nwords) if k >= _LONG]
    first_long = long_idx[0] if long_idx else n
    last_long = long_idx[-1] if long_idx else -1
    counts = Counter(b.text for b in blocks)
    lang = doc.language if doc.language in ("en", "es") else "other"
    ends = [_END_TOK[_end(b.text)] for b in blocks]
    out: list[list[str]] = []
    for i, b in enumerate(blocks):
        k = nwords[i]
        toks: list[str] = ["bias", f"lang:{lang}"]
        # position
        toks.append(f"idx:{min(i, 6)}")
        toks.append(f"ridx:{min(n - 1 - i, 6)}")
        toks.append(f"rel:{int(10 * i / n)}")
        if i < first_long:
            where = "head"
        elif i > last_long:
            where = "tail"
        else:
            where = "mid"
        toks.append(f"where:{where}")
        if where == "tail":
            toks.append(f"after_last:{min(i - last_long, 6)}")
        elif where == "head":
            toks.append(f"before_first:{min(first_long - i, 6)}")
        if not long_idx:
            toks.append("nolong")
        short = k < 8
        toks.append(f"{where}&len:{_bucket(k, _LEN_EDGES)}")
        toks.append(f"{where}&{ends[i]}")
        # neighbours
        for d, name in ((-1, "prev"), (1, "next")):
            j = i + d
            if 0 <= j < n:
                toks.append(f"{name}:len:{_bucket(nwords[j], _LEN_EDGES)}")
                toks.append(f"{name}:{ends[j]}")
                if firsts[j] is not None:
                    toks.append(f"{name}:first:{firsts[j]}")
                if blocks[j].para == b.para:
                    toks.append(f"{name}:samepara")
            else:
                toks.append(f"{name}:none")
        # a run of short lines around this one (a list of links, a share bar)
        run = 0
        j = i - 1
        while j >= 0 and nwords[j] < 8 and run < 4:
            run += 1
            j -= 1
        j = i + 1
        while j < n and nwords[j] < 8 and run < 8:
            run += 1
            j += 1
        toks.append(f"shortrun:{min(run, 5)}&short:{int(short)}")
        if counts[b.text] > 1:
            toks.append("repeated")
            toks.append(f"repeated&short:{int(short)}")
        # what the rules found
        if hits is not None:
            for key, c in hits[i].items():
                toks.append(f"rule:{key}")
                toks.append(f"rule:{key}:{_conf(c)}")
            if not hits[i]:
                toks.append("rule:none")
        out.append(toks)
    return out


_PREFIX_TEXT = {
    "w": "word '{}'",
    "b": "words '{}'",
    "first": "opens with '{}'",
    "first2": "opens with '{}'",
    "last": "ends with '{}'",
    "next": "next block: {}",
    "prev": "previous block: {}",
    "has": "has {}",
}


def _range(edges: Sequence[float], k: int, unit: str) -> str:
    lo = 0 if k == 0 else int(edges[k - 1])
    if k >= len(edges):
        return f"{lo} {unit} or more"
    hi = int(edges[k]) - 1
    return f"{lo} {unit}" if lo == hi else f"{lo}-{hi} {unit}"


_ENDS = {".": "ends with a full stop", "!": "ends with '!'", "?": "ends with '?'", ":": "ends with a colon",
         ",": "ends with a comma", "q": "ends with a quote", "q.": "ends with a quoted sentence",
         "alnum": "no end punctuation", "other": "ends with a symbol"}


def describe(token: str) -> str:
    """A feature token in words, for the ledger's evidence.

    >>> describe("len:4"), describe("end:alnum"), describe("prev:len:0"), describe("has:pipe")
    ('4-5 words', 'no end punctuation', 'previous block: 0 words', 'has pipe')
    """
    head, _, rest = token.partition(":")
    if head in ("prev", "next"):
        where = "previous block" if head == "prev" else "next block"
        return f"{where}: none" if rest == "none" else f"{where}: {describe(rest)}"
    if token.startswith("repeated"):
        return "repeated in the document" + (" (a short line)" if token.endswith("short:1") else "")
    if head in ("head", "mid", "tail") or "&" in head:  # a conjunction: "tail&len:3"
        a, _, b = token.partition("&")
        return f"{describe('where:' + a) if ':' not in a else describe(a)} and {describe(b)}"
    if head in ("b", "first2"):
        rest = rest.replace("_", " ")
    if head == "len" and rest.isdigit():
        return _range(_LEN_EDGES, int(rest), "words")
    if head == "chars" and rest.isdigit():
        return _range(_CHAR_EDGES, int(rest), "characters")
    if head == "end":
        return _ENDS.get(rest, token)
    if head == "ridx":
        return "last block" if rest == "0" else f"{rest} from the end"
    if head == "idx":
        return "first block" if rest == "0" else f"block {int(rest) + 1} from the top"
    if head == "after_last":
        return f"{rest} after the last long paragraph"
    if head == "before_first":
        return f"{rest} before the first long paragraph"
    if head == "shortrun":
        n, _, short = rest.partition("&")
        return f"{n} short lines around" + (" a short line" if short.endswith("1") else "")
    if head == "where":
        return {"head": "before the story", "tail": "after the story", "mid": "inside the story"}.get(rest, token)
    if head == "rule":
        cat, _, band = rest.partition(":")
        if cat == "cut":
            cat, _, band = band.partition(":")
            cat = "part of it is " + cat
        return f"a rule said {cat}" + ({"hi": " (sure)", "mid": "", "lo": " (doubtful)"}.get(band, "") if band else "")
    if head in ("upper", "caps", "digits") and rest.isdigit():
        what = {"upper": "capital letters", "caps": "capitalised words", "digits": "digits"}[head]
        return f"{what}: level {rest}"
    if head == "rel" and rest.isdigit():
        return f"{int(rest) * 10}-{int(rest) * 10 + 10}% down the text"
    if head == "sents":
        return f"{rest}{'+' if rest == '3' else ''} sentence breaks"
    if head == "start":
        return {"upper": "starts with a capital", "lower": "starts in lower case", "digit": "starts with a digit",
                "bullet": "starts with a bullet", "quote": "starts with a quote", "paren": "starts with a bracket"}.get(
            rest, "starts with a symbol")
    if token == "nolong":
        return "no long paragraph in the text"
    if head == "lang":
        return f"language {rest}"
    tmpl = _PREFIX_TEXT.get(head)
    if tmpl:
        return tmpl.format(rest)
    return token


_END_CODES = {e: k for k, e in enumerate(_END_KINDS)}
_END_Q, _END_Q_DOT = _END_CODES["q"], _END_CODES["q."]
_N_LEN = len(_LEN_EDGES) + 1
_WHERE = ("head", "mid", "tail")


class _ContextTables:
    """The model's weights laid out for :meth:`BlockModel.score_blocks`: one float64 table
    (``w64``: the weights, a zero row ``unknown`` for a feature the model does not know, then
    the rows of the features every block of a document has, bias, language and ``nolong``,
    summed once, with the model's own bias when given), and the context features' row numbers as Python lists and dicts, so a
    document's features are integer codes (no feature strings), all gathered and summed in
    one numpy call.

    The sums are exact, whatever their order: every weight and bias is a float32 of magnitude
    at least 2**-17 (a multiple of 2**-40), and no block's features sum to 2**13 in magnitude,
    so every partial sum is a multiple of 2**-40 below 2**53 of them, which a float64 holds
    exactly (``tests/test_model_exact.py`` checks the shipped model, the bias counted). A
    block's probabilities are thus the same, to the bit, however its rows are grouped (the
    bias in a row every block has: the sum of its rows and the bias, as :meth:`BlockModel.scores`
    adds them)."""

    def __init__(self, vocab: Mapping[str, int], weights: Any, bias: Any = None) -> None:
        import numpy as np

        w64 = weights.astype(np.float64)  # the weights as the sums add them
        nc = weights.shape[1]
        z = self.unknown = len(w64)

        def rid(tok: str) -> int:
            return vocab.get(tok, z)

        def arr(toks: Iterable[str]) -> list[int]:
            return [rid(t) for t in toks]

        zero = np.zeros(nc)
        def row(j: int) -> Any:
            return w64[j] if j != z else zero

        # the rows every block of a document has: bias, its language, nolong (no long block),
        # and the model's own bias (``bias``, when given: then a block's sum is its scores; exact)
        extra: list[Any] = []
        self.head: dict[tuple[str, bool], int] = {}
        for lang in ("en", "es", "other"):
            for nolong in (False, True):
                r = row(rid("bias")) + row(rid(f"lang:{lang}"))
                if nolong:
                    r = r + row(rid("nolong"))
                if bias is not None:
                    r = r + bias
                self.head[lang, nolong] = z + 1 + len(extra)
                extra.append(r)
        self.idx = arr(f"idx:{k}" for k in range(7))
        self.ridx = arr(f"ridx:{k}" for k in range(7))
        self.rel = arr(f"rel:{k}" for k in range(10))
        self.where = arr(f"where:{w}" for w in _WHERE)
        # head: before_first:k, tail: after_last:k (k = 0..6)
        self.before = arr(f"before_first:{k}" for k in range(7))
        self.after = arr(f"after_last:{k}" for k in range(7))
        self.wlen = [arr(f"{w}&len:{k}" for k in range(_N_LEN)) for w in _WHERE]
        ends = ["end:" + e for e in sorted(_END_CODES, key=_END_CODES.__getitem__)]
        self.wend = [arr(f"{w}&{e}" for e in ends) for w in _WHERE]
        self.near: dict[str, tuple[list[int], list[int], int, int]] = {}
        # a neighbour's first word (None: it has none) -> the row of "prev:first:WORD" / "next:first:WORD"
        self.first: dict[str, dict[str | None, int]] = {}
        for name in ("prev", "next"):
            self.near[name] = (arr(f"{name}:len:{k}" for k in range(_N_LEN)), arr(f"{name}:{e}" for e in ends),
                               rid(f"{name}:samepara"), rid(f"{name}:none"))
            pre = f"{name}:first:"
            known: dict[str | None, int] = {t[len(pre):]: j for t, j in vocab.items() if t.startswith(pre)}
            self.first[name] = known
        self.shortrun = [[rid(f"shortrun:{r}&short:{s}") for s in (0, 1)] for r in range(6)]
        # the "shortrun:" row by the short lines just before a block (at most 4 counted), just
        # after it (at most 8) and whether it is short itself
        self.short_runs = [[[self.shortrun[min(b + min(f, 8 - b), 5)][s] for s in (0, 1)] for f in range(9)]
                           for b in range(5)]
        self.repeated = rid("repeated")
        self.rep_short = arr(f"repeated&short:{s}" for s in (0, 1))
        self.rule: dict[str, int] = {t: j for t, j in vocab.items() if t.startswith("rule:")}
        self.rule_none = rid("rule:none")
        self.w64 = np.vstack([w64, zero[None, :], *(r[None, :] for r in extra)])
        # a block text's own features by kind, keyed without their prefix (no feature strings
        # are built to look them up): words, word pairs and first two words (as tuples of two
        # words), first word, last word. A text feature the model does not know is the zero
        # row ``unknown``, so a text's ids need no filtering
        kinds: dict[str, dict[Any, int]] = {k: {} for k in ("w", "b", "first", "last", "first2")}
        for tok, j in vocab.items():
            kind, sep, rest = tok.partition(":")
            if sep and kind in kinds:
                kinds[kind][tuple(rest.split("_", 1)) if kind in ("b", "first2") else rest] = j
        self.kw, self.kb, self.kfirst, self.klast, self.kfirst2 = (kinds[k] for k in ("w", "b", "first", "last", "first2"))
        # the shape features, keyed by the very string objects _shape returns
        self.shape_ids = {t: vocab.get(t, self.unknown) for t in _SHAPE_TOKENS}
        row_of = self.shape_ids.__getitem__
        # _SHAPE_NAMES with each feature as its row (the rows of _shape_of's buckets), and the
        # "start:" and "end:" features by the byte of a text's first or last character
        # (Windows-1252: ``None`` for a last character whose end depends on the one before it, a
        # closing quote or bracket; a byte the code page leaves undefined is in no such text)
        *named, marks, marks_ascii = _SHAPE_NAMES
        self.shape_rows: tuple[Any, ...] = (
            *({k: row_of(t) for k, t in x.items()} if isinstance(x, dict) else tuple(map(row_of, x)) for x in named),
            *(tuple((ch, row_of(t)) for ch, t in m) for m in (marks, marks_ascii)),
        )
        self.start_by_byte = tuple(row_of(_START_TOK[_start("x" if ch is None else ch)]) for ch in _CP1252)
        self.end_by_byte = tuple(None if ch is None or (ch not in _END_OF and ch in _QUOTE_END) else _END_CODES[_end(ch)]
                                 for ch in _CP1252)
        # the marks of a text of one byte per character beside "|" (of ASCII), as bytes
        self.end_rows = tuple(row_of(_END_TOK[e]) for e in _END_KINDS)
        self.pipe_row = row_of("has:pipe")
        self.mark_bytes = tuple((_charmap_encode(ch, None, _ENC)[0], row_of(t)) for ch, t in marks if not ch.isascii())
        self.no_row = repeat(z)  # (an endless supply of "unknown", for dict.get through map)
        # the word features keyed by the Windows-1252 bytes of their words, for the one-byte
        # path (its words are cut from a text's bytes and never decoded); a word the code page
        # lacks comes from no such text. A first word -> the rows of "prev:first:WORD" and
        # "next:first:WORD" (a neighbour's), in one lookup
        def as_bytes(d: Mapping[Any, int]) -> dict[Any, int]:
            out: dict[Any, int] = {}
            for key, j in d.items():
                try:
                    out[tuple(_charmap_encode(w, None, _ENC)[0] for w in key) if isinstance(key, tuple)
                        else _charmap_encode(key, None, _ENC)[0]] = j
                except UnicodeEncodeError:
                    pass
            return out

        self.bw, self.bb, self.bfirst, self.blast, self.bfirst2 = map(as_bytes, (self.kw, self.kb, self.kfirst, self.klast,
                                                                             self.kfirst2))
        prev_first, next_first = (as_bytes({w: j for w, j in self.first[name].items() if w is not None})
                                  for name in ("prev", "next"))
        self.near_by_first: dict[bytes | None, tuple[int, int]] = {
            w: (prev_first.get(w, z), next_first.get(w, z)) for w in (*prev_first, *next_first)}
        self.near_none = self.near_unknown = (z, z)

    def text_rows(self, text: str, low: str, nwords: int) -> tuple[array.array[int], str | None]:
        """The row numbers of :func:`text_features` of a block (``unknown`` for a feature
        the model does not know; in another order: their weights are summed), as an array
        of machine integers (copied whole into a document's list of rows), and its first word
        (:func:`_first_word`). ``low`` and ``nwords``: ``text.lower()`` and its white-space
        word count (``Block.low``, ``Block.words``). See :meth:`byte_rows`."""
        got = self.byte_rows(text, nwords)
        if got is None:
            return self.token_rows(text, low, nwords), _first_word(low)
        ids, first, _ = got
        return ids, None if first is None else _charmap_decode(first, None, _DEC)[0]

    def byte_rows(self, text: str, nwords: int) -> tuple[array.array[int], bytes | None, int] | None:
        """:meth:`text_rows` of a text of one byte per character (:func:`_one_byte`; ``None``
        for another), its first word as Windows-1252 bytes, and its end (:data:`_END_CODES`).

        The text is read as bytes once: its shape counted in C as :func:`_shape_of` counts it
        (its start and end by the byte of its first and last character), and the words of its
        opening, its end and its first _FIRST_CHARS characters cut from its bytes in lower case
        (``_LOWER``: the bytes of ``low``; positions are characters) as :func:`_word_ends` and
        :func:`_first_word` cut them; only the words that count are split out (the first
        _HEAD_WORDS of the opening, the last _TAIL_WORDS of the end), and looked up as bytes.
        ``tests/test_model_fast.py`` checks this against :func:`text_features`."""
        if text.isascii():
            raw = text.encode("ascii")
            lraw = raw.lower()
            marks: tuple[tuple[bytes, int], ...] = ()
        else:
            try:
                raw = _charmap_encode(text, None, _ENC)[0]
            except UnicodeEncodeError:
                return None
            lraw = raw.translate(_LOWER)
            marks = self.mark_bytes
        t_len, t_chars, _, _, t_upper, t_caps, t_digit, t_sents, t_has, _, _ = self.shape_rows
        size = len(raw)
        ed = self.end_by_byte[raw[-1]]
        if ed is None:  # a closing quote or bracket: "q." after a full stop (or "!?,"), else "q"
            ed = _END_Q_DOT if size > 1 and raw[-2] in b".!?," else _END_Q
        # the shape, as _shape_of counts it (its one-byte branch)
        cls = raw.translate(_CLASS5)
        n_caps = cls.count(b" U") + (cls[0] == 85)
        n_upper = cls.count(b"U")
        n_letters = n_upper + cls.count(b"l")
        digits = cls.count(b"d")
        ids: list[int] = [t_len[bisect.bisect_right(_LEN_EDGES, nwords)], t_chars[bisect.bisect_right(_CHAR_EDGES, size)],
               self.end_rows[ed], self.start_by_byte[raw[0]]]
        if n_letters:
            ids.append(t_upper[bisect.bisect_right(_UPPER_EDGES, n_upper / n_letters)])
        if nwords:
            ids.append(t_caps[bisect.bisect_right(_CAPS_EDGES, n_caps / nwords)])
        if digits:
            ids.append(t_digit[bisect.bisect_right(_DIGIT_EDGES, digits / size)])
        if _URL_LOW.search(lraw) is not None:
            ids.append(t_has[0])
        if b"@" in raw:
            if _EMAIL.search(text):
                ids.append(t_has[1])
            if _HANDLE.search(text):
                ids.append(t_has[2])
        if b"#" in raw and _HASHTAG.search(text):
            ids.append(t_has[3])
        if b"|" in raw:
            ids.append(self.pipe_row)
        quotes = raw.count(b'"')
        for ch, row in marks:  # (the marks of an ASCII text: "|", above)
            if ch in raw:
                ids.append(row)
        if marks:
            quotes += raw.count(_LDQUO)
        if quotes >= 2:
            ids.append(t_has[4])
        sentences = raw.count(b". ")
        if b"?" in raw:  # (a count of two bytes is slower than a search for one)
            sentences += raw.count(b"? ")
        if b"!" in raw:
            sentences += raw.count(b"! ")
        ids.append(t_sents[sentences if sentences < 3 else 3])
        # the words
        kw, kb, zs = self.bw.get, self.bb.get, self.no_row
        if size <= _OPEN_CHARS + _END_CHARS:
            head = tail = lraw.translate(_WORD_BYTES, _APOSTROPHES).split()
            if nwords < _LONG:
                found = set(map(kw, head, zs))
                found.update(map(kb, zip(head, head[1:]), zs))
            else:
                found = set(map(kw, head[:_HEAD_WORDS], zs))
                found.update(map(kw, head[-_TAIL_WORDS:], zs))
                a, e = head[:_PAIR_WORDS], head[-_PAIR_TAIL:]
                found.update(map(kb, zip(a, a[1:]), zs))
                found.update(map(kb, zip(e, e[1:]), zs))
        else:
            cut = lraw.rfind(b" ", 0, _OPEN_CHARS)
            start = lraw.find(b" ", size - _END_CHARS)
            # the opening's first _HEAD_WORDS words (a last piece, the rest unsplit, dropped),
            # the end's last _TAIL_WORDS
            head = lraw[: cut if cut > 0 else _OPEN_CHARS].translate(_WORD_BYTES, _APOSTROPHES).split(None, _HEAD_WORDS)
            if len(head) > _HEAD_WORDS:
                del head[_HEAD_WORDS]
            tail = lraw[start if start >= 0 else size - _END_CHARS :].translate(_WORD_BYTES, _APOSTROPHES).rsplit(
                None, _TAIL_WORDS)
            if len(tail) > _TAIL_WORDS:
                del tail[0]
            found = set(map(kw, head, zs))
            found.update(map(kw, tail, zs))
            a, e = head[:_PAIR_WORDS], tail[-_PAIR_TAIL:]
            found.update(map(kb, zip(a, a[1:]), zs))
            found.update(map(kb, zip(e, e[1:]), zs))
        ids += found
        z = self.unknown
        if size <= _FIRST_CHARS:
            first = head[0] if head else None
        else:
            cut = lraw.rfind(b" ", 0, _FIRST_CHARS)
            if cut > 0:
                # cut at a space: the words of the first ``cut`` characters are the first of
                # ``head``'s (cut at the same space or a later one), if it has a letter or digit
                # (the first character, or one found by the pattern)
                first = head[0] if _WORD_BYTES[lraw[0]] != 32 or _WORD_BYTE.search(lraw, 0, cut) else None
            else:
                opening = lraw[:_FIRST_CHARS].translate(_WORD_BYTES, _APOSTROPHES).split(None, 1)
                first = opening[0] if opening else None
        ids.append(self.bfirst.get(first, z))
        if tail:
            ids.append(self.blast.get(tail[-1], z))
        if len(head) > 1:
            ids.append(self.bfirst2.get((head[0], head[1]), z))
        return array.array("q", ids), first, ed

    def rows_of(self, text: str, low: str, nwords: int) -> array.array[int]:
        """:meth:`text_rows` without the first word."""
        got = self.byte_rows(text, nwords)
        return self.token_rows(text, low, nwords) if got is None else got[0]

    def token_rows(self, text: str, low: str, nwords: int) -> array.array[int]:
        """:meth:`text_rows` by way of the features' definitions (:func:`_shape`,
        :func:`_word_feats`): for a text not of one byte per character."""
        z = self.unknown
        ids = list(map(self.shape_ids.__getitem__, _shape(text, nwords)))
        ws, srcs, first, last, first2 = _word_feats(low, nwords >= _LONG)
        ids += map(self.kw.get, set(ws), repeat(z))
        pairs: set[tuple[str, str]] = set()
        for src in srcs:
            pairs.update(zip(src, src[1:]))
        ids += map(self.kb.get, pairs, repeat(z))
        ids.append(self.kfirst.get(first, z))
        ids.append(self.klast.get(last, z))
        ids.append(self.kfirst2.get(first2, z))
        return array.array("q", ids)

    def record(self, text: str, low: str, nwords: int, rows: bool) -> list[Any]:
        """What the context features of a block and of its neighbours need of its text (a pure
        function of the text, kept across the looks at a document): its length bucket, its end,
        the rows its next block has of it ("prev:" length, end, first word) and its previous
        block ("next:"); then its own rows (:meth:`text_rows`; ``rows`` False: ``None``, until
        a block of this text needs them)."""
        got = self.byte_rows(text, nwords) if rows else None
        ids: array.array[int] | None
        if got is not None:
            ids, first_bytes, ed = got
            near = self.near_none if first_bytes is None else self.near_by_first.get(first_bytes, self.near_unknown)
        else:
            ids = self.token_rows(text, low, nwords) if rows else None
            first = _first_word(low)
            ed = _END_CODES[_end(text)]
            z = self.unknown
            near = (self.first["prev"].get(first, z), self.first["next"].get(first, z))
        lb = bisect.bisect_right(_LEN_EDGES, nwords)
        p_len, p_end, _, _ = self.near["prev"]
        n_len, n_end, _, _ = self.near["next"]
        return [lb, ed, (p_len[lb], p_end[ed], near[0]), (n_len[lb], n_end[ed], near[1]), ids]

    def codes(
        self, doc: Document, hits: Sequence[Mapping[str, float]] | None, recs: Sequence[Sequence[Any]],
        rows: Sequence[array.array[int] | None], texts: Sequence[str],
    ) -> tuple[array.array[int], list[int]]:
        """The row numbers of every block's features, context and text, in one array, and
        where each block's start (the context features in the order of
        :func:`context_features`; ``recs``: each block's :meth:`record`, ``rows``: the rows of
        its own text, ``None`` for none; ``texts``: the blocks' texts)."""
        blocks = doc.blocks
        n = len(blocks)
        nw = [b.words for b in blocks]
        long_idx = [k for k, c in enumerate(nw) if c >= _LONG]
        # before the first long block ("head"), up to the last ("mid"), after it ("tail")
        first_long, last_long = (long_idx[0], long_idx[-1]) if long_idx else (n, n)
        lang = doc.language if doc.language in ("en", "es") else "other"
        head = self.head[lang, not long_idx]
        idx, ridx, rel, before, after, runs = self.idx, self.ridx, self.rel, self.before, self.after, self.short_runs
        w0, w1, w2 = self.where
        wl0, wl1, wl2 = self.wlen
        we0, we1, we2 = self.wend
        repeated, rep_short = self.repeated, self.rep_short
        p_none, p_same = self.near["prev"][3], self.near["prev"][2]
        n_none, n_same = self.near["next"][3], self.near["next"][2]
        rule_get, rule_none, z = self.rule.get, self.rule_none, self.unknown
        counts = Counter(texts) if len(set(texts)) < n else None  # (None: no text repeated)
        paras = [b.para for b in blocks]
        short = [c < 8 for c in nw]
        # the short lines just after each block (at most 8 counted); just before: ``back``
        fwd = [0] * n
        f = 0
        for k in range(n - 1, -1, -1):
            fwd[k] = f if f < 8 else 8
            f = f + 1 if short[k] else 0
        flat = array.array("q")
        starts: list[int] = []
        add, app = flat.extend, flat.append
        back = 0
        last = n - 1
        prev: Sequence[Any] | None = None
        prev_para = -1
        for k, rec, s, para, f in zip(range(n), recs, short, paras, fwd):
            starts.append(len(flat))
            if k < first_long:
                d = first_long - k
                add((head, idx[k if k < 6 else 6], ridx[last - k if last - k < 6 else 6], rel[(10 * k) // n], w0,
                     wl0[rec[0]], we0[rec[1]], before[d if d < 6 else 6]))
            elif k <= last_long:
                add((head, idx[k if k < 6 else 6], ridx[last - k if last - k < 6 else 6], rel[(10 * k) // n], w1,
                     wl1[rec[0]], we1[rec[1]]))
            else:
                d = k - last_long
                add((head, idx[k if k < 6 else 6], ridx[last - k if last - k < 6 else 6], rel[(10 * k) // n], w2,
                     wl2[rec[0]], we2[rec[1]], after[d if d < 6 else 6]))
            if prev is not None:
                add(prev[2])
                if prev_para == para:
                    app(p_same)
            else:
                app(p_none)
            if k < last:
                add(recs[k + 1][3])
                if paras[k + 1] == para:
                    app(n_same)
            else:
                app(n_none)
            app(runs[back][f][s])
            back = (back + 1 if back < 4 else 4) if s else 0
            if counts is not None and counts[texts[k]] > 1:
                add((repeated, rep_short[s]))
            if hits is not None:
                h = hits[k]
                if not h:
                    app(rule_none)
                else:
                    for key, conf in h.items():
                        add((rule_get("rule:" + key, z), rule_get(f"rule:{key}:{_conf(conf)}", z)))
            ids = rows[k]
            if ids is not None:
                add(ids)
            prev, prev_para = rec, para
        return flat, starts


_ITEM4 = operator.itemgetter(4)


@dataclass(frozen=True)
class BlockModel:
    """A trained linear block model: vocabulary, weights, classes, and where to act."""

    classes: tuple[str, ...]
    vocab: Mapping[str, int]
    weights: Any  # numpy array (n_features, n_classes), float32
    bias: Any  # numpy array (n_classes,)
    info: Mapping[str, Any]
    #: a block text's :meth:`_ContextTables.record` (its own rows included), kept across blocks
    #: and looks (bounded)
    _text_rows: dict[str, list[Any]] = field(default_factory=dict, compare=False, repr=False)
    #: the context features' weights as tables (built on first use)
    _tables: list[_ContextTables] = field(default_factory=list, compare=False, repr=False)

    @property
    def body(self) -> int:
        return self.classes.index("body")

    def scores(self, feats: Sequence[Sequence[str]]) -> Any:
        """Class probabilities, one row per block."""
        import numpy as np

        get = self.vocab.get
        cols: list[int] = []
        starts: list[int] = []
        for toks in feats:
            starts.append(len(cols))
            cols.extend(j for j in map(get, toks) if j is not None)
        n = len(feats)
        z = np.zeros((n, len(self.classes)), dtype=np.float64)
        if cols:
            # every block has at least its "bias" and "lang:" features, so no row is empty;
            # rows whose start equals the next one's (none known) are fixed below
            st = np.asarray(starts)
            sums = np.add.reduceat(self.weights[np.asarray(cols)], st, axis=0).astype(np.float64)
            empty = np.append(st[1:] == st[:-1], st[-1] >= len(cols))
            sums[empty] = 0.0
            z += sums
        z += self.bias
        z -= z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True)

    def score_blocks(
        self, doc: Document, hits: Sequence[Mapping[str, float]] | None, skip: Container[int] = ()
    ) -> Any:
        """Class probabilities of every block of ``doc``: the same numbers as :meth:`scores`
        of :func:`block_features` (every block's features, context and text, as row numbers
        into one float64 table, gathered and summed in one numpy call: exact sums, see
        :class:`_ContextTables`; a text's rows kept across the looks at a document).
        The rows of the blocks in ``skip`` are not computed (their words are never looked
        up: a block a rule removed); what they hold is meaningless."""
        import numpy as np

        if not self._tables:
            self._tables.append(_ContextTables(self.vocab, self.weights, self.bias))
        tables = self._tables[0]
        known = self._text_rows  # a block text's record (rows included once a block needs them)
        if len(known) > 50_000:
            known.clear()
        blocks = doc.blocks
        if not blocks:
            return np.zeros((0, len(self.classes)))
        texts = [b.text for b in blocks]
        got = list(map(known.get, texts))
        # the blocks whose text is new, or whose rows are yet to be computed
        for i in [i for i, rec in enumerate(got) if rec is None or rec[4] is None]:
            b = blocks[i]
            use = i not in skip
            rec = got[i] or known.get(b.text)  # (a text met earlier in this document)
            if rec is None:
                rec = known[b.text] = tables.record(b.text, b.low, b.words, use)
            elif use and rec[4] is None:
                rec[4] = tables.rows_of(b.text, b.low, b.words)
            got[i] = rec
        recs: list[list[Any]] = got  # type: ignore[assignment]  # (every one made above)
        if skip:
            rows = [None if i in skip else rec[4] for i, rec in enumerate(recs)]
        else:
            rows = list(map(_ITEM4, recs))
        flat, starts = tables.codes(doc, hits, recs, rows, texts)
        # (the model's bias is in the rows every block has)
        z = np.add.reduceat(tables.w64.take(np.frombuffer(flat, dtype=np.int64), axis=0), starts, axis=0)
        # (``z.max`` and ``z.sum`` without their Python wrappers: the same reductions)
        z -= np.maximum.reduce(z, axis=1, keepdims=True)
        np.exp(z, out=z)
        z /= np.add.reduce(z, axis=1, keepdims=True)
        return z

    def evidence(self, toks: Sequence[str], cls: int, k: int = 3) -> list[str]:
        """The ``k`` features that pushed the block most from body towards class ``cls``."""
        body = self.body
        scored = []
        for t in toks:
            j = self.vocab.get(t)
            if j is not None and t != "bias":
                d = float(self.weights[j, cls] - self.weights[j, body])
                if d > 0:
                    scored.append((d, t))
        scored.sort(key=lambda x: (-x[0], x[1]))
        return [describe(t) for _, t in scored[:k]]


class ModelError(CleantextError, ValueError):
    """The shipped model file is missing or was trained on other features."""


def model_from_files(meta: Mapping[str, Any], weights: Any) -> BlockModel:
    import numpy as np

    if meta.get("features_version") != FEATURES_VERSION:
        raise ModelError(
            f"model features version {meta.get('features_version')!r} does not match the code's {FEATURES_VERSION}; "
            "rebuild it with `python -m cleantext.training`"
        )
    classes = tuple(meta["classes"])
    vocab = {t: i for i, t in enumerate(meta["vocab"])}
    w = np.asarray(weights, dtype=np.float32)
    if w.shape != (len(vocab) + 1, len(classes)):
        raise ModelError(f"model weights have shape {w.shape}, expected {(len(vocab) + 1, len(classes))}")
    return BlockModel(classes, vocab, w[:-1], w[-1].astype(np.float64), {k: v for k, v in meta.items() if k != "vocab"})


@functools.lru_cache(maxsize=1)
def load_model() -> BlockModel | None:
    """The shipped model, loaded once; ``None`` when the package carries none."""
    import io

    import numpy as np

    base = resources.files("cleantext") / "model"
    meta_file = base / "model.json"
    weights_file = base / "weights.npy"
    if not meta_file.is_file() or not weights_file.is_file():
        return None
    meta = json.loads(meta_file.read_text(encoding="utf-8"))
    weights = np.load(io.BytesIO(weights_file.read_bytes()), allow_pickle=False)
    return model_from_files(meta, weights)


def logit(p: float) -> float:
    p = min(max(p, 1e-9), 1 - 1e-9)
    return math.log(p / (1 - p))
