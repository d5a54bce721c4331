"""Site template lines: the lines a site prints on its pages, learned into a site profile."""

from __future__ import annotations

from collections.abc import Iterable

from .._document import Block, Document
from .._types import Context, Finding
from .._profile import normalise_line, site_key
from ._common import BaseFilter

__all__ = ["SiteTemplateFilter"]


class SiteTemplateFilter(BaseFilter):
    """Removes the lines a site profile lists for the document's site (``clean(url=, profile=)``).

    Without a profile, or for a site the profile does not know, it finds nothing. A line is
    compared in its normalised form (see :func:`cleantext._profile.normalise_line`); its
    confidence grows with the share of the site's documents it was seen in (``0.5 + share/2``),
    so ``precision`` mode acts only on lines seen on most of a site's pages. A per-document cap
    keeps a profile from emptying an article: at most ``max_share`` of the document's text goes,
    the most frequent lines first, and at least one block always stays.

    >>> from cleantext import clean, Profile
    >>> p = Profile.from_lines({"example.com": ["Harbour Gazette | Local | Sport | Weather"]})
    >>> text = ("The ferry resumed service on Monday after a week of storms.\\n\\n"
    ...         "Harbour Gazette | Local | Sport | Weather\\n\\n"
    ...         "The operator expects a normal timetable by Wednesday.")
    >>> "Harbour Gazette" in clean(text, url="https://example.com/news/1", profile=p).text
    False
    >>> "Harbour Gazette" in clean(text, url="https://another.org/news/1", profile=p).text
    True
    """

    name = "site_template"
    categories = ("site_template",)
    #: the largest share of a document's characters a profile may remove
    max_share = 0.5

    def find(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        profile = ctx.options.profile
        if profile is None or not doc.blocks:
            return
        url = doc.meta.get("url")
        site = site_key(url if isinstance(url, str) else None)
        if site is None:
            return
        lines = profile.lines_for(site)
        if not lines:
            return
        candidates: list[tuple[float, Block]] = []
        for b in doc.blocks:
            key = normalise_line(b.text)
            if key in lines:
                share = min(1.0, profile.share(site, key))
                candidates.append((share, b))
        if not candidates:
            return
        budget = self.max_share * doc.body_chars
        total = 0
        chosen: list[tuple[float, Block]] = []
        # the lines seen on most of the site's pages first; ties in document order
        for share, b in sorted(candidates, key=lambda sb: (-sb[0], sb[1].index)):
            size = b.end - b.start
            if total + size > budget or len(chosen) + 1 >= len(doc.blocks):
                continue
            total += size
            chosen.append((share, b))
        for share, b in sorted(chosen, key=lambda sb: sb[1].index):
            yield ctx.finding(
                b,
                "site_template",
                "profile-line",
                f"a line of {site}'s template, seen on {share:.0%} of its pages",
                confidence=round(0.5 + share / 2, 3),
            )
