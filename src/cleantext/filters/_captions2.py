"""More caption shapes, as the news industry writes them on any site: a caption sentence followed
by its credit without a slash ("... in Barcelona, Spain. Ann Lee", "... CBS News", "... Courtesy
of Example Resort"), a credit in words ("Staff photo", "Submitted photo", "NPS photo", "Photo
provided by ..."), a credit that opens the caption ("(c) REUTERS / Ann Lee Crowds wait ..."), a
labelled source ("Image source: ..."), and an image's pin button before its caption.

Each function judges one block's text and returns (caption, credit, rule) or None; the caption
filter turns that into a finding (see ``CaptionFilter._uncredited``)."""

from __future__ import annotations


import ahocorasick
import regex

from .._patterns import group_source, load_group, scan_words
from ._common import needs_of, reports_speech

__all__ = ["more_credit", "more_idle", "sentence_may", "MORE_WHY", "SCANNED", "MORE_LITERALS", "AGENCY_LITERALS", "AGENCY_AC"]

_AG = group_source("photo_agency")
# a capitalised word of a credit ("Ann", "O'Neil", "CNBC", "Schwab-Pomerantz", "E+")
_CW = r"\p{Lu}[\p{L}\p{M}'\u2019&+-]*"
# words that open a sentence or a heading, never a credit ("From The Wall Street Journal" closes
# a newsletter's digest item, "Read More" a teaser)
_NOT_CREDIT = frozenset(
    "From The A An In On At For To And But Or With By Via This That These Those It Its Our Your My His Her Their "
    "More Read See Watch Click Follow Share Subscribe Sign Next Previous Related Also Why How What When Where Who "
    "Here There Yes No Photo Photos Image Images Video Source Sources Note Update Updated Editor".split()
)
# a page's links and buttons, never a name in a credit
_UI_WORDS = frozenset(
    "Privacy Policy Terms Conditions Service Cookie Cookies Settings Contact Home Menu Login Log Register Account "
    "Newsletter Email Comments Comment Reply Report Top Back Continue Reading Story Stories Article Articles Video Videos "
    "Podcast Podcasts Advertisement Sponsored Learn Now Here Today Print Save Search Close Open Menu Sitemap Help Support".split()
)
# short words before a full stop that end an abbreviation, not a sentence ("vs.", "St.", "Md.")
_ABBREV = frozenset(
    "vs v mr mrs ms dr st jr sr md mt ft no nos co inc ltd corp gov sen rep lt col gen sgt capt cpl prof ave blvd rd "
    "dept est approx fig oz lb lbs tbsp tsp ca etc al jan feb mar apr jun jul aug sep sept oct nov dec pp op vol".split()
)
# "<caption sentence>. <Credit>": the sentence ends with a full stop after a small letter or a
# digit (not "U.S." or an initial), then a credit of 2 to 6 capitalised words with no full stop
# ("CBS News", "Ann Lee", "Ken Lee Photography"); or "Courtesy of X", perhaps with one
_SENTENCE_CREDIT = regex.compile(
    rf"(?P<credit>(?P<court>(?i:(?:photo\s+|foto\s+)?(?:courtesy|cortes[ií]a)(?:\s+(?:of|de))?\s+)(?:(?:the|la|el)\s+)?){_CW}(?:\s+(?:(?:of|de|del|la|and|y|for|the|&)\s+)?{_CW}){{0,6}}\.?"
    rf"|{_CW}(?:\s+(?:(?:of|de|del|la|and|y|for|&|/|\||via)\s+)?{_CW}){{1,5}})\s*$"
)
_LAST_WORD = regex.compile(r"([\p{L}\p{N}]+)\.$")
# "... (R) CNBC Make It": the wires' position marks close a caption without a full stop
_POSITION_CREDIT = regex.compile(rf"^(?P<cap>\p{{Lu}}.{{10,300}}?\((?:L|R|C|L-R)\))\s+(?P<credit>{_CW}(?:\s+{_CW}){{0,4}})$")
# A credit in words at the end of a caption, or alone: "Staff photo", "Submitted photo", "NPS
# photo.", "Contributed photo by Ann Lee", "Photo provided by the Example Zoo", "U.S. Army photo
# by Sgt. Ann Lee"
_WORDED = regex.compile(
    r"(?:^|(?<=[.!?,;\u2014\u2013|]\s{1,3}|\s[\u2014\u2013-]\s))"
    r"(?P<credit>"
    r"(?:(?i:staff|file|submitted|contributed|courtesy|special|handout|pool|provided|supplied|archive)|(?-i:(?:U\.S\.\s+)?\p{Lu}[\p{Lu}.]{1,7}(?:\s+\p{Lu}[\p{Lu}.]{1,7})?))"
    r"\s+(?i:photo(?:graph)?s?|images?|pictures?|illustration)"
    r"(?:\s+(?i:by|courtesy\s+of|from|via)\s+[\p{Lu}\p{N}][^.!?]{1,60}?(?<!\s(?i:the|a|an|of|and)))?"
    r"|(?i:photo(?:graph)?s?|images?|pictures?)\s+(?i:provided|submitted|supplied|contributed|taken)\s+(?i:by|to)\s+[^.!?]{2,60}?"
    r")\s*\.?\s*$"
)
# "Image source: Example Daily", "Photo source: X", "mapImage Source: X" (glued to the alt text)
_SOURCE_LABEL = regex.compile(
    r"(?:^|(?<=[\s\p{Ll}.!?]))(?P<credit>(?i:image|photo|picture|foto|imagen)\s+(?i:source|fuente)\s*:\s*[^:!?]{2,80}?)\s*\.?$"
)
# a credit that opens the caption: "(c) REUTERS / Ann Lee Officials listen ...", "Ann Lee / Reuters /
# Via example.com Pills", "Ann Lee/AFP Crowds wait ..."
_NAMEW = r"\p{Lu}[\p{L}\p{M}'\u2019.-]*"
_LEAD_CREDIT = regex.compile(
    rf"^(?P<credit>(?:\u00a9|\(c\))\s*(?:{_NAMEW}(?:\s+{_NAMEW}){{0,3}}\s*/\s*)?(?:{_AG})(?:\s*/\s*{_NAMEW}(?:\s+{_NAMEW}){{0,3}})?"
    rf"|{_NAMEW}(?:\s+{_NAMEW}){{0,3}}\s*/\s*(?:{_AG})(?:\s*/\s*(?i:via)\s+\S+)?"
    rf"|(?:{_AG})\s*/\s*{_NAMEW}(?:\s+{_NAMEW}){{0,2}})"
    rf"\s+(?P<cap>\p{{Lu}}.+)$"
)
# "Caption: ...", "Image caption ...", "Pie de foto: ...": the line says what it is
_CAPTION_LABEL = regex.compile(r"^(?i:(?:photo|image|media|video)\s+caption\s*:?|caption\s*:|pie\s+de\s+foto\s*:)\s*(?P<cap>\S.*)$")
# the button an image carries, then its caption: "Share on Pinterest A bowl of beetroot soup ..."
_PIN = regex.compile(r"^(?i:share\s+on\s+pinterest|pin\s+it|save\s+to\s+pinterest)\s+(?P<cap>\p{Lu}.+)$")

# words that say the credit names a news or picture outfit
_MEDIA = regex.compile(
    r"\b(?:News|Press|Images?|Photos?|Photography|Pictures?|Media|TV|Television|Radio|Times|Post|Journal|Herald|Tribune|"
    r"Network|Studios?|Productions?|Agency|Wire|Archives?|Collection|Foundation|Museum|Library|University|Hospital|"
    r"Center|Centre|Institute|Company|Inc|LLC|Ltd|Group)\b"
)
_ACRONYM = regex.compile(r"^\p{Lu}{2,6}$")

# ---- a credit closing a caption, in the forms the trade uses -------------------------------------
# what stands before the credit: the caption's last sentence ("... Tuesday. Credit"), a separator
# (" | ", " / ", " - "), an opening bracket, or nothing (the line is only the credit)
_BEFORE = r"(?:^|(?<=[\s(\[.!?]))"
_LBL = (
    r"(?:(?:staff|file|ap|afp|handout|pool|featured|top|lead|main|cover|header)\s+)?"
    r"(?:photo(?:graph)?s?|images?|pictures?|pics?|fotos?|fotograf[ií]as?|imagen(?:es)?|illustrations?|ilustraci[oó]n|"
    r"photographer|fot[oó]grafo|fot[oó]grafa|credits?|cr[eé]ditos?|screenshots?|screen\s?grabs?|captura(?:\s+de\s+pantalla)?)"
    r"(?:\s+(?:illustration|ilustrativa|credits?|cr[eé]ditos?|source|fuente|copyright|courtesy|de\s+archivo))?"
)
_SEP = (
    r"(?:\s*(?::|\.\.\.|\u2026|/|\|)\s*|\s+(?:by|from|via|courtesy(?:\s+of)?|provided\s+by|supplied\s+by|submitted\s+by|"
    r"contributed\s+by|copyright|de|por|cortes[ií]a(?:\s+de)?)\s+)"
)
# a credit: a capitalised name, an outfit, a handle, "the city" after "courtesy of"
_CRED = r"(?:[\p{Lu}\p{N}@\u00a9][^!?:;()\[\]]{0,80}?|(?:the|la|el|los|las)\s+[^!?:;()\[\]]{1,60}?)"
_UPW = r"(?:\p{Lu}[\p{L}\p{M}'\u2019&+-]*|\p{Lu}\.)"
# "Jane Doe/The Daily Example", "JANE DOE/STAFF PHOTOGRAPHER", "Jane Doe | Special to the Example",
# "Jane Doe/Moment/Getty Images"
_NAME_ORG = (
    rf"{_UPW}(?:\s+{_UPW}){{1,3}}\s*[/|]\s*(?:(?i:for|special\s+to)\s+)?(?:(?i:the)\s+)?"
    rf"{_UPW}(?:\s+(?:(?:of|to|the|for|and|&|de|del|la|el)\s+)*{_UPW}){{0,5}}(?:\s*/\s*{_UPW}(?:\s+{_UPW}){{0,3}}){{0,2}}"
)
# "Supplied", "Handout", "Cortesía", "Foto de archivo", "(Imagen ilustrativa)": a credit in a word
_WORD_CREDIT = (
    r"(?i:supplied|provided|contributed|submitted|handout|courtesy|file|cortes[ií]a|especial|archivo|"
    r"(?:foto|imagen|photo|image)\s+(?:de\s+archivo|ilustrativa|illustration|handout|supplied)|"
    r"(?:staff|file|submitted|contributed|courtesy|handout|special|supplied|provided|archive)\s+(?:photo(?:graph)?|image|picture)s?)"
)
_TRAIL = regex.compile(
    rf"{_BEFORE}(?P<all>[(\[]?\s*(?P<credit>"
    rf"(?P<lab>(?i:{_LBL})(?P<sep>{_SEP}){_CRED})"
    rf"|(?P<src>(?i:source|fuente)\s*:\s*(?:{_AG}))"
    rf"|(?P<ag>(?:{_AG})(?:\s+(?i:photos?|images?|fotos?))?(?:\s*/\s*{_UPW}(?:\s+{_UPW}){{0,3}})?)"
    rf"|(?P<org>{_NAME_ORG})"
    rf"|(?P<word>{_WORD_CREDIT})"
    rf"|(?P<copy>(?:\u00a9|\(c\))\s*{_UPW}(?:\s+{_UPW}){{0,4}}(?:,?\s+(?:19|20)\d\d)?)"
    rf")\s*[)\]]?)\s*\.?\s*$"
)
# the outfit side of "NAME/OUTFIT" names a newsroom, a picture desk or a role ("The Daily Example",
# "Staff Photographer", "Special to the Example"): "Classen Curve / Western Avenue" is an address
_ORG_WORD = regex.compile(
    r"\b(?:news|press|photos?|photography|photographer|images?|pictures?|media|post|times|journal|herald|tribune|gazette|"
    r"daily|chronicle|globe|examiner|observer|record|register|dispatch|courier|telegraph|guardian|independent|mirror|"
    r"staff|special|contributor|correspondent|freelance|tv|radio|network|agency|wire|wirecutter|"
    r"peri[oó]dico|diario|agencia|fotos?|fotograf[ií]a|especial|archivo)\b"
    rf"|(?-i:(?<![\p{{L}}\p{{N}}])(?:{_AG})(?![\p{{L}}\p{{N}}]))",
    regex.IGNORECASE,
)
_TRAIL_WORDS = (
    "photo", "image", "foto", "imagen", "picture", "pic", "illustra", "credit", "cr\u00e9dit", "screen", "captura", "source",
    "fuente", "supplied", "provided", "contributed", "submitted", "handout", "courtesy", "file", "cortes", "especial", "archivo",
)
# each agency's opening letters ("Getty", "Reuters", "AP"), looked for with ``in`` before the expression
_AG_LITERALS = tuple(sorted(
    {w for p in load_group("photo_agency", "en") for w in [regex.split(r"[\\(\[?*+{|.]", p, maxsplit=1)[0]] if len(w) >= 2 and w != "The"}
    | {"Telam", "T\u00e9lam"}
))


def _automaton(words: tuple[str, ...]) -> ahocorasick.Automaton:
    a = ahocorasick.Automaton()
    for w in words:
        a.add_word(w, w)
    a.make_automaton()
    return a


# one pass over the tail for all of them, not one ``in`` a literal
_WORDS_AC = _automaton(_TRAIL_WORDS)
# the lower-case literals this module's gates read from the document's one trigger scan (the
# caller's ``found``: ``w in found`` is ``w in text.lower()``), so a block without any skips the
# tests on its tail
_TRAIL_SET = frozenset(_TRAIL_WORDS)
_WORDED_LIT = frozenset(("photo", "image", "picture", "illustration"))
_SOURCE_LIT = frozenset(("source", "fuente"))
_POSITION_LIT = frozenset(("(l)", "(r)", "(c)", "(l-r)"))
SCANNED = scan_words(*_TRAIL_SET, *_WORDED_LIT, *_SOURCE_LIT, *_POSITION_LIT)
_AG_AC = _automaton(_AG_LITERALS)
#: for the caption filter's gate (``caption._plain``): every literal of ``found`` a test of
#: :func:`more_credit` reads, and the agencies' opening letters :func:`trailing_credit` looks
#: for in the last 140 characters of a block without another sign of a credit
MORE_LITERALS = _TRAIL_SET | _POSITION_LIT | _WORDED_LIT | _SOURCE_LIT
AGENCY_LITERALS = _AG_LITERALS
AGENCY_AC = _AG_AC
# the literals of which every match of an expression holds one (checked against the
# expressions in tests/test_rule_fastpaths.py)
_TRAIL_NEEDS = needs_of(_TRAIL)
_LEAD_NEEDS = needs_of(_LEAD_CREDIT)
_WORD_START = regex.compile(r"(?:^|(?<=[\s.!?]))[^\s]")
_SENTENCE_IN = regex.compile(r"[.!?]\s+\p{Ll}|\b(?:is|are|was|were|has|have|had|will|would|said|says|told)\b")
_SENTENCE_END = regex.compile(r"(?:[\p{L}\p{N})\]][.!?]|[\"\u201d'\u2019])\s*$")
# a verb of speech (or "according to"): a paragraph that tells what somebody said is the story, and
# a bare agency after it the wire's sign-off ("... the ministry said. (Reuters)", "... concluyó el
# portavoz. EFE"), not a photo credit
_WIRE_SPEECH = regex.compile(
    r"\b(?:said|says|told|added|according\s+to|dijo|dice|afirm[óo]|asegur[óo]|señal[óo]|explic[óo]|conclu[yi][óo]|"
    r"a[ñn]adi[óo]|indic[óo]|declar[óo]|subray[óo]|agreg[óo]|manifest[óo]|sostuvo|destac[óo]|precis[óo]|seg[úu]n)\b",
    regex.IGNORECASE,
)
_PICTURE_LABEL = regex.compile(r"(?i)(?:photo|foto|image|imagen|picture)\b")


# the first two letters (in lower case) of every form of ``_TRAIL``'s credit that opens with a
# small ASCII letter: its labels and credit words, case-insensitive ("staff", "photo", "image",
# "credit", "screenshot", "captura", "supplied", "especial", "archivo", "source", "fuente", ...),
# and the agencies written in lower case ("iStock", "dpa", "picture-alliance", "ullstein bild");
# every other form opens with a capital, a digit ("123RF"), a bracket or the copyright sign
_TRAIL_STARTS = frozenset(
    "st fi ap af ha po fe to le ma co he ph im pi fo il cr sc ca so fu is dp ul su pr es ar sp".split()
)
# and their first three ("top", "han", "sou", "ist", ...): of the forms, only "ap" is a word of
# two letters ("AP photo"); "cré" (crédito) has a third letter beyond ASCII
_TRAIL_STARTS3 = frozenset(
    "sta fil afp han poo fea top lea mai cov hea pho ima pic fot ill ilu cre scr cap sou fue "
    "sup pro con sub cou cor esp arc spe ist dpa ull".split()
)
_SMALL = frozenset("abcdefghijklmnopqrstuvwxyz")
_LETTERS = _SMALL | frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_ASCII = frozenset(chr(c) for c in range(128))


def _trail_cannot_open(text: str, at: int) -> bool:
    """Whether ``_TRAIL`` cannot match at ``at``: the word opens with ASCII characters, the first
    a small letter, that open none of its forms (two, or three letters), or with a digit other
    than 1 (a cheap gate, checked against the expression in tests/test_scan_gates.py)."""
    c = text[at]
    if c in _SMALL:
        n = text[at + 1 : at + 2]
        if n not in _ASCII:
            return False
        two = c + n.lower()
        if two not in _TRAIL_STARTS:
            return True
        t = text[at + 2 : at + 3]
        if t in _LETTERS:
            return two + t.lower() not in _TRAIL_STARTS3
        return two != "ap" and t in _ASCII  # a word of two letters ("to", "he") but "ap"
    return c in "0234567890"


def trailing_credit(text: str, words: int, found: frozenset[str] | None = None) -> tuple[str, str] | None:
    """(caption, credit) when ``text`` ends with a photo credit in one of the trade's forms, or
    is one: "Credit: X", "Photo by X", "Image copyright X", "(Getty Images)", "Jane Doe/The
    Daily Example", "Supplied", "(c) Jane Doe 2020", "Fotografía: X", "Cortesía".

    A credit that only follows a space must say it is one ("Image source: X") or have the
    name/outfit shape; a bare agency or word ("Getty", "Supplied") follows a full stop, a bar or
    stands in brackets. ``found``: the literals of ``SCANNED`` that ``text.lower()`` holds, when
    the caller has them (the document's trigger scan).

    >>> trailing_credit("A man walks past a closed shop in London. Photo by Ann Lee", 10)
    ('A man walks past a closed shop in London.', 'Photo by Ann Lee')
    >>> trailing_credit("Ann Lee/The Daily Example", 3)
    ('', 'Ann Lee/The Daily Example')
    >>> trailing_credit("The council took the photo by the river", 8) is None
    True
    """
    if words > 70:
        return None
    start = max(0, len(text) - 140)
    tail = text[start:]
    # every form names a label, a word credit, an agency, or joins a name and an outfit with a
    # slash or a bar: literals first (the expression, tried at every position, costs 30 times more)
    if not ("/" in tail or "|" in tail or "\u00a9" in tail):
        if (found is not None and found.isdisjoint(_TRAIL_SET)) or next(_WORDS_AC.iter(tail.lower()), None) is None:
            if next(_AG_AC.iter(tail), None) is None:
                return None
    # tried at the start of each word of the tail (not at every character) that may open a
    # credit: a word of two ASCII letters in lower case ("the", "of") opens none of its forms;
    # and up to the last of the literals every match holds (a match from a word after it holds none)
    last = start + _TRAIL_NEEDS.last(tail)
    for w in _WORD_START.finditer(text, start, last + 1):
        at = w.start()
        if _trail_cannot_open(text, at):
            continue
        m = _TRAIL.match(text, at)
        if m is not None:
            got = _judge_trail(text, words, m)
            if got is not None:
                return got
    return None


def _judge_trail(text: str, words: int, m: regex.Match[str]) -> tuple[str, str] | None:
    credit = m["credit"].strip().rstrip(".").strip()
    whole = m["all"].rstrip(" .")
    opened = whole[:1] in "(["
    if opened != (whole[-1:] in ")]"):
        return None  # "(Getty Images" or "Getty Images)": not a bracketed credit
    if _SENTENCE_IN.search(credit) or len(credit.split()) > 14:
        return None  # "Photo by the river is where ...": a sentence, not a credit
    if m["org"] is not None and not _ORG_WORD.search(m["org"].split("/" if "/" in m["org"] else "|", 1)[1]):
        return None
    if m["lab"] is not None and m["sep"].strip() in ("/", "|") and not _PICTURE_LABEL.match(m["lab"]):
        return None  # "Photographer / Videographer": two trades, not a credit
    before = text[: m.start("all")]
    cap = before.rstrip(" |/\u2014\u2013-").strip()
    if not cap:
        # the line is only a credit (a bare agency is the caption filter's credit-only rule; a
        # copyright line the legal filter's)
        return ("", credit) if words <= 14 and m["ag"] is None and m["copy"] is None else None
    if len(cap.split()) < 3 or words > 60:
        return None
    mark = before.rstrip() != before.rstrip(" |/\u2014\u2013-")
    marked = opened or mark or _SENTENCE_END.search(before) is not None
    if not marked:
        # after a space only: a label with a colon ("... map Image source: X") or a name and
        # an outfit joined by a slash
        if not (m["org"] is not None or (m["lab"] is not None and ":" in m["sep"])):
            return None
    if m["ag"] is not None and _SENTENCE_END.search(before) is None and not mark:
        return None  # "KUALA LUMPUR, Malaysia (AP)": a dateline, not a caption
    if m["lab"] is None and m["src"] is None and (reports_speech(cap) or m["ag"] is not None and _WIRE_SPEECH.search(cap)):
        return None  # "... the ministry said. (Reuters)", "... concluyó el portavoz. EFE": a wire story's last paragraph
    return cap, credit

MORE_WHY = {
    "sentence-credit": "a caption sentence followed by its credit",
    "worded-credit": "a photo credit in words ('Staff photo', 'Photo provided by ...')",
    "source-label": "a caption ending with a labelled image source",
    "leading-credit": "a caption opened by its photo credit",
    "pin-caption": "an image's pin button, then its caption",
    "trailing-credit": "a caption ending with its photo credit",
    "caption-label": "a line labelled as a caption",
    "gallery-line": "a gallery's captions flattened into one line (a photo credit or its label again and again)",
}


def _credit_ok(credit: str, courtesy: bool) -> bool:
    """Whether the words after a caption sentence are a credit: "Courtesy of ...", an outfit
    ("CBS News", "Example Photography"), an acronym ("NASA"), or a person's name (2 or 3 words)."""
    toks = credit.split()
    if courtesy:
        return True
    if toks[0] in _NOT_CREDIT or toks[-1].lower() in ("of", "de", "and", "y", "for", "&", "via", "the"):
        return False
    if _MEDIA.search(credit) or any(_ACRONYM.match(t) for t in toks):
        return True
    if any(t in _UI_WORDS for t in toks):
        return False  # "... at any time. Privacy Policy": a form's link, not a credit
    names = [t for t in toks if t[:1].isupper()]
    return 2 <= len(names) <= 3 and len(toks) == len(names) and all(len(t) > 1 and not t.isupper() for t in toks)


def sentence_may(text: str, words: int) -> bool:
    """Whether :func:`more_credit`'s sentence credit ("... Spain. Ann Lee") may take ``text``: its
    own tests before its other ones, the expression included (for the caption filter's gate)."""
    cut = text.rfind(". ")
    if cut <= 0 or words < 4:
        return False
    after = text[cut + 2 :].split()
    return 1 <= len(after) <= 10 and after[0][:1].isupper() and _SENTENCE_CREDIT.match(text, cut + 2) is not None


def more_credit(text: str, words: int, found: frozenset[str] | None = None) -> tuple[str, str | None, str] | None:
    """(caption, credit, rule) when ``text`` is a caption in one of this module's shapes.
    ``found``: the literals of ``SCANNED`` that ``text.lower()`` holds, when the caller has them
    (the document's trigger scan): a block without a test's literals skips it.

    >>> more_credit("Ron Lee outside his home in Troy, Mich. Example News", 10)
    ('Ron Lee outside his home in Troy, Mich.', 'Example News', 'sentence-credit')
    >>> more_credit("Volunteers sort donations at the food bank. Staff photo by Ann Lee", 12)
    ('Volunteers sort donations at the food bank.', 'Staff photo by Ann Lee', 'trailing-credit')
    >>> more_credit("The old mill before its restoration, NPS photo.", 7)
    ('The old mill before its restoration,', 'NPS photo', 'worded-credit')
    >>> more_credit("She said the vote was close. Next Steps", 8) is None
    True
    """
    if words > 70:
        return None
    last = text[-1:]
    cut = text.rfind(". ")
    # the words after the last full stop: a credit of a few words with a capital (or "Courtesy of X.")
    after = text[cut + 2 :].split() if cut > 0 else ()
    if words >= 4 and 1 <= len(after) <= 10 and after[0][:1].isupper():
        m = _SENTENCE_CREDIT.match(text, cut + 2)
        cap = text[: cut + 1]
        w = _LAST_WORD.search(cap, max(0, cut - 40)) if m is not None and text[:1].isupper() and 12 <= len(cap) <= 400 else None
        if m is not None and w is not None:
            court = m["court"] is not None
            end = w[1]
            ok = end.lower() not in _ABBREV and (end[:1].islower() or end[:1].isdigit() or len(end) > 3)
            # "Courtesy of X." may close with a full stop; any other credit has none
            if ok and (court or last != ".") and len(cap.split()) >= (2 if court else 4) and _credit_ok(m["credit"], court):
                return cap.strip(), m["credit"].strip().rstrip("."), "sentence-credit"
    if last != ")" and (found is None or not found.isdisjoint(_POSITION_LIT)) and ("(L)" in text or "(R)" in text or "(C)" in text or "(L-R)" in text):
        m = _POSITION_CREDIT.match(text)
        if m is not None and _credit_ok(m["credit"], False):
            return m["cap"].strip(), m["credit"].strip(), "sentence-credit"
    got = trailing_credit(text, words, found)
    if got is not None:
        return got[0], got[1], "trailing-credit"
    worded = found is None or not found.isdisjoint(_WORDED_LIT)
    source = found is None or not found.isdisjoint(_SOURCE_LIT)
    low_tail = text[-80:].lower() if worded or source else ""
    if worded and any(w in low_tail for w in ("photo", "image", "picture", "illustration")):
        m = _WORDED.search(text, max(0, len(text) - 130))
        if m is not None and (m.start() == 0 or words <= 60):
            return text[: m.start()].strip(), m["credit"].strip(), "worded-credit"
    if source and ("source" in low_tail or "fuente" in low_tail):
        m = _SOURCE_LABEL.search(text, max(0, len(text) - 110))
        if m is not None:
            return text[: m.start()].strip(), m["credit"].split(":", 1)[1].strip(), "source-label"
    if ("/" in text[:80] or text[:1] in "\u00a9(") and _LEAD_NEEDS.may(text):
        m = _LEAD_CREDIT.match(text)
        if m is not None and len(m["cap"].split()) >= 2 and words <= 60:
            return m["cap"].strip(), m["credit"].strip(), "leading-credit"
    if "aption" in text[:16] or text[:3].lower() == "pie":
        m = _CAPTION_LABEL.match(text)
        if m is not None and words <= 80:
            return m["cap"].strip(), None, "caption-label"
    if text[:3].lower() in ("sha", "pin", "sav"):
        m = _PIN.match(text)
        if m is not None and words <= 60:
            return m["cap"].strip(), None, "pin-caption"
    return None


_TAIL_LIT = _WORDED_LIT | _SOURCE_LIT
_TAIL_WORDS = ("photo", "image", "picture", "illustration", "source", "fuente")


def more_idle(text: str, words: int, found: frozenset[str]) -> bool:
    """Whether every test of :func:`more_credit` that reads a literal of ``found`` passes over
    ``text``, asked as it asks it (for the caption filter's gate, ``caption._plain``): no
    position mark, no trail word in the last 140 characters, none of the worded and source
    credits' words in the last 80; a block of more than 70 words is asked none."""
    if words > 70:
        return True
    if not found.isdisjoint(_POSITION_LIT):
        return False
    if not found.isdisjoint(_TRAIL_SET) and next(_WORDS_AC.iter(text[-140:].lower()), None) is not None:
        return False
    if not found.isdisjoint(_TAIL_LIT):
        low_tail = text[-80:].lower()
        if any(w in low_tail for w in _TAIL_WORDS):
            return False
    return True


# ---- captions of a gallery flattened into one line -------------------------------------------------
_LABEL_COLON = regex.compile(
    r"(?<![\p{L}\p{N}])(?i:photo(?:graph)?s?|images?|fotos?|fotograf[ií]as?|imagen(?:es)?|pictures?|pics?|credits?|cr[eé]ditos?|"
    r"captions?|pie\s+de\s+foto|source|fuente)\s*:"
)
_CREDIT_MARK = regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?:{_AG})(?![\p{{L}}\p{{N}}])|\((?i:photo|foto|image|imagen)\s*(?::|by|de|por)")


def gallery_line(text: str, words: int) -> int:
    """How many captions a long line strings together when it is a gallery's captions flattened
    into one line ("Photo: Getty Images A man ... Photo: AFP Crowds ... Photo: ..."): credit
    labels or credits at least three times, one every 80 words or closer, the first of them in
    the line's opening words; else 0."""
    if words <= 60 or text.count(":") < 2:
        return 0
    labels = [m.start() for m in _LABEL_COLON.finditer(text)]
    if len(labels) < 2:
        return 0
    marks = labels + [m.start() for m in _CREDIT_MARK.finditer(text)]
    if len(marks) < 3 or words / len(marks) > 80:
        return 0
    if min(marks) > len(" ".join(text.split()[:12])):
        return 0
    return len(marks)
