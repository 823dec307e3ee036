"""Translations: only moderators start them, and translators send their work on a
synchronised translation to the Review workflow instead of publishing it."""

from django.core import mail
from django.urls import reverse

from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

import pytest

from .admin_actions import refused

pytestmark = pytest.mark.django_db


def test_without_edit_rights_on_a_french_page_submitting_it_for_translation_is_forbidden(
    world, client_for
):
    page = world["pages"]["fr"]
    spanish = Locale.objects.get(language_code="es")
    url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])

    response = client_for("translator").post(url, {"locales": [spanish.pk]})

    assert response.status_code == 403
    assert not Translation.objects.exists()
    assert not TranslationSource.objects.exists()
    assert not Page.objects.filter(locale=spanish, translation_key=page.translation_key).exists()


@pytest.fixture
def spanish_translation(world):
    """The French page translated into Spanish through wagtail-localize, as a moderator
    would start it; the Spanish title is still in French."""
    page = world["pages"]["fr"]
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(
        source=source, target_locale=Locale.objects.get(language_code="es")
    )
    translation.save_target(publish=True)
    spanish = page.get_translation(translation.target_locale)
    return translation, spanish


def translate_title(client, translation, text):
    segment = translation.source.stringsegment_set.get(string__data="Page de test")
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    return client.put(url, f"value={text}", content_type="application/x-www-form-urlencoded")


def test_a_translator_submits_a_synchronised_translation_and_a_moderator_publishes_it(
    spanish_translation, people, client_for
):
    translation, spanish = spanish_translation
    client = client_for("translator")
    assert translate_title(client, translation, "Pagina+de+prueba").status_code == 201

    listing = client.get(reverse("wagtailadmin_explore", args=[spanish.get_parent().pk]))
    submit_url = reverse("editorial_submit_translation", args=[spanish.pk])
    assert submit_url in listing.content.decode()
    assert client.get(submit_url).status_code == 200
    response = client.post(submit_url)

    assert response.status_code == 302 and not refused(response)
    spanish.refresh_from_db()
    assert spanish.workflow_in_progress
    assert spanish.title == "Page de test", "still unpublished"
    assert client.get(spanish.url).content.decode().count("Pagina de prueba") == 0
    assert any(people["moderator"].email in message.to for message in mail.outbox)

    moderator = client_for("moderator")
    task_state = spanish.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[spanish.pk, "approve", task_state.pk])
    moderator.post(url, {"comment": ""})
    spanish.refresh_from_db()
    assert spanish.title == "Pagina de prueba"
    assert spanish.live


def test_the_translation_submission_is_for_those_who_may_edit_the_page(
    spanish_translation, client_for
):
    _translation, spanish = spanish_translation
    response = client_for("editor").post(reverse("editorial_submit_translation", args=[spanish.pk]))
    assert refused(response)
    assert not spanish.workflow_in_progress


def test_editors_cannot_translate_strings_of_a_page_outside_their_languages(
    spanish_translation, client_for
):
    translation, _spanish = spanish_translation
    response = translate_title(client_for("editor"), translation, "Pagina")
    assert response.status_code == 403
    assert not StringTranslation.objects.filter(data="Pagina").exists()
