"""The speed gates answer as the work they skip would: a gate may only say "cannot match".

Each shortcut of the rule filters is checked against the plain computation on every block of
every fixture and seed text (and lines written here to exercise each gate): the literals read
from the document's one trigger scan are the literals ``in`` the block's lower case; a phrase
group searched alternative by alternative finds the alternation's match; a sign-up form's
parts gated by their literals are the parts an ungated search finds.
"""

from __future__ import annotations

import pytest
import regex

from cleantext import read
from cleantext._patterns import LANGUAGES, PatternError, _groups_in, scan_words, trigger_scanner, trigger_vocabulary
from cleantext.filters import _forms
from cleantext.filters._common import _leftmost, _phrases
from cleantext.filters.caption import _SCANNED, split_credit

from .test_triggers import BLOCKS

# Lines for the gates (written for this test): captions and credits, forms, and text whose case
# folding is odd ("\u017f" folds to "s", "\u0130" lower-cases to two characters).
LINES = [
    "Crowds wait at the gate. (Photo by Ann Lee/AFP via Getty Images)",
    "Protesters gather in Madrid. Altaf Qadri/AP",
    "Image 2 of 9 Toggle caption The harbour at dawn",
    "Featured image via Example Photos",
    "The mayor (left) poses for a photo with volunteers",
    "Ann Lee poses for a portrait outside the studio in Leeds before the show opened on Friday night",
    "Volunteers pack boxes in Leeds, England, March 3, 2020.",
    "Benni McCarthy \u00a9 Action Images",
    "The museum's new wing, courtesy of Example Photography",
    "Please enter a valid email address. Privacy Policy Leave this field empty if you're human:",
    "Please enter a valid EMA\u0130L ADDRESS * Leave this field empty",
    "You can un\u017fub\u017fcribe at any time. Choo\u017fe your country",
    "By clicking Subscribe you agree to our Terms of Service. This site is protected by reCAPTCHA.",
    "What do you think? Yes No Email Results Vote",
    "Take our poll: should the bridge close?",
    "Listen to Ann Lee talk about this on the Example podcast",
]


def _texts() -> list[tuple[str, str]]:
    return BLOCKS + [(t, t.lower()) for t in LINES]


TEXTS = _texts()
LANG_SETS = [(lang,) if lang == "en" else (lang, "en") for lang in LANGUAGES]


def test_scanned_literals_are_the_literals_in_the_lower_case() -> None:
    for langs in LANG_SETS:
        vocab = trigger_vocabulary(langs)
        assert _SCANNED <= vocab and _forms.GATE_WORDS <= vocab
        scan = trigger_scanner(langs)
        for _, low in TEXTS:
            assert scan(low) == frozenset(w for w in vocab if w in low)


def test_scan_words_takes_lower_case_literals_only() -> None:
    with pytest.raises(PatternError):
        scan_words("Photo")
    with pytest.raises(PatternError):
        scan_words("")
    assert scan_words("photo") == frozenset({"photo"})


@pytest.mark.parametrize("langs", LANG_SETS, ids=["+".join(x) for x in LANG_SETS])
def test_a_group_searched_by_alternatives_finds_the_alternations_match(langs: tuple[str, ...]) -> None:
    for group in _groups_in(langs[0]):
        g = _phrases(group, langs, "any")
        if g.parts is None:
            continue
        for text, _ in TEXTS:
            whole = g.pattern.search(text)
            split = _leftmost(g.parts, text, 5.0)
            assert (whole and whole.span()) == (split and split.span()), (group, text)


def test_form_parts_gated_by_their_literals_are_the_parts_found_ungated() -> None:
    hit = 0
    for text, low in TEXTS:
        ungated = [name for name, pat, _ in _forms._PART_RES if pat.search(text)]
        assert _forms.form_parts(text) == ungated, text
        assert _forms.form_parts(text, trigger_scanner(("en",))(low)) == ungated, text
        hit += bool(ungated)
    assert hit >= 5  # the lines above exercise the parts


def test_split_credit_reads_the_scan_as_its_own_tests() -> None:
    scan = trigger_scanner(("en",))
    found = 0
    for text, low in TEXTS:
        got = split_credit(text)
        assert split_credit(text, low, scan(low)) == got, text
        found += got is not None
    assert found >= 5


def test_leftmost_keeps_the_first_alternative_at_a_tie() -> None:
    parts = tuple(regex.compile(rf"(?<!\w)(?:{p})(?!\w)", regex.IGNORECASE) for p in (r"read\s+more", r"read"))
    m = _leftmost(parts, "Please read more here", 1.0)
    assert m is not None and m.group() == "read more"
    parts = tuple(reversed(parts))
    m = _leftmost(parts, "Please read more here", 1.0)
    assert m is not None and m.group() == "read"



def test_caption_shapes_read_from_the_scan_answer_as_without_it() -> None:
    # more_credit / trailing_credit with the block's scanned literals (their gates) give the
    # answer of the same call without them (every test run)
    from cleantext.filters import _captions2

    extra = [
        "Ann Lee outside her home in Troy, Mich. Example News",
        "The old mill before its restoration, NPS photo.",
        "A map of the district Image source: Example Survey",
        "Crowds at the rally (L) CNBC Make It",
        "A man walks past a closed shop in London. Photo by Ann Lee",
        "Fans cheer the team in Leeds. Getty Images",
        "Fans cheer the team in Leeds (Getty Images)",
        "Dancers rehearse on the stage. Submitted photo",
        "Imagen de archivo. Fuente: EFE",
    ]
    scan = trigger_scanner(("en",))
    assert _captions2.SCANNED <= trigger_vocabulary(("en",))
    for text in [t for t, _ in TEXTS] + extra:
        words = len(text.split())
        found = scan(text.lower())
        assert _captions2.more_credit(text, words, found) == _captions2.more_credit(text, words)
        assert _captions2.trailing_credit(text, words, found) == _captions2.trailing_credit(text, words)


def test_a_word_the_trail_gate_passes_over_opens_no_trailing_credit() -> None:
    from cleantext.filters import _captions2

    extra = ["the photo by Ann Lee", "of Getty Images", "to (c) Ann Lee 2020", "2020 Ann Lee/AFP", "pics via Ann Lee",
             "iStock", "dpa", "ullstein bild", "eſpecial", "especial", "archivo", "the Example Times", "supplied",
             "top image: Ann Lee", "featured photo credit: Ann Lee", "screen grab via Example", "fuente: EFE",
             # three letters: every label, prefix and credit word of the forms, and words that share their first two
             "ap photo: Ann Lee", "ap\u00a0photo by Ann Lee", "afp photo / Ann Lee", "handout photo", "pool photo by Ann Lee",
             "lead image: Ann Lee", "main photo: Ann Lee", "cover image via Ann Lee", "header image: Ann Lee",
             "photograph by Ann Lee", "images: Ann Lee", "pics: Ann Lee", "foto: Ann Lee", "fotograf\u00eda: Ann Lee",
             "fot\u00f3grafo: Ann Lee", "illustration by Ann Lee", "ilustraci\u00f3n: Ann Lee", "credit: Ann Lee",
             "cr\u00e9ditos: Ann Lee", "screenshot via Example", "captura de pantalla: Example", "source: Reuters",
             "supplied", "provided", "contributed", "submitted", "courtesy", "cortes\u00eda", "especial", "special photo",
             "archive photo", "staff photo", "iStock", "istock", "dpa", "picture alliance", "ullstein bild",
             "to the mayor", "he said", "so far", "has gone", "for the city", "from the city", "are here", "state house",
             "could be", "company", "story", "more", "contrary", "cop", "ap", "to", "sta", "a\u017f"]
    opened = set()
    for text in [t for t, _ in TEXTS] + extra:
        for w in _captions2._WORD_START.finditer(text):
            for at in (w.start(), *(i for i in range(w.start(), len(text)) if text[i] == " ")):
                if at < len(text) and _captions2._trail_cannot_open(text, at):
                    assert _captions2._TRAIL.match(text, at) is None, (text, at)
                elif at < len(text) and _captions2._TRAIL.match(text, at) is not None:
                    opened.add(text[at:at + 2].lower())
    assert {"th", "of"}.isdisjoint(opened)
