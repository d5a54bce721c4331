"""Page widgets found by their shape: an archive's month menu and a pointer to an embedded player.

**A month menu.** An archive widget flattened into a line is nothing but months, each with its
year or a count of posts ("May 2020 April 2020 March 2020", "January (4) February (7) March
(2)"): three months or more and no other word. A story's own list of months has verbs and
prepositions ("January, February and March were the wettest on record") and stays.

**A pointer to a player.** A short line that tells the reader to watch, view or listen to an
embedded video, clip or podcast and ends with a colon, the player having been dropped by the
scraper: "Watch the full report on YouTube:", "For a closer look at the launch, view this
video:". A line that introduces a quote ("In the video, the mayor said:") has no such verb, and
a sentence that goes on past the colon is prose.

>>> from cleantext import clean
>>> story = "The council voted on Tuesday to close the old bridge after engineers found deep cracks in two of its supports."
>>> clean(story + "\\n\\nMay 2020 April 2020 March 2020 February 2020").text == story
True
>>> clean(story + "\\n\\nWatch the full video of the council meeting on YouTube:").removed[0].rule
'embed-pointer'
>>> months = "January, February and March were the wettest months on record in the valley."
>>> clean(story + "\\n\\n" + months).text == story + "\\n\\n" + months
True
"""

from __future__ import annotations

import regex

__all__ = ["is_month_menu", "may_be_month_menu", "is_embed_pointer", "POINTER_WORDS"]

_I = regex.IGNORECASE

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|enero|febrero|marzo|abril|mayo|junio|julio|agosto|"
    r"se?ptiembre|octubre|noviembre|diciembre)"
)
# one menu entry: a month with its year and/or a count of posts, or a month alone
_ENTRY = rf"{_MONTH}\.?(?:\s+(?:de\s+)?(?:19|20)\d\d)?(?:\s*\(\d+\))?"
_MENU = regex.compile(
    rf"^(?:archives?\s*:?\s*|select\s+month\s*)?{_ENTRY}(?:\s*[|,\u2022\u00b7/-]?\s*{_ENTRY}){{2,}}\s*$", _I
)
_MONTH_WORD = regex.compile(rf"(?<!\w){_MONTH}(?!\w)", _I)
# in a menu every month has its year or its count, or the months stand without any punctuation
_DATED = regex.compile(rf"{_MONTH}\.?\s+(?:de\s+)?(?:19|20)\d\d|{_MONTH}\.?\s*\(\d+\)", _I)


#: the first letters (in lower case) a month menu may open with: its label's ("archives", "select
#: month") and each month's, in any language of ``_MONTH``; and the long s, which the case-blind
#: expression takes for an "s" (tests/test_rule_fastpaths.py checks every character)
_MENU_OPENS = frozenset("asjfmonde\u017f")


def may_be_month_menu(text: str) -> bool:
    """A necessary condition of :func:`is_month_menu`: the text opens with a letter a menu opens
    with (the expression is anchored at the start, its first character a letter of a label or
    a month)."""
    return text[:1].lower() in _MENU_OPENS


def is_month_menu(text: str) -> bool:
    """Whether ``text`` is nothing but three or more months (an archive menu)."""
    if len(text) > 600 or _MENU.match(text) is None:
        return False
    months = len(_MONTH_WORD.findall(text))
    return len(_DATED.findall(text)) == months or "," not in text


#: a pointer to a player is a short line
POINTER_WORDS = 20
_POINTER = regex.compile(
    r"(?<!\w)(?:watch|view|see|listen\s+to|check\s+out)\s+(?:(?:the|this|that|our|his|her|their|a|an|it|full|entire|complete|latest|"
    r"whole|new)\s+)*(?:[\w'\u2019-]+\s+){0,4}?(?:video|videos|clip|footage|film|documentary|report|interview|segment|broadcast|"
    r"podcast|episode|livestream|live\s+stream|speech|remarks|trailer)\b(?:[^.!?:]{0,60})?:\s*$",
    _I,
)


def is_embed_pointer(text: str, words: int) -> bool:
    """Whether ``text`` is a short line pointing at an embedded player (see above)."""
    return words <= POINTER_WORDS and text.rstrip().endswith(":") and _POINTER.search(text) is not None
