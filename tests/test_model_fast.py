"""The block model's fast paths say what the features' definitions say, on any text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cleantext import _model as M


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
    assert M._shape(text) == _reference_shape(text)


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
        assert len(ch.lower()) == 1 and ch.lower().encode("cp1252").lower() == ch.lower().encode("cp1252")
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
