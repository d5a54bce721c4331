"""Embedded social posts: tagged as quoted content, kept unless ``drop_embeds`` is set."""

from __future__ import annotations

from collections.abc import Iterable

import regex

from .._document import Block, Document
from .._types import Context, Finding
from ._common import BaseFilter

__all__ = ["EmbedFilter"]

# The signature that closes an embedded tweet: "— Name (@handle) March 3, 2020"
_TWEET_SIGNATURE = regex.compile(
    r"[\u2014\u2013-]\s*[^()\n]{1,80}\(@\w{1,30}\)\s*(?:\p{L}+\.?\s+\d{1,2},\s+\d{4}|\d{1,2}\s+\p{L}+\s+\d{4})\s*$"
)
_TWEET_LINK = regex.compile(r"pic\.twitter\.com/\w+|https?://t\.co/\w+|https?://(?:www\.)?(?:twitter|x)\.com/\w+/status/\d+", regex.IGNORECASE)
_OTHER = regex.compile(
    r"^\[(?:youtube|embed|tweet|instagram|facebook)\b[^\]]*\]$"
    r"|\ba\s+post\s+shared\s+by\s+.{1,60}\(@[\w.]+\)"
    r"|\bfrom\s+.{1,60}\s+on\s+vimeo\.?$",
    regex.IGNORECASE,
)
_TRIGGERS = ("@", "twitter.com", "t.co/", "[youtube", "[embed", "[tweet", "post shared by", "vimeo")


def _triggered(text: str) -> bool:
    """``any(t in text for t in _TRIGGERS)``, the longer literals looked for only in a text
    that holds their rarer characters ("/", "[")."""
    return (
        "@" in text
        or "vimeo" in text
        or "twitter.com" in text
        or ("/" in text and "t.co/" in text)
        or ("[" in text and ("[youtube" in text or "[embed" in text or "[tweet" in text))
        or "post shared by" in text
    )


class EmbedFilter(BaseFilter):
    """Tags embedded social posts (tweets, Instagram posts, video embeds) without removing them.

    They are content the article quotes, so they stay; ``annotate()`` lists them (rule
    ``embedded-post``, ``remove=False``), and ``Options(drop_embeds=True)`` removes them (as
    ``social``). A tweet of several lines is tagged whole: the lines of its paragraph up to
    the signature "— Name (@handle) date".

    >>> from cleantext import annotate, clean
    >>> t = "The mayor replied within minutes.\\n\\nWe will fix the bridge. \\u2014 Ann Lee (@annlee) May 2, 2021\\n\\nShe did not say when."
    >>> [f.rule for f in annotate(t) if f.filter == "embed"]
    ['embedded-post']
    >>> "We will fix the bridge" in clean(t).text
    True
    >>> "We will fix the bridge" in clean(t, options=__import__("cleantext").Options(drop_embeds=True)).text
    False
    """

    name = "embed"
    categories = ("social",)

    def find(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        # whether the text holds a trigger: asked at the first block that may be a post (most
        # texts hold none), from the one-character tests that pass over most texts; a text
        # without "@", "/" or "[" may hold a post only by "vimeo", and is asked at once
        text = ctx.doc.text
        triggered: bool | None = None
        if "@" not in text and "/" not in text and "[" not in text:
            triggered = _triggered(text)
            if not triggered:
                return
        kept = list(ctx.kept())
        for k, b in enumerate(kept):
            if "@" not in b.text and "/" not in b.text and "[" not in b.text and "vimeo" not in b.low:
                continue
            if triggered is None:
                triggered = _triggered(text)
            if not triggered:
                return
            if _TWEET_SIGNATURE.search(b.text) or _TWEET_LINK.search(b.text) or _OTHER.search(b.text):
                # earlier lines of the same paragraph belong to the same post
                first = k
                while first > 0 and kept[first - 1].para == b.para and kept[first - 1].index == kept[first].index - 1 and kept[first - 1].words <= 60:
                    first -= 1
                for x in kept[first : k + 1]:
                    yield self._tag(x, ctx)

    @staticmethod
    def _tag(b: Block, ctx: Context) -> Finding:
        return ctx.finding(b, "social", "embedded-post", "an embedded social post (quoted content, kept)", 0.9, remove=False)
