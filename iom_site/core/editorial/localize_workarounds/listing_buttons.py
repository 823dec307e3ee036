"""The explorer's rows at a constant cost: wagtail-localize's « Translate this page » and
« Sync translated pages » row buttons each ran a query per row (which languages the page
is in; whether it is the source of enabled translations): 100 of the explorer's 137
queries for a section of 1,000 pages. The same buttons, decided for all the rows of a
listing at once (the children of one parent: two queries per request, remembered until
the request ends, core's request_memo.py). The page header keeps wagtail-localize's own
(one page)."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Subquery
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from wagtail import hooks
from wagtail.admin.widgets import ListingButton
from wagtail.models import Locale, Page
from wagtail_localize.models import TranslationSource

from iom_site.core.request_memo import RequestMemo

HOOK = "register_page_listing_more_buttons"
rows_seen = RequestMemo("editorial_listing_translations")


def replace_wagtail_localize_hook():
    """Called from the editorial room's wagtail_hooks, which imports wagtail-localize's
    hooks first: its row hook leaves the registry, ours takes its place."""
    from wagtail_localize import wagtail_hooks as localize_hooks

    registered = hooks._hooks.get(HOOK, [])
    registered[:] = [
        (fn, order)
        for fn, order in registered
        if fn is not localize_hooks.page_listing_more_buttons
    ]
    hooks.register(HOOK, listing_buttons)


def _rows_state(page):
    """{translation_key: (language ids it exists in, id of its source with enabled
    translations or None)} for the page and its siblings, and every language's id."""
    parent_path = page.path[: -Page.steplen]

    def siblings_state():
        siblings = Page.objects.filter(path__startswith=parent_path, depth=page.depth).values(
            "translation_key"
        )
        languages = {}
        for translation_key, locale_id in Page.objects.filter(
            translation_key__in=Subquery(siblings), alias_of__isnull=True
        ).values_list("translation_key", "locale_id"):
            languages.setdefault(translation_key, set()).add(locale_id)
        sources = dict(
            TranslationSource.objects.filter(
                object_id__in=Subquery(siblings),
                object__content_type=ContentType.objects.get_for_model(Page),
                locale_id=page.locale_id,
                translations__enabled=True,
            )
            .values_list("object_id", "id")
            .distinct()
        )
        return languages, sources

    languages, sources = rows_seen.remember((parent_path, page.locale_id), siblings_state)
    every_language = rows_seen.remember(
        "locales", lambda: set(Locale.objects.values_list("pk", flat=True))
    )
    return (
        languages.get(page.translation_key, {page.locale_id}),
        sources.get(page.translation_key),
        every_language,
    )


def listing_buttons(page, user, view_name=None, next_url=None):
    if page.is_root() or not user.has_perm("wagtail_localize.submit_translation"):
        return
    languages, source_id, every_language = _rows_state(page)
    if every_language - languages:
        yield ListingButton(
            _("Translate this page"),
            reverse("wagtail_localize:submit_page_translation", args=[page.alias_of_id or page.id]),
            priority=60,
            icon_name="wagtail-localize-language",
        )
    if source_id is not None:
        url = reverse("wagtail_localize:update_translations", args=[source_id])
        if next_url is not None:
            url += "?" + urlencode({"next": next_url})
        yield ListingButton(_("Sync translated pages"), url, priority=60, icon_name="resubmit")
