"""When a person publishes the French, its translations follow as drafts: changed segments
start from their previous translation, translators are emailed and see the page on their
dashboard; the sync form never publishes. (editorial/translation_sync.py,
localize_workarounds/sync_form.py)"""

import re

from django.core import mail
from django.urls import reverse

from wagtail.models import Page
from wagtail_localize.models import StringTranslation

import pytest

from iom_site.core.editorial.translation_sync import PREFILL_TOOL
from tests.core.factories import StandardPageFactory

from .synced import LEAD, TITLE, synced_page, translate_strings
from .test_dashboard import dashboard, panel

pytestmark = pytest.mark.django_db

NEW_LEAD = "Des familles reçoivent une aide d’urgence."


@pytest.fixture
def translated(world, people, django_capture_on_commit_callbacks):
    page, translations = synced_page(world["homes"], people["moderator"])
    english = translations["en"]
    translate_strings(english, {TITLE: "Help for families", LEAD: "Families receive help."})
    with django_capture_on_commit_callbacks(execute=True):
        english.save_target(publish=True)
    return page, translations


def republish(page, user, django_capture_on_commit_callbacks, **changes):
    page = Page.objects.get(pk=page.pk).specific
    for name, value in changes.items():
        setattr(page, name, value)
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision(user=user).publish(user=user)


def test_a_changed_segment_starts_from_its_previous_translation_in_a_draft(
    translated, people, client_for, django_capture_on_commit_callbacks
):
    page, translations = translated
    english_page = page.get_translation(translations["en"].target_locale)
    mail.outbox.clear()

    republish(
        page, people["moderator"], django_capture_on_commit_callbacks, lead=f"<p>{NEW_LEAD}</p>"
    )

    prefilled = StringTranslation.objects.get(
        translation_of__data=NEW_LEAD, locale__language_code="en"
    )
    assert prefilled.data == "Families receive help."
    assert prefilled.tool_name == PREFILL_TOOL
    english_page.refresh_from_db()
    assert english_page.live and "Families receive help." in english_page.lead, (
        "the site keeps the reviewed translation"
    )
    draft = english_page.get_latest_revision_as_object()
    assert english_page.has_unpublished_changes
    assert "Families receive help." in draft.lead

    # The translators of each language are told, and their dashboard lists the page.
    english_mail = [
        m for m in mail.outbox if "Help for families" in m.subject or TITLE in m.subject
    ]
    assert {address for m in mail.outbox for address in m.to} == {people["translator"].email}
    assert len(mail.outbox) == 2 and english_mail
    assert reverse("wagtailadmin_pages:edit", args=[english_page.pk]) in "".join(
        m.body for m in mail.outbox
    )
    listed = panel(dashboard(client_for("translator")), "outdated-translations")
    assert reverse("wagtailadmin_pages:edit", args=[english_page.pk]) in listed

    # In the editor, the segment shows its carried-over translation.
    content = client_for("translator").get(
        reverse("wagtailadmin_pages:edit", args=[english_page.pk])
    )
    assert "Families receive help." in content.content.decode()


def test_a_new_french_page_under_a_translated_parent_gets_draft_translations(
    world, people, django_capture_on_commit_callbacks
):
    page = StandardPageFactory(parent=world["sections"]["fr"], title="Nouvelle page")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision(user=people["moderator"]).publish(user=people["moderator"])

    english = Page.objects.get(translation_key=page.translation_key, locale__language_code="en")
    assert not english.live
    # Spanish has no « Rubrique » page: nothing to attach the translation to.
    assert not Page.objects.filter(
        translation_key=page.translation_key, locale__language_code="es"
    ).exists()
    assert [re.search("Nouvelle page", m.subject) is not None for m in mail.outbox] == [True]


def test_programmatic_publications_are_left_alone(world, django_capture_on_commit_callbacks):
    page = StandardPageFactory(parent=world["sections"]["fr"], title="Page du seed")
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert (
        not Page.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk).exists()
    )


def test_the_sync_form_offers_no_publish_immediately_and_never_publishes(translated, client_for):
    page, translations = translated
    spanish_page = page.get_translation(translations["es"].target_locale)
    assert not spanish_page.live
    url = reverse("wagtail_localize:update_translations", args=[translations["es"].source_id])
    client = client_for("moderator")

    form = client.get(url).content.decode()
    assert "publish_translations" not in form
    assert "Publish immediately" not in form and "Publier immédiatement" not in form

    response = client.post(url, {"publish_translations": "on"})
    assert response.status_code == 302
    spanish_page.refresh_from_db()
    assert not spanish_page.live


def test_publishing_the_french_again_unchanged_brings_nothing_back(
    translated, people, django_capture_on_commit_callbacks
):
    page, translations = translated
    english_page = page.get_translation(translations["en"].target_locale)
    revisions = english_page.revisions.count()
    mail.outbox.clear()

    republish(page, people["moderator"], django_capture_on_commit_callbacks)

    assert english_page.revisions.count() == revisions
    assert mail.outbox == []
