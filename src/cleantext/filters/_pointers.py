"""A pointer to more coverage, addressed to the reader, told by its grammar: a short block that
sends the reader elsewhere for more on the subject, whatever the site or the subject.

    For more on heart health, visit the American Heart Association.
    For the latest updates on the outbreak, go to our live blog.
    Click here for our full coverage of the election.
    Catch up on all of our coverage of the trial.
    This story is part of a series on housing in the valley.
    Learn more about the programme at example.org.
    The National Institutes of Health has more on sleep apnea.   (among the last blocks)
    Para más información sobre la vacuna, visite example.org.

The opening carries the pointer ("For more on X," then an imperative; "Click here for our";
"Read our ... coverage"; "This story is part of a ... series"); a story's sentence that opens
alike goes on otherwise ("For more than a decade, she has visited ..."; "For the latest quarter,
the company reported ..."; "Read the fine print, the lawyer told the jury").
"""

from __future__ import annotations

import regex

from .._document import Block
from .._types import Context, Finding
from ._common import reports_speech

__all__ = ["coverage_pointer", "may_point", "may_point_text", "HEAD", "MAX_WORDS"]

#: a pointer is a short block: this many words at most
_MAX_WORDS = 40
MAX_WORDS = _MAX_WORDS
#: "ORG has more on X." counts only among the page's last this many blocks
_TAIL = 4
#: not among the first this many blocks: the head of the page is where a dateline, a byline and
#: a title are looked for, and a pointer there is a live page's banner more often than a link
_HEAD = 4
HEAD = _HEAD

# what the reader is pointed at: the outlet's coverage, or a guide, a series, a report
_OBJECT = (
    r"(?:coverage|news|updates?|stories|story|articles?|reporting|live\s+blog|live\s+updates|analysis|series|guide|"
    r"explainer|package|special\s+report|report|podcast|latest)"
)
# the imperative after "For more on X,": where to go for it
_GO = (
    r"(?:please\s+)?(?:visit|see|go\s+to|head\s+(?:to|over\s+to)|check\s+out|click|tap|read|follow|tune\s+in|"
    r"download|listen|watch|browse|explore)\b"
)
_POINTER = regex.compile(
    r"^(?:"
    # For more on X, visit Y. / For the latest on X, go to our live blog. (not "For more than ...")
    r"for\s+(?:(?:much\s+)?more|the\s+latest|(?:our\s+)?(?:full|complete|continuing|ongoing|live|up-to-(?:the-minute|date)|"
    r"comprehensive|latest)(?:\s+[\w'\u2019-]+){0,3}?)\s+(?:on|about|from|of|coverage|news|updates|information|info|stories|reporting)\b"
    rf"[^.!?]{{0,120}}?,\s+{_GO}"
    # Click here for our full coverage / Click here to read more of our stories
    r"|(?:click|tap)\s+(?:here|this\s+link|the\s+link\s+below)\s+(?:for\s+(?:our|the|more|all)\b|to\s+(?:read|see|view|watch|get|find|follow|catch\s+up)\s+"
    rf"(?:(?:our|the|more|all|all\s+of\s+our)\s+)?(?:[\w'\u2019-]+\s+){{0,3}}?{_OBJECT}\b)"
    # Read our full coverage / Catch up on all of our coverage / Follow the latest updates
    r"|(?:read|get|see|find|follow|catch\s+up\s+on|check\s+out|explore|browse|keep\s+up\s+with|stay\s+up\s+to\s+date\s+with)\s+"
    rf"(?:all\s+(?:of\s+)?)?(?:our|the\s+latest|more\s+of\s+our)\s+(?:[\w'\u2019-]+\s+){{0,4}}?{_OBJECT}\b"
    # This story is part of a series / is the second part of our series
    # (the article itself: "this report", "this project" may be the story's subject)
    r"|(?:this|the\s+following)\s+(?:story|article|segment|piece|post|episode|essay|column|interview|feature|profile)\s+is\s+"
    r"(?:(?:the\s+)?(?:first|second|third|fourth|fifth|sixth|final|last|latest|next|\d+(?:st|nd|rd|th))\s+(?:part|installment|instalment|story|article|piece|episode|chapter)\s+(?:of|in)\s+"
    r"|(?:also\s+)?part\s+of\s+)(?:a|an|our|the|\p{Lu}[\w'\u2019-]*['\u2019]s)\b[^.!?]{0,80}\b(?:series|package|coverage|collaboration|partnership|(?:reporting|journalism)\s+project|special\s+report)\b"
    # Learn more about X at example.org
    r"|learn\s+more\s+(?:about\s+[^.!?]{2,80}?\s+)?(?:at|over\s+at|on)\s+(?:[\w-]+\.)+(?:com|org|net|news|gov|edu|info|co\.uk)\b"
    # Para más información (sobre X), visite Y. / Haz clic aquí para leer la noticia completa.
    r"|para\s+(?:m[aá]s\s+)?(?:informaci[oó]n|noticias|detalles)(?:\s+actualizada)?(?:\s+(?:sobre|acerca\s+de)\s+[^.!?]{2,100}?)?,?\s+"
    r"(?:visita|visite|consulta|consulte|lee|lea|ve\s+a|vaya\s+a|ingresa|ingrese|entra|entre)\b"
    r"|(?:haz|haga|da|d[eé])\s+(?:clic|click)\s+(?:aqu[ií]|en\s+este\s+enlace)\s+para\s+(?:leer|ver|conocer|seguir|consultar)\b"
    # Sigue la última hora de X en nuestro directo / Consulta aquí toda la información sobre X
    r"|(?:sigue|siga|consulta|consulte)\s+(?:aqu[ií]\s+)?(?:toda\s+la\s+(?:informaci[oó]n|cobertura)|la\s+[uú]ltima\s+hora|el\s+minuto\s+a\s+minuto|nuestr[oa]\s+(?:cobertura|especial|directo))\b"
    r")",
    regex.IGNORECASE,
)
# "The National Institutes of Health has more on sleep apnea." as a whole block
_HAS_MORE = regex.compile(
    r"^(?:The\s+)?(?:U\.S\.\s+)?\p{Lu}[\w.&'\u2019-]*(?:\s+(?:of|for|and|on|&|\p{Lu}[\w.&'\u2019-]*)){0,8}\s+"
    r"(?:has|have|offers|provides)\s+(?:more|additional)\s+(?:information\s+|info\s+)?(?:on|about)\s+[^.!?]{2,100}\.?$"
)
# the first words a pointer may open with (a cheap gate before the expressions)
_OPENERS = frozenset({
    "for", "click", "tap", "read", "get", "see", "find", "follow", "catch", "check", "explore", "browse", "keep", "stay",
    "this", "the", "learn", "para", "haz", "haga", "da", "dé", "de", "sigue", "siga", "consulta", "consulte",
})
# who said it: a sentence of the story, even when it opens like a pointer
_TOLD = regex.compile(
    r"\b(?:said|says|told|urged|advised|dijo|seg[uú]n|explic[oó]|afirm[oó]|señal[oó]|aconsej\w*|recomiend\w*|recomend\w*|advirti[oó])\b"
)


def may_point(kept: list[Block], k: int) -> bool:
    """Whether :func:`coverage_pointer` may find at ``kept[k]``: a block past the head, short
    enough (a cheap necessary condition, for ``RelatedFilter.extra_may``)."""
    return k >= _HEAD and kept[k].words <= _MAX_WORDS


def may_point_text(b: Block) -> bool:
    """Whether :func:`coverage_pointer` may find at a block of ``b``'s text at some place: the
    tests of its text alone (a necessary condition: the pointer's opening, or the words "has
    more on" a block among the page's last may hold), asked once per text of a document."""
    if b.words > _MAX_WORDS:
        return False
    first = b.low[:24].lstrip("*_(\u2014\u2013- ").split(None, 1)
    if not first:
        return False
    text = b.text.strip()
    if first[0].strip(",.:") in _OPENERS and _POINTER.match(text.lstrip("*_(\u2014\u2013- ")):
        return True
    return b.words <= 25 and " more " in b.low and _HAS_MORE.match(text) is not None


def coverage_pointer(kept: list[Block], k: int, ctx: Context) -> Finding | None:
    """A finding when ``kept[k]`` is a short block pointing the reader to more coverage.

    >>> from cleantext import clean
    >>> story = "\\n\\n".join([
    ...     "The council voted on Tuesday to close the old bridge after engineers found deep cracks in its supports.",
    ...     "Drivers will be sent along the river road, which adds about fifteen minutes to the morning commute.",
    ...     "The mayor said the work would be finished before winter and paid for by the state's road fund.",
    ...     "Shop owners on the bridge street expect fewer customers and have asked the council for help."])
    >>> clean(story + "\\n\\nFor the latest updates on the bridge, visit our live blog.").text == story
    True
    >>> kept = "For more than a decade, she has crossed the bridge every morning on her way to the market."
    >>> clean(story + "\\n\\n" + kept).text == story + "\\n\\n" + kept
    True
    """
    b = kept[k]
    if k < _HEAD or b.words > _MAX_WORDS:
        return None
    # the first word, read from the block's first characters (every opener is short)
    first = b.low[:24].lstrip("*_(\u2014\u2013- ").split(None, 1)
    if not first:
        return None
    opener = first[0].strip(",.:")
    text = b.text.strip()
    if opener in _OPENERS and _POINTER.match(text.lstrip("*_(\u2014\u2013- ")):
        if _TOLD.search(text) or reports_speech(text):
            return None
        return ctx.finding(b, "related", "coverage-pointer", "points the reader to more coverage elsewhere", 0.75)
    if k >= len(kept) - _TAIL and b.words <= 25 and (" more " in b.low) and _HAS_MORE.match(text):
        return ctx.finding(b, "related", "coverage-pointer", "an organisation that 'has more on' the subject, at the end", 0.7)
    return None
