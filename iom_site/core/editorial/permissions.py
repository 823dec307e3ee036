"""Per-language rights on translatable snippets.

Wagtail grants snippet permissions per model, whatever the language. Here a person's
languages are those of the page trees in which their groups may add or change pages
(editorial.roles grants them on each language's home page): Communications editors have French,
Translators English and Spanish, Moderators all three. Changing, deleting, publishing or
locking a translatable snippet also needs the snippet's language to be one of theirs.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from wagtail.models import DraftStateMixin, Locale, Page
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry, register_permission_policy

from iom_site.core.editorial.translatable import translatable_snippet_models

PAGE_EDITING_CODENAMES = frozenset({"add_page", "change_page"})
LANGUAGE_REFUSED = _("Vous ne pouvez modifier que les contenus des langues qui vous sont confiées.")
ACTION_REFUSED = _("Vous n’avez pas le droit de faire cette action : rien n’a été modifié.")


def editable_locale_ids(user):
    """Ids of the locales whose content the user may change."""
    if not user.is_active or user.is_anonymous:
        return frozenset()
    cached = getattr(user, "_editable_locale_ids", None)
    if cached is not None:
        return cached
    if user.is_superuser:
        ids = frozenset(Locale.objects.values_list("pk", flat=True))
    else:
        # The same cached rows Wagtail's page permission checks read: no extra query.
        grants = [
            grant.page
            for grant in policy_registry.get_by_type(Page).get_cached_permissions_for_user(user)
            if grant.permission.codename in PAGE_EDITING_CODENAMES
        ]
        if any(page.depth == 1 for page in grants):
            ids = frozenset(Locale.objects.values_list("pk", flat=True))
        else:
            ids = frozenset(page.locale_id for page in grants)
    user._editable_locale_ids = ids
    return ids


class LocaleScopedPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, then the language of the instance."""

    scoped_actions = frozenset({"change", "delete", "publish", "lock", "unlock"})

    def user_has_permission_for_instance(self, user, action, instance):
        return super().user_has_permission_for_instance(user, action, instance) and (
            action not in self.scoped_actions or instance.locale_id in editable_locale_ids(user)
        )

    def instances_user_has_any_permission_for(self, user, actions):
        unscoped = [action for action in actions if action not in self.scoped_actions]
        if unscoped and self.user_has_any_permission(user, unscoped):
            return self.model._default_manager.all()
        scoped = [action for action in actions if action in self.scoped_actions]
        if scoped and self.user_has_any_permission(user, scoped):
            return self.model._default_manager.filter(locale_id__in=editable_locale_ids(user))
        return self.model._default_manager.none()


def scoped_models():
    return translatable_snippet_models()


def register_policies():
    """Must run before the snippets' viewsets are registered (EditorialConfig.ready, before
    any app's wagtail_hooks is imported): a viewset registers a fallback policy otherwise."""
    for model in scoped_models():
        if policy_registry.get_by_type(model, fallback=False) is None:
            register_permission_policy(model, LocaleScopedPermissionPolicy(model), exact_class=True)


def is_scoped(model):
    return isinstance(
        policy_registry.get_by_type(model, fallback=False), LocaleScopedPermissionPolicy
    )


def refuse(request, to, *args, message=LANGUAGE_REFUSED):
    """Wagtail's way of refusing (wagtail.admin.auth.permission_denied): back to a page
    with a message, or a 403 for the admin's scripts."""
    if request.headers.get("x-requested-with") == "XMLHttpRequest":
        raise PermissionDenied
    messages.error(request, message)
    return redirect(to, *args)


def check_page_action(request, page):
    """before_edit_page: asked for an action they may not take (publish, a workflow action
    such as approve), Wagtail's edit view quietly saves a draft instead. Refuse, leaving the
    page as it was."""
    if request.method != "POST":
        return None
    if (
        request.POST.get("action-publish")
        and not page.permissions_for_user(request.user).can_publish()
    ):
        return refuse(request, "wagtailadmin_pages:edit", page.pk, message=ACTION_REFUSED)
    if request.POST.get("action-workflow-action"):
        task = page.current_workflow_task
        allowed = (
            {name for name, _label, _modal in task.get_actions(page, request.user)}
            if task
            else set()
        )
        if request.POST.get("workflow-action-name") not in allowed:
            return refuse(request, "wagtailadmin_pages:edit", page.pk, message=ACTION_REFUSED)
    return None


def check_snippet_edit(request, instance):
    """before_edit_snippet: also guards revert, and runs before wagtail-localize's hook that
    swaps in its translation editor. Like pages, a snippet is not quietly saved as a draft
    when the form asks to publish it and the user may not."""
    model = type(instance)
    policy = policy_registry.get(instance)
    listing = model.snippet_viewset.get_url_name("list")
    if is_scoped(model) and not policy.user_has_permission_for_instance(
        request.user, "change", instance
    ):
        return refuse(request, listing)
    if (
        request.method == "POST"
        and request.POST.get("action-publish")
        and isinstance(instance, DraftStateMixin)
        and not policy.user_has_permission_for_instance(request.user, "publish", instance)
    ):
        return refuse(request, listing, message=ACTION_REFUSED)
    return None


def check_snippet_create(request, model):
    """before_create_snippet: the new snippet's language comes from ?locale= (Wagtail's
    LocaleMixin), French by default."""
    if not is_scoped(model):
        return None
    code = request.GET.get("locale")
    locale = Locale.objects.filter(language_code=code).first() if code else Locale.get_default()
    if locale is None or locale.pk not in editable_locale_ids(request.user):
        return refuse(request, model.snippet_viewset.get_url_name("list"))
    return None


def check_snippet_delete(request, instances):
    for instance in instances:
        if is_scoped(type(instance)) and not policy_registry.get(
            instance
        ).user_has_permission_for_instance(request.user, "delete", instance):
            return refuse(request, type(instance).snippet_viewset.get_url_name("list"))
    return None


def check_page_move(request, page, destination):
    """before_move_page: Wagtail's move confirmation checks the right to move only when
    the move is POSTed; its GET showed anyone the page, its destination and the
    translations that would move with it (found by tests/security/test_authorization_matrix.py)."""
    if not page.permissions_for_user(request.user).can_move_to(destination):
        raise PermissionDenied
    return None


def form_submissions_for_moderators(user, editable_forms):
    """filter_form_submissions_for_user: answers hold personal data; page rights alone would
    show them to every editor of the tree."""
    if user.has_perm("wagtailforms.view_formsubmission"):
        return editable_forms
    return editable_forms.none()
