"""Link addresses go through the PO round trip, and translators see which links still
point at French addresses: in the editor and in the status report.
(localize_workarounds/po_links.py)"""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import polib
import pytest

from iom_site.core.editorial.localize_workarounds.po_links import LINK_FLAG, french_links

from .synced import LEAD, synced_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def translations(world, people):
    _page, translations = synced_page(world["homes"], people["moderator"])
    return translations


def download(client, translation):
    response = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert response.status_code == 200
    return polib.pofile(response.content.decode())


def upload(client, translation, po):
    url = reverse("wagtail_localize:upload_pofile", args=[translation.pk])
    file = SimpleUploadedFile("es.po", str(po).encode(), content_type="text/x-gettext-translation")
    return client.post(url, {"file": file, "next": "/admin/"})


def test_the_po_file_carries_the_links_and_the_upload_sets_them(translations, client_for):
    spanish = translations["es"]
    client = client_for("translator")
    po = download(client, spanish)

    links = [entry for entry in po if LINK_FLAG in entry.flags]
    assert [(entry.msgid, entry.msgstr) for entry in links] == [("/fr/page-de-test/", "")]
    assert links[0].tcomment.startswith("Lien")
    for entry in po:
        if entry.msgid == LEAD:
            entry.msgstr = "Las familias reciben ayuda."
    links[0].msgstr = "/es/pagina-de-prueba/"

    assert upload(client, spanish, po).status_code == 302

    assert french_links(spanish) == []
    spanish.save_target(publish=False)
    page = spanish.get_target_instance()
    assert 'href="/es/pagina-de-prueba/"' in str(page.body)
    assert "Las familias reciben ayuda." in page.lead
    again = download(client, spanish)
    assert [e.msgstr for e in again if LINK_FLAG in e.flags] == ["/es/pagina-de-prueba/"]


def test_an_upload_ignores_a_value_that_is_not_an_address(translations, client_for):
    spanish = translations["es"]
    client = client_for("translator")
    po = download(client, spanish)
    for entry in po:
        if LINK_FLAG in entry.flags:
            entry.msgstr = "javascript:alert(1)"
    assert upload(client, spanish, po).status_code == 302
    assert [link.url for link in french_links(spanish)] == ["/fr/page-de-test/"]


def test_the_editor_and_the_status_report_show_links_to_french_addresses(translations, client_for):
    english = translations["en"]
    client = client_for("translator")
    editor = client.get(
        reverse("wagtailadmin_pages:edit", args=[english.get_target_instance().pk])
    ).content.decode()
    assert "iom-french-links" in editor
    assert "<code>/fr/page-de-test/</code>" in editor

    report = client_for("moderator").get("/admin/translation-status/").content.decode()
    assert "1 lien vers une adresse française" in report
