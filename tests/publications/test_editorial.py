"""Publications in the editorial set-up every page has: editors write them in French and
send them to the Review workflow, moderators publish, translators edit the English
version and may upload its file into « Traduction » (and nowhere else); the editor
shows every field with its help; the translation status report lists them; their rows
(themes, targets, regions) and their file follow wagtail-localize's field rules."""

from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.models import Collection, Page
from wagtail_localize.fields import get_translatable_fields

import pytest
from bs4 import BeautifulSoup

from iom_site.core.editorial.roles import apply_roles
from publications.models import PublicationPage
from tests.editorial.conftest import ROLE_USERS, make_user
from tests.news.conftest import translate
from tests.publications.factories import pdf_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(homes):
    apply_roles(apps)  # the groups as the migrations make them, on this tree
    return {role: make_user(role, group) for role, group in ROLE_USERS.items()}


def add_url(index):
    return f"/admin/pages/add/publications/publicationpage/{index.pk}/"


@pytest.mark.parametrize(
    ("role", "language", "status"),
    [
        ("editor", "fr", 200),
        ("editor", "en", 302),  # refused: editors write in French
        ("translator", "fr", 302),
        ("moderator", "fr", 200),
        ("moderator", "es", 200),
    ],
)
def test_who_may_write_a_publication_in_which_tree(client, people, library, role, language, status):
    client.force_login(people[role])
    assert client.get(add_url(library[language])).status_code == status


def test_a_publication_goes_through_the_review_workflow(people, make_publication):
    publication = make_publication(title="Un rapport")
    assert publication.get_workflow().name == "Review"
    page = Page.objects.get(pk=publication.pk)
    assert not page.permissions_for_user(people["editor"]).can_publish()
    assert page.permissions_for_user(people["editor"]).can_edit()
    assert page.permissions_for_user(people["moderator"]).can_publish()
    english = Page.objects.get(pk=translate(publication, "en", slug="a-report").pk)
    assert english.permissions_for_user(people["translator"]).can_edit()
    assert not english.permissions_for_user(people["translator"]).can_publish()


def test_the_editor_shows_every_publication_field_with_its_help(client, people, library):
    client.force_login(people["editor"])
    page = client.get(add_url(library["fr"])).content.decode()
    for text in (
        "Le genre de la publication",
        "La date de parution de la publication",
        "seule l’année de parution est connue",
        "Le résumé : ce que contient la publication",
        "Les traductions reprennent le fichier français",
        "Le nombre de pages du fichier",
        "N’en inventez pas",
        "La cote ou la référence OIM",
        "Un thème de la publication",
        "Une cible des objectifs de développement durable que sert la publication",
        "Une région que couvre la publication",
    ):
        assert text in page, text


def test_the_file_and_identifiers_follow_the_source_until_overridden():
    fields = {field.field_name: field for field in get_translatable_fields(PublicationPage)}
    for name in ("document", "isbn", "reference", "page_count", "hero_image"):
        assert fields[name].is_synchronized(None) and fields[name].is_overridable(None), name
    for name in ("title", "lead", "hero_image_alt", "themes", "sdg_targets", "regions"):
        assert fields[name].is_translated(None), name


def upload(client, collection):
    return client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Report",
            "file": SimpleUploadedFile("report.pdf", pdf_bytes("Report"), "application/pdf"),
            "collection": Collection.objects.get(name=collection).pk,
        },
    )


def test_a_translator_uploads_the_file_of_their_language_into_traduction_only(client, people):
    client.force_login(people["translator"])

    assert upload(client, "Traduction").status_code == 302
    # « Traduction » is the only collection they may add to: Wagtail files it there.
    upload(client, "Communication")
    collections = set(get_document_model().objects.values_list("collection__name", flat=True))
    assert collections == {"Traduction"}


def test_the_translation_status_report_lists_publications(client, people, make_publication):
    publication = make_publication(title="Une publication à traduire")
    translate(publication, "en", title="A publication", slug="a-publication")
    client.force_login(people["moderator"])

    response = client.get("/admin/translation-status/")

    soup = BeautifulSoup(response.content, "html.parser")
    titles = [row.find(["th", "td"]).get_text(strip=True) for row in soup.select("tbody tr")]
    assert "Une publication à traduire" in titles
    assert "Publications" in titles
