"""The translation editor offers a translator translate, preview and « Soumettre pour
relecture », never delete, convert to alias or stop the synchronisation; a moderator
keeps publishing. (localize_workarounds/translator_editor.py)"""

import html
import json
import re

from django.urls import reverse

import pytest

from .synced import synced_page

pytestmark = pytest.mark.django_db


def editor(client, page):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    content = response.content.decode()
    props = json.loads(html.unescape(re.search(r'data-props="([^"]*)"', content).group(1)))
    return content, props


@pytest.fixture
def english(world, people):
    page, translations = synced_page(world["homes"], people["moderator"])
    return page.get_translation(translations["en"].target_locale)


def test_a_translator_is_offered_no_destructive_action_and_submits_for_review(english, client_for):
    content, props = editor(client_for("translator"), english)

    assert not any(props["perms"].values())
    links = props["links"]
    assert links["deleteUrl"] is None
    assert links["convertToAliasUrl"] is None
    assert links["stopTranslationUrl"] is None
    assert links["downloadPofile"] and links["uploadPofile"]
    footer = re.search(r'<footer class="[^"]*iom-translator-footer.*?</footer>', content, re.S)
    assert footer, "the translator's footer replaces the editor's"
    footer = footer.group(0)
    assert "Soumettre pour relecture" in footer
    assert reverse("editorial_submit_translation", args=[english.pk]) in footer
    assert props["previewModes"][0]["url"] in footer
    for label in ("Supprimer", "Delete", "alias", "Arrêter", "Stop"):
        assert label not in footer


def test_the_submit_button_of_the_editor_sends_the_translation_to_review(english, client_for):
    client = client_for("translator")
    response = client.post(reverse("editorial_submit_translation", args=[english.pk]))
    assert response.status_code == 302
    english.refresh_from_db()
    assert english.workflow_in_progress
    content, _props = editor(client, english)
    assert "En relecture" in content
    assert "Soumettre pour relecture" not in content


def test_a_moderator_keeps_the_editor_of_wagtail_localize(english, client_for):
    content, props = editor(client_for("moderator"), english)
    assert props["perms"]["canPublish"]
    assert props["links"]["stopTranslationUrl"]
    assert "iom-translator-footer" not in content


def test_a_translator_of_the_footer_is_not_offered_stop_sync_or_delete(world, people, client_for):
    from wagtail.models import Locale
    from wagtail_localize.operations import TranslationCreator

    footer = world["footers"]["fr"]
    footer.save_revision().publish()
    # The world's English footer is a plain copy; translate into Spanish with the editor.
    TranslationCreator(
        people["moderator"], [Locale.objects.get(language_code="es")]
    ).create_translations(footer)
    spanish = footer.get_translation(Locale.objects.get(language_code="es"))
    url = reverse(spanish.snippet_viewset.get_url_name("edit"), args=[spanish.pk])
    response = client_for("translator").get(url)
    assert response.status_code == 200
    content = response.content.decode()
    props = json.loads(html.unescape(re.search(r'data-props="([^"]*)"', content).group(1)))
    assert not props["perms"]["canPublish"] and not props["perms"]["canDelete"]
    assert props["links"]["stopTranslationUrl"] is None
    assert "un modérateur publiera la traduction" in content
