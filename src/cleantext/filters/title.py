"""The headline: a title line at the top of the text moves to the metadata."""

from __future__ import annotations

import itertools
from collections.abc import Iterable

import regex

from .._dates import find_date
from .._document import Block, Document
from .._types import Context, Finding
from ._common import BaseFilter, is_body_like, is_headline_like, norm, reports_speech, title_case_ratio

__all__ = ["TitleFilter"]

# Lines that look like a headline but are page furniture or a data line.
_NOT_HEADLINE = regex.compile(
    r"^(?:posted|filed|published)\s+(?:in|under)\b|^by\s|^(?:categories|category|tags?|topics?)\s*:|https?://|www\.|\S:\s.*\S:\s",
    regex.IGNORECASE,
)

# A section label that opens the text over its summary or first section, never the headline:
# "Key Takeaways", "Quick Summary", "TL;DR: ...", "Too Long; Didn't Read:", "1. Introduction"
_SECTION_LABEL = regex.compile(
    r"^(?:\d{1,2}[.)]\s*)?(?:key\s+(?:takeaways?|points|findings|facts)|quick\s+(?:summary|take|look|facts)|"
    r"summary|at\s+a\s+glance|the\s+rundown|the\s+short\s+version|in\s+(?:this|the)\s+(?:article|post|guide)|"
    r"table\s+of\s+contents|contents|introduction|overview|highlights)\s*:?$"
    r"|^(?:tl;?\s?dr|too\s+long;?\s+didn['\u2019]?t\s+read)\b",
    regex.IGNORECASE,
)
# A label over a figure, not a headline: "Typical Range: $876 - $1,042", "Last Updated: December 2025."
_DATA_LABEL = regex.compile(
    r"^[\p{L} ]{2,30}:\s*(?:[$\u20ac\u00a3]?\s?[\d.,]+[%kKmM]?\s*(?:[-\u2013\u2014]|to)?\s*)+$"
    r"|^(?:last\s+)?(?:updated|reviewed|published)(?:\s+on)?\s*:",
    regex.IGNORECASE,
)
# A line that ends inside a phrase: the start of a sentence broken over two lines
# ("THE PATENT FIGHT BETWEEN" over "Google and HyperPhrase ...")
_OPEN_END = frozenset("a an the and or nor of between whose than".split())

# A headline run into its standfirst without a full stop: "... testing being done The deaths ..."
_FUSED_DEK = regex.compile(r"\p{Ll}\s+(?:The|A|An|It|This|These|Those|In|On|At|As|But)\s+\p{Ll}")

# A sentence-case headline runs into its standfirst where a word in lower case is followed by a
# word that opens sentences ("... during the pandemic The increase in need comes ...")
_DEK_START = (
    r"(?:The|A|An|It|This|These|Those|In|On|At|As|But|Nearly|More|Most|Some|Many|After|When|While"
    r"|Its|Their|His|Her|Almost|Only|Even|Now|According|Over|About|Since|With|For|Last|Every)"
)
_FUSED_SENTENCE_CASE = regex.compile(rf"(?<=\p{{Ll}}[\p{{Ll}}\d'\u2019]*)\s+(?={_DEK_START}\s+[\p{{Ll}}\d])")
#: the words of ``_DEK_START``
_DEK_WORDS = frozenset(_DEK_START[3:-1].split("|"))
#: white space to ``str.split`` that ``_TOKEN`` (the regex module's ``\S``) holds in a word
_SPLIT_ONLY_SPACE = "\x1c\x1d\x1e\x1f"
_SENTENCE_STOP = regex.compile(r"[.!?\u2026][\"'\u201d\u2019)]*\s")
_TOKEN = regex.compile(r"\S+")
# short words that title case capitalises and a name never holds
_TITLE_FUNCTION_WORDS = frozenset("In For Is Of To On At With And Are As By From Into Be Has Was Will Can After Over Up Out The A An Its".split())
_DETERMINERS = frozenset("my your our their his her its this that these those every each some no".split())
_MINOR_WORDS = frozenset("a an the and or but nor of in on at to for by with as from into vs via per than".split())


def _fused_split(text: str) -> int | None:
    """Where the standfirst starts in a first line that is a headline run into it without a
    full stop ("Abortion funds see an increase in calls during the pandemic The increase in need
    comes as unemployment reaches new highs."), or None.

    The line must end a sentence and hold no sentence end before the split; the headline is 4
    to 20 words (6 in title case) with no dash or colon (a dateline, a label), and does not end
    with a minor word or a determiner;
    the standfirst is a sentence of 6 words or more. A title-case headline ends before the first
    capitalised word followed by a lower-case word that is not a minor one ("... Is Bracing For
    COVID-19 Hardeeville has one of ..."); a sentence-case one where a lower-case word meets a
    word that opens sentences ("... pandemic The increase ...")."""
    t = text.rstrip()
    if t[-1:] not in ".!?" and not t.endswith((".\"", ".\u201d")):
        return None
    if not _may_fuse(t):
        return None
    # the first 28 words: what follows is never read (the split is within the first 21 words,
    # and 28 or more words answer every question about the count alike)
    toks = list(itertools.islice(_TOKEN.finditer(t), 28))
    if len(toks) < 10:
        return None
    split = None
    # title case: every word before the split capitalised (or a minor word: "in", "of"), two
    # short function words capitalised among them
    # ("Is Bracing For"): a run of names and ranks ("Senate Majority Leader Mitch McConnell
    # acknowledged ...") has capitals too, but not on "Is", "For" or "In"; a brand may have one
    # ("A 7 On Your Side consumer investigation ...")
    for j in range(6, min(len(toks) - 6, 21)):
        w, nxt = toks[j].group(), toks[j + 1].group()
        prev = [x.group() for x in toks[:j]]
        if not all(p[:1].isupper() or p[:1].isdigit() or p in _MINOR_WORDS for p in prev):
            break
        if w[:1].isupper() and nxt[:1].islower() and nxt.lower() not in _MINOR_WORDS:
            if len({p for p in prev[1:] if p in _TITLE_FUNCTION_WORDS}) >= 2:
                split = toks[j].start()
            break
    if split is None:
        m = _FUSED_SENTENCE_CASE.search(t, 0, toks[min(len(toks) - 1, 21)].start())
        if m is not None:
            split = m.end()
    if split is None:
        return None
    head = t[:split].rstrip()
    words = head.split()
    if not 4 <= len(words) <= 20 or words[-1].lower() in _MINOR_WORDS or words[-1].lower() in _DETERMINERS:
        return None  # "A 7 On Your | Side consumer investigation": a name cut in two
    if _SENTENCE_STOP.search(head) is not None:  # a sentence ends inside: not one headline
        return None
    if head[-1:] in ".!?,;:" or any(c in head for c in ("\u2014", "\u2013", " - ", ":", "(", "\"", "\u201c")):
        return None
    if len(t[split:].split()) < 6:
        return None
    return split


def _may_fuse(t: str) -> bool:
    """Whether ``_fused_split`` may find a split in ``t`` (stripped): a test of its words
    that says no as the first words' capitals and ``_FUSED_SENTENCE_CASE`` would (a word
    opening sentences after a word ending in lower case, before a word opening in lower
    case), without a search; True when it cannot tell."""
    if any(c in t for c in _SPLIT_ONLY_SPACE):
        return True  # words that ``split()`` cuts and ``_TOKEN`` does not
    words = t.split(None, 28)[:28]  # ``_fused_split``'s tokens
    n = len(words)
    if n < 10:
        return False
    # the title case: the first six words capitalised (or minor) before a split is looked for
    if n >= 13 and all(p[:1].isupper() or p[:1].isdigit() or p in _MINOR_WORDS for p in words[:6]):
        return True
    # the sentence case: a word of ``_DEK_WORDS`` among the words the search reads, after a
    # word that ends in a lower-case letter, a digit or an apostrophe (``\p{Ll}`` and ``\d``
    # are lower case and digits to ``str``), before a word opening in lower case or a digit
    last = min(n - 1, 21)
    if _DEK_WORDS.isdisjoint(words[1:last]):
        return False
    for j in range(1, last):
        if words[j] in _DEK_WORDS:
            end, nxt = words[j - 1][-1], words[j + 1][:1]
            if (end.islower() or end.isdigit() or end in "'\u2019") and (nxt.islower() or nxt.isdigit()):
                return True
    return False


# A sentence that goes on past a full stop: a lower-case word, a full stop, a capital
# ("... in 2019. The study ..."); "vs. the", "U.S. Senate" and "Dr. Lee" are no stop
_FULL_STOP = regex.compile(r"(?<![\p{L}.])\p{Ll}{2,}[.][\"'\u201d\u2019]?\s+[\"'\u201c\u2018]?\p{Lu}")
# A sentence-case headline does not end on these: the line is a sentence cut in two
_OPEN_END_WIDE = _OPEN_END | frozenset(
    "but to in on at for with from by as that which who whom whose into onto about over under via per "
    "is are was were be been has have had will would can could should may might must not its their "
    "his her our your my y o de del la el los las en con por para que".split()
)
# A question is a headline's second part after a first one: "The big question: Will it work?",
# "Face masks? Gloves? What gyms will look like"
_TWO_PART = regex.compile(r"\S[:?]\s+\S")
# An editor's note that opens the story: "UPDATE: ...", "Editor's note: ...", "Correction: ..."
_UPDATE = regex.compile(r"^(?:update[ds]?|editor['\u2019]?s\s+note|correction|clarification|actualizaci[o\u00f3]n|nota)\b", regex.IGNORECASE)
# Page furniture, not a headline: pipes, addresses, handles
_FURNITURE = regex.compile(r"\s\|\s|https?://|www\.|@\w|\.(?:com|org|net)\b", regex.IGNORECASE)


def _sentence_headline(text: str) -> bool:
    """A headline in sentence case: 4 to 20 words, opening with a capital (or a quote or a
    digit), without a sentence's full stop at its end or inside it (a question may stand
    inside: "Hate needles? Flu patch may take the sting out"), not ending on a word that
    leaves the phrase open ("... between the"), without pipes or addresses.

    >>> _sentence_headline("Storm knocks out power across the valley")
    True
    >>> _sentence_headline("The council met on Tuesday.")
    False
    """
    t = text.strip()
    words = t.split()
    if not 4 <= len(words) <= 20 or len(t) > 160:
        return False
    end = t.rstrip("\"'\u201d\u2019)]")
    if end[-1:] in ".,;:!-\u2013\u2014\u2026" or _UPDATE.match(t):
        return False  # a sentence, an exclamation (a prompt), an editor's update
    if end[-1:] == "?" and _TWO_PART.search(end[:-1]) is None:
        return False  # a question alone opens a story ("Think your commute is tough?")
    head = t.lstrip("\"'\u201c\u2018\u00bf\u00a1")
    if not head[:1].isupper() and not head[:1].isdigit():
        return False
    if words[-1].lower().strip("\"'\u201d\u2019") in _OPEN_END_WIDE:
        return False
    return _FULL_STOP.search(t) is None and _FURNITURE.search(t) is None


def _story_below(first: Block, story: Block) -> bool:
    """The story's first paragraph: longer than the headline, opening like a sentence, and not
    a sentence-case headline itself (so the clean text's new first line is never one)."""
    lead = story.text.lstrip("\"'\u201c\u2018\u00bf\u00a1([")
    opening = " ".join(first.text.split()[:6]).lower()
    return (
        story.words > first.words + 2
        and not " ".join(story.text.split()[:6]).lower() == opening  # a standfirst echoing the story's opening
        and (lead[:1].isupper() or lead[:1].isdigit())
        and not _sentence_headline(story.text)
    )


def _short_label(text: str) -> bool:
    """A section label of one to three words ("What", "OVERVIEW", "At a glance")."""
    t = text.strip()
    return 1 <= len(t.split()) <= 3 and len(t) <= 25 and t[-1:] not in ".,;!?" and t[:1].isupper()


# A credit or source label: "Credit: Ann Lee", "Photo: Example Agency"
_CREDIT_LABEL = regex.compile(
    r"^(?:photo(?:graph)?|image|picture|credit|video|illustration|source|fuente|foto)s?(?:\s+credits?)?\s*:\s*\S.{0,60}$",
    regex.IGNORECASE,
)


def _body_like(b: Block) -> bool:
    """``is_body_like(b.text)``, told by the block's word count where that answers (25 words
    or more are prose, fewer than 6 none): a long paragraph is not split again."""
    return b.words >= 25 or (b.words >= 6 and is_body_like(b.text))


def _headline_like(b: Block) -> bool:
    """``is_headline_like(b.text)``, told by the block's length where that answers (no line of
    more than 25 words or 220 characters is one)."""
    return b.words <= 25 and len(b.text) <= 220 and is_headline_like(b.text)


def _too_long(b: Block) -> bool:
    """Whether ``b`` is too long for a headline alone (``is_headline_like``: 25 words, 220
    characters), framed (30 words, 220 characters) or in sentence case (20 words)."""
    return b.words > 30 or (len(b.text) > 220 and b.words > 20)


def _story_after(first: Block, rest: list[Block], top: bool) -> Block | None:
    """The story's first paragraph under a headline: the next block, or (at the top) the one
    after a short label or a credit line or two ("What", "Credit: Ann Lee"), or the one after
    the headline's own copy a few lines down. None when a headline-like line comes first."""
    if not rest:
        return None
    own = norm(first.text)
    if top and first.words >= 4:
        for j, b in enumerate(rest[:5]):
            # (folding white space only shortens a text, and keeps its first character)
            t = b.text
            if len(t) >= len(own) and t.lstrip()[:1] == own[:1] and norm(t) == own:  # the headline again: the story follows its copy
                after = rest[j + 1] if j + 1 < len(rest) else None
                if after is not None and _body_like(after) and not _headline_like(after):
                    return after
                return None
    for j, b in enumerate(rest[:3]):
        t = b.text
        if _headline_like(b) and not (top and j < 2 and (_CREDIT_LABEL.match(t) or (len(own) >= 20 and own in norm(t)))):
            return None
        if _body_like(b):
            return b
        if top and j < 2 and (_short_label(t) or _CREDIT_LABEL.match(t) or (len(own) >= 20 and own in norm(t))):
            continue  # a label, a credit, a gallery's line that repeats the headline
        return None
    return None


def _kicker(text: str) -> bool:
    """A short lead-in over the headline, ending with a colon ("EXCLUSIVE:", "From the archive:")."""
    t = text.strip()
    return t.endswith(":") and 1 <= len(t.split()) <= 5 and len(t) <= 40


# Categories that sit between a headline and the story.
_HEADER = {"byline", "dateline", "caption", "social", "advertisement", "ui"}


class TitleFilter(BaseFilter):
    """Moves the headline at the top of the text to ``metadata.title``.

    A first line is a headline when it is short, in title case, without a sentence's closing
    punctuation, and the story follows it (directly, or after a byline or a caption). The line
    after it must not look like a headline too, so cleaning the clean text again finds nothing.
    In English a headline in sentence case needs no byline under it: 4 to 20 words at the top
    (or under a kicker such as "EXCLUSIVE:"), no full stop, no lone question or exclamation, not
    a sentence cut in two, over a longer paragraph that opens like a sentence (perhaps after a
    short label, a credit line or the headline's own copy, which goes too).

    >>> from cleantext import clean
    >>> r = clean("City Council Approves New Budget After Long Debate\\n\\nThe council voted 7-2 on Tuesday night to approve the budget, ending weeks of argument.")
    >>> r.metadata.title
    'City Council Approves New Budget After Long Debate'
    >>> clean("Storm knocks out power across the valley\\n\\nThousands of homes lost electricity on Sunday after storms brought down power lines, the utility said.").metadata.title
    'Storm knocks out power across the valley'
    >>> clean("It rained all week.\\n\\nThe council voted 7-2 on Tuesday night to approve the budget, ending weeks of argument.").metadata.title is None
    True
    """

    name = "title"
    categories = ("title",)

    def find(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        kept = list(ctx.kept())
        if len(kept) < 2:
            return
        memo = ctx.memo_for(self)
        # the first block still there (share bars, a caption before it are gone), or one of
        # the first few that sits right above a byline (or above a standfirst over a byline),
        # or the line under a kicker ("EXCLUSIVE:", "According to the agency:")
        for k, cand in enumerate(kept[:3]):
            after = kept[k + 1] if k + 1 < len(kept) else None
            if after is None:
                return
            between = {ctx.removed_category(i) for i in range(cand.index + 1, after.index)}
            header = bool(between & _HEADER)
            framed = bool(between & {"byline", "caption", "dateline"})
            byline_below = "byline" in between
            if k + 2 < len(kept) and not byline_below:
                # a standfirst between the headline and the byline
                below = {ctx.removed_category(i) for i in range(after.index + 1, kept[k + 2].index)}
                if "byline" in below and _body_like(after):
                    framed = header = byline_below = True
            top = k == 0 or (k == 1 and _kicker(kept[0].text))
            if not top and not byline_below:
                # below the top only a line right above a byline is a headline; any other
                # headline-like line there is a subheading of the story
                continue
            rest = kept[k + 1 : k + 7]
            # a "no" is a function of what ``_judge`` reads (the texts, the first block's place
            # at the top of the text, the flags): kept for the document's later looks, which
            # mostly ask again of the same lines
            key = (cand.text, cand.index == 0, header, framed, top, *[b.text for b in rest])
            if key in memo:
                continue
            f = self._judge(cand, rest, header, framed, top, ctx)
            if f is None:
                memo[key] = True
            if f is not None:
                yield f
                # the headline printed again under it (a page's two headline elements)
                for b in kept[k + 1 : k + 7]:
                    if f.rule == "headline" and norm(b.text) == norm(cand.text):
                        yield ctx.finding(b, "title", "headline-copy", "the headline printed again under it", f.confidence)
                        break
                return

    def _judge(self, first: Block, rest: list[Block], header: bool, framed: bool, top: bool,
               ctx: Context) -> Finding | None:
        text = first.text
        nxt = rest[0]
        # a line this long is no headline, and no sentence-case one, framed or alone: only a
        # headline run into its standfirst, the text's first line, may be (asked first here)
        fused: int | None = -1
        if _too_long(first):
            if first.index != 0:
                return None
            fused = _fused_split(text)
            if fused is None:
                return None
        # (the tests that can only say no run once a rule would take the line, the cached ones
        # on the next block first: a long first paragraph costs no search)
        story = _story_after(first, rest, top)
        if story is None:
            return None
        label = story is not nxt
        split = None
        if _headline_like(first):
            if not header and not label and nxt.words <= first.words and nxt.text.rstrip()[-1:] in ",;\u2026":
                # alone at the top over a shorter line left open: a poem's or a list's first line
                return None
            conf = 0.85 if header or title_case_ratio(text) >= 0.85 else 0.7
        elif (
            framed
            and 4 <= first.words <= 30
            and len(text) <= 220
            and (text.rstrip()[-1:] not in ".,;:" or _FUSED_DEK.search(text))
            and not reports_speech(text)
        ):
            # a headline in sentence case, known by the byline or caption under it
            conf = 0.6
        elif first.index == 0 and not label and (split := _fused_split(text) if fused == -1 else fused) is not None and not reports_speech(text):
            conf = 0.6
        elif (
            top
            and ctx.language == "en"
            and _sentence_headline(text)
            and _story_below(first, story)
            and not reports_speech(text)
        ):
            # a headline in sentence case alone at the top, over the story's first paragraph
            conf = 0.6
        else:
            return None
        if _NOT_HEADLINE.search(text) or _SECTION_LABEL.match(text) or _DATA_LABEL.match(text) or _CREDIT_LABEL.match(text):
            return None
        # a sentence broken over two lines: the next line carries on in lower case (not a
        # name like "iPhone"), or this one stops on an article or a conjunction
        lead = nxt.text.split(maxsplit=1)[0] if nxt.text else ""
        if (lead[:1].islower() and lead.islower()) or lead[:1] in ",;" or text.split()[-1].lower() in _OPEN_END:
            return None
        d = find_date(text)
        if d is not None and d.end - d.start >= len(text) - 12:
            return None  # a date line, not a headline
        if split is not None:
            # the text's first line: a headline run into its standfirst; the headline goes
            head = text[:split].rstrip()
            return ctx.finding((first.start, first.start + split), "title", "headline-fused",
                               "the first line opens with a headline run into the standfirst without a full stop",
                               conf, {"title": head})
        # (the share of capitals, read only for a line taken: a story's long first paragraph,
        # judged and left, is never counted)
        evidence = f"first line, title case {title_case_ratio(text):.0%}, followed by " + (
            "a byline or caption" if header else "the story"
        )
        return ctx.finding(first, "title", "headline", evidence, conf, {"title": text})
