"""The one list of translatable snippets: ``settings.EDITORIAL_TRANSLATABLE_SNIPPETS``.

A setting, because the roles' data migrations read it (``roles.snippet_permissions``) on
historical models, before any admin registration exists. Everything else asks
``translatable_snippet_models()``: the per-language permission policies, the translation
status report and the seed's translations. ``checks.py`` makes it an error for a
registered translatable snippet to be missing from the list, or for the list to name a
model that is not one.
"""

from django.apps import apps
from django.conf import settings


def translatable_snippet_models():
    """The models of EDITORIAL_TRANSLATABLE_SNIPPETS, in its order."""
    return [apps.get_model(label) for label in settings.EDITORIAL_TRANSLATABLE_SNIPPETS]
