"""The rule filters' fast paths answer as the plain computation they replace.

Each shortcut of a rule filter (a test asked in another order, a verdict read from the end of a
block, a cheap necessary condition before an expression) is checked against the plain way,
written out here as it was, on every block of every fixture and seed text, on lines written to
exercise it, and on texts built at random from pieces that make the cases worth testing.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleantext.filters import _promo
from cleantext.filters._common import inside_quotes, is_headline_like, reports_speech

from .test_triggers import BLOCKS, SAMPLES

LANG_SETS = [("en",), ("es", "en"), ("de", "en"), ("fr", "en")]

# Lines written for these tests: promotions, questions to the reader, reported speech, headings.
PROMO_LINES = [
    "Shop our new mugs and tote bags!",
    "Follow our health desk on Instagram and TikTok.",
    "Enjoyed this piece? Pass it on to a friend.",
    "Pass it on to a friend.",
    "Listen to this week's episode of our politics podcast wherever you get your podcasts.",
    "Shop Local: How Our Town Kept Its Main Street",
    "Follow our desk on Instagram, the editor told the staff.",
    '"Follow our desk on Instagram," she said.',
    "Found this useful? Share it with a friend. Follow Ann Lee on Twitter.",
    "Please share this article with your friends. Did you like it?",
    "Suscríbete a nuestro canal. Compártelo con tus amigos.",
    "¿Te ha resultado útil? Compártelo.",
    "Shop owners said they would stay open, and the council promised to follow their advice on parking.",
    "Get our app. Then the council said it would follow up.",
    "Download our app for the latest news. Follow us on Facebook.",
]
PIECES = PROMO_LINES + [
    " ", "  ", ". ", "? ", "! ", " \u201c", "\u201d ", '"', "Mr. ", "J. ",
    "The council voted on Tuesday to close the old bridge after engineers found deep cracks in two of its supports.",
    "word " * 30, "said", "told the jury", "Get", "follow", "our", "on Instagram", "this piece", "it",
]
texts = st.lists(st.sampled_from(PIECES), min_size=1, max_size=12).map("".join)


# -- filters/_promo.py: the verdict on a block, as it was before its shortcuts ---------------
def _classify_plain(sent: str, g: _promo._Grammar) -> tuple[str, str] | None:
    if g.question.match(sent):
        return "question", "a question to the reader about the article"
    if _promo._ATTRIBUTION.search(sent):
        return None
    first = _promo._first
    for c in _promo._CONCEPTS:
        m = g.heads[c].match(sent)
        if m is None:
            continue
        verb = " ".join(m["verb"].split())
        rest = sent[m.end():]
        owner = first(g.owner, sent[m.start("verb"):])
        why: str | None = None
        if c == "follow":
            noun = first(g.platform, rest) or first(g.social, rest) or first(g.show, rest)
            if owner and noun:
                why = f"'{verb}' + owner '{owner}' + channel '{noun}'"
            elif g.named_on.match(rest):
                why = f"'{verb}' + a name on '{first(g.platform, rest)}'"
        elif c == "share":
            itself = first(g.self_, rest)
            noun = first(g.social, rest)
            if itself:
                why = f"'{verb}' + the article itself '{itself}'"
            elif owner and noun:
                why = f"'{verb}' + owner '{owner}' + '{noun}'"
            elif _promo._PRONOUN.match(rest) or _promo._FUSED_PRONOUN.search(verb):
                return "pronoun", f"'{verb}' + '{rest.split()[0]}'"
        elif c == "shop":
            noun = first(g.product, rest)
            if owner and noun:
                why = f"'{verb}' + owner '{owner}' + product '{noun}'"
        else:
            noun = first(g.show, rest)
            if owner and noun:
                why = f"'{verb}' + owner '{owner}' + show '{noun}'"
            elif first(g.podcast, rest) and (where := first(g.platform, rest)):
                why = f"'{verb}' + a podcast + '{where}'"
        if why is not None:
            return c, why
    return None


def _verdict_plain(text: str, langs: tuple[str, ...]) -> _promo.Promotion | None:
    g = _promo._grammar(langs)
    words = len(text.split())
    if text.rstrip()[-1:] not in ".!?\u2026\"'\u201d\u2019)" and is_headline_like(text):
        return None
    if reports_speech(text):
        return None
    first = 0 if words <= _promo.BLOCK_WORDS else max(0, len(text) - _promo.TAIL_CHARS)
    if first:
        m = _promo._BREAK.search(text, first)
        if m is None:
            return None
        first = m.end()
    sents = _promo._sentences(text, first)
    labels = [_classify_plain(text[s:e], g) for s, e in sents]
    run: list[tuple[int, str, str]] = []
    for j in range(len(labels) - 1, -1, -1):
        lab = labels[j]
        if lab is None:
            break
        run.insert(0, (j, lab[0], lab[1]))
    if not run or run[-1][1] == "question":
        return None
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
    concepts = [kind for _, kind, _ in run if kind in _promo.CATEGORY]
    concept = concepts[0] if concepts else "share"
    evidence = "; ".join(why for _, _, why in run)
    pos = sents[run[0][0]][0]
    if inside_quotes(text, pos):
        return None
    if pos == 0:
        return _promo.Promotion(0, concept, "block", evidence) if words <= _promo.BLOCK_WORDS else None
    if len(text[:pos].split()) < _promo.PROSE_WORDS or len(text[pos:].split()) > _promo.END_WORDS:
        return None
    return _promo.Promotion(pos, concept, "end", evidence)


def _verdict_fast(text: str, langs: tuple[str, ...]) -> _promo.Promotion | None:
    return _promo._verdict.__wrapped__(text, langs)


def test_promotion_verdict_is_the_plain_verdict_on_every_block() -> None:
    found = 0
    for langs in LANG_SETS:
        for text in [t for t, _ in BLOCKS] + SAMPLES + PROMO_LINES:
            want = _verdict_plain(text, langs)
            assert _verdict_fast(text, langs) == want, (langs, text)
            found += want is not None
    assert found > 10  # the lines exercise the rule, not only its "no"


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, st.sampled_from(LANG_SETS))
def test_promotion_verdict_is_the_plain_verdict(text: str, langs: tuple[str, ...]) -> None:
    assert _verdict_fast(text, langs) == _verdict_plain(text, langs)


# -- the phrase filters' ``extra_may``: a necessary condition of ``extra`` -------------------
def _results(texts: list[str]) -> list[object]:
    from cleantext import clean

    out: list[object] = []
    for mode in ("balanced", "recall"):
        for t in texts:
            r = clean(t, mode=mode)
            out.append((r.text, [(x.start, x.end, x.category, x.rule, x.evidence) for x in r.removed]))
    return out


def test_extra_may_passes_over_no_block_extra_takes(monkeypatch: object) -> None:
    from cleantext.filters import phrases

    from .test_triggers import _texts

    texts = _texts() + PROMO_LINES + [
        "The vote was held on Monday after a long debate in the chamber.\n\n" + line for line in PROMO_LINES
    ] + [
        "\u00d7 Get the book now. It has ten chapters on the war. Buy Now " + "The story goes on here. " * 6,
        "The mayor spoke at length about the bridge and the budget \u00d7 Get Our New Book On The History Of The Town "
        "and many more words follow here to make the pop-up long enough for the rule to take it",
    ]
    story = "The council voted on Tuesday to close the old bridge after engineers found deep cracks in two of its supports."
    texts += [
        f"{story}\n\nMay 2020 April 2020 March 2020 February 2020",
        f"{story}\n\nArchives: January (4) February (7) March (2)\n\n{story}",
        f"{story}\n\n\u017feptember 2020 October 2020 November 2020",
        f"{story}\n\nWatch the full video of the council meeting on YouTube:\n\n{story}",
        f"{story}\n\n{story}\n\nBill Gates",
    ]
    gated = _results(texts)
    for cls in (phrases.AdvertisementFilter, phrases.SocialFilter, phrases.RelatedFilter, phrases.UiFilter):
        monkeypatch.setattr(cls, "extra_may", lambda self, kept, k, found: True)  # type: ignore[attr-defined]
    assert _results(texts) == gated


# -- social: a label's colon is among the last two characters ---------------------------------
LABEL_PIECES = ["Follow us", ":", " ", "\n", "\t", "Our podcast", ".", ". ", "! ", "a", "\u00a0", "\u2028", ":\n", "word " * 3]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(LABEL_PIECES), max_size=10).map("".join) | st.text(max_size=30))
def test_a_label_without_a_colon_at_its_end_is_no_label(text: str) -> None:
    from cleantext.filters.phrases import _LABEL

    if ":" not in text[-2:]:
        assert _LABEL.match(text) is None


def test_the_label_gate_on_every_block() -> None:
    from cleantext.filters.phrases import _LABEL

    labels = 0
    for text in [t for t, _ in BLOCKS] + ["Follow us:", "Our podcast:\n", "Share:"]:
        if ":" not in text[-2:]:
            assert _LABEL.match(text) is None, text
        labels += _LABEL.match(text) is not None
    assert labels >= 3


# -- ui: the letters a month menu opens with ---------------------------------------------------
def test_every_character_a_month_menu_may_open_with_passes_the_gate() -> None:
    import regex

    from cleantext.filters._widgets import may_be_month_menu

    # the menu's expression opens with "archives", "select month" or a month: its first
    # character is one of these letters, compared case-blind as the expression compares
    first = regex.compile(r"[asjfmonde]", regex.IGNORECASE)
    for c in map(chr, range(0x110000)):
        if first.match(c):
            assert may_be_month_menu(c + "ay 2020"), hex(ord(c))


MONTH_PIECES = ["May", "may", "MAY", "April", "\u017feptember", "Sept.", "enero", "Archives:", "select month", " ",
                "2020", "(4)", " | ", ", ", "de 2019", "\u2022", "Ene", "x", "\u0130"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(MONTH_PIECES), max_size=12).map(" ".join))
def test_a_month_menu_passes_the_gate(text: str) -> None:
    from cleantext.filters._widgets import is_month_menu, may_be_month_menu

    if is_month_menu(text):
        assert may_be_month_menu(text)


# -- phrase groups: the literals every match holds ---------------------------------------------
def _all_patterns() -> list[str]:
    from cleantext._patterns import LANGUAGES, _groups_in, load_group

    return sorted({p for lang in LANGUAGES for g in _groups_in(lang) for p in load_group(g, lang)})


PATTERNS = _all_patterns()


def test_a_case_blind_ascii_character_matches_only_its_own_lower_case() -> None:
    # the gate compares lower cases: a character the case-blind expression takes for an ASCII
    # character lower-cases to it, or is one of _ODD_FOLDS (every character checked)
    import regex

    from cleantext.filters._common import _ODD_FOLDS

    every = "".join(map(chr, range(0x110000)))
    for x in map(chr, range(32, 127)):
        for m in regex.finditer(regex.escape(x), every, regex.IGNORECASE):
            c = m.group()
            assert c.lower() == x.lower() or c in _ODD_FOLDS, (hex(ord(c)), x)


def test_most_patterns_have_literals() -> None:
    from cleantext.filters._common import literals_of

    known = [p for p in PATTERNS if literals_of(p) is not None]
    assert len(known) >= 0.9 * len(PATTERNS)
    assert literals_of(r"take\s+a\s+(?:second|moment)\s+to\s+support") == frozenset({"support"})
    assert literals_of(r"(?:we|i)\s+(?:need|rely\s+on)\s+your") == frozenset({"need", "rely"})
    assert literals_of(r"(?:donate|give)\s+via\s+(?:paypal|patreon)") == frozenset({"donate", "give"})
    assert literals_of(r"(?-i:SOURCE)\s+(?-i:\p{Lu})") is None  # a property: the regex module's own
    assert literals_of(r"[[:alpha:]]+ bar") is None  # a POSIX class parses otherwise in the stdlib


def _generable() -> list[str]:
    # the patterns with literals that the standard library compiles too (to draw their matches)
    import re

    from cleantext.filters._common import literals_of

    out = []
    for p in PATTERNS:
        try:
            re.compile(p, re.IGNORECASE)
        except re.error:  # a look-behind of several widths: the regex module's alone
            continue
        if literals_of(p) is not None:
            out.append(p)
    return out


_GENERABLE = _generable()


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(st.data())
def test_every_string_a_pattern_matches_holds_one_of_its_literals(data: st.DataObject) -> None:
    import re

    from cleantext.filters._common import literals_of, may_hold

    pattern = data.draw(st.sampled_from(_GENERABLE))
    text = data.draw(st.from_regex(re.compile(pattern, re.IGNORECASE), fullmatch=True))
    assert may_hold(literals_of(pattern), text.lower()), (pattern, text)


def test_the_literal_gates_on_every_block() -> None:
    # every group, whole and part by part, on every block: a match means the literals are there
    import regex

    from cleantext._patterns import LANGUAGES, _groups_in
    from cleantext.filters._common import _ODD_FOLDS, _phrases, may_hold

    texts = [t for t, _ in BLOCKS] + SAMPLES + PROMO_LINES
    checked = 0
    for lang in LANGUAGES:
        langs = ("en",) if lang == "en" else (lang, "en")
        for group in _groups_in(lang):
            for anchor in ("any", "line", "prefix", "start", "end"):
                g = _phrases(group, langs, anchor)
                for text in texts:
                    low = text.lower()
                    if any(c in text for c in _ODD_FOLDS):
                        continue
                    whole = g.pattern.search(text)
                    if whole is not None:
                        assert g.may_hold(text, low), (group, anchor, text)
                        checked += 1
                    assert (g.first(text, low) and g.first(text, low).span()) == (whole and whole.span()), (group, anchor, text)
                    for p, w in zip(g.parts or (), g.part_lits or ()):
                        if p.search(text) is not None:
                            assert may_hold(w, low), (p.pattern, text)
    assert checked > 100


_WORDS = st.sampled_from(["ab", "b", "abc", "x", "support", "port", "sup", "donate", "a", "zz"])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.none() | st.frozensets(_WORDS, min_size=1, max_size=3), min_size=1, max_size=12),
       st.lists(st.sampled_from(["ab", "c", "support", "x", " ", "do", "nate", "z", "port", "sup"]), max_size=10).map("".join))
def test_the_literal_index_finds_the_alternatives_a_plain_test_finds(each: list, low: str) -> None:
    from cleantext.filters._common import _Literals

    index = _Literals(each)
    assert index.alternatives(low) == [i for i, w in enumerate(each) if w is None or any(x in low for x in w)]
    assert sorted(set(index.found(low))) == sorted({x for w in each if w for x in w if x in low})


def test_a_sentence_no_verb_opens_matches_no_head() -> None:
    texts = [t for t, _ in BLOCKS] + SAMPLES + PROMO_LINES
    opened = 0
    for langs in LANG_SETS:
        g = _promo._grammar(langs)
        assert g.any_head is not None
        for text in texts:
            for s, e in _promo._sentences(text):
                sent = text[s:e]
                heads = [c for c in _promo._CONCEPTS if g.heads[c].match(sent)]
                if g.any_head.match(sent) is None:
                    assert not heads, (langs, sent)
                opened += bool(heads)
    assert opened > 10


# -- the filters' own expressions: the literals every match holds (``needs``) ------------------
def _gated() -> list[tuple[str, object]]:
    from cleantext.filters import _bios, _captions2, byline, caption, phrases

    return [
        ("caption._PAREN_CREDIT", caption._PAREN_CREDIT), ("caption._CREDIT_ONLY", caption._CREDIT_ONLY),
        ("caption._AGENCY_ANY", caption._AGENCY_ANY), ("caption._DATA_CREDIT", caption._DATA_CREDIT),
        ("_captions2._TRAIL", _captions2._TRAIL), ("_captions2._LEAD_CREDIT", _captions2._LEAD_CREDIT),
        ("_bios._BIO", _bios._BIO), ("phrases._BIO", phrases._BIO), ("phrases._ABOUT_ORG", phrases._ABOUT_ORG),
        ("byline._AGENCY", byline._AGENCY), ("byline._NAME_AT", byline._NAME_AT),
    ]


GATED = _gated()
# the properties the expressions use, as sets the standard library's expressions know (to draw
# matches from them; a drawn string is kept only when the expression itself matches it)
_PROPS = {"Lu": "A-Z\u00c0-\u00d6\u00d8-\u00de", "Ll": "a-z\u00df-\u00f6\u00f8-\u00ff",
          "L": "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff\u0100-\u017e", "M": "\u0300-\u036f", "N": "0-9"}


def _stdlib(pattern: str) -> str:
    import regex

    out, last, inset = [], 0, False
    for m in regex.finditer(r"\\[pP]\{(\w+)\}|\\.|\[|\]", pattern):
        tok = m.group()
        if m[1]:
            assert tok[1] == "p", tok
            out.append(pattern[last:m.start()] + (_PROPS[m[1]] if inset else f"[{_PROPS[m[1]]}]"))
            last = m.end()
            continue
        if tok == "[" and not inset:
            inset = True
        elif tok == "]" and inset:
            inset = False
        out.append(pattern[last:m.end()])
        last = m.end()
    return "".join(out) + pattern[last:]


def test_the_expressions_gated_have_literals() -> None:
    from cleantext.filters._common import needs_of

    for name, p in GATED:
        n = needs_of(p)  # type: ignore[arg-type]
        assert not n.always and (n.exact or n.blind), name


def test_needs_reads_cases_sets_and_properties() -> None:
    import regex

    from cleantext.filters._common import needs

    n = needs(r"\p{Lu}\w+\s*[/|]\s*(?i:photo)")
    assert (n.exact, n.blind) == ((), ("photo",))  # the longest: "photo" over "/" and "|"
    n = needs(r"\p{Lu}\w+\s*[/|]\s*\w+")
    assert (n.exact, n.blind) == (("/", "|"), ())
    n = needs(r"(?:AP|Getty(?:\s+Images)?)\s+photo")
    assert (n.exact, n.blind) == (("photo",), ())  # case-sensitive: compared as written
    n = needs(r"(?:AP|Getty)\s+\d+")
    assert (n.exact, n.blind) == (("AP", "Getty"), ())
    assert needs(r"(?:AP|Getty)", regex.IGNORECASE).blind == ("ap", "getty")
    assert needs(r"(?i)(?:AP|Getty)").blind == ("ap", "getty")
    assert needs(r"(?i:AP|(?-i:Getty))").blind == ("ap",) and needs(r"(?i:AP|(?-i:Getty))").exact == ("Getty",)
    assert needs(r"(?:\u00a9|\(c\))\s*\p{Lu}+").exact == ("(c)", "\u00a9")
    assert needs(r"\p{Lu}{2,6}").always and needs(r"\w+|AP").always and needs(r"[[:alpha:]]+ AP").always
    assert needs(r"caf\u00e9").exact == ("caf",)  # a letter with a case breaks the run
    assert needs(r"[a-z]+ AP").exact == (" AP",)  # a range is no literal
    assert needs(r"Getty \s+ Images", regex.VERBOSE).exact == ("Images",)  # white space laid out, no literal
    assert needs(r"(?x) AP | Getty").exact == ("AP", "Getty")
    n = needs(r"(?i)st[a\u017f]ff")
    assert n.blind == ("st",) and n.may("\u017ftaff") and not n.may("taff")


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(st.data())
def test_every_string_an_expression_matches_holds_its_literals(data: st.DataObject) -> None:
    import re

    import regex
    from hypothesis import assume

    from cleantext.filters._common import needs_of

    name, p = data.draw(st.sampled_from(GATED))
    flags = re.IGNORECASE if p.flags & regex.IGNORECASE else 0  # type: ignore[attr-defined]
    text = data.draw(st.from_regex(re.compile(_stdlib(p.pattern), flags), fullmatch=False))  # type: ignore[attr-defined]
    m = p.search(text)  # type: ignore[attr-defined]
    assume(m is not None)
    n = needs_of(p)  # type: ignore[arg-type]
    assert n.may(text), (name, text)
    assert n.may(text[m.start():]), (name, text)
    assert m.start() <= n.last(text), (name, text)
    assert n.last(text[m.start():]) >= 0, (name, text)


CREDIT_LINES = [
    "U.S. soldiers on patrol. (Photo by Ann Lee/AFP via Getty Images)", "Protesters gather in Madrid. Altaf Qadri/AP",
    "Getty Images", "Andres Kudacki/AP Photo", "Reuters", "Data is from Example.com", "Map by the city",
    "Chart: Ann Lee", "(c) REUTERS / Ann Lee Officials listen to the mayor", "Ann Lee/AFP Crowds wait at the gate",
    "\u00a9 Getty Images / Ann Lee A man walks by", "A man walks past a closed shop in London. Photo by Ann Lee",
    "Ann Lee/The Daily Example", "Volunteers sort donations at the food bank. Staff photo by Ann Lee",
    "The old mill before its restoration, NPS photo.", "Crowds at the gate. (c) Ann Lee 2020", "Crowds at the gate. \u00a9 Ann Lee",
    "Crowds at the gate | Ann Lee | Example Times", "A dog in the snow. Supplied", "Sunset over the bay. (Getty Images)",
    "Sunset over the bay. Image source: Example Daily", "The mayor. Fuente: EFE", "Sunset. Cortes\u00eda",
    "A dog in the snow. Photo: Ann Lee/Reuters", "The council took the photo by the river",
    "A man (L) and a woman (R) CNBC Make It", "Sunset over the bay. Courtesy of Example Resort",
    "The Associated Press reported last week.", "Filed under: Politics | 10 Comments", "Read more at https://example.com/a/b",
    "A man walks by. Ann Lee/\u017ftaff", "A man walks by. \u0130stock/Ann Lee", "Sunset. PHOTO BY ANN LEE", "Sunset. AP PHOTO",
    "The plaza at noon. U.S. Army/Ann Lee", "The plaza at noon (NASA/Ann Lee)", "T\u00e9lam", "picture alliance / dpa",
]
# lines for the biography and byline expressions
BIO_LINES = [
    "Jane Doe covers health care for The Example Times.", "Jane Doe, MD, is an associate professor of medicine at Example University.",
    "Ann Smith covers the night shift alone, she said.", "Ann Smith is a staff writer for The Harbour Post.",
    "\u2014 Ann Lee is a freelance journalist based in Lima.", "Ann Lee es periodista y escritora.", "ANN LEE IS A WRITER",
    "Ann Lee is a nurse who crosses the bridge every day.", "Ann Lee writes about food.", "Ann Lee has 20 years of experience in law.",
    "About Example Health", "ABOUT EXAMPLE CORP", "About the Example Society:", "About the study", "Acerca de Ejemplo S.A.",
    "By Ann Lee, Reuters", "By Ann Lee and Associated Press", "By Staff Reports", "Reuters", "The Associated Press", "AP",
    "By ANN LEE | The Canadian Press", "Ann Lee at The Example Times", "Ann Lee for Example News", "Ann Lee of Example Daily",
    "By Ann Lee, Wire Services", "Ann Lee, Editorial Board", "Ann Lee \u2014 Metro staff", "Sports staff", "Ann Lee is an \u0130nvestor",
    "Ann Lee is a \u017fenior writer", "Ann Lee is a columni\u017ft", "By Ann Lee, AP \u017ftaff",
]


def _credit_texts() -> list[str]:
    return [t for t, _ in BLOCKS] + SAMPLES + PROMO_LINES + CREDIT_LINES + BIO_LINES


def test_the_expression_gates_on_every_block() -> None:
    from cleantext.filters._common import needs_of

    matched = 0
    for text in _credit_texts():
        for name, p in GATED:
            n = needs_of(p)  # type: ignore[arg-type]
            for at in range(0, len(text), max(1, len(text) // 40)):
                m = p.search(text, at)  # type: ignore[attr-defined]
                if m is not None:
                    assert n.may(text[at:]) and n.may(text[m.start():]), (name, text)
                    assert m.start() <= n.last(text), (name, text)
                    matched += 1
                m = p.match(text, at)  # type: ignore[attr-defined]
                if m is not None:
                    assert at <= n.last(text) and n.may(text[at:]), (name, text, at)
    assert matched > 50


def _credits(texts: list[str]) -> list[object]:
    from cleantext.filters import _captions2, caption

    from cleantext.filters import _bios, byline

    out: list[object] = []
    for text in texts:
        words = len(text.split())
        out.append((caption.split_credit(text), _captions2.more_credit(text, words),
                    _captions2.trailing_credit(text, words)))
        out.append((_bios.bio_sentence(text), _bios.bio_sentence(text, True), byline._agency(text) and byline._agency(text).span(),
                    byline.parse_names(text) if len(text) < 200 else None))
    return out


def test_the_credit_rules_gated_answer_as_ungated(monkeypatch: object) -> None:
    from cleantext.filters._common import Needs

    texts = _credit_texts()
    gated = _credits(texts)
    clean_gated = _results(CREDIT_LINES + [t for t in _texts_with_captions()])
    monkeypatch.setattr(Needs, "may", lambda self, text, low=None: True)  # type: ignore[attr-defined]
    monkeypatch.setattr(Needs, "last", lambda self, text, low=None: len(text))  # type: ignore[attr-defined]
    assert _credits(texts) == gated
    assert sum(x[0] is not None for x in gated if len(x) == 3) > 30  # the lines exercise the rules
    assert sum(x[0] is not None for x in gated if len(x) == 4) > 5 and sum(bool(x[2]) for x in gated if len(x) == 4) > 5
    assert _results(CREDIT_LINES + [t for t in _texts_with_captions()]) == clean_gated


def _texts_with_captions() -> list[str]:
    import json
    from pathlib import Path

    out = []
    for name in ("caption", "byline", "author_bio"):
        path = Path(__file__).resolve().parent.parent / "fixtures" / "filters" / f"{name}.json"
        out += [case["input"] for case in json.loads(path.read_text(encoding="utf-8"))]
    story = "The council voted on Tuesday to close the old bridge after engineers found deep cracks in two of its supports."
    out += [f"{line}\n\n{story}\n\n{story}" for line in BIO_LINES] + [f"{story}\n\n{story}\n\n{line}" for line in BIO_LINES]
    return out


def test_a_caseless_literal_is_matched_by_itself_alone() -> None:
    # a non-ASCII literal of a gate is compared as it is: no case-blind match takes another
    # character for it (every character checked)
    import regex

    from cleantext.filters._common import needs_of

    every = "".join(map(chr, range(0x110000)))
    odd = {c for _, p in GATED for w in needs_of(p).exact + needs_of(p).blind for c in w if ord(c) >= 128}  # type: ignore[arg-type]
    assert odd  # the copyright sign
    for x in odd:
        assert [m.group() for m in regex.finditer(regex.escape(x), every, regex.IGNORECASE)] == [x]
