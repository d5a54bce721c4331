"""The block model's fast paths say what the features' definitions say, on any text."""

from __future__ import annotations

import random

import numpy as np
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from cleantext import _model as M
from cleantext._document import Document, segment_text
from cleantext._lang import _STOP
from cleantext.filters import model as model_filter


def _reference_shape(text: str) -> tuple[str, ...]:
    """The shape features by their definition, one character at a time (the model's
    ``_shape`` before its ASCII fast path)."""
    words = text.split()
    out: list[str] = []
    n = len(words)
    out.append(f"len:{M._bucket(n, M._LEN_EDGES)}")
    out.append(f"chars:{M._bucket(len(text), M._CHAR_EDGES)}")
    last = text[-1]
    if last in ".!?":
        end = last
    elif last in "\"'\u201d\u2019)]":
        end = "q." if len(text) > 1 and text[-2] in ".!?,"  else "q"
    elif last == ":":
        end = ":"
    elif last in ",;":
        end = ","
    elif last.isalnum():
        end = "alnum"
    else:
        end = "other"
    out.append(f"end:{end}")
    first = text[0]
    if first.isupper():
        start = "upper"
    elif first.islower():
        start = "lower"
    elif first.isdigit():
        start = "digit"
    elif first in M._BULLET:
        start = "bullet"
    elif first in "\"'\u201c\u2018\u00ab":
        start = "quote"
    elif first in "([":
        start = "paren"
    else:
        start = "other"
    out.append(f"start:{start}")
    letters = [ch for ch in text if ch.isalpha()]
    n_letters = len(letters)
    n_upper = sum(ch.isupper() for ch in letters)
    if n_letters:
        up = n_upper / n_letters
        out.append(f"upper:{M._bucket(up, (0.05, 0.15, 0.3, 0.6, 0.9))}")
    if n:
        caps = sum(map(str.isupper, map(M._first_char, words))) / n
        out.append(f"caps:{M._bucket(caps, (0.2, 0.4, 0.6, 0.8, 0.99))}")
    digits = sum(1 for ch in text if M._DIGITS.match(ch))
    if digits:
        out.append(f"digits:{M._bucket(digits / len(text), (0.05, 0.15, 0.3))}")
    if M._URL.search(text):  # (the fast path: a bytes pattern on the text in lower case)
        out.append("has:url")
    if "@" in text:
        if M._EMAIL.search(text):
            out.append("has:email")
        if M._HANDLE.search(text):
            out.append("has:handle")
    if "#" in text and M._HASHTAG.search(text):
        out.append("has:hashtag")
    for ch, name in (("|", "pipe"), ("©", "copy"), ("\u00bb", "raquo"), ("•", "dot"), ("…", "ellipsis")):
        if ch in text:
            out.append(f"has:{name}")
    if text.count('"') + text.count("\u201c") >= 2:
        out.append("has:quotes")
    sentences = text.count(". ") + text.count("? ") + text.count("! ")
    out.append(f"sents:{min(sentences, 3)}")
    return tuple(out)


# every character of Windows-1252 (the one-byte fast path), and a few outside it
_CP1252 = [ch for ch in M._CP1252 if ch is not None]
_SHAPE_CHARS = st.sampled_from(
    list("aZ09 .,;:!?'\"()[]|@#-/\t\n\x0b\x0c\x1c\x1f") + ["www.", ".com", "http://", "HTTPS://", ".Co.UK", "©", "»", "•", "…", "\u201c", "É", "ſ", "\u00a0", "٣", "x@y.org", "@abc", "#Tag", "ǅ", "\u212a"]
    + _CP1252 + [".com" + ch for ch in _CP1252] + [".ES" + ch for ch in "ªé²_Šˆ-"]
)


@settings(max_examples=1500, deadline=None)
@given(st.one_of(st.text(min_size=1, max_size=80), st.lists(_SHAPE_CHARS, min_size=1, max_size=30).map("".join),
                 st.text(st.sampled_from(_CP1252), min_size=1, max_size=60)))
def test_shape_fast_paths_are_the_definition(text: str) -> None:
    # the ASCII path counts words, capitals, digits and links in C; it must say what the
    # per-character definition says, on any text
    assert tuple(M._shape(text)) == _reference_shape(text)


_WORD_CHARS = st.sampled_from(list("ab Zz09 '.-\x01") + _CP1252 + ["é", "Ñ", "٣", "²", "\u00a0", "rock'n", "it\u2019s", "ǅ", "\u0301"])


@settings(max_examples=1500, deadline=None)
@given(st.one_of(st.lists(_WORD_CHARS, max_size=30).map("".join), st.text(st.sampled_from(_CP1252), max_size=40)))
def test_words_fast_paths_are_the_definition(text: str) -> None:
    # ASCII and Windows-1252 (curly quotes, dashes, accented letters) are split in C (the right
    # single quote still an apostrophe, deleted); the words must be the Unicode pattern's
    general = tuple(M._WORD.findall(M._DIGITS.sub("0", text.replace("'", "").replace("\u2019", ""))))
    assert M._words(text) == general


def test_the_one_byte_tables_are_the_definitions_character_by_character() -> None:
    # what the fast paths assume of every byte of Windows-1252: its class, its word byte, and
    # that the bytes pattern finds a link where the Unicode one does (case, "\\b")
    for c, ch in enumerate(M._CP1252):
        if ch is None:
            continue
        assert ch.encode("cp1252") == bytes([c])
        cls = chr(M._CLASS5[c])
        assert (cls == " ") == ch.isspace() and (cls == "U") == ch.isupper(), ch
        assert (cls in "Ul") == ch.isalpha() and (cls == "d") == bool(M._DIGITS.match(ch)), ch
        assert (cls in " Ud") or not (ch.isspace() or ch.isupper() or M._DIGITS.match(ch)), ch
        word = M._WORD.match(ch)
        assert bytes([M._WORD_BYTES[c]]).decode("cp1252") == ("0" if M._DIGITS.match(ch) else ch if word else " "), ch
        low = ch.lower()  # (text_rows reads a text's words and links from its bytes through _LOWER)
        assert len(low) == 1 and bytes([c]).translate(M._LOWER) == low.encode("cp1252"), ch
        assert low.isascii() == ch.isascii() and bool(regex.match(r"\w", low)) == bool(regex.match(r"\w", ch)), ch
        probes = [f"x.com{ch}", f"x.ES{ch}y", f"{ch}www.", f"http{ch}://", f"{ch}HTTPS://x", f"co.uk{ch}"]
        for link in ("http://", "HTTPS://", "www.", ".com", ".ORG", ".net", ".co.uk", ".es", ".mx"):
            probes += [link[:k] + ch + link[k + 1 :] for k in range(len(link))]  # in place of each character
        for probe in probes:
            assert bool(M._URL.search(probe)) == bool(M._URL_LOW.search(probe.encode("cp1252").lower())), probe
    assert M._one_byte("caf\u00e9 \u201cs\u00ed\u201d") == "caf\u00e9 \u201cs\u00ed\u201d".encode("cp1252")
    assert M._one_byte("\u0663 \u2009") is None


def test_a_long_blocks_words_are_those_of_its_opening_and_end() -> None:
    # features version 2: of a block longer than _OPEN_CHARS + _END_CHARS characters only the
    # words of its opening and its end are read; the first 15 and last 5 count as unigrams
    opening = " ".join(f"open{chr(97 + k % 26)}" for k in range(40))
    middle = " ".join("middleword" for _ in range(60))
    end = "and then at last these are the closing words of it's long ending."
    text = f"{opening} {middle} {end}"
    assert len(text) > M._OPEN_CHARS + M._END_CHARS
    head, tail = M._word_ends(text.lower())
    assert "middleword" not in head + tail
    assert head[0] == "opena" and tail[-3:] == ("its", "long", "ending")
    toks = M.text_features(text, text.lower())
    words = [t[2:] for t in toks if t.startswith("w:")]
    assert sorted(words) == sorted({*head[:15], *tail[-5:]})
    assert "first:opena" in toks and "last:ending" in toks and "first2:opena_openb" in toks
    assert not any("middleword" in t for t in toks)
    # a short block: all its words
    short = "Follow us on Twitter and Facebook for 24/7 updates"
    assert sorted(t[2:] for t in M.text_features(short, short.lower()) if t.startswith("w:")) == sorted(
        {"follow", "us", "on", "twitter", "and", "facebook", "for", "00", "0", "updates"})


_MODEL = M.load_model()
assert _MODEL is not None
# words the model knows (so that texts have known words, pairs, first and last words)
_KNOWN = sorted({t.split(":", 1)[1] for t in _MODEL.vocab if t.startswith(("w:", "first:", "last:"))})[:800]
_PIECE = st.one_of(
    st.sampled_from(_KNOWN), st.sampled_from(_KNOWN).map(str.title), st.sampled_from(_KNOWN).map(str.upper),
    st.sampled_from(_CP1252), st.sampled_from(["\u0663", "\u2009", "ſ", "é", "\u2019s", "'", "www.x.com", "2026", "|"]),
)
_TEXT = st.lists(_PIECE, min_size=1, max_size=90).flatmap(
    lambda ps: st.lists(st.sampled_from([" ", " ", " ", "", ". ", ", ", "\u2014", "\t"]), min_size=len(ps), max_size=len(ps))
    .map(lambda seps: "".join(p + s for p, s in zip(ps, seps)).strip() or "x"))


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_a_texts_rows_are_the_rows_of_its_features(text: str) -> None:
    # text_rows (bytes read once, rows named directly) against the features' definitions
    tables = M._ContextTables(_MODEL.vocab, _MODEL.weights) if not _MODEL._tables else _MODEL._tables[0]
    low, n = text.lower(), len(text.split())
    ids, first = tables.text_rows(text, low, n)
    z = tables.unknown
    known = [i for i in ids if i != z]
    assert len(known) == len(set(known))  # each feature once
    assert set(known) == {_MODEL.vocab.get(t, z) for t in M.text_features(text, low, n)} - {z}
    assert first == M._first_word(low)
    by_tokens = [i for i in tables.token_rows(text, low, n) if i != z]  # (the path of a text not of one byte)
    assert sorted(by_tokens) == sorted(known)


def _boundary_texts() -> list[str]:
    """Texts with a known word just before, at and after each cut the word features make: the
    first _FIRST_CHARS characters, the opening's _OPEN_CHARS, the end's _END_CHARS, and the
    sizes at which they start to apply."""
    k = next(w for w in _KNOWN if len(w) >= 4 and f"w:{w}" in _MODEL.vocab and f"first:{w}" in _MODEL.vocab)
    rest = " ".join(["-" * 9] * 30)
    out = []
    for cut in (M._FIRST_CHARS, M._OPEN_CHARS):
        for m in range(cut - len(k) - 4, cut - len(k) + 3):
            out += ["-" * m + " " + k + " " + rest, "-" * m + " " + k, "-" * m + k + " " + rest]
    for m in range(M._END_CHARS - len(k) - 4, M._END_CHARS + 3):
        out.append(rest + " " + k + " " + "-" * m)
        out.append(rest + " " + k + "-" * m)
    # _OPEN_CHARS + _END_CHARS characters of short words are more than _LONG words; of long words, fewer
    short_words = " ".join(_KNOWN[100:200])
    long_words = " ".join([w for w in _KNOWN if len(w) >= 10][:60])
    for size in (M._FIRST_CHARS, M._OPEN_CHARS + M._END_CHARS):
        for d in (-1, 0, 1):
            out.append("-" * (size + d - len(k) - 1) + " " + k)
            out += [short_words[: size + d - 1] + "x", long_words[: size + d - 1] + "x"]
    for n in (M._LONG - 1, M._LONG, M._LONG + 1):  # a "long" block of few characters
        out.append(" ".join(_KNOWN[300 : 300 + n]))
    return out


def test_a_texts_rows_at_the_cuts_are_the_rows_of_its_features() -> None:
    tables = M._ContextTables(_MODEL.vocab, _MODEL.weights)
    z = tables.unknown
    for text in _boundary_texts():
        for t in (text, text.replace("-", "\u2014")):  # ASCII, and Windows-1252
            low, n = t.lower(), len(t.split())
            ids, first = tables.text_rows(t, low, n)
            assert sorted(i for i in ids if i != z) == sorted({_MODEL.vocab.get(x, z) for x in M.text_features(t, low, n)} - {z}), t
            assert first == M._first_word(low), t


def _exact_probs(doc, hits) -> np.ndarray:
    """The probabilities by the definitions: the weights of block_features (as scores() looks
    them up) summed in float64 (exact: see _ContextTables), the bias, the softmax's steps."""
    w64 = _MODEL.weights.astype(np.float64)
    rows = [[_MODEL.vocab[t] for t in toks if t in _MODEL.vocab] for toks in M.block_features(doc, hits)]
    z = np.array([w64[r].sum(axis=0) for r in rows]) + _MODEL.bias
    z -= z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


_CATS = ["caption", "cut:related", "byline", "ui", "social", "no-such-category"]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(_TEXT, st.just("")), min_size=1, max_size=14), st.sampled_from(["en", "es", "fr"]),
       st.randoms(use_true_random=False))
def test_the_fast_scores_are_the_features_scores_to_the_bit(lines: list[str], language: str, rng: random.Random) -> None:
    doc = segment_text("\n".join(lines), language)
    if not doc.blocks:
        return
    hits = [{c: rng.random() for c in _CATS if rng.random() < 0.2} for _ in doc.blocks]
    for given_hits in (hits, None):
        want = _exact_probs(doc, given_hits)
        # a text first met in a skipped block, then in one that is not (its rows computed late)
        skip = {i for i in range(len(doc.blocks)) if rng.random() < 0.3}
        for skipped in (skip, ()):
            got = _MODEL.score_blocks(doc, given_hits, skip=skipped)
            keep = [i for i in range(len(doc.blocks)) if i not in skipped]
            assert got[keep].tobytes() == want[keep].tobytes()


# the model filter's language test, read from a document's blocks, against the whole text's words
_STOPS = sorted(_STOP["en"])[:40] + sorted(_STOP["es"])[:40]
_LANG_PIECE = st.one_of(st.sampled_from(_STOPS), st.sampled_from(_STOPS).map(str.upper),
                        st.sampled_from(["river", "Council", "ΟΔΟΣ", "σΣ", "İstanbul", "2026", "\u2026", "--", "A.", "Yes!"]),
                        st.text(max_size=5))
_LANG_SEP = st.sampled_from([" ", " ", " ", "\n", "\n\n", "\t", "\x1c", "\u2028", "\xa0", " \n ", ". ", "  "])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_LANG_PIECE, _LANG_SEP), max_size=300), st.integers(0, 4100), st.sampled_from(["", "\n", " "]),
       st.sampled_from(["en", "es", "de"]))
def test_the_language_test_from_the_blocks_is_the_texts(pieces: list[tuple[str, str]], pad: int, sep: str, lang: str) -> None:
    # a padding of prose (on one line, or lines) moves the sample's cut through the pieces; a
    # text of few long lines is cut into sentences
    text = ("the river " * (pad // 10))[:pad] + sep + "".join(p + s for p, s in pieces)
    doc = segment_text(text, lang)
    assert model_filter._doc_in_language(doc, lang) == model_filter._in_language(text, lang)


def test_the_language_test_reads_the_text_when_the_blocks_do_not_cover_it() -> None:
    # an English line (every word a stop word), then German words: 2.5% of the sample's words
    # are English stop words, fewer than the test asks for
    text = "the and " * 10 + "\n" + "Fluss Rat " * 390
    doc = segment_text(text, "en")
    assert model_filter._in_language(text, "en") is False
    assert model_filter._doc_in_language(doc, "en") is False
    # blocks that leave the German words out would pass; the text itself is read instead
    english = Document(text=text, blocks=doc.blocks[:1], format="text", language="en")
    assert model_filter._doc_in_language(english, "en") is False
    # as when the blocks are not in order
    shuffled = Document(text=text, blocks=doc.blocks[::-1], format="text", language="en")
    assert model_filter._doc_in_language(shuffled, "en") is False


def _reference_findings(probs, body, shift, floor, classes, words, removed):
    """The model filter's candidates as it first computed them: every block's confidence at the
    tail's shift (np.clip), a likely biography among the last blocks kept at it, every other
    candidate re-weighted again at the model's shift; those not removed that reach ``floor``."""
    tail_shift = shift - model_filter._TAIL_SHIFT

    def reweighted(p, s):
        z = np.log(np.clip(p, 1e-9, 1.0)) - np.log(np.clip(1.0 - p, 1e-9, 1.0)) - s
        return 1.0 / (1.0 + np.exp(-z))

    p_min = 1.0 / (1.0 + np.exp(-(tail_shift + np.log(floor / (1.0 - floor))))) - 1e-6
    col = probs[:, body]
    cand = np.flatnonzero(col <= 1.0 - p_min)
    p_boiler = 1.0 - col[cand]
    conf = reweighted(p_boiler, tail_shift)
    others = probs[cand]
    others[:, body] = -1.0
    best = others.argmax(axis=1)
    n = len(words)
    tail = np.array([i >= n - model_filter._TAIL_BLOCKS and words[i] >= model_filter._TAIL_MIN_WORDS
                     and classes[int(c)] in model_filter._TAIL_CATEGORIES for i, c in zip(cand, best)], dtype=bool)
    conf = np.where(tail, conf, reweighted(p_boiler, shift))
    return [(int(cand[j]), float(conf[j]), float(p_boiler[j]), int(best[j])) for j in np.flatnonzero(conf >= floor)
            if int(cand[j]) not in removed]


@settings(max_examples=300, deadline=None)
@given(st.integers(1, 30), st.randoms(use_true_random=False), st.sampled_from([0.0, 3.0, 7.5]))
def test_the_filters_confidences_are_those_of_every_blocks_to_the_bit(n: int, rng: random.Random, spread: float) -> None:
    # logits that make some blocks sure boilerplate, some doubtful, most body
    classes = _MODEL.classes
    body = _MODEL.body
    z = np.array([[rng.uniform(-9.0, 9.0) + (spread if j == body and rng.random() < 0.6 else 0.0) for j in range(len(classes))]
                  for _ in range(n)])
    z[rng.randrange(n), classes.index("author_bio")] += 12.0
    z -= z.max(axis=1, keepdims=True)
    probs = np.exp(z)
    probs /= probs.sum(axis=1, keepdims=True)
    words = [rng.choice([3, 8, 40]) for _ in range(n)]
    blocks = [type("B", (), {"words": w})() for w in words]
    removed = {i for i in range(n) if rng.random() < 0.3}
    shift, floor = 7.5, 0.3
    want = _reference_findings(probs.copy(), body, shift, floor, classes, words, removed)
    found = model_filter._confident(probs.copy(), body, shift - model_filter._TAIL_SHIFT, floor, removed)
    got = []
    if found is not None:
        cand, p_boiler, best = found
        conf = model_filter._reweighted(p_boiler, model_filter._shifts(blocks, cand, best, classes, shift)).tolist()
        got = [(cand[j], c, float(p_boiler[j]), best[j]) for j, c in enumerate(conf) if c >= floor]
    assert got == want
