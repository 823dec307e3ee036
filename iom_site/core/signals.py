"""Keep the cached menu and footer of a language in step with what is published."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

from iom_site.core.routing import invalidate_routing
from iom_site.core.selectors import invalidate_navigation


def _language(instance):
    locale = getattr(instance, "locale", None)
    return [locale.language_code] if locale is not None else None


@receiver(page_published)
@receiver(page_unpublished)
def page_changed(sender, instance, **kwargs):
    invalidate_navigation(_language(instance))
    if instance.depth <= 2:
        # A home page's slug is part of every URL of its tree.
        invalidate_routing()


@receiver(post_page_move)
def page_moved(sender, instance, **kwargs):
    invalidate_navigation(_language(instance))
    invalidate_routing()


@receiver(post_delete)
def page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        invalidate_navigation(_language(instance))


@receiver(published)
@receiver(unpublished)
def snippet_changed(sender, instance, **kwargs):
    # Menu and footer snippets; pages also send these signals and are handled above.
    if not isinstance(instance, Page):
        invalidate_navigation(_language(instance))


def routing_changed(sender, **kwargs):
    invalidate_routing()


for model in (Site, Locale, PageViewRestriction):
    post_save.connect(routing_changed, sender=model, dispatch_uid=f"routing-save-{model.__name__}")
    post_delete.connect(routing_changed, sender=model, dispatch_uid=f"routing-del-{model.__name__}")
