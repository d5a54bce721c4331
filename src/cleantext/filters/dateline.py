"""Datelines: the place and agency that open a news story ("WASHINGTON (Reuters) - ")."""

from __future__ import annotations

from collections.abc import Iterable

import regex

from .._dates import find_date
from .._document import Document
from .._types import Context, Finding
from ._common import BaseFilter, head_blocks, is_body_like

__all__ = ["DatelineFilter"]

# a dash that parts a dateline from the story: a hyphen glued to the words on both sides joins
# a word ("COVID-19", "X-ray", "SARS-CoV-2"), it parts nothing
_DASH = r"(?:\s*[\u2014\u2013]{1,2}\s*|\s*--\s*|\s+-\s*|-\s+|(?<=\))-\s*)"
_SPACED_DASH = r"\s+[\u2014\u2013]{1,2}\s+"
# An agency or outlet in brackets: "(AP)", "(Reuters Breakingviews)", "( Natural News )", "(TMU)".
_PAREN = r"\(\s*\p{Lu}[\p{L}\p{N}&.'\u2019]*(?:\s+\p{Lu}[\p{L}\p{N}&.'\u2019]*){0,3}\s*\)"
_CAPS_PLACE = r"\p{Lu}[\p{Lu}.'\u2019-]+(?:\s+\p{Lu}[\p{Lu}.'\u2019-]+){0,3}"
_PLACE = r"\p{Lu}[\p{L}.'\u2019-]+(?:\s+\p{Lu}[\p{L}.'\u2019-]+){0,2}"
_REGION = rf"(?:,\s+{_PLACE}(?:,\s+{_PLACE})?)?"
# what may follow a dateline: the first word of the story
_NEXT = r"(?=[\p{Lu}\p{N}\"'\u201c\u2018(\[])"
# A place in title case, of up to four words ("Buenos Aires", "Ciudad de México"), in a dateline
# that also carries a date or an agency
_TITLE_PLACE = r"\p{Lu}[\p{L}.'\u2019-]+(?:\s+(?:de|del|la|las|los|el|\p{Lu}[\p{L}.'\u2019-]+)){0,3}"
# the date of a wire dateline: "March 5", "Jan. 8, 2020", "12 Mar.", "5 de marzo (de 2021)", "12"
_MONTH = (
    r"(?i:january|february|march|april|may|june|july|august|september|october|november|december|"
    r"enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|"
    r"jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec|ene|abr|ago|dic)\.?"
)
# a date with its month ("March 5", "12 Mar.", "5 de marzo de 2021")
_DATE_M = rf"(?:{_MONTH}\s+\d{{1,2}}(?:,\s+(?:19|20)\d\d)?|\d{{1,2}}(?:\s+de)?\s+{_MONTH}(?:\s+(?:de\s+)?(?:19|20)\d\d)?)"
# or a bare day ("12"), which counts only before an agency ("ARSENAL, 2 - CHELSEA 1" is a score)
_DATE = rf"(?:{_DATE_M}|\d{{1,2}})"
# a press release wire between slashes: "/PRNewswire/", "/PRNewswire-USNewswire/"
_SLASHED = r"/\p{Lu}[\p{L}\p{N}-]*(?:\s+\p{Lu}[\p{L}\p{N}-]*){0,2}/"
# the dash after a date or an agency, also the Spanish wires' ".-" ("(EFE).-", "12 mar.-")
_WIRE_DASH = rf"(?:\.?{_DASH}|\.-\s*)"

_RULES: tuple[tuple[str, regex.Pattern[str], float, str], ...] = (
    (
        "orphan-bracket",
        regex.compile(rf"^\(\s*[\u2014\u2013-]+\s*{_NEXT}"),
        0.95,
        "an empty '( - ' left where a linked outlet name was dropped",
    ),
    (
        "place-agency",
        regex.compile(rf"^{_CAPS_PLACE}{_REGION}\s*(?:{_PAREN})?(?:{_DASH}{_PAREN})?{_DASH}{_NEXT}"),
        0.9,
        "a capitalised place (and agency) followed by a dash",
    ),
    (
        "agency",
        regex.compile(rf"^{_PAREN}(?:{_DASH}|\s+){_NEXT}"),
        0.9,
        "an agency or outlet in brackets opening the story",
    ),
    (
        # "LONDON, March 5 (Reuters) - ", "MADRID, 12 Mar. (EUROPA PRESS) - ",
        # "Ciudad de México, 5 de marzo (EFE).- ", "PHILADELPHIA, Aug. 3, 2016 /PRNewswire/ -- ":
        # a place, a date and an agency
        "place-date-agency",
        regex.compile(rf"^(?:{_CAPS_PLACE}|{_TITLE_PLACE}){_REGION},\s*{_DATE}\s*(?:{_PAREN}|{_SLASHED}){_WIRE_DASH}{_NEXT}"),
        0.9,
        "a place, a date and an agency followed by a dash",
    ),
    (
        # "Madrid (EFE).- ", "Buenos Aires (Télam).- ": a place in title case and an agency,
        # with the Spanish wires' ".-" ("Ann Lee (D) - ..." is a sentence)
        "place-agency",
        regex.compile(rf"^{_TITLE_PLACE}\s*{_PAREN}\.-\s*{_NEXT}"),
        0.9,
        "a place and an agency followed by a dash",
    ),
    (
        # "NEW YORK, March 5 - ", "MÉXICO, 10 de enero.- ": a capitalised place and a date;
        # "Caracas, 10 de enero de 2021.- ": a place in title case takes the Spanish ".-" only
        # ("On Monday, March 5 - ..." is a sentence)
        "place-date",
        regex.compile(rf"^(?:{_CAPS_PLACE}{_REGION},\s*{_DATE_M}{_WIRE_DASH}|{_TITLE_PLACE},\s*{_DATE_M}\.-\s*){_NEXT}"),
        0.9,
        "a place and a date followed by a dash",
    ),
    (
        "place",
        regex.compile(rf"^{_PLACE}{_REGION}(?:{_SPACED_DASH}){_NEXT}"),
        0.6,
        "a place name followed by a spaced dash",
    ),
)
_STANDALONE = regex.compile(rf"^{_CAPS_PLACE}{_REGION}\s*(?:{_PAREN})?\s*[\u2014\u2013-]{{0,2}}$")

# The rest of the paragraph must be a story, not a fragment.
_PLACE_OPENS = regex.compile(r"\p{Lu}[\p{Lu}.'\u2019-]")

_MIN_REST = 40


def _standalone(text: str) -> bool:
    """A line that is only a place in capitals, perhaps with the date: "RENO, Nev., Jan. 8, 2008"."""
    # the place opens the line as ``_STANDALONE`` asks: a line that opens otherwise is not
    # parsed for a date
    if _PLACE_OPENS.match(text) is None:
        return False
    d = find_date(text)
    if d is not None and d.end >= len(text.rstrip(" .-\u2013\u2014")) and d.start > 0:
        text = text[: d.start].rstrip(" ,")
    return len(text) <= 40 and _STANDALONE.match(text) is not None and _caps_place(text)


def _may_date(text: str) -> bool:
    """Whether a rule of ``_RULES`` may match ``text``: each opens with a bracket or parts the
    dateline from the story with a dash."""
    return text[:1] == "(" or "-" in text or "\u2013" in text or "\u2014" in text


def _caps_place(text: str) -> bool:
    """The place is in capitals; a region after it ("Calif.", "Nev.") may be in title case."""
    head = text.split(",")[0]
    return head.upper() == head


class DatelineFilter(BaseFilter):
    """Removes the dateline that opens the story, and keeps the paragraph.

    >>> from cleantext import clean
    >>> clean("LONDON (Reuters) - The Bank of England kept its main interest rate unchanged on Thursday.").text
    'The Bank of England kept its main interest rate unchanged on Thursday.'
    >>> clean("Paris - Texas is a film by Wim Wenders, and Lisbon Story is another of his films.").text
    'Paris - Texas is a film by Wim Wenders, and Lisbon Story is another of his films.'
    """

    name = "dateline"
    categories = ("dateline",)

    def find(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        heads = head_blocks(ctx, limit=4)
        bodies = 0
        # verdicts of a text alone, kept for the document's later looks (which read the same
        # head lines again): whether it is a place alone, and the texts no rule takes (keyed
        # with whether only the sure rules are asked)
        alone = ctx.memo_for(_standalone)
        plain = ctx.memo_for(self)
        # a story has one dateline: of several capitalised lines at its head none is one (and
        # removing one of them a look would bring the next into view, which is not idempotent)
        lone = []
        for i, b in enumerate(heads):
            v = alone.get(b.text)
            if v is None:
                v = alone[b.text] = _standalone(b.text)
            if v:
                lone.append(i)
            if b.words >= 25 or (b.words >= 6 and is_body_like(b.text)):  # (a paragraph by its words alone)
                break
        for i, b in enumerate(heads):
            text = b.text
            if i < len(heads) - 1 and lone == [i]:
                d = find_date(text)  # "RENO, Nev., Jan. 8, 2008": the story's date
                yield ctx.finding(b, "dateline", "standalone", "a line that is only a capitalised place", 0.8,
                                  {"published": d.iso} if d is not None else None)
                continue
            if len(text) < _MIN_REST:
                continue
            key = (text, bodies > 0)
            if key not in plain and _may_date(text):
                for rule, pat, conf, why in _RULES:
                    if bodies and conf < 0.9:  # past the first paragraph only the sure shapes count
                        continue
                    m = pat.match(text)
                    if m and len(text) - m.end() >= _MIN_REST:
                        data = {"dateline": text[: m.end()].strip()}
                        # a dateline that states the year dates the story: "PHILADELPHIA, Aug. 3,
                        # 2016 /PRNewswire/ -- " (a byline's date, above it, comes first)
                        d = find_date(text, 0, m.end())
                        if d is not None:
                            data["published"] = d.iso
                        yield ctx.finding((b.start, b.start + m.end()), "dateline", rule, why, conf, data)
                        return
                plain[key] = True
            # the first paragraph opens the story; a leftover caption or headline may come first
            if b.words >= 25 or (b.words >= 6 and is_body_like(text)):
                bodies += 1
                # a second paragraph is looked at only after a first one that reads like a
                # leftover caption (no closing punctuation, or a " | " credit in it)
                if bodies == 2 or (text.rstrip()[-1:] in ".!?\"\u201d\u2019" and " | " not in text):
                    break
