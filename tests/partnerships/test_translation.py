"""What wagtail-localize sends to translators, and what it must keep identical."""

from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

import pytest

from iom_site.core.models import SectionPage

from .factories import EngagementFormPageFactory, PartnerFactory

pytestmark = pytest.mark.django_db


def translate_everything(instance, locale):
    """Translate every string of ``instance`` as « [en] <French> » and build the translation."""
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        StringTranslation.objects.create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            data=f"[en] {segment.string.data}",
        )
    source.create_or_update_translation(locale, copy_parent_pages=True)
    return {segment.string.data for segment in segments}


def test_form_labels_are_translated_and_field_keys_are_not(client, homes):
    english = Locale.objects.get(language_code="en")
    section = SectionPage(title="Agir", slug="agir")
    homes["fr"].add_child(instance=section)
    page = EngagementFormPageFactory(parent=section, to_address="equipe@example.org")

    strings = translate_everything(page, english)

    assert {"Nom", "Courriel", "Message"} <= strings
    assert "nom" not in strings
    assert "equipe@example.org" not in strings
    translation = page.get_translation(english)
    fields = list(translation.form_fields.all())
    assert [f.label for f in fields][:2] == ["[en] Nom", "[en] Courriel"]
    assert [f.clean_name for f in fields] == [f.clean_name for f in page.form_fields.all()]
    assert {f.locale_id for f in fields} == {english.pk}
    assert translation.to_address == "equipe@example.org"

    # New translations start as drafts (WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE).
    translation.save_revision().publish()
    response = client.post(
        translation.url,
        {"nom": "Ann", "courriel": "ann@example.org", "message": "Hello", "consentement": "on"},
    )
    assert response.status_code == 200
    assert translation.get_submissions().get().form_data["nom"] == "Ann"


def test_partner_name_and_description_are_translated_and_its_link_is_kept(homes):
    english = Locale.objects.get(language_code="en")
    partner = PartnerFactory(
        name="Programme des Nations Unies pour le développement (PNUD)",
        description="Le programme des Nations Unies pour le développement.",
        url="https://www.undp.org/fr",
    )

    strings = translate_everything(partner, english)

    assert "https://www.undp.org/fr" not in strings
    translation = partner.get_translation(english)
    assert translation.name == "[en] Programme des Nations Unies pour le développement (PNUD)"
    assert translation.url == "https://www.undp.org/fr"
    assert translation.kind == partner.kind
