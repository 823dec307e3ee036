"""The history of a translatable snippet is read in the person's languages only.

Wagtail's snippet history, revision, comparison and workflow-history views check the
model permission (any of add, change, delete), whatever the snippet's language: an
editor (French) read the English footer's revisions and a translator compared the
French ones (issue 15, point 8). ``SnippetHistoryLanguageMiddleware`` (MIDDLEWARE)
refuses them, as permissions.refuse does, unless the snippet's language is one the
person may edit (permissions.editable_locale_ids). Pages need nothing: Wagtail's page
history views ask the page's own permissions, which are per language tree already.
"""

from functools import cache

from django.core.exceptions import PermissionDenied
from django.urls import reverse

from iom_site.core.editorial.permissions import editable_locale_ids, refuse, scoped_models
from iom_site.core.route_middleware import RouteMiddleware

HISTORY_VIEWS = frozenset(
    {
        "history",
        "history_results",
        "revisions_view",
        "revisions_compare",
        "revisions_unschedule",
        "workflow_history",
        "workflow_history_detail",
    }
)


@cache
def scoped_namespaces():
    """{URL namespace of a scoped snippet's viewset: model}"""
    return {
        model.snippet_viewset.url_namespace: model
        for model in scoped_models()
        if getattr(model, "snippet_viewset", None) is not None
    }


class SnippetHistoryLanguageMiddleware(RouteMiddleware):
    routes = HISTORY_VIEWS

    def guard(self, request, match, view_func, view_args, view_kwargs):
        model = scoped_namespaces().get(match.namespace)
        if model is None or not request.user.is_authenticated:
            return None
        instance = model._default_manager.filter(pk=view_kwargs.get("pk")).first()
        if instance is None:
            return None  # the view answers 404
        if instance.locale_id in editable_locale_ids(request.user):
            return None
        if request.headers.get("x-requested-with") == "XMLHttpRequest":
            raise PermissionDenied
        return refuse(request, reverse(model.snippet_viewset.get_url_name("list")))
