"""A French page with a lead and a paragraph holding a link to a French address,
translated into English and Spanish through wagtail-localize as a moderator starts it
(synchronised translations, drafts)."""

from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, TranslationSource
from wagtail_localize.operations import TranslationCreator

from tests.core.factories import StandardPageFactory

TITLE = "Aide aux familles"
LEAD = "Des familles reçoivent une aide."
PARAGRAPH = '<p>Lire <a href="/fr/page-de-test/">le rapport</a> complet.</p>'


def synced_page(homes, moderator, **fields):
    page = StandardPageFactory(
        parent=homes["fr"],
        title=TITLE,
        slug="aide-aux-familles",
        lead=f"<p>{LEAD}</p>",
        body=[("paragraph", PARAGRAPH)],
        **fields,
    )
    page.save_revision().publish()
    page.refresh_from_db()
    targets = list(Locale.objects.exclude(language_code="fr").order_by("language_code"))
    TranslationCreator(moderator, targets).create_translations(page)
    source = TranslationSource.objects.get_for_instance(page)
    translations = {t.target_locale.language_code: t for t in source.translations.all()}
    return page, translations


def translate_strings(translation, mapping, tool_name=""):
    """Translates each string segment whose French is a key of ``mapping``."""
    for segment in translation.source.stringsegment_set.select_related("string", "context"):
        if segment.string.data in mapping:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                context=segment.context,
                locale=translation.target_locale,
                defaults={"data": mapping[segment.string.data], "tool_name": tool_name},
            )
