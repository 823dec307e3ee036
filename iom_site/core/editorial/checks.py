"""System checks of the editorial room."""

from django.core import checks

from wagtail.models import TranslatableMixin


def translatable_snippets_listed(app_configs=None, **kwargs):
    """EDITORIAL_TRANSLATABLE_SNIPPETS names exactly the registered snippets that are
    translatable: one left out would escape the per-language rights, the translation
    status report and the seed's translations."""
    from wagtail.hooks import search_for_hooks
    from wagtail.snippets.models import get_snippet_models

    from iom_site.core.editorial.translatable import translatable_snippet_models

    search_for_hooks()  # snippets are registered by the apps' wagtail_hooks
    registered = {m for m in get_snippet_models() if issubclass(m, TranslatableMixin)}
    listed = set(translatable_snippet_models())
    errors = [
        checks.Error(
            f"{model._meta.label} is a translatable snippet missing from "
            "EDITORIAL_TRANSLATABLE_SNIPPETS",
            id="editorial.E001",
        )
        for model in sorted(registered - listed, key=lambda m: m._meta.label)
    ]
    errors += [
        checks.Error(
            f"EDITORIAL_TRANSLATABLE_SNIPPETS names {model._meta.label}, which is not a "
            "registered translatable snippet",
            id="editorial.E002",
        )
        for model in sorted(listed - registered, key=lambda m: m._meta.label)
    ]
    return errors


def register():
    checks.register(translatable_snippets_listed)
