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
        module="publish_rights",
        covers=(
            "wagtail-localize views that change what is live check only the right to "
            "edit: converting a translation into an alias of its source "
            "(convert_to_alias) and updating translations with « publish » now need the "
            "right to publish every page they change (PublishRightsMiddleware)."
        ),
        upstream=(
            "wagtail-localize#515 added convert_to_alias with a can_edit() check only; no "
            "upstream issue yet for it nor for UpdateTranslationsView publishing after "
            "checking submit_translation only (1.14.5)."
        ),
        delete_when=(
            "wagtail-localize checks can_publish() in convert_to_alias and in "
            "UpdateTranslationsView's publish branch: tests/editorial/test_publish_rights.py "
            "keeps passing without it."
        ),
        wired="settings MIDDLEWARE",
    ),
    Workaround(
        module="safe_overrides",
        covers=(
            "A translator's override of a link address (rich-text links, URL and e-mail "
            "blocks) is stored and published as typed: SafeOverrideMiddleware refuses "
            "schemes other than http, https, mailto and tel (400); install() makes "
            "rich-text links and URL blocks never render such an address."
        ),
        upstream=(
            "wagtail-localize#395 (segment overrides) stores overrides without the "
            "field's validation; no upstream issue for validating them (1.14.5)."
        ),
        delete_when=(
            "wagtail-localize validates an override with the overridden field's own "
            "validation and Wagtail refuses script URLs in rich-text links: "
            "tests/editorial/test_safe_overrides.py keeps passing without it."
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
        module="translator_editor",
        covers=(
            "The translation editor offers « Supprimer », « Convertir en alias de page » "
            "and « Arrêter la synchronisation » to translators, the destructive one as its "
            "primary action, and no « submit for review »: for whoever may edit a "
            "translated page but not publish it, the editor's props lose those actions and "
            "the project's template draws a footer with « Soumettre pour relecture » and "
            "« Aperçu »; everyone sees the links still pointing at French addresses."
        ),
        upstream=(
            "wagtail-localize#655 and #634 (no draft/review from the editor); no upstream "
            "issue for the editor's actions ignoring the person's role."
        ),
        delete_when=(
            "wagtail-localize's editor hides stop/alias/delete from people who may not "
            "publish and offers submitting the translation to the page's workflow: "
            "tests/editorial/test_translator_editor.py passes without it."
        ),
        wired=(
            "EditorialConfig.ready() via install(); "
            "templates/wagtail_localize/admin/edit_translation.html"
        ),
    ),
    Workaround(
        module="sync_form",
        covers=(
            "« Sync translated pages » offers « Publish immediately », which publishes "
            "French text under /en/ and /es/: the form loses that field and the view never "
            "publishes."
        ),
        upstream="wagtail-localize#634 (synchronised publishing of draft translations).",
        delete_when=(
            "wagtail-localize's update form can be configured without publishing: "
            "tests/editorial/test_translation_sync.py passes without it."
        ),
        wired="EditorialConfig.ready() via install()",
    ),
    Workaround(
        module="po_links",
        covers=(
            "PO files leave out link addresses (overridable segments), so a translator "
            "working by file kept every /fr/ address: download and upload carry them; "
            "french_links() lists a translation's links still pointing at French "
            "addresses (editor notice, translation status report)."
        ),
        upstream=(
            "wagtail-localize#834 (external links list to translate); links became "
            "overridable segments kept out of PO files on purpose in #296."
        ),
        delete_when=(
            "Translation.export_po/import_po carry overridable segments: "
            "tests/editorial/test_po_links.py passes without it."
        ),
        wired=(
            "EditorialConfig.ready() via install(); translator_editor (editor notice); "
            "translation_status (links column)"
        ),
    ),
    Workaround(
        module="editor_language",
        covers=(
            "The translation editor's « {source} to {target} translation » heading and "
            "« More actions » are English in its JavaScript, and its dates are formatted "
            "with strftime (English month names): the labels are swapped in the page, the "
            "dates formatted with Django's formats in the admin's language."
        ),
        upstream=(
            "wagtail-localize#155 (« Page edit - Translation method + date », open: how the "
            "editor shows a segment's translation and its date); no issue yet for the "
            "editor's English-only JavaScript labels (1.14.5)"
        ),
        delete_when=(
            "the editor's JavaScript labels go through gettext and StringTranslation."
            "get_comment and edit_translation format dates with Django's formats"
        ),
        wired=(
            "translator_editor.editor_context adds editor_labels; "
            "templates/wagtail_localize/admin/edit_translation.html and "
            "static/js/admin/translation-editor-labels.js apply them"
        ),
    ),
    Workaround(
        module="report_labels",
        covers=(
            "The translations report's « Source locale » and « Target locale » filters "
            "have no label, so django-filter writes their names in English: install() "
            "labels them « Langue source » and « Langue cible » through the catalogues."
        ),
        upstream=(
            "no issue yet; wagtail-localize#155 is the nearest (the editor's English "
            "texts); TranslationsReportFilterSet in wagtail-localize 1.14.5"
        ),
        delete_when="wagtail-localize labels source_locale and target_locale itself",
        wired="EditorialConfig.ready() via install()",
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
        wired=(
            "editorial/wagtail_hooks.py swaps the hook; core's request_memo.py remembers "
            "the rows for one request"
        ),
    ),
)


def install():
    """Apply the workarounds that patch wagtail-localize (EditorialConfig.ready)."""
    for workaround in WORKAROUNDS:
        module = import_module(f"{__name__}.{workaround.module}")
        if hasattr(module, "install"):
            module.install()
