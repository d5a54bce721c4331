"""The built-in filters, one class per category, and their default order.

The default order runs the site profile's template lines first (nothing without a profile),
then the filters that recognise the article's frame (byline, captions, dateline), then page
furniture (whose rules cut glued form text out of a paragraph before a prompt rule could take
the whole paragraph), then the prompts, then the duplicate check, and the title last, because
the title rule looks at what is left after the header lines are gone.
"""

from __future__ import annotations

from .._types import Filter
from .appeals import DonationFilter, NewsletterFilter
from .byline import BylineFilter
from .caption import CaptionFilter
from .dateline import DatelineFilter
from .duplicate import DuplicateFilter
from .embed import EmbedFilter
from .phrases import (
    AdvertisementFilter,
    AuthorBioFilter,
    CommentsFilter,
    LegalFilter,
    RelatedFilter,
    SocialFilter,
    SourceNoticeFilter,
    SubscriptionFilter,
    UiFilter,
)
from .site_template import SiteTemplateFilter
from .structure import StructureFilter
from .model import ModelFilter
from .title import TitleFilter

__all__ = [
    "AdvertisementFilter",
    "AuthorBioFilter",
    "CommentsFilter",
    "LegalFilter",
    "RelatedFilter",
    "SocialFilter",
    "SourceNoticeFilter",
    "SubscriptionFilter",
    "UiFilter",
    "BylineFilter",
    "EmbedFilter",
    "CaptionFilter",
    "DatelineFilter",
    "DonationFilter",
    "DuplicateFilter",
    "NewsletterFilter",
    "SiteTemplateFilter",
    "StructureFilter",
    "TitleFilter",
    "ModelFilter",
    "default_filters",
    "FILTER_CLASSES",
]

#: name -> class, in the default order
FILTER_CLASSES: dict[str, type] = {
    cls.name: cls
    for cls in (
        SiteTemplateFilter,
        StructureFilter,
        EmbedFilter,
        BylineFilter,
        CaptionFilter,
        DatelineFilter,
        UiFilter,
        AdvertisementFilter,
        SocialFilter,
        RelatedFilter,
        NewsletterFilter,
        SubscriptionFilter,
        DonationFilter,
        SourceNoticeFilter,
        LegalFilter,
        AuthorBioFilter,
        CommentsFilter,
        DuplicateFilter,
        TitleFilter,
        ModelFilter,
    )
}


def default_filters() -> list[Filter]:
    """A fresh instance of every built-in filter, in the default order."""
    return [cls() for cls in FILTER_CLASSES.values()]
