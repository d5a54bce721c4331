"""Dates and times as bylines state them, parsed to ISO 8601.

Regular expressions find the date ("March 13, 2020", "13 de marzo de 2020", "2020-03-13",
"19 Sep 2016"), a time ("4:39am", "1:30 p.m.", "16:05") and a zone ("EDT", "ET", "GMT"). Zone
names with a fixed offset map to it; the regional names that change with daylight saving
("ET", "PT", "UK time") are resolved for the stated date with ``python-dateutil``'s time-zone
database, which is why it is a dependency: "4:39 p.m. ET" is -05:00 in January and -04:00 in
March, and a table cannot know that.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import regex
from dateutil import tz

__all__ = ["DateMatch", "find_date", "MONTHS"]

MONTHS: dict[str, int] = {}
for _n, _names in enumerate(
    [
        "january jan enero ene januar jänner janvier janv",
        "february feb febrero febr februar février févr",
        "march mar marzo märz mars",
        "april apr abril avril avr",
        "may mayo mai",
        "june jun junio juni juin",
        "july jul julio juli juillet juil",
        "august aug agosto ago august août",
        "september sep sept septiembre setiembre septembre",
        "october oct octubre okt oktober octobre",
        "november nov noviembre novembre",
        "december dec diciembre dic dezember dez décembre déc",
    ],
    start=1,
):
    for _w in _names.split():
        MONTHS.setdefault(_w, _n)

_MONTH = "(?:" + "|".join(sorted((regex.escape(m) for m in MONTHS), key=len, reverse=True)) + r")\.?"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th|\.)?"
_YEAR = r"(?:19|20)\d\d"

_DATE = regex.compile(
    rf"""
    (?<![\w])(?:
        (?P<m1>{_MONTH})\s+(?P<d1>{_DAY}),?\s+(?P<y1>{_YEAR})                 # March 13, 2020
      | (?P<d2>{_DAY})\s+(?:de\s+)?(?P<m2>{_MONTH}),?\s+(?:de\s+|del\s+)?(?P<y2>{_YEAR})  # 13 March 2020
      | (?P<y3>{_YEAR})-(?P<mo3>0?[1-9]|1[0-2])-(?P<d3>[12]\d|3[01]|0?[1-9])    # 2020-03-13
      | (?P<mo4>0?[1-9]|1[0-2])/(?P<d4>[12]\d|3[01]|0?[1-9])/(?P<y4>{_YEAR})   # 03/13/2020
      | (?P<d5>[12]\d|3[01]|0?[1-9])\.(?P<mo5>0?[1-9]|1[0-2])\.(?P<y5>{_YEAR})  # 13.03.2020
    )(?![\w])
    """,
    regex.IGNORECASE | regex.VERBOSE,
)

_YEAR_ANY = regex.compile(_YEAR)

_TIME = regex.compile(
    r"""
    (?<![\w:])(?P<h>[01]?\d|2[0-3])(?::(?P<mi>[0-5]\d))?(?::(?P<s>[0-5]\d))?
    (?:\s*(?P<ap>[ap])\.?\s?m\b\.?|(?(mi)|(?!)))     # 4:39am, 1:30 p.m., 4pm; bare 16:05
    (?:\s*(?P<tz>EDT|EST|CDT|CST|MDT|MST|PDT|PST|AKST|AKDT|HST|ET|CT|MT|PT|GMT|UTC|BST|CET|CEST|IST|AEST|AEDT)\b)?
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

_FIXED = {
    "EDT": -4, "EST": -5, "CDT": -5, "CST": -6, "MDT": -6, "MST": -7, "PDT": -7, "PST": -8,
    "AKDT": -8, "AKST": -9, "HST": -10, "GMT": 0, "UTC": 0, "BST": 1, "CET": 1, "CEST": 2,
    "IST": 5.5, "AEST": 10, "AEDT": 11,
}
_REGIONAL = {
    "ET": "America/New_York", "CT": "America/Chicago", "MT": "America/Denver", "PT": "America/Los_Angeles",
}


@dataclass(frozen=True, slots=True)
class DateMatch:
    start: int
    end: int
    iso: str


def _zone(name: str | None, day: dt.date) -> dt.tzinfo | None:
    if not name:
        return None
    name = name.upper()
    if name in _FIXED:
        return dt.timezone(dt.timedelta(hours=_FIXED[name]))
    if name in _REGIONAL:
        return tz.gettz(_REGIONAL[name])
    return None


def find_date(text: str, pos: int = 0, endpos: int | None = None) -> DateMatch | None:
    """The first date in ``text[pos:endpos]``, with a time and zone if one follows it closely.

    >>> find_date("By Patrick Goodenough | March 13, 2020 | 4:39am EDT").iso
    '2020-03-13T04:39:00-04:00'
    >>> find_date("Posted by Frank on 19 Sep 2016").iso
    '2016-09-19'
    >>> find_date("Updated 1:30 p.m. ET, January 5, 2021").iso
    '2021-01-05T13:30:00-05:00'
    >>> find_date("no date here") is None
    True
    """
    end = len(text) if endpos is None else endpos
    # every form of date has a year: a text without four digits in a row has none (the test
    # costs a tenth of trying the month names at every position)
    if _YEAR_ANY.search(text, pos, end) is None:
        return None
    m = _DATE.search(text, pos, end)
    if m is None:
        return None
    g = m.groupdict()
    try:
        if g["m1"]:
            month, day, year = MONTHS[g["m1"].lower().rstrip(".")], _num(g["d1"]), int(g["y1"])
        elif g["m2"]:
            month, day, year = MONTHS[g["m2"].lower().rstrip(".")], _num(g["d2"]), int(g["y2"])
        elif g["y3"]:
            year, month, day = int(g["y3"]), int(g["mo3"]), int(g["d3"])
        elif g["y4"]:
            year, month, day = int(g["y4"]), int(g["mo4"]), int(g["d4"])
        else:
            year, month, day = int(g["y5"]), int(g["mo5"]), int(g["d5"])
        date = dt.date(year, month, day)
    except (KeyError, ValueError):
        return None
    start, stop = m.span()
    # a time just after the date (", 4:44 pm", " | 4:39am EDT") or just before it
    t = _TIME.search(text, stop, min(end, stop + 30))
    if t is not None and not regex.search(r"[\p{L}]{3,}", text[stop : t.start()].replace("at", "")):
        stop = t.end()
    else:
        t = None
        for cand in _TIME.finditer(text, max(pos, start - 30), start):
            t = cand
        if t is not None and regex.search(r"[\p{L}]{3,}", text[t.end() : start].replace("on", "")):
            t = None
        if t is not None:
            start = t.start()
    if t is None:
        return DateMatch(start, stop, date.isoformat())
    hour = int(t["h"])
    ap = (t["ap"] or "").lower()
    if ap == "p" and hour < 12:
        hour += 12
    elif ap == "a" and hour == 12:
        hour = 0
    when = dt.datetime(date.year, date.month, date.day, hour, int(t["mi"] or 0), int(t["s"] or 0))
    zone = _zone(t["tz"], date)
    if zone is not None:
        when = when.replace(tzinfo=zone)
    return DateMatch(start, stop, when.isoformat())


def _num(s: str) -> int:
    return int(regex.sub(r"\D", "", s))
