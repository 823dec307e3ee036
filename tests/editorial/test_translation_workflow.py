"""A translator's day, end to end through the admin: a French page with every block is
submitted for English and Spanish, translated by PO round trip (English) and by the
machine translator (Spanish), published, then read by a visitor."""

from django.urls import reverse

from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

import polib
import pytest

from tests.core.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def french_page(homes):
    page = StandardPageFactory(
        parent=homes["fr"], title="Tous les blocs", slug="tous-les-blocs", lead="<p>Chapeau.</p>"
    )
    page.save_revision().publish()
    return page


def submit(client, page, *codes):
    locales = [Locale.objects.get(language_code=code).pk for code in codes]
    return client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        {"locales": locales},
    )


def translation_for(page, code):
    return Translation.objects.get(
        source__object_id=page.translation_key, target_locale__language_code=code
    )


def english(msgid):
    return f"EN {msgid}" if msgid != "tous-les-blocs" else "all-the-blocks"


def test_submit_po_round_trip_machine_translation_and_publish(
    admin_client, french_page, django_capture_on_commit_callbacks
):
    response = submit(admin_client, french_page, "en", "es")
    assert response.status_code == 302
    en_page = french_page.get_translation(Locale.objects.get(language_code="en"))
    es_page = french_page.get_translation(Locale.objects.get(language_code="es"))
    # Translations start as drafts: nothing French is published under /en/ or /es/.
    assert not en_page.live and not es_page.live

    # English: the translator downloads the PO file, translates it and uploads it.
    en = translation_for(french_page, "en")
    download = admin_client.get(reverse("wagtail_localize:download_pofile", args=[en.pk]))
    po = polib.pofile(download.content.decode())
    assert {"Tous les blocs", "tous-les-blocs", "Texte courant du bloc paragraphe."} <= {
        e.msgid for e in po
    }
    for entry in po:
        entry.msgstr = english(entry.msgid)
    upload = admin_client.post(
        reverse("wagtail_localize:upload_pofile", args=[en.pk]),
        {"file": _po_upload(po), "next": "/admin/"},
    )
    assert upload.status_code == 302
    assert en.get_progress()[0] == en.get_progress()[1]

    # Spanish: machine pre-translation (the deterministic test translator).
    es = translation_for(french_page, "es")
    admin_client.post(reverse("wagtail_localize:machine_translate", args=[es.pk]), {"next": "/"})
    total, done = es.get_progress()
    assert total == done > 0
    assert StringTranslation.objects.filter(
        locale__language_code="es", translation_type="machine"
    ).exists()

    with django_capture_on_commit_callbacks(execute=True):
        for page in (en_page, es_page):
            published = admin_client.post(
                reverse("wagtailadmin_pages:edit", args=[page.pk]), {"action": "publish"}
            )
            assert published.status_code == 302
    en_page.refresh_from_db()
    es_page.refresh_from_db()
    assert en_page.live and es_page.live
    assert en_page.url == "/en/all-the-blocks/"

    html = admin_client.get("/en/all-the-blocks/").content.decode()
    assert '<html lang="en"' in html
    assert "<h1>EN Tous les blocs</h1>" in html
    assert "EN Texte courant du bloc paragraphe." in html
    assert "EN Citation du bloc." in html
    assert '<link rel="canonical" href="http://testserver/en/all-the-blocks/">' in html
    assert (
        '<link rel="alternate" hreflang="es" href="http://testserver' + es_page.url + '">' in html
    )
    assert 'href="/fr/tous-les-blocs/" hreflang="fr" lang="fr"' in html

    spanish = admin_client.get(es_page.url).content.decode()
    assert '<html lang="es"' in spanish
    # The test translator reverses word order: "Texte courant du bloc paragraphe." →
    assert "paragraphe. bloc du courant Texte" in spanish


def _po_upload(po):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(
        "translation.po", str(po).encode(), content_type="text/x-gettext-translation"
    )


def test_changed_french_marks_only_changed_segments_for_retranslation(
    admin_client, french_page, django_capture_on_commit_callbacks
):
    submit(admin_client, french_page, "en")
    en = translation_for(french_page, "en")
    po = en.export_po()
    for entry in po:
        entry.msgstr = english(entry.msgid)
    en.import_po(po)
    with django_capture_on_commit_callbacks(execute=True):
        en.save_target(publish=True)

    french_page.lead = "<p>Chapeau modifié.</p>"
    french_page.save_revision().publish()
    source = TranslationSource.objects.get(object_id=french_page.translation_key)
    response = admin_client.post(
        reverse("wagtail_localize:update_translations", args=[source.pk]), {}
    )
    assert response.status_code == 302
    en.refresh_from_db()
    total, done = en.get_progress()
    assert done == total - 1  # only the changed lead awaits the translator
    untranslated = [e.msgid for e in en.export_po() if not e.msgstr]
    assert untranslated == ["Chapeau modifié."]


def test_user_who_cannot_edit_french_page_cannot_submit_it(client, french_page, django_user_model):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("curieux", password="x")
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="submit_translation"),
    )
    client.force_login(user)
    response = submit(client, french_page, "en")
    assert response.status_code == 403
    assert not Translation.objects.exists()
    assert not TranslationSource.objects.exists()


def test_translations_are_made_from_french_only(
    admin_client, french_page, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        submit(admin_client, french_page, "en")
    english_page = french_page.get_translation(Locale.objects.get(language_code="en"))
    response = submit(admin_client, english_page, "es")
    assert response.status_code == 403
    assert not Translation.objects.filter(target_locale__language_code="es").exists()
    assert not TranslationSource.objects.filter(locale__language_code="en").exists()


def test_english_address_of_a_french_only_page_is_a_404_with_the_french_link(client, french_page):
    response = client.get("/en/tous-les-blocs/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="en"' in html
    assert "Page not found" in html
    assert '<a href="/fr/tous-les-blocs/" hreflang="fr" lang="fr">Tous les blocs</a>' in html
