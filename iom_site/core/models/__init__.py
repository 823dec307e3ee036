from .base import BasePage, ListingFieldsMixin, SocialFieldsMixin
from .images import HeroImageMixin
from .navigation import Footer, MainMenu
from .pages import HomePage, SectionPage, StandardPage
from .structure import OrgUnit, StructurePage
from .taxonomy import TagRow, Theme, tag_field

__all__ = [
    "BasePage",
    "Footer",
    "HeroImageMixin",
    "HomePage",
    "ListingFieldsMixin",
    "MainMenu",
    "OrgUnit",
    "SectionPage",
    "SocialFieldsMixin",
    "StandardPage",
    "StructurePage",
    "TagRow",
    "Theme",
    "tag_field",
]
