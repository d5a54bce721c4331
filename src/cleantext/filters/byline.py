"""Bylines: author and date lines at the head (or foot) of an article."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import regex

from .._dates import find_date
from .._document import Block, Document
from .._types import Context, Finding
from ._common import NAME, BaseFilter, is_body_like, needs_of, reports_speech, table_cell

__all__ = ["BylineFilter", "parse_names"]

# Words that describe a role or an outlet, not a person, after a name.
_ROLE = regex.compile(
    r"^(?:(?:AP|Reuters|AFP|Bloomberg|CNN|NBC|CBS|ABC|Fox|Associated\s+Press|NFL|NBA|MLB|NHL)\s+)?(?:(?:senior|chief|staff|contributing|special|guest|political|national|foreign|white house|"
    r"associate|executive|managing|deputy|assistant|investigative|health|medical|science|business|sports|tech(?:nology)?)\s+)*"
    r"(?:writer|reporter|correspondent|editor|columnist|contributor|journalist|author|producer|"
    r"analyst|blogger|photographer|critic|fellow|staff|intern|redactor|redactora|periodista|corresponsal)s?"
    r"(?:\s+(?:at|for|of|with)\s+.+)?$"
    r"|^special\s+to\s+(?:the\s+)?\p{Lu}.{1,60}$",  # "Special to the Tribune": a freelancer's credit
    regex.IGNORECASE,
)
# A role under an outlet's name, on a line of its own: "Washington Post Staff Writer", "Seattle
# Times news services", "CanWest News Service", "AP White House Correspondent"
_OUTLET_ROLE = regex.compile(
    r"^(?!the\s+\S+$)(?:(?-i:\p{Lu}[\p{L}.&'\u2019-]*)\s+){1,4}(?:(?:(?:senior|chief|staff|contributing|special|political|national|"
    r"foreign|white\s+house|business|sports|health|science|entertainment|news)\s+){1,2}"
    r"(?:writers?|reporters?|correspondents?|columnists?)|news\s+services?|wire\s+services?)$",
    regex.IGNORECASE,
)
# Credentials after a name: "MD", "PhD", "M.D", "FACS".
_CREDENTIAL = regex.compile(r"^(?:[A-Z]\.?){1,6}(?:\.[A-Z]{1,3})*\.?$|^(?:MD|PhD|Ph\.D|MPH|RN|Esq|Jr|Sr|II|III|MSc|BSc|DPhil)\.?$")
# A degree after a name, inside its part: "Robert M. Goldman MD", "Ann Lee M.D."
_TRAILING_DEGREE = regex.compile(r"(?:\s+(?:M\.?D|Ph\.?D|D\.?O|R\.?N|MPH|MBA|DDS|DVM|FACS|FACP|FRCP|MSc|BSc|Esq)\.?)+$")
# A title before a name: "Dr. Ann Lee", "Prof. Ann Lee"
_HONORIFIC = regex.compile(r"^(?:Dr|Prof|Mr|Mrs|Ms|Mx|Dra|Sr|Sra)\.\s+(?=\p{Lu})")
_AGENCY = regex.compile(
    r"^(?:the\s+)?(?:associated press|ap|reuters|afp|agence france-presse|upi|bloomberg(?: news)?|"
    r"cnn(?: wire)?|fox news|nbc news|abc news|cbs news|staff|staff reports?|wire reports?|"
    r"efe|europa press|dpa|xinhua|news desk|editorial (?:board|staff)|[\w ]+ staff|agencies|wires|wire services|"
    r"press trust of india|pti|ians|indo-asian news service|asian news international|ani|"
    r"(?:the\s+)?canadian press|press association|pa media|kyodo(?: news)?|yonhap|anadolu(?: agency)?|ansa|tass)$",
    regex.IGNORECASE,
)
# the literals of which every match holds one: a text holding none is not searched (checked
# against the expressions in tests/test_rule_fastpaths.py)
_AGENCY_NEEDS = needs_of(_AGENCY)


def _agency(text: str) -> regex.Match[str] | None:
    """``_AGENCY.match(text)``: a news agency or a desk ("Reuters", "Staff reports")."""
    return _AGENCY.match(text) if _AGENCY_NEEDS.may(text) else None


_NOT_NAME = regex.compile(
    r"^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|now|then|"
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"the|this|that|these|those|his|her|their|its|our|my|all|some|most|many|each|every)(?:\s|$)",
    regex.IGNORECASE,
)
_NAME_RE = regex.compile(rf"^{NAME}$")
_USERNAME = regex.compile(r"^[\w.-]{2,40}$")
_SPLIT_SEGMENTS = regex.compile(r"\s*[|\u2022\u00b7]\s*|\s+[\u2014\u2013-]{1,2}\s+|:\s+|\s*;\s*")
_SPLIT_AND = regex.compile(r",?\s+(?:and|&|y|und|et)\s+", regex.IGNORECASE)
_TIME_ONLY = regex.compile(
    r"^(?:(?:on|at|updated|published)\s+)*(?:\d{1,2}(?::\d\d)?\s*(?:[ap]\.?\s?m\.?)?\s*(?:[A-Z]{2,4})?|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|yesterday|"
    r"\d+\s+(?:minutes?|hours?|days?)\s+ago)[\s.,]*$",
    regex.IGNORECASE,
)

# "14 minutes ago", "2 hours, 17 minutes ago" at the end of a byline
_AGO = regex.compile(r"\s*\d+\s+(?:minutes?|hours?|days?)(?:,\s*\d+\s+(?:minutes?|hours?))?\s+ago\s*$", regex.IGNORECASE)

# The line shapes; every one must match the whole (short) line.
_BY = regex.compile(
    r"^(?:[\u2014\u2013-]+\s*)?(?:(?:article|story|post|column)\s+(?=(?:written|authored|compiled)\b))?"
    r"(?:(?:written|reported|words|story|text|article|posted|authored|compiled)\s+)?"
    r"(?:by|por|von|par)\s*:?\s+(?P<rest>.+)$",
    regex.IGNORECASE,
)
_POSTED_ON_BY = regex.compile(
    r"^(?:posted|published|written)\s+on\s*(?P<date>.*?)\s+by\s+(?P<rest>.+)$", regex.IGNORECASE
)
_POSTED_BY_ON = regex.compile(
    r"^(?:posted|published|written|submitted)\s+by\s+(?P<rest>.+?)\s+on\s+(?P<date>.+)$", regex.IGNORECASE
)
_SUBMITTED = regex.compile(
    r"^(?:submitted|via)\s+(?:by\s+)?(?P<org>[^,]{2,60}),\s*(?:authored|written)\s+by\s+(?P<rest>.+)$",
    regex.IGNORECASE,
)
_STAMP = regex.compile(
    r"^(?:article\s+|story\s+)?(?:last\s+)?(?:published|updated|posted|modified|edited|created|publicado|actualizado|veröffentlicht|"
    r"aktualisiert|publié|mis à jour)\b(?:\s+(?:on|at|el|am|le))?\s*:?\s*(?P<rest>.*)$",
    regex.IGNORECASE,
)
_COURTESY = regex.compile(r"^(?:article|story|column)\s+courtesy\s+of:?\s+(?P<rest>.+)$", regex.IGNORECASE)
_CREDIT_LINE = regex.compile(
    r"^\((?P<what>(?:additional\s+)?reporting|writing|editing|compiled|reported)\s+by\s+(?P<rest>[^)]+)\)$",
    regex.IGNORECASE,
)
# A part of a credit line ("; additional reporting by Ann Lee" inside the brackets), and the
# same credits on a line of their own without the brackets, as wire copy carries them at its
# end: "Reporting by Ann Lee in London; Editing by Bo Li". There every ";" part is a credit
# ("(additional) reporting / writing / editing / compiled by ...") and every one of its parts
# a name (a reporter's place after "in" aside): "Reporting by the Times found ..." is a sentence
_CREDIT_PART = regex.compile(
    r"^\s*(?P<what>(?:additional\s+)?(?:reporting|writing)|editing|compiled)\s+by\s+(?P<rest>.+?)\s*$",
    regex.IGNORECASE,
)
_AUTHORS_HEADER = regex.compile(r"^(?:authors?|autor(?:es|a)?|auteurs?)\s*:$", regex.IGNORECASE)

# " in Kansas City, Missouri": where a reporter filed from
_IN_PLACE = regex.compile(
    r"\s+in\s+\p{Lu}[\p{L}.'\u2019-]*(?:\s+\p{Lu}[\p{L}.'\u2019-]*)*(?:,\s+\p{Lu}[\p{L}.'\u2019-]*(?:\s+\p{Lu}[\p{L}.'\u2019-]*)*)?"
)
# "DINO PORRAZZO at Right Wing Tribune": a writer and the outlet, on a line of its own
_NAME_AT = regex.compile(rf"^(?P<name>{NAME})\s+(?:at|for|of)\s+(?P<outlet>\p{{Lu}}[\p{{L}}.&'\u2019-]*(?:\s+\p{{Lu}}[\p{{L}}.&'\u2019-]*){{0,5}})$")
_NAME_AT_NEEDS = needs_of(_NAME_AT)

# "Ann Lee contributed to this report.", "Staff writer Ann Lee can be reached at ...",
# "Some information for this report was provided by AFP and AP."
_CONTRIB = regex.compile(
    rf"^[^.]{{2,240}}?\s+contributed\s+(?:to\s+this\s+(?:report|story|article)|reporting)(?:\s+from\s+[^.]{{1,60}})?\.?$"
    rf"|^\(?[^.]{{2,120}}?\s+(?:can|may)\s+be\s+(?:reached|contacted)\s+at\b.{{0,120}}$"
    rf"|^to\s+contact\s+the\s+(?:reporters?|writers?|editors?)\s+(?:on|of|responsible\s+for)\s+this\s+(?:story|article)\b.{{0,120}}$"
    rf"|^(?:[^.]{{0,60}}\s)?with\s+(?:files|a\s+report|reporting|additional\s+reporting)\s+from\s+[^.]{{2,80}}\.?$"
    rf"|^(?:staff\s+writer\s+|reporter\s+)?{NAME}\s+(?:can\s+be\s+reached|may\s+be\s+reached|can\s+be\s+contacted)\s+at\b.{{0,120}}$"
    rf"|^some\s+(?:information|material)\s+(?:for|in)\s+this\s+(?:report|story|article)\s+(?:was\s+)?(?:provided|supplied|came)\s+(?:by|from)\b.{{0,80}}$",
    regex.IGNORECASE,
)

# an e-mail address, a telephone number or a handle: what a writer's contact line gives
_REACH = regex.compile(r"[\w.+-]+@[\w-]+\.[\w.]+|(?<![\w@])@\w{2,}|\(?\d{3}\)?[-.\s]?\d{3}[-.\s]\d{4}")

# "Ann Lee: 206-464-2067 or alee@example.org": a reporter's contact line
_CONTACT = regex.compile(
    rf"^{NAME}\s*:\s*(?:\(?\d{{3}}\)?[-.\s]?\d{{3}}[-.\s]\d{{4}}|[\w.+-]+@[\w-]+\.[\w.]+)(?:\s+or\b.{{0,60}})?$"
)

# Literals that _STAMP and _CONTRIB cannot match without (lower case): a word added to
# _STAMP goes here too (tests/test_byline_shapes.py has a line for each)
_STAMP_WORDS = ("publi", "updated", "posted", "modified", "edited", "created", "actualizado", "ver\u00f6ffentlicht", "aktualisiert", "mis \u00e0 jour")


def _may_part(text: str) -> bool:
    """Whether ``text`` holds a character of ``_SPLIT_SEGMENTS``'s separators or a comma."""
    return (
        "," in text or "|" in text or ":" in text or ";" in text or "-" in text
        or "\u2014" in text or "\u2013" in text or "\u2022" in text or "\u00b7" in text
    )


def _may_by(low: str) -> bool:
    """Whether ``_BY`` may match a line of this lower case (the test ``_judge`` asks first)."""
    return "by" in low or "por" in low or "von" in low or "par" in low


def _may_stamp(low: str) -> bool:
    """``any(w in low for w in _STAMP_WORDS)``, written out (a generator cost more than the tests)."""
    return (
        "publi" in low or "updated" in low or "posted" in low or "modified" in low or "edited" in low
        or "created" in low or "actualizado" in low or "ver\u00f6ffentlicht" in low or "aktualisiert" in low
        or "mis \u00e0 jour" in low
    )


def _may_contrib(low: str) -> bool:
    """Whether ``_CONTRIB`` may match this lower-case line: each of its shapes needs a word."""
    return (
        "contributed" in low
        or "reached" in low
        or "contacted" in low
        or low.startswith(("to", "some"))
        or ("with" in low and "from" in low)
    )


# A line this long is prose, not a byline.
_MAX_CHARS = 160

# What may stand beside the date on a line that is only a date: a weekday, a time, a zone,
# "at"/"on", separators ("Friday, January 18, 2008; 8:43 AM", "20:20, Dec 29 2007 | ").
_WEEKDAY = r"(?:mon|tue|tues|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)(?:day)?\.?"
_DATE_ASIDE = regex.compile(
    rf"^(?:{_WEEKDAY}|at|on|hrs|\d{{1,2}}[:.]\d\d(?::\d\d)?(?:[ap]\.?m\.?)?|\d{{1,2}}[ap]\.?m\.?|[ap]\.?m\.?"
    rf"|(?-i:[A-Z]{{2,4}})|US/[A-Z][a-z]+|[\u2013\u2014-]+)$",
    regex.IGNORECASE,
)
_ASIDE_SPLIT = regex.compile(r"[\s,;|()]+")
_CLOCK = regex.compile(r"\d:\d\d|(?<![\d.])\d{1,2}\.\d\d(?![\d.])|\d\s*[ap]\.?m\b", regex.IGNORECASE)
#: a line longer than this is more than a date
_DATE_LINE_CHARS = 60


def _date_parts(text: str) -> tuple[list[str], int, int] | None:
    """When the line is only a date with a year (perhaps with its weekday, time and zone): the
    words beside the date, and where the date starts and ends; else None."""
    if len(text) > _DATE_LINE_CHARS:
        return None
    d = find_date(text)
    if d is None:
        return None
    rest = _ASIDE_SPLIT.split(text[: d.start] + " " + text[d.end :])
    return (rest, d.start, d.end) if all(not w or _DATE_ASIDE.match(w) for w in rest) else None


def _date_only(text: str) -> bool:
    """Whether the line is only a date with a year and a weekday or a time: a stamp."""
    parts = _date_parts(text)
    if parts is None:
        return False
    rest, start, end = parts
    # a bare "May 20, 2025" may head a diary's entry or open a letter: a weekday or a time
    # makes it a stamp
    return any(w and w[0] not in "-\u2013\u2014" for w in rest) or _CLOCK.search(text, start, end) is not None


def _dated_entries(blocks: list[Block], memo: dict[str, bool] | None = None) -> bool:
    """Whether one of ``blocks`` is a line that is only a date (a diary's or a timeline's
    entry). A line too long for a date (and no table cell, which ``table_cell`` may shorten)
    is not parsed. ``memo``: line text -> ``_date_only`` of its cell, for one document."""
    if memo is None:
        memo = {}
    return any(
        _cell_date_only(x.text, memo) for x in blocks if len(x.text) <= _DATE_LINE_CHARS or x.text[:1] == "|"
    )


def _cell_date_only(text: str, memo: dict[str, bool]) -> bool:
    """``_date_only(table_cell(text))``, kept in ``memo`` (a function of the text alone)."""
    v = memo.get(text)
    if v is None:
        v = memo[text] = _date_only(table_cell(text))
    return v


# (compiled once: a call of ``regex.split(PATTERN, ...)`` looks the pattern up in the module's
# cache each time, and compiles it again once that cache has been emptied)
_WS = regex.compile(r"\s+")
_COMMA = regex.compile(r"\s*,\s*")
_META_SPLIT = regex.compile(r"\s*[|,\u2022\u00b7]\s*|\s+[\u2014\u2013-]\s+|:\s+|\s+on\s+|\s+at\s+|\s+in\s+")
_NUMERIC = regex.compile(r"[\d\s,.:]+(?:st|nd|rd|th)?")
_CREDIT_SPLIT = regex.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
_LOOSE_TIME = regex.compile(r"\d{1,2}:\d\d\s*(?:[ap]\.?m\.?)?", regex.IGNORECASE)


def _clean_name(s: str) -> str:
    s = s.strip(" \t.,;:\u2026")
    s = _WS.sub(" ", s)
    s = _HONORIFIC.sub("", s)
    if len(s.split()) > 2:
        s = _TRAILING_DEGREE.sub("", s)
    return s.strip(" \t.,;:")


def _is_name(s: str, allow_username: bool = False) -> bool:
    if not s or len(s) > 60 or _NOT_NAME.match(s):
        return False
    if _NAME_RE.match(s):
        return True
    if s.isupper() and _NAME_RE.match(s.title()):
        return True
    return allow_username and bool(_USERNAME.match(s)) and not s.isdigit()


def parse_names(text: str, allow_username: bool = False) -> tuple[list[str], str] | None:
    """Split the part of a byline after "By" into names and what follows them.

    Names are separated by ", " and "and" ("A, B and C"); after the names come a role, an
    outlet, a date or a time, which are not names. Returns (names, rest) or None when the text
    is not a list of names (a sentence that happens to start with "By").

    >>> parse_names("Patrick Goodenough")
    (['Patrick Goodenough'], '')
    >>> parse_names("Pam Martens and Russ Martens")
    (['Pam Martens', 'Russ Martens'], '')
    >>> parse_names("Simon Black, Sovereign Man")
    (['Simon Black'], 'Sovereign Man')
    >>> parse_names("A. Smith, B. Jones and C. Doe")
    (['A. Smith', 'B. Jones', 'C. Doe'], '')
    >>> parse_names("the time the police arrived") is None
    True
    """
    text = text.strip()
    parts = [p for p in _COMMA.split(text) if p]
    if not parts:
        return None
    # "A, B and C": a list joined by a final "and" makes every comma part a name
    and_parts = _SPLIT_AND.split(parts[-1]) if len(parts) > 1 else []
    if len(and_parts) > 1 and all(_is_name(_clean_name(p)) for p in parts[:-1] + and_parts):
        names = [_clean_name(p) for p in parts[:-1] + and_parts]
        return _drop_agencies(names), ""
    first = _SPLIT_AND.split(parts[0])
    names = [_clean_name(p) for p in first]
    if not all(_is_name(n, allow_username and len(first) == 1) or (k > 0 and _agency(n)) for k, n in enumerate(names)):
        return None
    rest = ", ".join(parts[1:])
    # credentials after a name belong to it, not to the list
    while parts[1:] and _CREDENTIAL.match(parts[1].strip()):
        parts.pop(1)
        rest = ", ".join(parts[1:])
    return _drop_agencies(names), rest


def _drop_agencies(names: list[str]) -> list[str]:
    people = [n for n in names if not _agency(n)]
    return people or names[:1]


def _rest_is_meta(rest: str) -> bool:
    """Whether what follows the names is only roles, outlets, dates and times."""
    rest = _AGO.sub("", rest).strip(" -\u2013\u2014")
    if not rest:
        return True
    for seg in (s.strip() for s in _META_SPLIT.split(rest)):
        if not seg:
            continue
        if _is_role(seg) or _agency(seg) or _TIME_ONLY.match(seg) or _CREDENTIAL.match(seg):
            continue
        if find_date(seg) is not None or _NUMERIC.fullmatch(seg):
            continue
        # an outlet or a place: a few capitalised words ("Sovereign Man", "Kansas City, Missouri")
        words = seg.split()
        if len(words) <= 5 and all(w[0].isupper() or w[0].isdigit() or w.lower() in {"of", "the", "and", "de", "la"} for w in words):
            continue
        return False
    return True


def _body_like(b: Block) -> bool:
    """``is_body_like(b.text)``, told by the block's word count where that answers (25 words
    or more are prose, fewer than 6 none): a long paragraph is not split again."""
    return b.words >= 25 or (b.words >= 6 and is_body_like(b.text))


def _window(kept: list[Block], head_max: int, tail_max: int) -> tuple[int, int, int]:
    """(head end, foot start, end of the "By NAME" lines) of ``BylineFilter.find``: the head
    runs to the story's second paragraph (at most ``head_max`` blocks), the foot from after its
    second-to-last one (at most ``tail_max`` blocks, never into the head), and a "By NAME" line
    may stand down to the third paragraph of 25 words or more (not into the foot). With fewer
    than two paragraphs every line is in the head.

    Only those paragraphs are looked for, from each end (a paragraph is a block of 25 words or
    more, or one ``is_body_like``; one of 25 words or more is a paragraph whatever its ending):
    from the end no further than a second-to-last paragraph could set the foot's start."""
    n = len(kept)
    body: list[int] = []  # the first two paragraphs from the top
    for k, b in enumerate(kept):
        if b.words >= 25 or (b.words >= 6 and is_body_like(b.text)):  # (``_body_like``, inline)
            body.append(k)
            if len(body) == 2:
                break
    if len(body) < 2:
        return n, n, n
    head_end = min(body[1], head_max)
    # the foot starts after the second-to-last paragraph, or at ``floor``: one at or after it
    # is the second one found from the end, none before it counts
    tail_start = floor = max(head_end, n - tail_max)
    seen = 0
    for k in range(n - 1, floor - 1, -1):
        b = kept[k]
        if b.words >= 25 or (b.words >= 6 and is_body_like(b.text)):  # (``_body_like``, inline)
            seen += 1
            if seen == 2:
                tail_start = k + 1
                break
    third_long, longs = n, 0
    for k, b in enumerate(kept):
        if b.words >= _LONG_WORDS:
            longs += 1
            if longs == 3:
                third_long = k
                break
    return head_end, tail_start, max(head_end, min(third_long, head_max, tail_start))


class BylineFilter(BaseFilter):
    """Removes bylines: "By NAME | DATE", "Posted on DATE by NAME", "Updated DATE", credit lines.

    Authors go to the metadata as a list of names, the date to ``published`` in ISO 8601.

    >>> from cleantext import clean
    >>> r = clean("By Jane Roe and John Doe | March 3, 2021 | 9:15am EST\\n\\nThe council met on Tuesday to vote on the budget, which passed.")
    >>> r.metadata.authors, r.metadata.published
    (('Jane Roe', 'John Doe'), '2021-03-03T09:15:00-05:00')
    >>> clean("By the time the firefighters arrived, the barn was gone.").text
    'By the time the firefighters arrived, the barn was gone.'
    """

    name = "byline"
    categories = ("byline",)

    #: at most how many kept blocks from the top, and from the bottom, may hold a byline
    head_max = 15
    tail_max = 8

    def find(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        kept = list(ctx.kept())
        if not kept:
            return
        # The head runs to the story's second paragraph, the foot from its second-to-last one.
        # Both are set by the paragraphs, which no byline removal changes: a window of so many
        # blocks would move with every removal, and a second look would find a byline more.
        # With fewer than two paragraphs of story every line is in the head (a cap of so many
        # blocks would again move with each removal).
        # (25 words or more is prose whatever its ending: ``is_body_like`` without splitting it)
        head_end, tail_start, by_end = _window(kept, self.head_max, self.tail_max)
        # the last lines, after the story's last paragraph
        last: set[int] = set()
        for b in reversed(kept[1:][-3:]):
            if _body_like(b):
                break
            last.add(b.index)
        memo = ctx.memo_for(self)
        # a story whose dates stand on lines of their own past its head is a diary or a
        # timeline: its dates are headings, the one at its head too (found when first needed)
        entries: bool | None = None
        # line text -> whether it is only a date (of the text alone: kept across looks)
        dates: dict[str, bool] = ctx.memo_for(_date_only)

        def dated() -> bool:
            nonlocal entries
            if entries is None:
                entries = _dated_entries(kept[head_end:tail_start], dates)
            return entries

        found: dict[int, Finding] = {}
        for k in list(range(by_end)) + list(range(tail_start, len(kept))):
            b = kept[k]
            if b.index in last:
                f = self._name_at(b, ctx) or self._tail_name(b, kept, k, ctx)
                if f is not None:
                    found[k] = f
                    continue
            # the verdict of _judge is one of the text and where it sits: a "no" is kept for
            # the document's later looks (the date-line rule reads the other lines: not kept)
            at_head = k < head_end
            if not at_head and k < by_end and not _may_by(b.low):
                continue  # below the head only a "By NAME" line, which names its "by"
            key = (b.text, at_head)
            f = None
            if key not in memo:
                f = self._judge(b, ctx, at_head=at_head)
                if f is None:
                    memo[key] = True
            if k >= head_end and k < by_end and (f is None or f.rule not in ("by-line", "by-agency")):
                continue  # below the head only a "By NAME" line
            if f is None and k < head_end and _cell_date_only(b.text, dates):
                if not dated():
                    f = self._found(ctx, b, "date-line", "a line at the head that is only a date (and time)", [], b.text, 0.8)
            if f is not None:
                found[k] = f
        # at the head, lines that are a byline by what stands beside them: a bare name or a bare
        # date next to a byline, a name over a date ("Ann Lee" / "May 22nd, 2020")
        # (whether the story has dated entries is asked only beside a bare date)
        for k in range(min(head_end, self.head_max)):
            if k in found:
                continue
            f = self._beside(kept, k, found, head_end, dated, ctx)
            if f is not None:
                found[k] = f
        if 0 not in found:
            f = self._name_outlet_top(kept, ctx)
            if f is not None:
                found[0] = f
        # names from a contributor's credit ("Ann Lee contributed to this report") stand for the
        # authors only when no other line names them
        named = any(f.data.get("authors") for f in found.values() if f.rule != "contributor-credit")
        for k in sorted(found):
            f = found[k]
            if named and f.rule == "contributor-credit" and f.data.get("authors"):
                f = ctx.finding((f.start, f.end), f.category, f.rule, f.evidence, f.confidence)
            yield f
        spanish = self._name_dash_strip(kept, found, head_end, ctx)
        if spanish is not None:
            yield spanish
        yield from self._signed_entries(kept, ctx)

    @staticmethod
    def _signed_entries(kept: list[Block], ctx: Context) -> Iterable[Finding]:
        """A live blog's entries signed at their end: "... on Sunday. — Ann Lee", on two
        paragraphs or more (one quotation's attribution is not a blog's signature)."""
        text = ctx.doc.text
        if "\u2014" not in text and "\u2013" not in text and "--" not in text:
            return  # no dash on the page (a text without a character wider than it is not read)
        signed = []
        for b in kept:
            if b.words < 12:
                continue
            t = b.text
            tail = t[-60:]
            if "—" not in tail and "–" not in tail and "--" not in tail:
                continue
            if not _may_sign(t):
                continue
            m = _SIGNED.search(t)
            if m is None:
                continue
            name = _bare_name(m["name"])
            if name is None:
                continue
            signed.append((b, m, name))
        if len(signed) < 2:
            return
        for b, m, name in signed:
            yield ctx.finding((b.start + m.start(), b.end), "byline", "signed-entry",
                              "a live blog's entry signed with its writer's name", 0.75, {"authors": [name]})

    def _beside(self, kept: list[Block], k: int, found: dict[int, Finding], head_end: int,
                entries: Callable[[], bool], ctx: Context) -> Finding | None:
        """A bare name or a bare date at the head, next to a byline or to each other.
        ``entries()``: whether the story's dates stand on lines of their own (asked when needed)."""
        b = kept[k]
        text = table_cell(b.text).strip()
        if len(text) > _DATE_LINE_CHARS or b.words > 6:
            return None
        if k > 0 and k - 1 in found and found[k - 1].data.get("authors") and _role_line(text):
            # "By Ann Lee" over "Health Reporter", "Example Daily Reporter": the writer's role
            return self._found(ctx, b, "role-under-byline", "the writer's role on the line under the byline", [], text, 0.8)
        near = [j for j in (k - 1, k + 1) if 0 <= j < head_end]
        if k <= 1 and len(kept) > 2 and _headline_shape(kept[1 - k].text) and _body_like(kept[2]) \
                and _bare_date(text) and not entries() \
                and not any(len(x.text) <= _DATE_LINE_CHARS and _bare_date(x.text.strip()) for x in kept[2:]):
            # "March 5, 2020" under the headline (or over it) and over the story: its date
            return self._found(ctx, b, "date-by-headline", "a date alone beside the headline, over the story", [], text, 0.75)
        if _bare_date(text) and not entries():
            for j in near:
                other = table_cell(kept[j].text).strip()
                if (j in found and found[j].data.get("authors")) or _bare_name(other):
                    return self._found(ctx, b, "date-beside-byline", "a date alone next to the author's line", [], text, 0.75)
        name = _bare_name(text)
        if name:
            for j in near:
                other = table_cell(kept[j].text).strip()
                if (j in found and found[j].rule in ("date-line", "date-stamp", "date-beside-byline")) or (_bare_date(other) and not entries()):
                    return ctx.finding(b, "byline", "name-beside-date", "a name alone next to the story's date", 0.75,
                                       {"authors": [name]})
        return None

    def _name_outlet_top(self, kept: list[Block], ctx: Context) -> Finding | None:
        """'Ann Lee, Example Times' as the first line, over the story."""
        if len(kept) < 2:
            return None
        b = kept[0]
        text = b.text.strip()
        if b.words > 9 or text.count(",") != 1 or not _body_like(kept[1]) and not (len(kept) > 2 and _body_like(kept[2])):
            return None
        name, outlet = (x.strip() for x in text.split(","))
        person = _bare_name(name)
        if not person or _PLACE_WORD.search(name) or not _OUTLET.match(outlet) or _bare_date(outlet):
            return None
        return ctx.finding(b, "byline", "name-outlet", "'NAME, OUTLET' as the first line", 0.6, {"authors": [person]})

    def _tail_name(self, b: Block, kept: list[Block], k: int, ctx: Context) -> Finding | None:
        """The writer's sign-off as one of the last lines: 'KAREN LEE', '-- Ann Lee / Example Times',
        'Ann Lee \u2022 555-123-4567'."""
        text = b.text.strip()
        if len(text) > 90 or k == 0:
            return None
        above = kept[k - 1]
        prev = above.text.rstrip()
        if prev[-1:] in ",:;" or not (above.words >= 25 or (above.words >= 6 and is_body_like(prev))):
            return None  # a letter's sign-off ("Sincerely,"), a list of names
        dashed = text[:1] in "-\u2013\u2014"
        text = text.lstrip("-\u2013\u2014 ").strip()
        segs = [x.strip() for x in _TAIL_SPLIT.split(text) if x.strip()]
        if not segs or text[-1:] in ".!?:":
            return None
        name = _bare_name(segs[0])
        if not name:
            return None
        rest = segs[1:]
        if not all(_CONTACT_BIT.match(x) or _OUTLET.match(x) or _is_role(x) for x in rest):
            return None
        if not rest and not dashed and not name.isupper():
            return None  # a bare name in title case may be anything ("United Nations"): capitals or a dash mark a sign-off
        return ctx.finding(b, "byline", "tail-name", "the writer's name (and outlet or telephone) closing the story",
                           0.6, {"authors": [name]})

    def _name_dash_strip(self, kept: list[Block], found: dict[int, Finding], head_end: int,
                         ctx: Context) -> Finding | None:
        """'Ana Ruiz.- ' glued to the start of the story's first paragraph (a Spanish byline)."""
        for k in range(min(head_end + 1, len(kept))):
            b = kept[k]
            if k in found or not _body_like(b):
                continue
            # (a verdict of the text alone, kept for the document's later looks)
            dashed = ctx.memo_for(_name_dash)
            got = dashed.get(b.text, _UNSEEN)
            if got is _UNSEEN:
                got = dashed[b.text] = _name_dash(b.text)
            if got is None:
                return None
            end, name = got
            return ctx.finding((b.start, b.start + end), "byline", "name-dash",
                               "'NAME.-' opening the first paragraph", 0.75, {"authors": [name]})
        return None

    def _judge(self, b: Block, ctx: Context, at_head: bool) -> Finding | None:
        text = table_cell(b.text)
        if len(text) > _MAX_CHARS + 80:
            return None
        # every shape below opens with or holds a literal: a cheap test before each match
        low = b.low if text is b.text else text.lower()
        m = _CREDIT_LINE.match(text) if text[:1] == "(" else None
        if m:
            names = [] if m["what"].lower() == "editing" else self._credit_names(m["rest"])
            return ctx.finding(b, "byline", "credit-line", f"a '({m['what']} by ...)' credit line", 0.9,
                               {"authors": names} if names else None)
        if len(text) > _MAX_CHARS:
            return None
        if low.startswith(_CREDIT_OPENERS):
            credited = self._bare_credit(text)
            if credited is not None:
                return ctx.finding(b, "byline", "credit-line", "a 'Reporting by ...; Editing by ...' credit line", 0.85,
                                   {"authors": credited} if credited else None)
        if text[-1:] == ":" and _AUTHORS_HEADER.match(text):
            return ctx.finding(b, "byline", "authors-header", "an 'Authors:' header", 0.7)
        posted = low.startswith(("posted", "published", "written", "submitted"))
        for rule, pat in (("posted-on-by", _POSTED_ON_BY), ("posted-by-on", _POSTED_BY_ON)):
            m = pat.match(text) if posted else None
            if m:
                parsed = parse_names(m["rest"], allow_username=True)
                if parsed is None or not _rest_is_meta(parsed[1]):
                    continue
                return self._found(ctx, b, rule, f"'{text[:40]}' names the author and date", parsed[0], text, 0.9)
        m = _SUBMITTED.match(text) if low.startswith(("submitted", "via")) else None
        if m:
            parsed = parse_names(m["rest"])
            if parsed is not None:
                return self._found(ctx, b, "submitted-by", "'submitted by ..., authored by ...'", parsed[0], text, 0.85)
        m = _COURTESY.match(text) if "courtesy" in low else None
        if m:
            parsed = parse_names(m["rest"])
            if parsed is not None:
                return self._found(ctx, b, "courtesy-of", "'article courtesy of NAME'", parsed[0], text, 0.8)
        if b.words <= 5 and _agency(text.strip(" .")) and text.strip(" .")[:1].isupper():
            agency = text.strip(" .")
            return ctx.finding(b, "byline", "agency-line", "a line that is only a news agency's name", 0.8,
                               {"authors": [agency]})
        if b.words <= 8 and _outlet_role(text):
            return ctx.finding(b, "byline", "outlet-role", "a line that is only an outlet's name and a writer's role", 0.8)
        m = _CONTACT.match(text) if ":" in text else None
        if m:
            return ctx.finding(b, "byline", "contact-line", "a reporter's telephone or e-mail line", 0.8)
        m = _CONTRIB.match(text) if _may_contrib(low) else None
        if m and ("reached" in low or "contacted" in low) and "contributed" not in low and (
            reports_speech(text) or not _REACH.search(text)
        ):
            # "X can be reached at ..." is the writer's contact only with an address, a number or
            # a handle, and not in reported speech ("The hotline can be reached at 555-0100 around
            # the clock, officials said"; "The volunteers can be reached at the church hall")
            m = None
        if m:
            names = _contributors(text)
            return ctx.finding(b, "byline", "contributor-credit", "a line crediting reporters or agencies for the story", 0.85,
                               {"authors": names} if names else None)
        m = _EMBARGO.match(text) if ("release" in low or "embargo" in low) else None
        if m and (not m["rest"].strip() or find_date(m["rest"]) is not None) and len(text.split()) <= 16:
            return self._found(ctx, b, "release-line", "a press release's 'Embargoed for release DATE' line", [], text, 0.85)
        m = _BY.match(text) if _may_by(low) else None
        if m and _agency(m["rest"].strip(" .")):
            agency = m["rest"].strip(" .")
            return self._found(ctx, b, "by-agency", "'By' an agency", [agency.title() if agency.isupper() else agency], text, 0.9 if at_head else 0.8)
        if m:
            rest = _IN_PLACE.sub("", m["rest"])  # "By A in Brussels, B in London and C in Paris"
            seg = _SPLIT_SEGMENTS.split(rest, maxsplit=1)
            parsed = parse_names(seg[0], allow_username=True)
            if parsed is not None:
                tail = ", ".join(x for x in [parsed[1], seg[1] if len(seg) > 1 else ""] if x)
                if _rest_is_meta(tail):
                    conf = 0.9 if at_head else 0.75
                    return self._found(ctx, b, "by-line", "a 'By NAME' line", parsed[0], text, conf)
        m = _STAMP.match(text) if _may_stamp(low) else None
        if m and (at_head or text[:7].lower() in ("article", "posted ", "publish")) and len(text.split()) <= 10:
            rest = m["rest"]
            if (find_date(rest) is not None or _TIME_ONLY.match(rest) or _loose_time(rest)) and len(rest.split()) <= 12:
                return self._found(ctx, b, "date-stamp", "a 'Published/Updated DATE' line", [], text, 0.85)
        if at_head:
            return self._name_and_date(ctx, b, text)
        return None

    def _name_at(self, b: Block, ctx: Context) -> Finding | None:
        """'NAME at OUTLET' as one of the last lines: the writer's sign-off."""
        m = _NAME_AT.match(b.text) if _NAME_AT_NEEDS.may(b.text) else None
        if m and b.words <= 9 and len(m["name"].split()) >= 2:
            name = _clean_name(m["name"])
            if _is_name(name) and not _agency(name) and not _NOT_NAME.match(name):
                return ctx.finding(b, "byline", "name-at-outlet", "'NAME at OUTLET' at the end", 0.6,
                                   {"authors": [name]})
        return None

    def _name_and_date(self, ctx: Context, b: Block, text: str) -> Finding | None:
        """'NAME | DATE', 'NAME, Staff Writer': an author-and-date header line without 'By'."""
        if not _may_part(text):
            return None  # one segment, and no comma: a name alone, no date or role beside it
        seg = _SPLIT_SEGMENTS.split(text, maxsplit=1)
        if len(seg) < 2:
            parts = text.split(",", 1)
            if len(parts) == 2 and _is_role(parts[1].strip()) and _is_name(_clean_name(parts[0])):
                return self._found(ctx, b, "name-role", "'NAME, role' line", [_clean_name(parts[0])], text, 0.8)
            return None
        parsed = parse_names(seg[0])
        if parsed is None or parsed[1]:
            return None
        tail = seg[1]
        if find_date(tail) is None and not _is_role(tail.strip()):
            return None
        if not _rest_is_meta(tail):
            return None
        return self._found(ctx, b, "name-date", "an author-and-date header line", parsed[0], text, 0.8)

    def _found(self, ctx: Context, b: Block, rule: str, evidence: str, names: list[str], text: str, conf: float) -> Finding:
        data: dict[str, object] = {}
        if names:
            data["authors"] = names
        d = find_date(text)
        if d is not None:
            data["published"] = d.iso
        return ctx.finding(b, "byline", rule, evidence, conf, data)

    @staticmethod
    def _bare_credit(text: str) -> list[str] | None:
        """The reporters of a credit line without brackets (``_CREDIT_PART``; the editors are
        not authors), or None when a part of it is not a credit made of names."""
        names: list[str] = []
        for seg in text.rstrip(".").split(";"):
            m = _CREDIT_PART.match(seg)
            if m is None:
                return None
            parts = [_clean_name(x) for x in _CREDIT_SPLIT.split(_IN_PLACE.sub("", m["rest"]))]
            if not parts or not all(_is_name(x) for x in parts):
                return None
            if not m["what"].lower().startswith("edit"):
                names.extend(x for x in parts if x not in names)
        return names

    @staticmethod
    def _credit_names(rest: str) -> list[str]:
        """Reporters' names from "Reporting by A in Place, Region, and B in Place; additional
        reporting by D; Editing by C" (the editors are not authors)."""
        segs = rest.split(";")
        parts = [segs[0]]
        for seg in segs[1:]:
            m = _CREDIT_PART.match(seg)
            if m and m["what"].lower().endswith(("reporting", "writing")):
                parts.append(m["rest"])
        names: list[str] = []
        for seg in parts:
            for part in _CREDIT_SPLIT.split(_IN_PLACE.sub("", seg)):
                part = _clean_name(part)
                if _is_name(part) and part not in names:
                    names.append(part)
        return names


def _is_role(s: str) -> bool:
    """A role after a name: "Staff Writer", "AP Business Writer", "CanWest News Service"."""
    return _ROLE.match(s) is not None or _outlet_role(s)


#: every line ``_OUTLET_ROLE`` takes ends with one of these (tested before the expression)
_ROLE_ENDS = ("writer", "writers", "reporter", "reporters", "correspondent", "correspondents", "columnist", "columnists", "service", "services")


def _outlet_role(s: str) -> bool:
    return s[-14:].lower().endswith(_ROLE_ENDS) and _OUTLET_ROLE.match(s) is not None


# A role on a line of its own, under an outlet's or a desk's name: "Example Daily Reporter",
# "HealthWire Senior Writer" (one to three capitalised words before the role noun)
_ROLE_LINE = regex.compile(
    r"^(?:(?-i:\p{Lu}[\p{L}.&'\u2019-]*)\s+){1,3}(?:writer|reporter|correspondent|editor|columnist|contributor|journalist)s?$",
    regex.IGNORECASE,
)


def _role_line(s: str) -> bool:
    """A line that is only a writer's role ("Staff Writer", "Example Daily Reporter")."""
    return _is_role(s) or _ROLE_LINE.match(s) is not None


# " — Ann Lee" closing a paragraph that ends a sentence
_SIGNED = regex.compile(rf"(?<=[.!?\"\u201d\u2019)])\s+(?:\u2014|\u2013|--)\s*(?P<name>{NAME})\s*$")


def _may_sign(t: str) -> bool:
    """Whether ``_SIGNED`` may match ``t``: its dash is the text's last one (the name after it
    holds none), after a sentence's end and white space, before (white space and) a capital."""
    p = max(t.rfind("\u2014"), t.rfind("\u2013"), t.rfind("--"))
    if p < 1 or not t[p - 1].isspace() or t[:p].rstrip()[-1:] not in ".!?\"\u201d\u2019)":
        return False
    return t[p + (2 if t[p] == "-" else 1) :].lstrip()[:1].isupper()


def _headline_shape(text: str) -> bool:
    """A headline's shape: 3 to 20 words opening with a capital, without a sentence's or a
    list's closing punctuation ("Dear Ann," opens a letter; "It rained." is a sentence)."""
    t = text.strip()
    n = len(t.split())
    return 3 <= n <= 20 and len(t) <= 160 and t[:1].isupper() and t.rstrip("\"'\u201d\u2019)")[-1:] not in ".,;:!"


def _loose_time(s: str) -> bool:
    return bool(_LOOSE_TIME.search(s))



#: a paragraph this long is a story's, not a standfirst's
_LONG_WORDS = 25
# "Ana Ruiz.- Cuando ...", "Redacci\u00f3n.- El ..."
_NAME_DASH = regex.compile(rf"^(?P<name>{NAME})\s*\.\s?[-\u2013\u2014]\s+(?=\p{{Lu}}|[\"\u201c\u00bf\u00a1])")
_UNSEEN: object = object()


def _name_dash(text: str) -> tuple[int, str] | None:
    """Where 'NAME.- ' opening a paragraph ends, and the name, when it is a person's or an
    agency's and a story follows it; else None."""
    m = _NAME_DASH.match(text)
    if m is None:
        return None
    name = _clean_name(m["name"])
    if not (_bare_name(name) or _agency(name)) or len(text) - m.end() < 40:
        return None
    return m.end(), name
# What parts a tail sign-off: "/", "|", bullets, a comma
_TAIL_SPLIT = regex.compile(r"\s+/\s+|\s*[|\u2022\u00b7]\s*|\s*,\s*")
_CONTACT_BIT = regex.compile(r"^(?:\(?\d{3}\)?[-.\s]?\d{3}[-.\s]\d{4}|[\w.+-]+@[\w-]+\.[\w.]+|@\w{2,30})$")
# An outlet's name: one to five capitalised words ("Truthdig", "Los Angeles Times", "The Example Post")
_OUTLET = regex.compile(r"^(?:the\s+)?\p{Lu}[\p{L}\p{N}.&'\u2019-]*(?:\s+(?:of\s+|the\s+|&\s+)?\p{Lu}[\p{L}\p{N}.&'\u2019-]*){0,4}$")
# Words of places, which "Name, Outlet" must not hold ("Kansas City, Missouri")
_PLACE_WORD = regex.compile(r"\b(?:City|County|New|Los|Las|San|Santa|Saint|St|Fort|Port|Mount|Lake|North|South|East|West|Beach|Valley|Island|Islands)\b")


def _bare_name(text: str) -> str | None:
    """The text when it is only a person's name of two to four words, else None."""
    t = _clean_name(text)
    words = t.split()
    if not 2 <= len(words) <= 4 or not _is_name(t) or _agency(t):
        return None
    if any(w.lower() in _NOT_NAME_WORDS for w in words):
        return None
    return t


#: words no person's name holds, though written with a capital in headings and outlets
_NOT_NAME_WORDS = frozenset(
    "the a an of and for in on at to by with from news daily times post press journal tribune "
    "institute university center centre department office association society foundation "
    "update updated breaking editorial staff report reports team god bless america united nations states "
    "kingdom republic party church police army media contact contacts see more here read click share follow "
    "related source sources note notes photo video "
    # a footer's links ("About Us | Contact Us | Privacy Policy"): the site's pages, not a person
    "about us privacy policy terms cookie cookies settings sitemap careers advertise login "
    # a letter's greeting over its first paragraph: "Dear Ann,", "Querida Ana,"
    "dear hi hello hey querido querida queridos queridas estimado estimada estimados hola".split()
)


def _bare_date(text: str) -> bool:
    """The line is only a date with a year (a weekday, a time beside it)."""
    return _date_parts(text) is not None


#: how a credit line without brackets opens (tested before its expressions)
_CREDIT_OPENERS = ("reporting by", "additional reporting by", "writing by", "editing by", "compiled by")
# A press release's date line: "EMBARGOED FOR RELEASE: 11 A.M. (ET), MONDAY, JUNE 1, 2015",
# "For Immediate Release: April 29, 2016", "Embargoed until 4 PM ET, August 10, 2016"
_EMBARGO = regex.compile(
    r"^(?:embargoed(?:\s+for\s+release)?(?:\s+until)?|for\s+(?:immediate\s+)?release|release\s+date|"
    r"para\s+(?:su\s+)?(?:difusi[o\u00f3]n|publicaci[o\u00f3]n)\s+inmediata)\b\s*[:\-\u2013\u2014]?\s*(?P<rest>.*)$",
    regex.IGNORECASE,
)
# "Staff writer Ann Lee contributed to this report": the names before "contributed"
_CONTRIBUTORS = regex.compile(
    r"^(?:(?:(?:the\s+)?(?:associated\s+press|staff|special|contributing|\p{Lu}\p{L}+)\s+)?(?:writers?|reporters?|correspondents?|photographers?)\s+)?"
    r"(?P<names>.+?)\s+(?:also\s+)?contributed\b",
    regex.IGNORECASE,
)


def _contributors(text: str) -> list[str]:
    """The people named by "NAME(S) contributed to this report", else []."""
    m = _CONTRIBUTORS.match(text.strip())
    if m is None:
        return []
    parsed = parse_names(m["names"])
    if parsed is None or parsed[1]:
        return []
    return [n for n in parsed[0] if not _agency(n) and len(n.split()) >= 2]
