"""Which cache tags a change makes stale (tags.py says what each tag stands for). No list
of who shows what: a page that showed something carries its tag.

- a page published, unpublished, moved, renamed or deleted: the page (``p``), "children
  of" its parent and "descendants of" each ancestor (listings it joins or leaves),
  listings of its type, and when the addresses of its live translations changed, those
  (``a``: its translations' language switchers, its descendants' fallbacks);
  a move adds the old parent's; a rename or move reaches the subtree through ``p``
  (every page renders its ancestors in its breadcrumbs);
- who may see a page changed: the page and every page below it, as above;
- a snippet, image or document saved or deleted: itself and listings of its model;
- a menu or footer that changed (the navigation room says which): ``menu-<lang>``;
- sites or languages: everything.
"""

from django.core.cache import cache
from django.db.models import Q
from django.db.models.signals import post_delete, post_save

from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from iom_site.core.navigation.signals import navigation_changed
from iom_site.core.release import key as release_key

from . import store, tags
from .memo import bump_content_version
from .purge import purge_tags
from .routing import invalidate_routing


def _ancestor_paths(path):
    steps = Page.steplen
    return [path[:end] for end in range(steps, len(path), steps)]


def _type_tags(page):
    model = page.specific_class or type(page)
    return {
        tags.list_tag(m)
        for m in model.__mro__
        if isinstance(m, type) and issubclass(m, Page) and m is not Page and not m._meta.abstract
    }


def _addresses_changed(page, translations):
    """Whether the addresses of the page's live translations changed since the last
    change (kept in the cache; unknown counts as changed)."""
    key = release_key("delivery", "addresses", str(page.translation_key))
    before = cache.get(key)
    cache.set(key, translations, None)
    return before != translations


def page_tags(page, extra_paths=(), addresses=None):
    """The tags a change to ``page`` makes stale (one query): the page, "children of"
    its parent, "descendants of" its ancestors, listings of its type, and the addresses
    of its translations when they changed (``addresses``: None to find out)."""
    paths = set(_ancestor_paths(page.path))
    for path in extra_paths:
        paths.update(_ancestor_paths(path))
        paths.add(path)
    parent_paths = {page.path[: -Page.steplen], *(p[: -Page.steplen] for p in extra_paths)}
    found = {tags.page_tag(page.pk)} | _type_tags(page)
    translations = []
    rows = Page.objects.filter(Q(translation_key=page.translation_key) | Q(path__in=paths))
    for pk, path, url_path, key, live in rows.values_list(
        "pk", "path", "url_path", "translation_key", "live"
    ):
        if key == page.translation_key and live:
            translations.append((pk, url_path))
        if path in paths:
            found.add(tags.subtree_tag(pk))
            if path in parent_paths:
                found.add(tags.children_tag(pk))
    changed = _addresses_changed(page, sorted(translations))
    if addresses or (addresses is None and changed):
        found.add(tags.address_tag(page.translation_key))
    return found


def _gone(sender, instance, **kwargs):
    """Unpublished or deleted: its address leaves its translations' switchers."""
    if instance.depth <= 2:
        invalidate_routing()
    purge_tags(page_tags(instance, addresses=True))


def page_changed(sender, instance, **kwargs):
    if instance.depth <= 2:
        # A home page's slug is part of every URL of its tree.
        invalidate_routing()
    purge_tags(page_tags(instance))


def page_moved(sender, instance, parent_page_before, **kwargs):
    invalidate_routing()
    before = [parent_page_before.path + instance.path[-Page.steplen :]]
    purge_tags(page_tags(instance, extra_paths=[parent_page_before.path, *before], addresses=True))


def restriction_changed(sender, instance, **kwargs):
    invalidate_routing()  # the "any page private?" flag
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is None:  # the page is being deleted: page_deleted purges
        return
    below = Page.objects.filter(path__startswith=page.path, depth__gt=page.depth)
    found = page_tags(page, addresses=True)
    for child in below.only("pk", "path", "translation_key", "content_type_id"):
        found.add(tags.page_tag(child.pk))
        found |= _type_tags(child)
    purge_tags(found)


def object_changed(sender, instance, **kwargs):
    """A snippet, image or document: itself, and listings of its model."""
    tag = tags.object_tag(instance)
    if tag is None or tags._kind(sender) in ("page", "rendition"):
        return
    purge_tags({tag, tags.list_tag(sender)})


def chrome_changed(sender, changed, **kwargs):
    purge_tags({f"{kind}-{code}" for kind, code in changed})


def site_changed(sender, **kwargs):
    # Sites, languages decide what every address serves: nothing cached can be trusted.
    invalidate_routing()
    purge_tags({store.EVERYTHING})


def promotions_changed(sender, **kwargs):
    # Search results are never cached, but the promotions shown above them are.
    bump_content_version()


def connect():
    from wagtail.contrib.search_promotions.models import SearchPromotion

    page_published.connect(page_changed, dispatch_uid="delivery-page-published")
    page_unpublished.connect(_gone, dispatch_uid="delivery-page-unpublished")
    post_page_move.connect(page_moved, dispatch_uid="delivery-page-moved")
    post_delete.connect(_gone, sender=Page, dispatch_uid="delivery-page-deleted")
    post_save.connect(object_changed, dispatch_uid="delivery-object-saved")
    post_delete.connect(object_changed, dispatch_uid="delivery-object-deleted")
    for signal, name in ((post_save, "save"), (post_delete, "delete")):
        signal.connect(
            restriction_changed, sender=PageViewRestriction, dispatch_uid=f"delivery-pvr-{name}"
        )
        signal.connect(
            promotions_changed, sender=SearchPromotion, dispatch_uid=f"delivery-promo-{name}"
        )
        for model in (Site, Locale):
            signal.connect(
                site_changed, sender=model, dispatch_uid=f"delivery-{model.__name__}-{name}"
            )
    navigation_changed.connect(chrome_changed, dispatch_uid="delivery-chrome")
