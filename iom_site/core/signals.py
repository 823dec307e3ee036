"""Keep cached menus, footers, routing and pages in step with what is published.

Each change purges exactly the pages that show it (see ``page_cache.purge``); a change
to a language's menu or footer purges every page of that language.
"""

from django.apps import apps
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.models import Locale, Page, PageViewRestriction, ReferenceIndex, Site
from wagtail.signals import (
    page_published,
    page_slug_changed,
    page_unpublished,
    post_page_move,
    published,
    unpublished,
)

from iom_site.core.memo import bump_content_version
from iom_site.core.navigation.selectors import refresh_navigation
from iom_site.core.page_cache.purge import pages_showing, purge_pages
from iom_site.core.page_cache.store import languages as all_languages
from iom_site.core.routing import invalidate_routing

# Snippets shown on pages that list all of them, by model: a change to one purges those
# pages in its language, besides the pages that choose it (reference index).
LISTED_ON = {
    "partnerships.partner": "partnerships.partnershipspage",
    "strategy.sdgtarget": "strategy.agendapage",
    "strategy.sustainabledevelopmentgoal": "strategy.agendapage",
    "wagtailimages.image": None,
    "wagtaildocs.document": None,
}


def _language(instance):
    locale = getattr(instance, "locale", None)
    return [locale.language_code] if locale is not None else None


def _url_paths(queryset):
    return set(queryset.values_list("locale__language_code", "url_path"))


@receiver(page_published)
@receiver(page_unpublished)
def page_changed(sender, instance, **kwargs):
    if instance.depth <= 2:
        # A home page's slug is part of every URL of its tree.
        invalidate_routing()
    purge_pages(pages_showing(instance), refresh_navigation(_language(instance)))


@receiver(page_slug_changed)
def page_renamed(sender, instance, instance_before, **kwargs):
    """The subtree's old addresses, which may be cached under the old slug."""
    old, new = instance_before.url_path, instance.url_path
    code = instance.locale.language_code
    moved = _url_paths(Page.objects.filter(path__startswith=instance.path))
    purge_pages(
        {(code, old + url_path[len(new) :]) for _c, url_path in moved if url_path.startswith(new)}
        | {(code, url_path) for _c, url_path in moved}
    )


@receiver(post_page_move)
def page_moved(sender, instance, url_path_before, url_path_after, parent_page_before, **kwargs):
    invalidate_routing()
    code = instance.locale.language_code
    subtree = _url_paths(Page.objects.filter(path__startswith=instance.path))
    old_addresses = {
        (language, url_path_before + url_path[len(url_path_after) :])
        for language, url_path in subtree
        if url_path.startswith(url_path_after)
    }
    old_parent = {(parent_page_before.locale.language_code, parent_page_before.url_path)}
    purge_pages(
        pages_showing(instance) | old_addresses | old_parent,
        refresh_navigation([code]),
    )


@receiver(post_delete, sender=Page)
def page_deleted(sender, instance, **kwargs):
    code = instance.locale.language_code
    purge_pages(pages_showing(instance) | {(code, instance.url_path)}, refresh_navigation([code]))


@receiver(published)
@receiver(unpublished)
def snippet_published(sender, instance, **kwargs):
    # The menu and footer snippets; pages also send these signals and are handled above.
    if not isinstance(instance, Page):
        purge_pages((), refresh_navigation(_language(instance)))


def snippet_changed(sender, instance, **kwargs):
    """A snippet shown on pages: the pages that choose it, and those listing them all."""
    targets = [instance]
    if sender._meta.label_lower == "strategy.sustainabledevelopmentgoal":
        targets += list(instance.targets.all()) if instance.pk else []
    page_ids = set()
    for target in targets:
        page_ids.update(
            int(pk)
            for pk in ReferenceIndex.get_references_to(target)
            .filter(
                base_content_type__app_label=Page._meta.app_label,
                base_content_type__model=Page._meta.model_name,
            )
            .values_list("object_id", flat=True)
        )
    shown_on = _url_paths(Page.objects.filter(pk__in=page_ids)) if page_ids else set()
    listing = LISTED_ON.get(sender._meta.label_lower)
    locale_id = getattr(instance, "locale_id", None)
    if listing is not None and locale_id is not None:
        app_label, model = listing.split(".")
        shown_on |= _url_paths(
            Page.objects.filter(
                locale_id=locale_id, content_type__app_label=app_label, content_type__model=model
            )
        )
    purge_pages(shown_on)


def site_changed(sender, **kwargs):
    # Sites, languages and view restrictions decide what every address serves and to
    # whom: nothing cached before can be trusted.
    invalidate_routing()
    purge_pages((), all_languages())


def promotions_changed(sender, **kwargs):
    # Search results are never cached, but the promotions shown above them are.
    bump_content_version()


def connect():
    from wagtail.contrib.search_promotions.models import SearchPromotion

    post_save.connect(promotions_changed, sender=SearchPromotion, dispatch_uid="promotion-save")
    post_delete.connect(promotions_changed, sender=SearchPromotion, dispatch_uid="promotion-del")
    for model in (Site, Locale, PageViewRestriction):
        post_save.connect(site_changed, sender=model, dispatch_uid=f"site-save-{model.__name__}")
        post_delete.connect(site_changed, sender=model, dispatch_uid=f"site-del-{model.__name__}")
    for label in LISTED_ON:
        model = apps.get_model(label)
        post_save.connect(snippet_changed, sender=model, dispatch_uid=f"snippet-save-{label}")
        post_delete.connect(snippet_changed, sender=model, dispatch_uid=f"snippet-del-{label}")
