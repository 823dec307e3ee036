"""Atom feeds of listing pages, one per language: a page type that mixes in ``FeedMixin``
and says which pages it lists (``feed_items()``) answers ``<its address>feed/``, and
every page of that language announces the feed in its head (``{% feed_links %}``).
Addresses in a feed are absolute, from ``settings.PUBLIC_BASE_URL``: feed readers
fetch them from anywhere."""

from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext as _

from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page, get_page_models

from iom_site.core.addresses import public_url
from iom_site.core.listings import sort_key
from iom_site.core.visibility import public

FEED_PATH = "feed/"
ATOM_TYPE = "application/atom+xml"


def tag_uri(page):
    """A permanent id for ``page`` (RFC 4151), kept when its title or address changes."""
    host = urlsplit(settings.PUBLIC_BASE_URL).hostname or "localhost"
    since = page.first_published_at or page.latest_revision_created_at
    day = since.strftime("%Y-%m-%d") if since else "2025-01-01"
    return f"tag:{host},{day}:page-{page.pk}"


class PageAtomFeed(Atom1Feed):
    """Atom 1.0; the feed's own ``updated`` is its newest entry's, or the listing page's
    last publication when it lists nothing yet (never the time of the request)."""

    def __init__(self, *args, fallback_updated=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fallback_updated = fallback_updated

    def latest_post_date(self):
        dates = [
            item[name]
            for item in self.items
            for name in ("updateddate", "pubdate")
            if item[name] is not None
        ]
        if self.fallback_updated is not None:
            dates.append(self.fallback_updated)
        return max(dates) if dates else super().latest_post_date()


class FeedMixin(RoutablePageMixin):
    """For a listing page: an Atom feed of ``feed_items()`` at ``feed/`` below it."""

    feed_length = 20

    def feed_items(self):
        """The pages of the feed, newest first; each listing page type says which."""
        raise NotImplementedError

    def feed_categories(self, item):
        """The category labels of one entry (themes, types…): none by default."""
        return []

    @path(FEED_PATH, name="feed")
    def atom_feed(self, request):
        return HttpResponse(
            build_feed(self, request).writeString("utf-8"),
            content_type=f"{ATOM_TYPE}; charset=utf-8",
        )


def build_feed(index, request=None):
    address = public_url(index, request)
    feed = PageAtomFeed(
        title=f"{index.title} – {settings.WAGTAIL_SITE_NAME}",
        link=address,
        description=index.summary,
        language=index.locale.language_code,
        feed_url=address + FEED_PATH,
        feed_guid=tag_uri(index),
        author_name=_("Organisation internationale pour les migrations (OIM)"),
        author_link="https://www.iom.int",
        fallback_updated=index.last_published_at,
    )
    for item in index.feed_items():
        feed.add_item(
            title=item.title,
            link=public_url(item, request),
            # Atom's summary is HTML: the summary is text, escaped once more.
            description=escape(item.summary),
            unique_id=tag_uri(item),
            # An undated item (a publication whose source gives no date) is dated by
            # its first publication on the site, not by the start of time.
            pubdate=sort_key(item.listing_date or item.first_published_at),
            updateddate=item.last_published_at,
            categories=index.feed_categories(item),
        )
    return feed


def feed_page_models():
    return [model for model in get_page_models() if issubclass(model, FeedMixin)]


def feed_page_types():
    """The content type ids of the page types that offer a feed."""
    from django.contrib.contenttypes.models import ContentType

    return {ct.pk for ct in ContentType.objects.get_for_models(*feed_page_models()).values()}


def feed_links(language_code):
    """[(title, absolute feed address)] of the live feeds of one language, for views that
    are not pages (a page reads them with its family: selectors.feeds_of_language)."""
    models = feed_page_models()
    if not models:
        return []
    pages = public(
        Page.objects.live().type(*models).filter(locale__language_code=language_code)
    ).order_by("path")
    return [(page.title, public_url(page) + FEED_PATH) for page in pages]
