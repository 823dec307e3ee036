"""Every workaround for a gap in wagtail-localize (1.14), in one place.

Each module here covers one gap and says how it works; ``WORKAROUNDS`` below is the index:
what each covers, the upstream issue, and when to delete it. After upgrading
wagtail-localize, read the index: delete a module whose condition is met (and its entry,
and whatever the entry names as wired elsewhere), then run the suite.

To add one: a module in this package, an entry below (the test
tests/editorial/test_localize_workarounds.py fails until both exist), and if the module
patches wagtail-localize, an ``install()`` function: ``install()`` here calls it, from
EditorialConfig.ready(). Keep this file free of imports that load models: the middleware
path in settings imports the package.
"""

from dataclasses import dataclass
from importlib import import_module


@dataclass(frozen=True)
class Workaround:
    module: str  # in this package
    covers: str
    upstream: str
    delete_when: str
    wired: str  # where the rest of the project refers to it


WORKAROUNDS = (
    Workaround(
        module="guards",
        covers=(
            "Submitting, updating and editing translations check wagtail-localize's "
            "per-model permissions only: the source must be French and editable by the "
            "person (TranslationPermissionMiddleware), and the translation editor's API "
            "must respect a snippet's language (install() wraps user_can_edit_instance)."
        ),
        upstream=(
            "wagtail-localize#662 (translating from a translation breaks, "
            "MultipleObjectsReturned); no upstream issue for object-level permission "
            "checks in submit/update/edit views (Wagtail's own copy-for-translation "
            "action gained them in wagtail#14547)."
        ),
        delete_when=(
            "wagtail-localize checks edit rights on the object (user_can_edit_instance "
            "through the permission policy registry) and refuses a non-source language as "
            "the source: tests/editorial keeps passing without it."
        ),
        wired="settings MIDDLEWARE; EditorialConfig.ready() via install()",
    ),
    Workaround(
        module="submit_for_review",
        covers=(
            "Translators may not publish, and wagtail-localize's editor only offers "
            "« Publish »: « Submit the translation for review » saves a draft revision "
            "and starts (or resumes) the Review workflow (pages only)."
        ),
        upstream=(
            "wagtail-localize#655 (draft translation of live pages) and #634 (draft "
            "translation and synchronised publishing)."
        ),
        delete_when=(
            "wagtail-localize's editor can save a translation as a draft and submit it to "
            "the page's workflow."
        ),
        wired="editorial/wagtail_hooks.py (admin URL, page listing button)",
    ),
    Workaround(
        module="listing_buttons",
        covers=(
            "wagtail-localize's « Translate this page » and « Sync translated pages » row "
            "buttons queried twice per row of the explorer (100 of 137 queries for a "
            "section of 1,000 pages): the same buttons, decided for every row of a "
            "listing in two queries per request."
        ),
        upstream=(
            "wagtail-localize#599 last changed this hook (its signature); its per-row "
            "queries have no issue yet. Wagtail's own simple_translation batched the same "
            "check in wagtail#12226."
        ),
        delete_when=(
            "wagtail-localize's listing hook makes no per-row query: "
            "tests/editorial/test_admin_at_scale.py keeps passing without it."
        ),
        wired="EditorialConfig.ready() via install(); editorial/wagtail_hooks.py swaps the hook",
    ),
)


def install():
    """Apply the workarounds that patch wagtail-localize (EditorialConfig.ready)."""
    for workaround in WORKAROUNDS:
        module = import_module(f"{__name__}.{workaround.module}")
        if hasattr(module, "install"):
            module.install()
