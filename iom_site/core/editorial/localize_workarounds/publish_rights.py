"""Workaround: wagtail-localize views that change what is live check only the right to edit.

- ``convert_to_alias`` (``/admin/localize/page/<id>/convert_to_alias/``) turns a
  translation into a live alias of its French source: the translation's page is replaced,
  live, by the source's latest revision. wagtail-localize asks only ``can_edit()``, so a
  translator could publish without review (issue 15, point 1).
- ``update_translations`` with « publish the translations » publishes every enabled
  translation of the source, in every language, after checking only the
  ``submit_translation`` permission.

``PublishRightsMiddleware`` (MIDDLEWARE) refuses both, with a 403 and nothing changed,
unless the person may publish every page that would change. The translation editor's
own « Publish » (it checks ``can_publish()``) and Wagtail's publish, unpublish, revert and
workflow views (they check publish rights; editorial/permissions.py adds the language of
snippets) need nothing here; tests/editorial/test_publish_rights.py covers them all.
"""

from django.core.exceptions import PermissionDenied

from wagtail.models import Page
from wagtail.permissions import policy_registry
from wagtail_localize.models import TranslationSource

from iom_site.core.route_middleware import RouteMiddleware

GUARDED = {"convert_to_alias", "update_translations"}


def can_publish(user, instance):
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_publish()
    policy = policy_registry.get(instance)
    return policy.user_has_permission_for_instance(user, "publish", instance)


def pages_made_live(request, match):
    """What the request would publish, or None when it publishes nothing."""
    if match.url_name == "convert_to_alias":
        page = Page.objects.filter(pk=match.kwargs["page_id"]).first()
        return [page] if page is not None else None
    if request.method != "POST" or not request.POST.get("publish_translations"):
        return None
    source = TranslationSource.objects.filter(pk=match.kwargs["translation_source_id"]).first()
    if source is None:
        return None
    source_instance = source.get_source_instance()
    targets = []
    for translation in source.translations.filter(enabled=True).select_related("target_locale"):
        target = source_instance.get_translation_or_none(translation.target_locale)
        # A translation not created yet is published as a new page under its parent's
        # translation: the parent's rights decide (Wagtail's rule for new pages).
        if target is None and isinstance(source_instance, Page):
            target = source_instance.get_parent().get_translation_or_none(translation.target_locale)
        if target is not None:
            targets.append(target)
    return targets


class PublishRightsMiddleware(RouteMiddleware):
    routes = GUARDED
    namespace = "wagtail_localize"

    def guard(self, request, match, view_func, view_args, view_kwargs):
        if not request.user.is_authenticated:
            return None  # Wagtail's own login redirect applies
        instances = pages_made_live(request, match)
        if instances and not all(can_publish(request.user, instance) for instance in instances):
            raise PermissionDenied("Publishing needs the right to publish.")
        return None
