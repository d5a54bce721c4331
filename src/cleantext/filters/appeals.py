"""Appeals addressed to the reader: donation requests and newsletter sign-up prompts."""

from __future__ import annotations

from collections.abc import Iterable

import regex

from .._document import Block, Document
from .. import _patterns
from .._types import Context, Finding
from ._common import BaseFilter, Phrases, inside_quotes, languages, phrases, reports_speech
from ._forms import GATE_WORDS, PITCH_WORDS, is_pitch, is_service_line, is_signup_form
from .phrases import DONATION, NEWSLETTER, _look

__all__ = ["DonationFilter", "NewsletterFilter"]

# The reader is addressed: a prompt speaks to "you" about "us".
_ADDRESS = regex.compile(
    r"\b(?:you|your|yours|we|us|our|ours|tu|tus|te|usted|nos|nuestro|nuestra|nuestros|ihr|ihre|sie|uns|unser|vous|votre|nous|notre)\b",
    regex.IGNORECASE,
)
# "CNSNews Reader,", "Dear Readers,", "Dear friends:"
_SALUTATION = regex.compile(
    r"^(?:dear\s+)?(?:[\p{L}\p{N}.&'\u2019-]+\s+){0,3}(?:readers?|friends?|supporters?|patriots?|subscribers?|members?|"
    r"lectores?|amigos?|leser(?:in|innen)?|lecteurs?|lectrices?)\s*[,:]$"
    r"|^dear\s+[\p{L}\s]{1,40}[,:]$",
    regex.IGNORECASE,
)
# "— The CNSNews Team", "Thank you,", "Sincerely,"
_SIGNOFF = regex.compile(
    r"^[\u2014\u2013-]+\s*(?:the\s+)?[\p{L}\p{N}.&'\u2019 -]{2,60}$"
    r"|^(?:thank\s+you|thanks|sincerely|with\s+gratitude|gracias|merci|danke)[\p{L}\s,!.]{0,40}$",
    regex.IGNORECASE,
)

# Money paid into the reader's own savings, not given away: "contribute up to $6,000 a year to your
# IRA", "a catch-up contribution to a 401(k)", "aportaciones a un plan de pensiones". A block that
# speaks of such an account is personal finance unless it says "donate" or names a cause of ours.
_OWN_ACCOUNT = regex.compile(
    r"\b(?:IRAs?|401\s?\(?k\)?|403\s?\(?b\)?|457\s?\(?b\)?|Roth|HSAs?|529\s+plans?|retirement|pensions?|annuit(?:y|ies)|"
    r"superannuation|savings\s+(?:account|plan)s?|health\s+savings|brokerage|employer\s+match(?:ing)?|"
    r"plan(?:es)?\s+de\s+(?:pensiones|jubilaci[o\u00f3]n|ahorro)|jubilaci[o\u00f3]n|cuentas?\s+de\s+ahorro)\b",
    regex.IGNORECASE,
)
_GIFT = regex.compile(r"\bdon(?:at|an|ac|ati)\w*|\b(?:support|help)\s+(?:us|our)\b|\bpatreon\b|\bpaypal\b", regex.IGNORECASE)

_SENTENCE_START = regex.compile(r"(?:^|[.!?\u2026\]\[(]\s*)\S$")

# Prompts are short; a long paragraph that mentions donating is most likely the story.
_MAX_WORDS = 90
_MAX_OPENING_WORDS = 160
_REGION_BACK = 8
_REGION_FORWARD = 4


def _asks(ask: Phrases, active: tuple[str, ...] | None, b: Block, found: frozenset[str] | None = None) -> bool:
    """An ask addressed to the reader: "you"/"we" in the block, or the ask opens a sentence.
    ``found``: the trigger literals the block holds (``Context.triggers_in``), when ``active``
    is of the scanned vocabulary."""
    if found is not None and active is not None:
        if found.isdisjoint(active):
            return False
    elif not ask.may_match(b.low, active):
        return False
    text = b.text
    if ask.first(text, b.low) is None:
        return False  # no ask at all (its parts whose literals the block holds, searched alone)
    addressed = None  # (the same for every match: searched once, when first needed)
    for m in ask.pattern.finditer(text, timeout=_patterns.PATTERN_TIMEOUT):
        if inside_quotes(text, m.start()):
            continue  # somebody's words, or a label named in prose
        if addressed is None:
            addressed = _ADDRESS.search(text) is not None
        if addressed or _SENTENCE_START.search(text[max(0, m.start() - 3) : m.start() + 1]) or m.start() == 0:
            # an ask, unless it is a contribution to the reader's own retirement or savings
            # account (tested only now: most blocks with a trigger hold no ask)
            return not (_OWN_ACCOUNT.search(text) and not _GIFT.search(text))
    return False


def _prompt_like(b: Block, ctx: Context, ask: Phrases | None = None) -> bool:
    """Short enough for a prompt (longer when it opens with the ask: "We could use your help ..."),
    and not somebody's quoted words."""
    limit = _MAX_WORDS
    if ask is not None and b.words > limit:
        m = ask.pattern.search(b.text, 0, 80)
        limit = _MAX_OPENING_WORDS if m else limit
    return b.words <= limit and not reports_speech(b.text)


class DonationFilter(BaseFilter):
    """Removes appeals to donate, support or become a member, including multi-paragraph appeals.

    An appeal that opens with a salutation ("Dear Reader,") and closes with a sign-off
    ("— The Team") is removed as one region; it never reaches back past its salutation.

    >>> from cleantext import clean
    >>> clean("The museum reopened on Monday after a two-year renovation of its east wing.\\n\\nPlease consider donating to keep our reporting free for everyone.").text
    'The museum reopened on Monday after a two-year renovation of its east wing.'
    >>> clean("The charity asked residents to donate blankets and canned food before the storm.").text
    'The charity asked residents to donate blankets and canned food before the storm.'
    """

    name = "donation"
    categories = ("donation",)

    def find(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        look = _look(ctx) if type(self) is DonationFilter else None
        if look is not None and not look.table.donation:
            look = None
        if look is not None and not look.lists[DONATION]:
            return  # no block holds a trigger of the asks (the plan's)
        ask = phrases("donation_ask", ctx)
        active = ask.active(ctx)
        if active is not None and not active:
            return
        kept, pos = look.kept(ctx) if look is not None else (list(ctx.kept()), None)
        memo = ctx.memo_for(self)  # whether a text is an ask: the text's verdict alone, kept across looks
        # the blocks' trigger literals from the document's one scan (when the list's are all of it)
        scanned = ctx.scanned_triggers() if active is not None and ctx._known.issuperset(active) else None

        def is_anchor(b: Block) -> bool:
            got = memo.get(b.text)
            if got is None:
                found = None
                if scanned is not None:
                    found = scanned.get(b.text)
                    if found is None:
                        found = ctx.triggers_in(b)
                # (a block too long for any prompt is not searched for an ask)
                got = memo[b.text] = b.words <= _MAX_OPENING_WORDS and _asks(ask, active, b, found) and _prompt_like(b, ctx, ask)
            return bool(got)

        if look is not None and scanned is not None:
            # only the blocks holding a trigger of the asks (the plan's): ``_asks`` needs one
            anchors = [k for k in look.at(DONATION, pos) if is_anchor(kept[k])]
        else:
            anchors = [k for k, b in enumerate(kept) if is_anchor(b)]
        anchor_set = set(anchors)  # membership per block: a list made 20,000 prompt lines quadratic
        taken: set[int] = set()
        for k in anchors:
            if k in taken:
                continue
            lo = hi = k
            rule, why = "donation-ask", "asks the reader to donate or support"
            # back to a salutation, over a few self-promoting paragraphs
            for j in range(k - 1, max(-1, k - 1 - _REGION_BACK), -1):
                if j in taken:
                    break
                if _SALUTATION.match(kept[j].text):
                    lo = j
                    rule, why = "donation-letter", "an appeal letter from its salutation to its ask"
                    break
                if not _prompt_like(kept[j], ctx):
                    break
            # forward over further asks to a sign-off
            j = k + 1
            while j < len(kept) and j - hi <= _REGION_FORWARD:
                t = kept[j].text
                if _SIGNOFF.match(t) and len(t.split()) <= 8:
                    hi = j
                    rule, why = "donation-letter", "an appeal letter through its sign-off"
                    break
                if j in anchor_set or (lo < k and _prompt_like(kept[j], ctx) and _ADDRESS.search(t)):
                    hi = j
                    j += 1
                    continue
                break
            # an ask swallowed by a region is still an ask (at 0.75 in precision mode, each look
            # at the clean text took one more of a run of asks: not idempotent)
            for j in range(lo, hi + 1):
                taken.add(j)
                # an ask swallowed by another's region is still an ask: at 0.75 precision mode
                # took one more of a run of asks on each look (not idempotent)
                yield ctx.finding(kept[j], "donation", rule, why, 0.85 if j == k or j in anchor_set or rule == "donation-letter" else 0.75)


class NewsletterFilter(BaseFilter):
    """Removes newsletter and e-mail sign-up prompts and sign-up form text.

    >>> from cleantext import clean
    >>> clean("Voters in the district will choose a new mayor on Tuesday.\\n\\nSign up for our Morning Briefing newsletter to get the day's news.").text
    'Voters in the district will choose a new mayor on Tuesday.'
    >>> clean("More than 4,000 people signed up for the newsletter in its first week, the editor said.").text
    'More than 4,000 people signed up for the newsletter in its first week, the editor said.'
    """

    name = "newsletter"
    categories = ("newsletter",)

    def find(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        look = _look(ctx) if type(self) is NewsletterFilter else None
        if look is not None and not look.table.newsletter:
            look = None
        if look is not None and not look.lists[NEWSLETTER]:
            return  # no block holds a literal of a form, a pitch or a prompt (the plan's)
        prompt = phrases("newsletter_prompt", ctx)
        active = prompt.active(ctx)
        searched = active is None or bool(active)  # no trigger of the prompts in the document
        # the prompts' triggers are of the scan: a block's own literals gate its search
        scanned = active is not None and ctx._known.issuperset(active)
        clean_texts = ctx.memo_for(self)  # texts that hold no prompt, kept across looks
        found: list[int] = []
        if look is not None:
            # only the blocks holding a literal of a form, a pitch or a prompt (the plan's): a form
            # or a pitch needs one (``GATE_WORDS``), and so does a prompt's search
            kept, pos = look.kept(ctx)
            places: Iterable[int] = look.at(NEWSLETTER, pos)
        else:
            kept = list(ctx.kept())
            places = range(len(kept))
        for k in places:
            b = kept[k]
            if b.text in clean_texts:
                continue
            f = _form_or_pitch(b, ctx)
            if f is None and searched and b.words <= 60:
                m = prompt.search(b, active, ctx.triggers_in(b) if scanned else None)
                if m is not None and not reports_speech(b.text):
                    f = ctx.finding(b, "newsletter", "signup-prompt", f"a sign-up prompt ('{m.group()[:40]}')", 0.85)
            if f is None:
                clean_texts[b.text] = True
                continue
            found.append(k)
            yield f
        yield from _service_lines(kept, found, ctx)


#: a sign-up form with a country picker runs long; nothing longer is a form
_FORM_MAX_WORDS = 600
#: the outlet's service lines go within this many blocks of a newsletter prompt or pitch
_SERVICE_REACH = 4


def _form_or_pitch(b: Block, ctx: Context) -> Finding | None:
    """A flattened sign-up form, or the outlet describing its newsletter (``_forms``)."""
    if b.words > _FORM_MAX_WORDS:
        return None
    # the literals a form or a pitch needs (``_forms.may_be_form_or_pitch``), from the one scan
    found = ctx.triggers_in(b)
    if found.isdisjoint(GATE_WORDS):
        return None
    parts = is_signup_form(b.text, b.words, found)
    if parts is not None and not reports_speech(b.text):
        return ctx.finding(b, "newsletter", "signup-form", f"a sign-up form's text ({', '.join(parts)})", 0.85)
    if b.words <= PITCH_WORDS:
        why = is_pitch(b.text, languages(ctx))
        if why is not None and not reports_speech(b.text):
            return ctx.finding(b, "newsletter", "newsletter-pitch", f"the outlet describes its newsletter to the reader ({why})", 0.75)
    return None


def _service_lines(kept: list[Block], found: list[int], ctx: Context) -> Iterable[Finding]:
    """Short "We're here to help." lines near a newsletter prompt or pitch."""
    taken = set(found)
    for k in found:
        for j in range(max(0, k - _SERVICE_REACH), min(len(kept), k + _SERVICE_REACH + 1)):
            b = kept[j]
            if j in taken or b.words > 30 or reports_speech(b.text) or not is_service_line(b.text):
                continue
            taken.add(j)
            yield ctx.finding(b, "newsletter", "newsletter-service", "the outlet's service line beside its newsletter pitch", 0.7)
