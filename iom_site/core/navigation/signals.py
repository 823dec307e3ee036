"""The navigation's own handlers: a publish, unpublish, move or deletion of a page, a
change to who may see a page, or a menu or footer snippet published rebuilds the cached
menu and footer of its language (selectors.refresh_navigation). When one of them changed,
``navigation_changed`` says which (``changed``: {("menu", "fr"), ...}): whoever keeps
pages that show them (the delivery room) purges them."""

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal

from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

from iom_site.core.navigation.selectors import invalidate_navigation, refresh_navigation

navigation_changed = Signal()


def _refresh(languages=None):
    changed = refresh_navigation(languages)
    if changed:
        navigation_changed.send(sender=refresh_navigation, changed=changed)


def _language(instance):
    locale = getattr(instance, "locale", None)
    return [locale.language_code] if locale is not None else None


def page_changed(sender, instance, **kwargs):
    _refresh(_language(instance))


def snippet_published(sender, instance, **kwargs):
    # Pages send these signals too; page_changed has them.
    if not isinstance(instance, Page):
        _refresh(_language(instance))


def restriction_changed(sender, instance, **kwargs):
    # A private page leaves the menu of its language; a public one comes back.
    page = Page.objects.filter(pk=instance.page_id).select_related("locale").first()
    _refresh(_language(page) if page is not None else None)


def site_changed(sender, **kwargs):
    # Sites and languages: forget every menu and footer (rebuilt when next shown).
    invalidate_navigation()
    codes = [code for code, _name in settings.LANGUAGES]
    navigation_changed.send(
        sender=invalidate_navigation,
        changed={(kind, code) for code in codes for kind in ("menu", "footer")},
    )


def connect():
    page_published.connect(page_changed, dispatch_uid="navigation-page-published")
    page_unpublished.connect(page_changed, dispatch_uid="navigation-page-unpublished")
    post_page_move.connect(page_changed, dispatch_uid="navigation-page-moved")
    post_delete.connect(page_changed, sender=Page, dispatch_uid="navigation-page-deleted")
    published.connect(snippet_published, dispatch_uid="navigation-snippet-published")
    unpublished.connect(snippet_published, dispatch_uid="navigation-snippet-unpublished")
    post_save.connect(
        restriction_changed, sender=PageViewRestriction, dispatch_uid="navigation-restriction"
    )
    post_delete.connect(
        restriction_changed, sender=PageViewRestriction, dispatch_uid="navigation-restriction-del"
    )
    for model in (Site, Locale):
        post_save.connect(site_changed, sender=model, dispatch_uid=f"navigation-{model.__name__}")
        post_delete.connect(
            site_changed, sender=model, dispatch_uid=f"navigation-{model.__name__}-del"
        )
