"""Photo and video captions: duplicated captions, caption lines with a credit, credit-only lines."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

import ahocorasick
import regex

from .._document import Block, Document
from .._patterns import compile_group, group_source, load_triggers, scan_words
from .._types import Context, Finding
from .._result import Caption
from ._common import BaseFilter, _odd, needs_of, norm, reports_speech, table_cell, title_case_ratio
from ._captions2 import AGENCY_AC, AGENCY_LITERALS, MORE_LITERALS, MORE_WHY, gallery_line, more_credit, more_idle, sentence_may

__all__ = ["CaptionFilter", "split_credit"]

_AG = group_source("photo_agency")
# Only after a photographer's name and a slash ("Name/Army"): too common alone to be a credit.
_AG_SLASH = rf"(?:{_AG}|(?:U\.S\.\s+)?(?:Army|Navy|Air\s+Force|Marine\s+Corps|Coast\s+Guard|National\s+Guard)|DoD|NASA|White\s+House)"
_NAMETOKEN = r"\p{Lu}(?:[\p{L}\p{M}'\u2019-]+|\.)"
_NAMEISH = rf"{_NAMETOKEN}(?:\s+(?:(?:de|van|von|da|del|la|le)\s+)?{_NAMETOKEN}){{0,4}}"
_LABEL = r"(?:photo(?:graph)?s?|images?|pictures?|pics?|fotos?|fotograf[íi]as?|imagen(?:es)?|video|illustration)"
_KIND = rf"(?:(?:AP|AFP|Reuters|file|staff|handout|pool|associated\s+press)\s+)?(?:photo\s+)?{_LABEL}(?:\s+illustration)?(?:\s+credit)?"

# "(Photo by Name/AFP via Getty Images)", "(AP Photo/Name)", "(Image credit: AP)", "(Image: courtesy of X)"
# Matched only from the last "(" of a line (see split_credit), with possessive white space:
# searched from every position, its nested white-space runs made a long blank gap quadratic.
_PAREN_CREDIT = regex.compile(
    rf"\(\s*+(?P<inner>(?P<kind>{_KIND})\s*(?:by|:|/|via|from|courtesy\s+of|de|por)\s*+(?P<credit>[^()]{{1,120}}?)"
    rf"|(?:photo\s+|image\s+)?credit\s*:\s*+(?P<credit2>[^()]{{1,120}}?)"
    rf"|(?P<credit3>[^()]{{1,80}}?\s*/\s*{_AG_SLASH}(?:\s+(?:via|for)\s+[^()]{{1,40}})?))\s*+\)\s*+\.?$",
    regex.IGNORECASE,
)
# A whole line that labels a credit: "Featured image via X", "Photo Credit: X", "photo by X / CC BY 2.0"
_LABEL_LINE = regex.compile(
    rf"^(?:(?:featured|top|header|cover|lead|main|hero)\s+)?{_KIND}\s*(?::|by|via|from|courtesy\s+of|por|de)\s*(?P<credit>.{{1,150}})$",
    regex.IGNORECASE,
)
# "... Photograph: Name/Agency" at the end of a caption
_INLINE_LABEL = regex.compile(
    r"(?:^|(?<=[.!?\"\u201d]\s)|\s)(?P<all>(?:photograph|photo|image|foto|picture|illustration)s?\s*:\s*(?P<credit>[^:]{2,80}?))\s*$",
    regex.IGNORECASE,
)
# "Name/AP", "Name/EPA via Shutterstock", "Name | E+ | Getty Images", "AP Photo/Name", "X via Getty Images"
_AGENCY_TAIL = regex.compile(
    rf"(?:^|\s|\|)(?P<credit>"
    rf"{_NAMEISH}\s*/\s*{_AG_SLASH}(?:\s*(?:via|/)\s*{_AG})?(?:\s+(?i:photo))?"
    rf"|{_AG}\s+(?i:photo)\s*/\s*{_NAMEISH}"
    rf"|(?:{_NAMEISH}\s*\|\s*)?(?:[\p{{L}}+&.]{{1,15}}(?:\s+[\p{{L}}+&.]{{1,15}}){{0,2}}\s*\|\s*)?{_AG}"
    rf"|{_NAMEISH}\s+via\s+{_AG}"
    rf"|(?:REUTERS|AFP|EPA)\s*/\s*{_NAMEISH}(?:\s*/\s*(?i:file(?:\s+photo)?|pool))?)(?:,\s*(?:FILE|File|file))?\s*\.?$",
)
# "Benni McCarthy © Action Images": a caption whose credit is the agency's copyright sign
_COPY_TAIL = regex.compile(rf"\s\u00a9\s*(?P<credit>{_AG})\s*\.?$")
_AGENCY_ANY = regex.compile(_AG_SLASH)
_WIRE_KIND = regex.compile(r"(?i)(?:AP|AFP|Reuters|associated\s+press)\b")
_YEAR = regex.compile(r"\b(?:19|20)\d\d\b")
# The whole line is a credit: "Getty Images", "Andres Kudacki/AP Photo", "Reuters"
_CREDIT_ONLY = regex.compile(
    rf"^(?:(?:{_NAMEISH})\s*/\s*)?{_AG}(?:\s+(?i:photos?|images?))?(?:\s*/\s*{_NAMEISH})?(?:\s+via\s+{_AG})?\.?$"
)
_COURTESY_TAIL = regex.compile(
    r"(?:^|\s)(?P<credit>(?i:(?:photo\s+)?courtesy(?:\s+of)?)\s+\p{Lu}[\p{L}\p{M}.'\u2019 &-]{2,60}|"
    r"\p{Lu}[\p{L}]+(?:\s+\p{Lu}[\p{L}]+){0,3}\s+Photography)\s*$",
)
# Gallery and player residue that is part of a caption
_UI = regex.compile(
    r"^(?:enlarge\s+this\s+image\s*)?toggle\s+caption\b"
    r"|\bhide\s+caption\b"
    r"|^(?:image|photo|slide|foto|imagen)\s+\d+\s+(?:of|de|/)\s+\d+\b"
    r"|^\d+\s*/\s*\d+\s+(?:slideshow|gallery|galer[íi]a|fotos?)\b"
    r"|^resultado\s+de\s+imagen\s+para\b"
    r"|^(?:file\s+photo|file\s+picture|archive\s+photo|foto\s+de\s+archivo)\s*[:\u2013\u2014-]"
    r"|^in\s+this\s+(?:[\w,]+\s+){0,5}(?:photo|image|picture|photo\s+illustration|file\s+photo|handout\s+photo|screenshot|screen\s+grab)\b",
    regex.IGNORECASE,
)
# A caption describes a picture: "poses", "is seen", "looks on", "pictured".
_PICTURE_VERB = regex.compile(
    r"\b(?:poses?|posing|is\s+seen|are\s+seen|looks?\s+on|pictured|is\s+pictured|gestures?|walks?\s+(?:past|by|through)|"
    r"stands?\s+(?:outside|in|at|next)|wave[sd]?\s+to|arrives?\s+(?:at|for)|attends?|speaks?\s+(?:at|during|to))\b",
    regex.IGNORECASE,
)

# Cheap tests that say whether a caption expression can match at all.
_UI_WORDS = ("caption", "image", "photo", "foto", "slide", "galer", "picture", "screen", "file", "archive", "resultado", "in this")
_DIGIT_SLASH = regex.compile(r"\d\s*/\s*\d")


def _ui_may(low: str, found: frozenset[str]) -> bool:
    """Whether gallery or caption-toggle text (``_UI``) may open this lower-case text: one of
    its words in the first 60 characters (``in`` on literals, not an alternation), or "caption".
    ``found``: those of the literals of ``_SCANNED`` that ``low`` holds (none of the words
    anywhere, none in the head)."""
    head = low[:60]
    if not found.isdisjoint(_UI_WORDS) and (any(w in head for w in _UI_WORDS) or "caption" in found):
        return True
    return "/" in head and _DIGIT_SLASH.search(head) is not None
# (literals, not an expression: ``in`` on each is ten times cheaper than one alternation)
_LABEL_TRIGGER = ("photo", "image", "pic", "foto", "video", "illustration", "credit")
# (every one holds "(" or is "pose" or "pictured", the gate of _PICTURE_CUE's search)
_CUE_TRIGGER = ("(left)", "(right)", "(center)", "(centre)", "(top)", "(bottom)", "(front)", "(back)", "(pictured)", "(second", "pose", "pictured")
_CREDIT_WORDS = ("courtesy", "photography")
#: every literal the caption rules test in a block: read from the document's one trigger scan
#: (``Context.triggers_in``), not searched for in each block one by one
_SCANNED = scan_words(*_UI_WORDS, *_LABEL_TRIGGER, *_CUE_TRIGGER, *_CREDIT_WORDS)


def _literals(low: str) -> frozenset[str]:
    """Those of ``_SCANNED`` that ``low`` holds, for a text the document's scan did not see."""
    return frozenset([w for w in _SCANNED if w in low])

# Strong signs of a caption without a credit: who is where in the picture, or a pose.
_PICTURE_CUE = regex.compile(
    r"\((?:left|right|center|centre|top|bottom|front|back|pictured|second\s+(?:left|right))\)"
    r"|\bposes?\s+for\s+a\s+(?:photo(?:graph)?|picture|portrait)\b",
    regex.IGNORECASE,
)
# Where somebody is in the picture ("Ann Lee, left, and ...", "(L) celebrates"), or "in this ...
# file photo": the phrase group ``caption_cue`` (a position alone counts only in recall mode)
_CUES = compile_group("caption_cue")
#: the group's literals, looked for once in the document (most hold none)
_DOC_CUES = load_triggers("caption_cue") or ()
# "1 / 5 Slideshow", "Image 2 of 9": a gallery's captions follow, however long
_GALLERY = regex.compile(r"^(?:\d+\s*/\s*\d+\s+(?:slideshow|gallery|galer[íi]a|fotos?)|(?:image|photo|slide|foto|imagen)\s+\d+\s+(?:of|de|/)\s+\d+)\b", regex.IGNORECASE)
_INNER_SENTENCE = regex.compile(r"[.!?]\s+\p{Lu}")
# The end of a sentence, where a caption sentence stops.
_SENTENCE_END = regex.compile(r"[.!?](?=\s)")
# "Caption text | AP Photo/Name Headline ...": a caption and credit glued before other text
_PIPE_CREDIT = regex.compile(
    rf"^(?P<cap>.{{20,400}}?)\s+\|\s+(?P<credit>{_AG}\s+(?i:photo)(?:\s*/\s*{_NAMEISH})?|{_NAMEISH}\s*/\s*{_AG}(?:\s+via\s+{_AG})?)\s+(?=\p{{Lu}})"
)
# Wire captions end with where and when: "... in Zwickau, Germany, November 4, 2019."
_WIRE_DATE = regex.compile(
    r"\b(?:in|at|near|outside|on)\s+\p{Lu}[^.,]{1,60}(?:,\s+\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*)*)*,\s+"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},\s+(?:19|20)\d\d\.(?:\s+[\p{Lu}][^.]{0,60})?$"
)



def _wire_may(text: str) -> bool:
    """Whether ``_WIRE_DATE`` may match: its year's full stop is the text's last one (nothing
    after it but a name without a full stop), and a year of this century or the last before it."""
    i = text.rfind(".")
    return i >= 4 and text[i - 4 : i - 2] in ("19", "20")


# The credit of a chart, map or table, alone on its line: "Data is from Example.com", "Map by X"
# ("Data: Regional Differences" is a heading, not a credit)
_DATA_CREDIT = regex.compile(
    r"^(?i:data|chart|graphic|map|graph|table|infographic)s?\s+(?i:is\s+|are\s+)?(?i:from|via|by|courtesy\s+of)\s+"
    r"(?P<credit>\p{Lu}[^.!?]{0,60}?|[\w-]+(?:\.[\w-]+)+)\.?$",
)

# the literals of which every match of an expression holds one (a block holding none of them is
# not searched; checked against the expressions in tests/test_rule_fastpaths.py)
_PAREN_NEEDS = needs_of(_PAREN_CREDIT)
_CREDIT_ONLY_NEEDS = needs_of(_CREDIT_ONLY)
_AGENCY_NEEDS = needs_of(_AGENCY_ANY)
_DATA_NEEDS = needs_of(_DATA_CREDIT)

# Gallery residue opens the caption, which may be long: allow more words.
_UI_MAX_WORDS = 160

# Captions are short: a block longer than this is a paragraph, whatever it ends with.
_MAX_WORDS = 80
_PAIR_MAX_CHARS = 400
# A credit at the end of a caption is shorter than this.
_TAIL_CHARS = 300


def split_credit(text: str, low: str | None = None, found: frozenset[str] | None = None) -> tuple[str, str | None, str] | None:
    """(caption text, credit, rule) when ``text`` ends with or is a photo credit.

    >>> split_credit("U.S. soldiers on patrol. (Photo by Ann Lee/AFP via Getty Images)")
    ('U.S. soldiers on patrol.', 'Ann Lee/AFP via Getty Images', 'paren-credit')
    >>> split_credit("Protesters gather in Madrid. Altaf Qadri/AP")
    ('Protesters gather in Madrid.', 'Altaf Qadri/AP', 'agency-credit')
    >>> split_credit("The agency said it had seen the photo by Monday.") is None
    True

    ``low`` is ``text.lower()`` and ``found`` the literals of ``_SCANNED`` it holds, when the
    caller has them (the document's trigger scan).
    """
    if low is None:
        low = text.lower()
    if found is None:
        found = _literals(low)
    n = len(text)
    words = text.count(" ") + 1
    if _ui_may(low, found):
        m = _UI.search(text)
        if m:
            rest = text[m.end():].strip(" :-\u2013\u2014")
            if m.group().lower().startswith(("enlarge", "toggle")):
                return "", rest or None, "caption-ui"
            return (text if m.start() == 0 else text[: m.start()]).strip(), None, "caption-ui"
    if text.rstrip(" .")[-1:] == ")":
        # matched from the last "(" only: searched from every position, a long blank gap was quadratic
        paren = text.rfind("(")
        m = _PAREN_CREDIT.match(text, paren) if paren >= 0 and _PAREN_NEEDS.may(text[paren:]) else None
        if m:
            credit = m["credit"] or m["credit2"] or m["credit3"]
            if m["kind"] and _WIRE_KIND.match(m["kind"]):
                credit = m["inner"]
            return text[: m.start()].strip(), credit.strip(), "paren-credit"
    labelled = not found.isdisjoint(_LABEL_TRIGGER)
    if labelled and words <= 30:
        m = _LABEL_LINE.match(text)
        # a credit names somebody: "Video: 4K/30p, FHD 120p" is a camera's spec line
        if m and len(m["credit"].split()) <= 12 and not m["credit"].lstrip()[:1].isdigit():
            return "", m["credit"].strip(), "credit-label"
    if words <= 14 and _CREDIT_ONLY_NEEDS.may(text, low) and _CREDIT_ONLY.match(text):
        return "", text.strip().rstrip("."), "credit-only"
    # the credit patterns below end at "$": look for them in the last _TAIL_CHARS only, not from
    # every position of a long line (a 1 MB line cost seconds)
    tail = max(0, n - _TAIL_CHARS)
    if labelled and ":" in text[tail:]:
        m = _INLINE_LABEL.search(text, tail)
        # a credit asks nothing: 'The biggest photograph: Why "biggest"?' is a question about it
        if m and m.start("all") > 0 and not any(c in m["credit"] for c in "?!"):
            return text[: m.start("all")].strip(), m["credit"].strip(), "labelled-credit"
    end = text[-90:]
    # every credit _AGENCY_TAIL knows has a slash, a bar or "via" near the end
    if "/" in end or "|" in end or " via " in end:
        # every credit _AGENCY_TAIL knows names an agency: a cheap test for one first (the
        # search cost 70 us on each "By NAME | DATE" line)
        at = max(0, n - 160)
        m = (_AGENCY_TAIL.search(text, at) if _AGENCY_NEEDS.may(text[at:]) and _AGENCY_ANY.search(text, at)
             else None)
        if m:
            return text[: m.start("credit")].strip(" |"), m["credit"].strip(), "agency-credit"
    if "\u00a9" in end:
        m = _COPY_TAIL.search(text, max(0, n - 90))
        # a copyright line ("Copyright © 2021 Getty Images") is the legal filter's
        cap = text[: m.start()].strip() if m else ""
        # what the sign credits is a name ("Benni McCarthy") or a caption sentence, not prose
        # that mentions it ("each picture is marked © Reuters")
        if (
            m and len(cap.split()) >= 2 and "copyright" not in low and "rights" not in low and not _YEAR.search(cap)
            and (title_case_ratio(cap) >= 0.75 or cap[-1:] in ".!?" and len(cap.split()) >= 4)
        ):
            return cap, "\u00a9 " + m["credit"], "agency-credit"
    if not found.isdisjoint(_CREDIT_WORDS) and not text.rstrip().endswith("."):
        m = _COURTESY_TAIL.search(text, tail)
        # a credit closes a caption: "6. Film Photography" alone is a list entry
        if m and len(text[: m.start("credit")].split()) >= 4:
            return text[: m.start("credit")].strip(), m["credit"].strip(), "courtesy-credit"
    return None


class CaptionFilter(BaseFilter):
    """Removes photo captions: repeated captions, caption lines with a credit, credit-only lines.

    Each caption goes once into ``metadata.captions``, its text and its credit apart.

    >>> from cleantext import clean
    >>> r = clean("Crowds wait at the gate. (Photo by Ann Lee/AFP via Getty Images)\\nCrowds wait at the gate. (Photo by Ann Lee/AFP via Getty Images)\\n\\nThe stadium opened its doors at noon on Saturday, an hour late.")
    >>> r.text
    'The stadium opened its doors at noon on Saturday, an hour late.'
    >>> r.metadata.captions[0].credit
    'Ann Lee/AFP via Getty Images'
    >>> clean("She kept the photo by her bed for forty years, her daughter said.").text
    'She kept the photo by her bed for forty years, her daughter said.'
    """

    name = "caption"
    categories = ("caption",)

    def find(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        kept = list(ctx.kept())
        done: set[int] = set()
        # verdicts of the text alone, kept for the next look at the clean text: a pair of
        # texts that is no repeated caption, a text no single-block rule takes whatever its
        # neighbours (see _single)
        memo = ctx.memo_for(self)
        cues = ctx.present(_DOC_CUES)
        scanned = ctx.scanned_triggers()
        last = len(kept) - 1
        for k, b in enumerate(kept):
            if b.index in done:
                continue
            # a caption printed twice (alt text, then the caption), one copy perhaps with a credit
            # (blocks are stripped: copies open with the same character, _pair's first test)
            nxt = kept[k + 1] if k < last else None
            if nxt is not None and nxt.index == b.index + 1 and nxt.text[:1] == b.text[:1]:
                key = (b.text, nxt.text)
                if key not in memo:
                    pair = self._pair(b, nxt, ctx)
                    if pair:
                        done.update((b.index, b.index + 1))
                        yield from pair
                        continue
                    memo[key] = True
            if b.text in memo:
                continue
            # a one-cell table row as extractors write it ("| caption |") is judged by its text
            judged = _cell_block(b) if b.text[:1] == "|" else b
            found = scanned.get(judged.text)
            if found is None:
                found = ctx.triggers_in(judged)
            if _plain(judged, found):
                memo[b.text] = True  # a paragraph of prose: no rule takes it, whatever its neighbours
                continue
            f = self._single(judged, ctx, cues, found)
            if f is not None:
                if judged is not b and f.start == judged.start and f.end == judged.end:
                    f = dataclasses.replace(f, start=b.start, end=b.end)  # the whole row goes
                done.add(b.index)
                yield f
            elif not (10 <= judged.words <= 60 and judged.text.rstrip()[-1:] not in ".!?"
                      and (_shaped_like_caption(judged.text) or _echo_key(judged.text) is not None)):
                memo[b.text] = True  # the rules that read the neighbours did not look at them

    def _single(self, b: Block, ctx: Context, cues: tuple[str, ...] = (), found: frozenset[str] | None = None) -> Finding | None:
        """``found``: the trigger literals ``b`` holds (``Context.triggers_in``)."""
        if b.words > 60 and gallery_line(b.text, b.words):  # a gallery's captions in one line
            return ctx.finding(b, "caption", "gallery-line", MORE_WHY["gallery-line"], 0.8)
        if found is None:
            found = ctx.triggers_in(b)
        long_ok = b.words <= _UI_MAX_WORDS or b.text.rstrip(" .")[-1:] == ")" or _GALLERY.match(b.text)
        split = split_credit(b.text, b.low, found) if long_ok else None
        if split is None:
            return self._uncredited(b, ctx, cues, found)
        text, credit, rule = split
        words = b.words
        if rule == "caption-ui" and (words <= _UI_MAX_WORDS or _GALLERY.match(b.text)) and (text == "" or b.text.startswith(text[:20])):
            cap = Caption(text=text, credit=credit) if text or credit else None
            return ctx.finding(b, "caption", rule, _WHY[rule], 0.9, {"caption": cap} if cap else None)
        if words > _MAX_WORDS:
            # a long paragraph that ends with a credit: only the credit goes
            if rule in ("paren-credit", "labelled-credit") and text:
                return ctx.finding((b.start + len(text), b.end), "caption", rule,
                                   "a photo credit glued to the end of a paragraph", 0.7)
            return None
        if rule == "agency-credit" and text and text.rstrip()[-1:] not in ".!?\"\u201d" and words > 40:
            return None
        conf = 0.9 if rule in ("paren-credit", "credit-label", "credit-only", "caption-ui", "labelled-credit") else 0.8
        cap = Caption(text=text, credit=credit) if text or credit else None
        return ctx.finding(b, "caption", rule, _WHY[rule], conf, {"caption": cap} if cap else None)

    def _uncredited(self, b: Block, ctx: Context, cues: tuple[str, ...] = (), found: frozenset[str] | None = None) -> Finding | None:
        """Captions without a credit, told by what they say about a picture. ``cues``: those
        of ``_DOC_CUES`` the document holds (most hold none, and their blocks skip those tests);
        ``found``: the trigger literals ``b`` holds."""
        if found is None:
            found = ctx.triggers_in(b)
        text = b.text
        f = _credit_shapes(b, ctx)
        if f is not None:
            return f
        more = more_credit(text, b.words, found)
        if more is not None:  # the shapes of _captions2: credits without a slash, credits first
            return ctx.finding(b, "caption", more[2], MORE_WHY[more[2]], 0.7 if more[2] == "sentence-credit" else 0.8,
                               {"caption": Caption(text=more[0], credit=more[1])})
        if b.words <= 8 and _DATA_NEEDS.may(text, b.low):
            m = _DATA_CREDIT.match(text)
            if m:
                return ctx.finding(b, "caption", "data-credit", "a line that credits the source of a chart or map", 0.8,
                                   {"caption": Caption(text="", credit=m["credit"].strip())})
        low = b.low
        m = None
        if b.words <= 60:
            if not found.isdisjoint(_CUE_TRIGGER):
                m = _PICTURE_CUE.search(text)
            conf = 0.6
            if m is None and cues and not found.isdisjoint(cues):
                m = _CUES.search(text)
                if m is not None and not m.group().lower().startswith("in"):
                    conf = 0.6 if _PICTURE_VERB.search(text) else 0.45
            # a how-to paragraph may point at a picture too: a caption is one sentence
            if m and not reports_speech(text) and len(_INNER_SENTENCE.findall(text)) <= 1:
                # a caption sentence glued before the story's own words: only the sentence goes
                end = _SENTENCE_END.search(text, m.end())
                if end and b.words > 30 and text[end.end():end.end() + 1] in "\"\u201c'\u2018":
                    return ctx.finding((b.start, b.start + end.end()), "caption", "picture-cue",
                                       f"a caption sentence ('{m.group()}') opening the paragraph", conf,
                                       {"caption": Caption(text=text[: end.start() + 1].strip(), credit=None)})
                return ctx.finding(b, "caption", "picture-cue", f"describes a picture ('{m.group()}')", conf,
                                   {"caption": Caption(text=text, credit=None)})
        if b.words > 30 and "pose" in found and any(t in low[:120] for t in ("poses", "pose for")):
            m = _PICTURE_CUE.search(text, 0, 160)
            end = _SENTENCE_END.search(text, m.end()) if m else None
            if m and end and end.start() < 200:
                return ctx.finding((b.start, b.start + end.end()), "caption", "picture-cue",
                                   f"a caption sentence ('{m.group()}') opening the paragraph", 0.6,
                                   {"caption": Caption(text=text[: end.start() + 1].strip(), credit=None)})
        if " | " in text[:400]:
            m = _PIPE_CREDIT.match(text)
            if m and len(text) - m.end() >= 20:
                return ctx.finding((b.start, b.start + m.end()), "caption", "caption-credit-glued",
                                   "a caption and its credit glued before the text", 0.8,
                                   {"caption": Caption(text=m["cap"].strip(), credit=m["credit"].strip())})
        if b.words <= 60 and _wire_may(text) and _WIRE_DATE.search(text, max(0, len(text) - 120)):
            return ctx.finding(b, "caption", "wire-caption", "a wire-photo caption ending 'in PLACE, Month D, YYYY.'", 0.6,
                               {"caption": Caption(text=text, credit=None)})
        # both rules below take only a line without a sentence's full stop at its end
        open_end = text.rstrip()[-1:] not in ".!?"
        if open_end and 12 <= b.words <= 60 and _echoes_story(b, ctx):
            # a caption that restates a paragraph of the story, without its full stop
            return ctx.finding(b, "caption", "echo-caption",
                               "an unpunctuated line that restates the opening of a story paragraph", 0.7,
                               {"caption": Caption(text=text, credit=None)})
        if open_end and 10 <= b.words <= 60 and _looks_like_caption(b, ctx):
            verb = _described_picture(text)
            if verb is not None:
                return ctx.finding(b, "caption", "picture-described",
                                   f"an unpunctuated line between paragraphs that describes a picture ('{verb}')", 0.6,
                                   {"caption": Caption(text=text, credit=None)})
            # a sentence without its full stop between two paragraphs of prose: the shape of a
            # caption, but also of a subheading; only recall mode acts on it
            return ctx.finding(b, "caption", "caption-shaped", "an unpunctuated descriptive line between paragraphs", 0.4,
                               {"caption": Caption(text=text, credit=None)})
        return None

    def _pair(self, a: Block, b: Block, ctx: Context) -> list[Finding]:
        if a.text[:1] != b.text[:1]:  # blocks are stripped: copies open with the same character
            return []
        ta, tb = norm(a.text), norm(b.text)
        if max(len(ta), len(tb)) > _PAIR_MAX_CHARS or min(len(ta), len(tb)) < 12:
            return []
        short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
        if not long_.startswith(short):
            return []
        extra = long_[len(short):].strip()
        split = split_credit(long_)
        if extra:
            # the longer copy must differ only by its credit
            if split is None or norm(split[0]) != short and not extra.startswith(("(", "|")):
                if split is None or len(extra.split()) > 8:
                    return []
        text, credit = (split[0], split[1]) if split else (short, None)
        if not text:
            text = short
        if split is None and not _PICTURE_VERB.search(short):
            # two copies of a line with no credit and no sign of a picture: left to the
            # duplicate filter (a repeated heading or refrain is not a caption)
            return []
        conf = 0.9 if split is not None else 0.7
        rule = "repeated-caption"
        why = "a caption printed twice" + (" (one copy with its credit)" if extra else "")
        cap = Caption(text=text, credit=credit)
        return [
            ctx.finding(a, "caption", rule, why, conf, {"caption": cap}),
            ctx.finding(b, "caption", rule, why, conf, {"caption": cap}),
        ]


def _cell_block(b: Block) -> Block:
    """The cell of a one-cell table row ("| text |") as a block of its own (same index, the
    cell's offsets); any other block as it is."""
    inner = table_cell(b.text)
    if inner is b.text:
        return b
    at = b.start + b.text.index(inner)
    return Block(b.index, at, at + len(inner), inner, b.para, b.kind, b.tag, b.hints)


_ECHO_WORDS = 8
#: how far (in blocks) a caption sits from the paragraph it restates
_ECHO_REACH = 5
_WORDS = regex.compile(r"[\p{L}\p{N}]+")
_CLOSING_QUOTES = "\"'\u201d\u2019"
_OPENING_QUOTES = "\"\u201c\u2018'\u00ab"
# first person opens a pull quote, not a caption
_FIRST_PERSON = regex.compile(r"^(?:I|I'm|I\u2019m|I've|I\u2019ve|We|We're|We\u2019re|My|Our|You|Your)\b")


def _echo_key(text: str) -> list[str] | None:
    """The text's part of :func:`_echoes_story`: its first words when it may be such a caption."""
    text = text.rstrip()
    end = text.rstrip(_CLOSING_QUOTES)[-1:]
    if not end or end in ".!?:;,)]\u2026" or not text[:1].isupper() or ":" in text[:40]:
        return None
    if title_case_ratio(text) >= 0.6 or reports_speech(text) or _FIRST_PERSON.match(text):
        return None
    key = _first_words(text)
    return key if len(key) == _ECHO_WORDS else None


# the first _ECHO_WORDS runs of _WORDS, each in a group of one match (nested: a run only after
# the one before it)
_FIRST_WORDS = regex.compile(
    r"[^\p{L}\p{N}]*([\p{L}\p{N}]+)" + r"(?:[^\p{L}\p{N}]+([\p{L}\p{N}]+)" * (_ECHO_WORDS - 1) + r")?" * (_ECHO_WORDS - 1)
)


def _first_words(text: str) -> list[str]:
    """The first ``_ECHO_WORDS`` words of ``text`` (runs of ``_WORDS``), in lower case: one match
    of ``_FIRST_WORDS`` (the rest is not searched)."""
    m = _FIRST_WORDS.match(text)
    return [] if m is None else [g.lower() for g in m.groups() if g is not None]


def _echoes_story(b: Block, ctx: Context) -> bool:
    """Whether ``b`` is a caption that restates a nearby paragraph: a line without a sentence's
    closing punctuation that opens with the same words as a punctuated paragraph of the story
    at most ``_ECHO_REACH`` blocks away (the way some outlets caption a picture with the first
    words of the paragraph beside it), after the story has begun.

    Not a list item or step ("- ...", "Step 5: ..."), not a pull quote (first person, or a
    paragraph that opens with a quotation mark)."""
    key = _echo_key(b.text)
    if key is None:
        return False
    blocks = ctx.doc.blocks
    if not any(x.words >= 15 and x.text.rstrip()[-1:] in ".!?\"'\u201d\u2019" for x in blocks[: b.index]):
        return False  # the story has not begun: a standfirst may restate the lead
    first = ctx.memo_for(_first_words)  # a paragraph's first words, asked by each line near it
    for x in blocks[max(0, b.index - _ECHO_REACH) : b.index + _ECHO_REACH + 1]:
        if x.index == b.index or x.words < b.words * 0.5 or x.text[:1] in _OPENING_QUOTES:
            continue
        t = x.text.rstrip()
        if t.rstrip(_CLOSING_QUOTES)[-1:] not in ".!?":
            continue
        got = first.get(x.text)
        if got is None:
            got = first[x.text] = _first_words(t)
        if got == key:
            return True
    return False


def _shaped_like_caption(text: str) -> bool:
    """The text's part of :func:`_looks_like_caption`: an unpunctuated, plain sentence."""
    if text.rstrip()[-1:] in ".!?:;\"'\u201d\u2019)\u2026]" or text[:1] in "\"\u201c\u2018'\u00ab\u00bf\u00a1":
        return False
    return not (text.isupper() or "http" in text or "@" in text or ":" in text[:25] or title_case_ratio(text) >= 0.6)


def _looks_like_caption(b: Block, ctx: Context) -> bool:
    if not _shaped_like_caption(b.text):
        return False
    blocks = ctx.doc.blocks
    i = b.index
    if i == 0 or i + 1 >= len(blocks):
        return False
    prev, nxt = blocks[i - 1], blocks[i + 1]
    return all(x.words >= 15 and x.text.rstrip()[-1:] in ".!?\"'\u201d\u2019)" for x in (prev, nxt))


# What somebody in a picture is doing: a subject of a few words, no clause ("who", "when"),
# then a verb in the present tense ("Volunteers prepare ...", "Ann Lee walks past ...") or a
# participle ("Swimmers at the camp enjoying the pool"). The subject names who (a name, a
# group): one opening with an article ("A driver checks the timetable ...") may be a
# subheading's scene-setting and is left to recall mode's caption-shaped rule.
_SUBJECT = r"^(?!(?:A|An|The)\s)"
_NOT_CLAUSE = r"(?!(?:who|that|which|when|so|as|if|but|and|it|they|we|he|she|this|there)\b)"
_PRESENT_SUBJECT = regex.compile(
    rf"{_SUBJECT}(?:{_NOT_CLAUSE}[\p{{L}}\p{{N}}.'\u2019-]+,?\s+){{1,8}}?"
    r"(?P<verb>(?:poses?|is\s+seen|are\s+seen|looks?\s+on|(?:is|are)\s+pictured|gestures|walks?|stands?|sits?|holds?|wears?|waves?|"
    r"arrives?|attends?|speaks?|listens?|smiles?|reacts?|prepares?|rides?|carries|carry|waits?|lines?\s+up|gathers?|marches|march|"
    r"celebrates?|receives?|talks?|shakes?|greets?|visits?|checks|crosses|cross|plays?)\b)"
)
_PARTICIPLE_SUBJECT = regex.compile(
    rf"{_SUBJECT}(?:\p{{Lu}}[\p{{L}}.'\u2019-]*,?\s+|(?:of|at|in|on|and|with|the|de)\s+){{1,8}}?(?P<verb>\p{{Ll}}{{2,}}ing)\b"
)


def _described_picture(text: str) -> str | None:
    """The verb when ``text`` says what somebody or something in a picture is doing, in the
    present tense ("Ron Lee sits with his wife ...", "Swimmers enjoying the pool ..."); None for
    a subheading, which names a topic ("The emerging role of technology"), or reported speech.

    >>> _described_picture("Volunteers prepare bags of food at the community centre on Friday")
    'prepare'
    >>> _described_picture("Swimmers at Lake Tahoe enjoying the water before the storm")
    'enjoying'
    >>> _described_picture("Why the council changed its mind about the bridge") is None
    True
    """
    m = _PRESENT_SUBJECT.match(text) or _PARTICIPLE_SUBJECT.match(text)
    if m is None or reports_speech(text):
        return None
    return m["verb"]


# "Credit: Ann Lee", "Image credit: NASA/JPL": a label and a name, nothing else
_CREDIT_LINE = regex.compile(r"^(?i:(?:photo|image|picture|video)\s+)?(?i:credits?)\s*:\s*(?P<credit>\p{Lu}[^:!?]{1,80}?)\s*$")
# "Ann Lee/The Daily Example via AP Photo", "studioname/iStock/Getty Images": names joined by
# slashes, one of them a photo agency
_SLASH_PART = r"[\p{L}\p{N}.&'\u2019-]+(?:\s+[\p{L}\p{N}.&'\u2019-]+){0,5}"
_SLASH_CREDIT = regex.compile(rf"^{_SLASH_PART}(?:\s*/\s*{_SLASH_PART}){{1,3}}$")
_AG_WHOLE = regex.compile(rf"^(?:.+\s+via\s+)?(?:{_AG_SLASH})(?:\s+(?i:photos?|images?))?$")


def _doubled(text: str) -> str | None:
    """The caption of a line that is one text printed twice ("Alt text. AP Alt text. AP"), or None."""
    # cheap tests first: folding white space only shortens the text, and the second copy
    # holds the first word again
    if len(text) < 50:
        return None
    first = text.split(None, 1)
    if len(first) < 2 or first[0] not in first[1]:
        return None
    t = norm(text)
    n = len(t)
    if n < 50:
        return None
    for mid in range(n // 2 - 1, n // 2 + 2):
        if 0 < mid < n and t[mid] == " " and t[:mid] == t[mid + 1:]:
            return t[:mid]
    return None


def _credit_shapes(b: Block, ctx: Context) -> Finding | None:
    """Captions and credits by shape: a caption printed twice on one line, a "Credit: NAME"
    line, a line of names joined by slashes of which one is a photo agency."""
    text = b.text
    if b.words <= 60 and text[:1].isupper():
        cap = _doubled(text)
        if cap is not None and len(cap.split()) >= 4 and not reports_speech(cap):
            return ctx.finding(b, "caption", "doubled-caption", "a caption printed twice on one line (alt text, then caption)", 0.8,
                               {"caption": Caption(text=cap, credit=None)})
    if b.words <= 12 and "redit" in text[:20]:
        m = _CREDIT_LINE.match(text)
        # a name is capitalised: "Credit: Ann Lee", not "Credit: the bank lent less this year"
        if m and title_case_ratio(m["credit"]) >= 0.75 and m["credit"].rstrip()[-1:] not in ".!?" or (m and m["credit"].rstrip().endswith(tuple(f"{c}." for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"))):
            return ctx.finding(b, "caption", "credit-label", "a line that labels a photo credit", 0.9,
                               {"caption": Caption(text="", credit=m["credit"].strip())})
    if b.words <= 12 and "/" in text and text.rstrip()[-1:] not in ".!?,;:":
        parts = [p.strip() for p in text.split("/")]
        # each part a name ("Ann Lee", "studioname"), not a phrase ("Ipsos poll shows gains")
        if (_SLASH_CREDIT.match(text.strip()) and any(_AG_WHOLE.match(p) for p in parts)
                and all(" " not in p or title_case_ratio(p) >= 0.75 for p in parts)):
            return ctx.finding(b, "caption", "credit-only", "a line that is only a photo credit", 0.9,
                               {"caption": Caption(text="", credit=text.strip())})
    return None


#: every literal of ``found`` a rule of ``CaptionFilter._single`` reads: the caption literals, the
#: document's cues (``cues`` is those of them the document holds: a block holding none of them
#: holds none of ``cues``), and :func:`more_credit`'s
_PLAIN_LIT = frozenset((*_UI_WORDS, *_LABEL_TRIGGER, *_CUE_TRIGGER, *_CREDIT_WORDS, *_DOC_CUES)) | MORE_LITERALS
#: the literals of a credit-only line and the agencies of a trailing credit, in one automaton:
#: a short block (its last 140 characters are all of it) is searched for both at once
_SHORT_AC = ahocorasick.Automaton()
for _w in sorted({*_CREDIT_ONLY_NEEDS.exact, *AGENCY_LITERALS}):
    _SHORT_AC.add_word(_w, _w)
_SHORT_AC.make_automaton()
#: how the captions that say what they are and the pin buttons open (``more_credit``)
_LABEL_HEADS = frozenset(("pie", "sha", "pin", "sav"))
_UI_SET = frozenset(_UI_WORDS)
_LABEL_SET = frozenset(_LABEL_TRIGGER)
_CREDIT_SET = frozenset(_CREDIT_WORDS)
#: the picture cues but "pose" ("purpose", "suppose"), and the document's cues
_CUE_OTHER = frozenset(_CUE_TRIGGER) - {"pose"} | frozenset(_DOC_CUES)


def _idle(b: Block, found: frozenset[str]) -> bool:
    """Whether every rule of ``_single`` that reads a literal of ``found`` passes over ``b``,
    asked as it asks it: gallery residue (``_ui_may``); a label line (``_LABEL_LINE`` at the
    start of a line of at most 30 words, counted by spaces) or a label with a colon in the last
    300 characters; a courtesy credit on a line without a full stop at its end; then
    :func:`more_idle`. Of the picture cues, "pose" alone: ``_PICTURE_CUE`` then holds no
    bracketed position (each is a cue literal) and its pose needs "photo", "picture" or
    "portrait" (the caller has ruled out the characters of ``_ODD_FOLDS``, which spell a
    literal case-blind without it)."""
    if not found.isdisjoint(_CUE_OTHER):
        return False
    text = b.text
    if "pose" in found and ("photo" in found or "picture" in found or "portrait" in b.low):
        return False
    if not found.isdisjoint(_UI_SET) and _ui_may(b.low, found):
        return False
    if not found.isdisjoint(_LABEL_SET) and (
            ":" in text[-300:] or text.count(" ") < 30 and _LABEL_LINE.match(text) is not None):
        return False
    if not found.isdisjoint(_CREDIT_SET) and not text.rstrip().endswith("."):
        return False
    return more_idle(text, b.words, found)


def _plain(b: Block, found: frozenset[str]) -> bool:
    """Whether ``CaptionFilter._single`` takes nothing of ``b`` for sure, whatever its
    neighbours (``found``: the trigger literals it holds): the rules' own cheap tests, asked at
    once for a paragraph of prose instead of rule by rule. Checked against ``_single`` in
    tests/test_caption_gate.py.

    Why True is sure, rule by rule. A test that reads a literal of ``found`` (gallery residue,
    labels, picture cues, "pose", courtesy and photography credits, the trail words, the
    worded, source and position credits, the document's cues: ``_PLAIN_LIT``) is asked as the
    rule asks it (:func:`_idle`). A slash, a bar or the copyright sign is what gallery residue in
    the head, the agency, copyright, trailing and leading credits, the pipe and the slash credits
    need; "(" opens a leading credit. A character of ``_ODD_FOLDS`` may spell a literal
    case-blind without it: such a text is asked. Below 61 words, a wire caption, a doubled line,
    a "Credit:" line and a data credit are asked their own gates; above, a gallery line needs
    two colons. The rules that read the neighbours take only an unpunctuated line of 10 to 60
    words with the shape of a caption or of an echo. A bracketed credit needs a ")" at the end,
    an agency tail " via " in the last 90 characters. Of ``more_credit`` (70 words at most): a
    sentence credit (:func:`sentence_may`) ends with a capitalised word after the last ". ", no
    full stop ("!" or "?" ends none), or is "Courtesy of X." ("courtesy", "cortes"); the
    labelled captions and pin buttons open with "aption" or one of ``_LABEL_HEADS``; the trailing
    credit, all its other signs gone, needs an agency in the last 140 characters. A credit-only
    line (split_credit: 14 words at most, counted by spaces) needs one of its literals.
    """
    text = b.text
    if not text or "/" in text or "|" in text or "\u00a9" in text or text[0] == "(":
        return False
    if not text.isascii() and _odd(text):
        return False
    if not found.isdisjoint(_PLAIN_LIT) and not _idle(b, found):
        return False
    words = b.words
    if words > 60:
        if text.count(":") >= 2:
            return False  # gallery_line
    elif _wire_may(text) or (text[0].isupper() and _doubled(text) is not None) or (
            words <= 12 and ("redit" in text[:20] or words <= 8 and _DATA_NEEDS.may(text, b.low))):
        return False
    last = text[-1]
    if last not in ".!?":
        if 10 <= words <= 60 and (_shaped_like_caption(text) or _echo_key(text) is not None):
            return False  # echo-caption, caption-shaped, picture-described
        if words <= 70 and sentence_may(text, words):
            return False  # more_credit's sentence credit
    elif last == "." and words <= 70 and ("courtesy" in found or "cortes" in found) and sentence_may(text, words):
        return False  # "Courtesy of X."
    n = len(text)
    if ")" in text and text.rstrip(" .")[-1:] == ")" or text.find(" via ", n - 90 if n > 90 else 0) >= 0:
        return False  # split_credit: a bracketed credit, an agency tail (" via " in text[-90:])
    if text[0] in "pPsS" and text[:3].lower() in _LABEL_HEADS or text.find("aption", 0, 16) >= 0:
        return False
    short = text.count(" ") < 14  # split_credit's credit-only line
    if short and len(text) <= 140:
        return next(_SHORT_AC.iter(text), None) is None
    if short and _CREDIT_ONLY_NEEDS.may(text, b.low):
        return False
    return words > 70 or next(AGENCY_AC.iter(text[-140:]), None) is None


_WHY = {
    "paren-credit": "a line ending with a bracketed photo credit",
    "credit-label": "a line that labels a photo credit",
    "credit-only": "a line that is only a photo credit",
    "labelled-credit": "a caption ending with 'Photograph: credit'",
    "agency-credit": "a caption ending with a photographer and agency credit",
    "courtesy-credit": "a caption ending with a 'courtesy of' credit",
    "caption-ui": "gallery or caption-toggle text",
}
