"""Sign-up forms and newsletter pitches found by their shape and grammar, not by one site's words.

Two concepts, each a small test over word classes (the style of ``_promo.py``: the outlet's
words ``promo_owner`` and ``promo_self`` are reused from there):

**A sign-up form flattened into one line.** A scraper that keeps a form's text glues its parts
together: a prompt, the field's label or its error ("Please enter a valid email address"), the
consent and the fine print ("Privacy Policy", "You can unsubscribe at any time", "This site is
protected by reCAPTCHA"), a honeypot ("Leave this field empty if you're human"), a country
picker. A block holding two distinct parts of a form, at least one of them a part only a form
has (an error message, a consent box, a honeypot, a captcha, a picker), is the form; a story that
mentions a privacy policy and a newsletter has no field error, no honeypot and no picker. A
country picker makes the line long, so a block with one may run past the word limit.

**The outlet describing its newsletter to the reader.** "We've created a newsletter to help you
stay informed", "This newsletter will be sent to your inbox at the end of each day": one sentence
holding the outlet (``promo_owner``: "we", "our") or the newsletter itself ("this newsletter"),
a newsletter noun (newsletter, briefing, digest, inbox) and the reader ("you", "your"). A story
about a newsletter tells of it in the third person ("The newsletter, which the council mails
to residents, ...") or reports somebody's speech. Around such a pitch, the outlet's short
service lines ("We're here to help.") go with it.

>>> from cleantext import clean
>>> story = "The council voted on Tuesday to close the old bridge after engineers found deep cracks in two of its supports."
>>> form = "Morning Notes Your daily digest of local news. Please enter a valid email address. Privacy Policy Leave this field empty if you're human:"
>>> clean(story + "\\n\\n" + form).text == story
True
>>> pitch = "To make sure you never miss an update, this newsletter will be sent to your inbox every evening."
>>> clean(story + "\\n\\n" + pitch).removed[0].rule
'newsletter-pitch'
>>> kept = "The newsletter, which the council mails to every household, listed the new bin collection days."
>>> clean(story + "\\n\\n" + kept).text == story + "\\n\\n" + kept
True
"""

from __future__ import annotations

import functools
from typing import Any

import regex

from .._patterns import group_source, scan_words

__all__ = ["GATE_WORDS", "may_be_form_or_pitch", "form_parts", "is_signup_form", "is_pitch", "is_service_line", "FORM_WORDS", "PITCH_WORDS"]

_I = regex.IGNORECASE

#: a form without a country picker is short
FORM_WORDS = 80
#: a newsletter pitch is a short paragraph
PITCH_WORDS = 60

# The parts of a sign-up form: (name, pattern, whether only a form has it)
_PARTS: tuple[tuple[str, str, bool], ...] = (
    ("field error", r"please\s+(?:enter|provide|use)\s+a\s+valid\s+e-?mail(?:\s+address)?|(?:that|this)\s+e-?mail(?:\s+address)?\s+is\s+(?:not\s+valid|invalid)|invalid\s+e-?mail(?:\s+address)?", True),
    ("field label", r"(?:enter|type)\s+your\s+e-?mail(?:\s+address)?(?:\s+here)?|your\s+e-?mail\s+address\s*(?:\*|:|\(required\))|e-?mail\s+address\s*\*", False),
    ("consent", r"i\s+(?:agree|consent|would\s+like)\s+to\s+(?:receive|the\s+terms|get)|by\s+(?:clicking|submitting|signing\s+up|subscribing)[^.]{0,60}?\byou\s+(?:agree|consent|accept|acknowledge)", True),
    ("unsubscribe", r"(?:you\s+(?:can|may)\s+)?(?:unsubscribe|opt[-\s]?out)\s+at\s+any\s*time", True),
    ("honeypot", r"leave\s+this\s+field\s+(?:empty|blank)|if\s+you[\u2019']re\s+(?:a\s+)?human|this\s+field\s+is\s+for\s+validation", True),
    ("captcha", r"protected\s+by\s+(?:re)?captcha|recaptcha", True),
    ("picker", r"(?:choose|select)\s+your\s+(?:country|region|edition)", True),
    ("fine print", r"privacy\s+(?:policy|notice)|terms\s+(?:of\s+(?:service|use)|and\s+conditions)", False),
    ("prompt", r"sign\s+up(?:\s+(?:for|to|now|here|today))?|subscribe(?:\s+(?:now|here|today))?|newsletters?", False),
)
_PART_RES = tuple((name, regex.compile(rf"(?<!\w)(?:{src})(?!\w)", _I), only) for name, src, only in _PARTS)
# Lower-case literals of which every match of each part holds one (read from its pattern above):
# a part whose literals the text lacks is not searched for
_PART_WORDS: dict[str, tuple[str, ...]] = {
    "field error": ("valid",),
    "field label": ("mail",),
    "consent": ("agree", "consent", "would", "accept", "acknowledge"),
    "unsubscribe": ("unsubscribe", "opt"),
    "honeypot": ("field", "human"),
    "captcha": ("captcha",),
    "picker": ("country", "region", "edition"),
    "fine print": ("privacy", "terms"),
    "prompt": ("sign", "subscribe", "newsletter"),
}
_PART_GATED = tuple((name, pat, only, scan_words(*_PART_WORDS[name])) for name, pat, only in _PART_RES)
_ALL_PART_WORDS = frozenset().union(*_PART_WORDS.values())


# a block holding none of these literals is neither a form (no part only a form has) nor a pitch
# (no newsletter noun): one ``in`` test each, before any pattern runs
_GATE = ("valid", "agree", "consent", "unsubscribe", "opt-out", "opt out", "optout", "field", "human",
         "captcha", "your country", "your region", "your edition", "newsletter", "briefing", "digest",
         "inbox", "e-mail update", "email update", "e-mail alert", "email alert")
#: the literals, read from the document's trigger scan (``Context.triggers_in``) by the filter
GATE_WORDS = scan_words(*_GATE)


@functools.lru_cache(maxsize=1)
def _gate() -> Any:
    """The literals in one Aho-Corasick automaton: one pass in C per block (a Python loop of
    ``in`` tests cost twice as much; a regex alternation five times)."""
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for w in _GATE:
        automaton.add_word(w, w)
    automaton.make_automaton()
    return automaton


def may_be_form_or_pitch(low: str) -> bool:
    """Whether the lower-cased text ``low`` holds a literal that a form or a pitch needs.

    >>> may_be_form_or_pitch("sign up for our daily briefing"), may_be_form_or_pitch("the council voted")
    (True, False)
    """
    for _ in _gate().iter(low):
        return True
    return False


def form_parts(text: str, found: frozenset[str] | None = None) -> list[str]:
    """The names of the sign-up form's parts found in ``text``, in the order of ``_PARTS``.
    ``found``: the lower-case literals the text holds, when the caller has them (a superset of
    those of ``_PART_WORDS`` it holds: ``Context.triggers_in``)."""
    if "\u017f" in text or "\u0130" in text:
        # the patterns' case folding matches "ſ" as "s", and "İ" as "i", where the lower
        # case holds no such letter: every part is searched
        return [name for name, pat, _ in _PART_RES if pat.search(text)]
    if found is None:
        low = text.lower()
        found = frozenset([w for w in _ALL_PART_WORDS if w in low])
    return [name for name, pat, _, lits in _PART_GATED if not found.isdisjoint(lits) and pat.search(text)]


def is_signup_form(text: str, words: int, found: frozenset[str] | None = None) -> list[str] | None:
    """The form parts when ``text`` is a flattened sign-up form (see the module's docstring);
    ``found`` as for :func:`form_parts`."""
    parts = form_parts(text, found)  # (the parts' own literals gate it first: see ``may_be_form_or_pitch``)
    if len(parts) < 2 or not any(only for name, _, only in _PART_RES if name in parts):
        return None
    if words > FORM_WORDS and "picker" not in parts:
        return None
    return parts


_NOUN = r"(?:newsletters?|briefings?|digests?|inbox(?:es)?|e-?mail\s+(?:updates?|alerts?))"
_READER = regex.compile(r"(?<!\w)(?:you|your)(?!\w)", _I)
_SENT = regex.compile(r"[^.!?]+(?:[.!?]+|$)")


@functools.lru_cache(maxsize=None)
def _pitch_res(langs: tuple[str, ...]) -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    owner = group_source("promo_owner", langs)
    self_ = group_source("promo_self", langs)
    who = regex.compile(rf"(?<!\w)(?:{owner}|{self_}|(?:this|our)\s+(?:daily\s+|weekly\s+|free\s+)?{_NOUN})(?!\w)", _I)
    return who, regex.compile(rf"(?<!\w){_NOUN}(?!\w)", _I)


def is_pitch(text: str, langs: tuple[str, ...] = ("en",)) -> str | None:
    """Evidence when a sentence of ``text`` is the outlet describing its newsletter to the reader."""
    who, noun = _pitch_res(tuple(dict.fromkeys(langs + ("en",))) if "en" not in langs else langs)
    for m in _SENT.finditer(text):
        s = m.group()
        n = noun.search(s)
        if n is None:
            continue
        w = who.search(s)
        r = _READER.search(s)
        if w is not None and r is not None:
            return f"'{' '.join(w.group().split())}' + '{n.group()}' + reader '{r.group()}'"
    return None


# The outlet's short service lines beside a pitch: "We're here to help.", "We're here to provide
# all of the essential information you need to know as it's happening."
_SERVICE = regex.compile(r"\bwe(?:[\u2019']re|\s+are)\s+here\s+to\s+(?:help|provide|keep|bring|make)\b", _I)


def is_service_line(text: str) -> bool:
    """Whether ``text`` holds the outlet's "We're here to help" to the reader."""
    return _SERVICE.search(text) is not None
