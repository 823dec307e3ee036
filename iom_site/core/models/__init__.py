from .base import BasePage, ListingFieldsMixin, SocialFieldsMixin
from .navigation import Footer, MainMenu
from .pages import HomePage, SectionPage, StandardPage
from .structure import OrgUnit, StructurePage
from .taxonomy import Theme

__all__ = [
    "BasePage",
    "Footer",
    "HomePage",
    "ListingFieldsMixin",
    "MainMenu",
    "OrgUnit",
    "SectionPage",
    "SocialFieldsMixin",
    "StandardPage",
    "StructurePage",
    "Theme",
]
