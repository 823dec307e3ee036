"""What the admin confirms that Wagtail leaves unsaid.

- Approving (or asking for changes) from the dashboard's « Awaiting your review » list
  ran the action and reloaded the dashboard with no word: the row simply went away.
  ``WorkflowActionMessageMiddleware`` adds the message after Wagtail's workflow-action
  view answered (the view has no hook, and the task signals carry no request).
- A page created or saved under a section, or at the top of a language's tree, is left
  out of the mega-menu unless « Afficher dans les menus » is ticked (Wagtail's default
  for a new page): ``menu_hint`` says so when it is saved.
"""

from django.contrib import messages
from django.utils.translation import gettext as _

from wagtail.models import Page

WORKFLOW_ACTION_URL = "wagtailadmin_pages:workflow_action"


class WorkflowActionMessageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        if (
            request.method == "POST"
            and match is not None
            and match.view_name == WORKFLOW_ACTION_URL
            and response.status_code in (200, 302)
            and getattr(request, "user", None) is not None
            and request.user.is_authenticated
        ):
            confirm_workflow_action(request, match.kwargs)
        return response


def confirm_workflow_action(request, kwargs):
    page = Page.objects.filter(pk=kwargs.get("page_id")).first()
    action = kwargs.get("action_name")
    if page is None:
        return
    title = page.get_admin_display_title()
    if page.workflow_in_progress and action == "approve":
        # Approved at one step, the next one has it: no publication yet.
        messages.success(
            request, _("« %(title)s » est approuvée à cette étape.") % {"title": title}
        )
    elif action == "approve" and page.live and not page.has_unpublished_changes:
        messages.success(request, _("« %(title)s » est approuvée et publiée.") % {"title": title})
    elif action == "approve":
        messages.success(request, _("« %(title)s » est approuvée.") % {"title": title})
    elif action == "reject":
        messages.success(
            request,
            _("« %(title)s » est renvoyée à son auteur pour modifications.") % {"title": title},
        )


def menu_hint(request, page):
    """after_create_page and after_edit_page: a hint when the page stays out of the menu."""
    from iom_site.core.models import HomePage, SectionPage

    if page.show_in_menus:
        return
    parent = page.get_parent()
    if parent is None or not isinstance(parent.specific_deferred, (HomePage, SectionPage)):
        return
    messages.info(
        request,
        _(
            "« %(title)s » n’apparaît pas dans le menu principal. Pour l’y ajouter, cochez "
            "« Afficher dans les menus » dans l’onglet « Promotion »."
        )
        % {"title": page.get_admin_display_title()},
    )
