"""More shapes of an author's biography, as contributor notes are written across the trade:
"NAME covers ... for ...", "NAME writes about ...", "NAME, MD, is professor of ...", "NAME, who
..., is a contributor to ...", "*NAME is a writer ...*", "Follow NAME on Twitter @handle", and the
Spanish "NAME es investigadora ...", "NAME escribe sobre ...", "Sigue a NAME en Twitter".

The author filter decides where such a sentence counts (see ``AuthorBioFilter.extra``): at the
end of the page, or anywhere when the name is the byline's."""

from __future__ import annotations

import regex

from ._common import needs_of

__all__ = ["bio_sentence", "follow_author", "byline_names"]

_TOK = r"(?:\p{Lu}[\p{L}\p{M}'\u2019-]+|\p{Lu}\.(?:\s*\p{Lu}\.)?)"
_PART = r"(?:de|del|de\s+la|da|van|von|der|le|la|bin|al|el|y)"
_NAME = rf"(?:(?:Dr|Prof|Rev|Mr|Mrs|Ms|Dra|Sr|Sra)\.?\s+)?(?P<name>{_TOK}(?:\s+(?:{_PART}\s+)?{_TOK}){{1,3}})"
# letters after a name: "Jane Doe, MD, MPH," "Jane Doe, Ph.D.,"
_CRED = (
    r"(?:,?\s+(?:M\.?D\.?|Ph\.?\s?D\.?|D\.?O\.?|R\.?N\.?|M\.?P\.?H\.?|J\.?D\.?|MBA|DrPH|MSc?|MA|BSN|FAC[A-Z]{1,2}|"
    r"CPA|Esq\.?|Jr\.?|Sr\.?|III|II))+,?"
)
# "(@handle)" after the name, a relative clause or an apposition: ", who teaches at X," ", a former editor,"
_AFTER_NAME = r"(?:\s*\(@\w+\))?" + rf"(?:{_CRED})?" + r"(?P<appos>,\s+(?:who|a|an|the|que|quien)\s+[^,;:]{3,140},)?"
_PROF = (
    r"writer|journalist|author|reporter|editor|columnist|contributor|correspondent|blogger|novelist|essayist|"
    r"commentator|host|founder|co-founder|fellow|professor|director|analyst|producer|copywriter|"
    r"content\s+(?:creator|writer|strategist)|scientist|researcher|physician|economist|lawyer|attorney|"
    r"consultant|strategist|lecturer|scholar|historian|educator|dietitian|nutritionist|psychologist|"
    r"psychiatrist|epidemiologist|investigator|ceo|president|chair|chairman|chairwoman|vice-chair|adviser|advisor|"
    r"therapist|trainer|coach|pharmacist|dentist|chiropractor|naturopath|herbalist|practitioner|educator|"
    r"entrepreneur|podcaster|activist|advocate|"
    r"periodista|escritora?|autora?|redactora?|directora?|profesora?|investigadora?|doctora?|licenciad[oa]|"
    r"acad[eé]mic[oa]|economista|abogad[oa]|analista|columnista|colaboradora?|corresponsal|editora?|"
    r"polit[oó]log[oa]|soci[oó]log[oa]|catedr[aá]tic[oa]|especialista|expert[oa]|consultora?|coordinadora?|"
    r"presidente|presidenta|fundadora?"
)
_IS_PROF = (
    r"\s+(?:is|was|serves\s+as|has\s+been|es|fue|ha\s+sido)\s+(?:(?:a|an|the|un|una|el|la)\s+)?"
    rf"(?:[\p{{L}}-]+\s+){{0,6}}?(?i:{_PROF})\b"
)
# "is a registered dietitian", "is a board-certified ...": a credential before any trade
_IS_CERTIFIED = r"\s+(?:is|es)\s+(?:a|an|un|una)\s+(?:(?:nationally|internationally)\s+)?(?i:certified|registered|licensed|board[\s-]certified|award-winning|bestselling|best-selling|freelance)\s"
# "has 20 years of experience in ...", "holds a master's degree", "lives in Denver with her family"
_CAREER = (
    r"\s+(?:has\s+(?:more\s+than\s+|over\s+|nearly\s+)?\d+\s+years\s+of\s+experience|holds\s+(?:a|an)\s+(?:[\w'\u2019.-]+\s+){0,3}?(?:degree|ph\.?d|doctorate|master|bachelor|md)|"
    r"lives\s+in\s+[^.]{2,60}?\s+with\s+(?:his|her|their)\s|tiene\s+m[aá]s\s+de\s+\d+\s+a[nñ]os\s+de\s+experiencia)"
)
# "covers health for X", "writes about science", "reports on climate from Nairobi", "escribe sobre ciencia"
_DOES = (
    r"\s+(?:covers|writes\s+(?:about|on|for|the)|reports\s+(?:on|for|from)|has\s+(?:written|reported)\s+(?:for|about|on)|"
    r"has\s+covered|escribe\s+(?:sobre|para|en)|cubre|colabora\s+(?:con|en))\s"
)
# the trade's own words: a writer's note, not a source's description
_WRITES = regex.compile(
    r"(?i:writer|journalist|reporter|editor|columnist|contributor|correspondent|blogger|commentator|"
    r"periodista|redactora?|columnista|colaboradora?|corresponsal|editora?)\b"
)
_BIO = regex.compile(
    rf"^(?:[*_(\u2014\u2013-]\s*)?(?!(?:There|It|This|That|These|Those|He|She|They|We|Our|The|A|An|El|La|Los|Las|Un|Una)\s){_NAME}"
    rf"{_AFTER_NAME}(?P<verb>{_IS_PROF}|{_DOES}|{_IS_CERTIFIED}|{_CAREER})"
)
# words that tell the sentence is the story's: speech, first person, a running scene
# what a writer's "covers ..." names: an outlet ("for The Example Times", "para El Ejemplo") or the trade
_BEAT = regex.compile(
    r"\b(?:for|at|with|para|en)\s+(?:(?:the|el|la)\s+)?\p{Lu}[\p{L}]+(?:\s+\p{Lu}[\p{L}]+)*\s*(?:[.,;]|$)"
    r"|\b(?i:news|magazine|newspaper|journal|column|desk|beat|newsletter|podcast|blog|website|peri[oó]dico|diario|revista|columna)\b"
)
_STORY = regex.compile(r"\b(?:said|says|told|I|we|my|our|dijo|afirm[oó]|explic[oó])\b")

_FOLLOW = regex.compile(
    r"^(?i:you\s+can\s+)?(?i:follow|sigue\s+a)\s+(?:[\p{L}.'\u2019-]+\s+){0,5}?\p{Lu}[\p{L}.'\u2019-]+\s+\p{Lu}[\p{L}.'\u2019-]+\s+"
    r"(?:(?i:on|en)\s+(?i:twitter|x|instagram|threads|bluesky|mastodon|facebook|linkedin)\s*)?(?:(?i:at)\s+|:\s*)?@\w+\.?$",
)
# "By Jane Doe", "Por Jane Doe", "By Jane Doe and John Roe"
_BYLINE = regex.compile(rf"^[^\p{{L}}]{{0,3}}(?i:by|por)\s+(?P<names>{_TOK}(?:\s+(?:{_PART}\s+)?{_TOK}){{1,3}}(?:\s*(?:,|and|y|&)\s*{_TOK}(?:\s+(?:{_PART}\s+)?{_TOK}){{1,3}}){{0,3}})")


# the literals of which every match holds one: a text holding none is not searched (checked
# against the expression in tests/test_rule_fastpaths.py)
_BIO_NEEDS = needs_of(_BIO)


def bio_sentence(text: str, byline_only: bool = False) -> str | None:
    """The person's name when ``text`` opens like an author's biography ("NAME covers ...",
    "NAME, MD, is professor of ...", "*NAME is a writer ...*"), else None. With an apposition
    ("NAME, who teaches at X, is a contributor to ...") only when ``byline_only`` (the caller
    takes it only for the byline's author) and the trade is a writer's.

    >>> bio_sentence("Jane Doe covers health care for The Example Times.")
    'Jane Doe'
    >>> bio_sentence("Jane Doe, MD, is an associate professor of medicine at Example University.")
    'Jane Doe'
    >>> bio_sentence("Ann Smith covers the night shift alone, she said.") is None
    True
    """
    m = _BIO.match(text) if _BIO_NEEDS.may(text) else None
    if m is None:
        return None
    if m["appos"] and not (byline_only and _WRITES.search(m["verb"])):
        return None  # "Ann Lee, a teacher at X, is a professor ...": how a story introduces a source
    verb = m["verb"].split()
    if verb[0] not in ("is", "was", "serves", "has", "es", "fue", "ha", "holds", "lives", "tiene") or verb[0] == "has" and verb[1] not in ("been",) and "experience" not in m["verb"]:
        if _BEAT.search(text) is None:
            return None  # "Ann Smith covers the night shift alone": a story's sentence
    if _STORY.search(text, 0, 400) or "\u201c" in text[:200] or '"' in text[:200] and "said" in text:
        return None
    return m["name"]


def follow_author(text: str) -> bool:
    """Whether ``text`` is "Follow NAME on Twitter @handle" (or "Follow AP Writer NAME at @handle",
    "Sigue a NAME en Twitter: @handle"): where to find the writer, not the outlet's accounts."""
    if len(text) > 160 or "@" not in text:
        return False
    return _FOLLOW.match(text.strip()) is not None


_WS = regex.compile(r"\s+")
_NAMES_SPLIT = regex.compile(r"\s*(?:,|\band\b|\by\b|&)\s*")


def _key(name: str) -> tuple[str, str]:
    toks = [t for t in _WS.split(name) if len(t.rstrip(".")) > 1]
    return (toks[0].lower(), toks[-1].lower()) if toks else ("", "")


def byline_names(texts: list[str]) -> frozenset[tuple[str, str]]:
    """(first name, surname) of every person a "By NAME" line names, in lower case."""
    out: set[tuple[str, str]] = set()
    for t in texts:
        if len(t) > 300:
            continue
        # "by" or "por" after at most three marks that are no letters (which lower case leaves
        # as they are): a line holding neither in its first six characters is no byline
        head = t[:6].lower()
        if "by" not in head[:5] and "por" not in head:
            continue
        m = _BYLINE.match(t)
        if m is not None:
            for part in _NAMES_SPLIT.split(m["names"]):
                if part.strip():
                    out.add(_key(part))
    return frozenset(out)


def same_person(name: str, names: frozenset[tuple[str, str]]) -> bool:
    return _key(name) in names
