"""Workaround: wagtail-localize's own permission checks are per model, not per object.

- Its submit and update views check only the `submit_translation` permission, not whether
  the user may edit what they submit, and they accept any language as the source.
  ``TranslationPermissionMiddleware`` (MIDDLEWARE) adds both rules: translations are made
  from French only (an English page translated into Spanish is a chain that breaks,
  wagtail-localize#662), by people who may edit the French source; otherwise 403 and
  nothing is created.
- Its translation editor API checks snippet rights per model only
  (views/edit_translation.py, ``user_can_edit_instance``): without ``install()`` a French
  editor could change the strings of the English footer.
"""

from django.apps import apps
from django.core.exceptions import PermissionDenied

from wagtail.models import Locale, Page
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry
from wagtail_localize.models import TranslationSource

from iom_site.core.editorial.permissions import LocaleScopedPermissionPolicy
from iom_site.core.route_middleware import RouteMiddleware

GUARDED = {"submit_page_translation", "submit_snippet_translation", "update_translations"}


def _source_instance(match):
    name, kwargs = match.url_name, match.kwargs
    if name == "submit_page_translation":
        return Page.objects.filter(pk=kwargs["page_id"]).first()
    if name == "submit_snippet_translation":
        model = apps.get_model(kwargs["app_label"], kwargs["model_name"])
        return model.objects.filter(pk=kwargs["pk"]).first()
    source = TranslationSource.objects.filter(pk=kwargs["translation_source_id"]).first()
    return source.get_source_instance() if source is not None else None


def can_edit(user, instance):
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_edit()
    # A registered snippet's own policy (which may restrict by locale), else the model's.
    viewset = getattr(type(instance), "snippet_viewset", None)
    policy = (
        viewset.permission_policy if viewset is not None else ModelPermissionPolicy(type(instance))
    )
    return policy.user_has_permission_for_instance(user, "change", instance)


class TranslationPermissionMiddleware(RouteMiddleware):
    routes = GUARDED
    namespace = "wagtail_localize"

    def guard(self, request, match, view_func, view_args, view_kwargs):
        if not request.user.is_authenticated:
            return None  # Wagtail's own login redirect applies
        instance = _source_instance(match)
        if instance is None:
            return None
        if instance.locale_id != Locale.get_default().pk:
            raise PermissionDenied("Translations are made from the French source only.")
        if not can_edit(request.user, instance):
            raise PermissionDenied
        return None


def install():
    """Wrap wagtail-localize's ``user_can_edit_instance`` so that it also asks the
    snippet's language-scoped policy. Its views look the function up at call time.
    Idempotent."""
    from wagtail_localize.views import edit_translation

    original = edit_translation.user_can_edit_instance
    if getattr(original, "checks_language", False):
        return

    def user_can_edit_instance(user, instance):
        if not original(user, instance):
            return False
        policy = policy_registry.get(instance)
        return not isinstance(
            policy, LocaleScopedPermissionPolicy
        ) or policy.user_has_permission_for_instance(user, "change", instance)

    user_can_edit_instance.checks_language = True
    edit_translation.user_can_edit_instance = user_can_edit_instance
