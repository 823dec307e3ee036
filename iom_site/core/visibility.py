"""Which pages a visitor without rights may see: live and outside any private section.

Wagtail's ``PageQuerySet.public()`` reads every view restriction first (one query each
time it is called); ``public()`` here says the same inside the query itself (a NOT
EXISTS on the restrictions above each page), so a listing costs no extra query."""

from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr

from wagtail.models import PageViewRestriction


def restricted_above(path_ref="path"):
    """A subquery of the view restrictions on the page at ``path_ref`` or above it."""
    return PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef(path_ref), 1, Length("page__path"))
    )


def public(pages):
    """``pages`` without those in a private section (the restricted page included)."""
    return pages.exclude(Exists(restricted_above()))
