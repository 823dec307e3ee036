"""Workaround: wagtail-localize's translation editor offers a translator destructive actions.

Its React editor (views/edit_translation.py builds its ``props``; the footer is drawn by
static/wagtail_localize/js/wagtail-localize.js) always offers « Stop Synced translation »,
offers « Convert to alias page » to whoever may edit the page, and makes the last action
the primary one: « Delete » for an unpublished translation, « Convert to alias page »
(which puts the French page under /en/) for a live one, when the person may not publish.

``install()`` wraps the ``render`` that module looks up when it draws the editor, and for
someone who may edit a translated page but not publish it (a translator):

- the props lose every destructive action and its URL (delete, convert to alias, stop
  synchronisation, unpublish, lock);
- the template (templates/wagtail_localize/admin/edit_translation.html, which extends
  wagtail-localize's) hides the React footer and draws one with what a translator does:
  « Soumettre pour relecture » (editorial's submit_for_review view) and « Aperçu ». For a
  snippet with drafts (menu, footer) whose translation wagtail-localize cannot save as a
  draft, the footer says that each segment is saved and a moderator publishes.

Everyone also gets the list of links that still point at French addresses
(``po_links.french_links``), shown above the segments. The security guards (who may call
the stop, alias and delete views at all) are enforced server-side elsewhere; this is what
the person is offered.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.shortcuts import render as django_render
from django.urls import reverse

from wagtail.models import DraftStateMixin, Page
from wagtail.permissions import policy_registry

EDITOR_TEMPLATE = "wagtail_localize/admin/edit_translation.html"
TRANSLATOR_PERMS = {
    "canPublish": False,
    "canUnpublish": False,
    "canLock": False,
    "canUnlock": False,
    "canDelete": False,
}
DESTRUCTIVE_LINKS = (
    "deleteUrl",
    "convertToAliasUrl",
    "stopTranslationUrl",
    "unpublishUrl",
    "lockUrl",
    "unlockUrl",
)


def is_translator_of(user, instance):
    """May edit this translated page or snippet with drafts, may not publish it."""
    if isinstance(instance, Page):
        perms = instance.permissions_for_user(user)
        return perms.can_edit() and not perms.can_publish()
    if isinstance(instance, DraftStateMixin):
        policy = policy_registry.get(instance)
        return not policy.user_has_permission_for_instance(user, "publish", instance)
    return False


def translator_props(props):
    """The editor's props, as a translator may use them."""
    props = dict(props)
    props["perms"] = {**props.get("perms", {}), **TRANSLATOR_PERMS}
    props["links"] = {
        **props.get("links", {}),
        **dict.fromkeys(DESTRUCTIVE_LINKS),
    }
    return props


def editor_context(request, context):
    """Adds to wagtail-localize's editor context what the project's template shows."""
    from iom_site.core.editorial.localize_workarounds.editor_language import editor_labels
    from iom_site.core.editorial.localize_workarounds.po_links import french_links

    translation, instance = context["translation"], context["instance"]
    context["french_links"] = french_links(translation)
    context["editor_labels"] = editor_labels(context)
    if is_translator_of(request.user, instance):
        props = translator_props(json.loads(context["props"]))
        context["props"] = json.dumps(props, cls=DjangoJSONEncoder)
        is_page = isinstance(instance, Page)
        context["translator_footer"] = {
            # Pages only: wagtail-localize cannot save a draft of a snippet's translation,
            # so a moderator publishes translated snippets (submit_for_review).
            "submit_url": (
                reverse("editorial_submit_translation", args=[instance.pk]) if is_page else ""
            ),
            "in_review": is_page and instance.workflow_in_progress,
            "preview_url": props["previewModes"][0]["url"] if props.get("previewModes") else "",
        }
    return context


def render(request, template_name, context=None, *args, **kwargs):
    if template_name == EDITOR_TEMPLATE and context is not None:
        context = editor_context(request, context)
    return django_render(request, template_name, context, *args, **kwargs)


render.filters_translator_actions = True


def install():
    """Idempotent: wagtail-localize's edit_translation looks ``render`` up at call time."""
    from wagtail_localize.views import edit_translation

    if getattr(edit_translation.render, "filters_translator_actions", False):
        return
    edit_translation.render = render
