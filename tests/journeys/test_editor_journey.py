"""In a real Chromium, as the communications team works (issue 14): an editor writes a
page under a section with a paragraph, an image and a document, previews it (the preview
panel shows the page's title, the checks panel counts its words), saves and submits it to
the Review workflow; a moderator approves it from the dashboard and is told so. Both work in a French admin, the
communications team's language. The screenshots of docs/editor-guide-redaction.md are taken
here (UPDATE_SCREENSHOTS=1 writes them to docs/screenshots/)."""

import re

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model
from wagtail.models import Collection

import pytest
import wagtail_factories
from playwright.sync_api import expect

from iom_site.core.editorial.roles import EDITORS, MODERATORS
from tests.core.factories import SectionPageFactory
from tests.editorial.conftest import make_user
from tests.journeys.story_fixtures import PASSWORD, sign_in
from tests.journeys.translation_fixtures import french_admin_user, screenshot

pytestmark = pytest.mark.browser

TITLE = "Nos bureaux en Afrique de l’Ouest"
TEXT = "L’OIM travaille avec les gouvernements de la région depuis trente ans."


@pytest.fixture
def newsroom(transactional_db, homes, settings):
    from django.apps import apps

    from iom_site.core.editorial.roles import apply_roles

    settings.PAGE_CACHE_ENABLED = False
    apply_roles(apps)  # the database was flushed since the migrations made them
    section = SectionPageFactory(parent=homes["fr"], title="Notre travail", slug="notre-travail")
    section.save_revision().publish()
    communication = Collection.objects.get(name="Communication")  # the editors' own
    wagtail_factories.ImageFactory(
        title="Bureau de Dakar",
        description="Le bureau de l’OIM à Dakar, vu de la rue",
        collection=communication,
    )
    document = get_document_model()(title="Rapport régional 2025", collection=communication)
    document.file.save("rapport-regional.pdf", ContentFile(b"%PDF-1.4\n"), save=True)
    return {
        "section": section,
        # Her account says French; her browser, English (sign_in's).
        "editor": french_admin_user("redactrice", EDITORS),
        "moderator": make_user("moderateur", MODERATORS),
    }


def sign_in_in_french(browser, live_server, user):
    context = browser.new_context(viewport={"width": 1280, "height": 1000}, locale="fr-FR")
    page = context.new_page()
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.locator("button[type=submit]").click()
    page.wait_for_url(f"{live_server.url}/admin/")
    return page


def add_block(editor, name):
    editor.locator("[data-contentpath=body]").get_by_role(
        "button", name="Insérer un bloc"
    ).last.click()
    editor.get_by_role("option", name=name, exact=True).click()


def write_page(editor, live_server, section):
    editor.goto(f"{live_server.url}/admin/pages/{section.pk}/")
    editor.get_by_role("link", name="Ajouter une sous-page").first.click()
    editor.get_by_role("link", name=re.compile("page standard", re.I)).first.click()
    editor.fill("#id_title", TITLE)
    editor.locator("[data-contentpath=lead] [contenteditable=true]").click()
    editor.keyboard.type("Où nous sommes, et ce que nous y faisons.")

    add_block(editor, "Paragraphe")
    editor.locator("[data-contentpath=body] [contenteditable=true]").last.click()
    editor.keyboard.type(TEXT)

    add_block(editor, "Image")
    editor.get_by_role("button", name="Choisir une image").last.click()
    editor.locator(".modal-dialog").get_by_role("link", name="Bureau de Dakar").click()
    editor.wait_for_selector(".modal-dialog", state="detached")
    # Asked once, at upload: the block's alt text is the image's description.
    alt = editor.locator("[data-contentpath=body] [data-contentpath=alt_text] input").last
    expect(alt).to_have_value("Le bureau de l’OIM à Dakar, vu de la rue")

    add_block(editor, "Document")
    editor.get_by_role("button", name="Choisir un document").last.click()
    editor.locator(".modal-dialog").get_by_role("link", name="Rapport régional 2025").click()
    editor.wait_for_selector(".modal-dialog", state="detached")
    screenshot(editor, "redaction-1-ecrire")


def preview_and_check(editor):
    editor.get_by_role("button", name="Afficher/masquer la prévisualisation").click()
    frame = editor.frame_locator("#w-preview-iframe")
    expect(frame.locator("h1")).to_have_text(TITLE, timeout=15000)
    expect(frame.locator("main")).to_contain_text(TEXT)
    screenshot(editor, "redaction-2-apercu")
    editor.get_by_role("button", name="Activer/désactiver les vérifications").click()
    checks = editor.locator("[data-side-panel=checks]")
    expect(checks).to_contain_text(re.compile(r"Mots\s*\d+"), timeout=15000)
    words = int(re.search(r"Mots\s*(\d+)", checks.inner_text()).group(1))
    assert words >= len(TEXT.split())
    screenshot(editor, "redaction-3-verifications")


def save_and_submit(editor):
    editor.get_by_role("button", name="Enregistrer le brouillon").click()
    # Autosave may have created the page already: then « mise à jour ».
    expect(editor.locator(".messages")).to_contain_text(re.compile("créée|mise à jour"))
    # Under a section and not in the menu: the editor is told how to add it.
    expect(editor.locator(".messages")).to_contain_text("n’apparaît pas dans le menu principal")
    editor.get_by_role("button", name="Plus d’actions").click()
    editor.get_by_role("button", name="Soumettre au circuit « Relecture »").click()
    expect(editor.locator(".messages")).to_contain_text(
        f"La page « {TITLE} » a été soumise à la relecture."
    )
    # The messages slide in from above: the picture waits until they are all in view.
    editor.wait_for_timeout(1000)
    screenshot(editor, "redaction-4-soumettre")


def approve_from_the_dashboard(moderator):
    row = moderator.locator("#awaiting-review-section tr", has_text=TITLE)
    row.get_by_role("button", name="Actions").first.click()
    moderator.wait_for_timeout(500)  # the menu fades in
    screenshot(moderator, "moderation-1-tableau-de-bord")
    row.get_by_role("button", name="Approuver", exact=True).click()
    expect(moderator.locator(".messages")).to_contain_text(f"« {TITLE} » est approuvée et publiée.")
    expect(moderator.locator("#awaiting-review-section tr", has_text=TITLE)).to_have_count(0)
    screenshot(moderator, "moderation-2-approuvee")


@pytest.mark.django_db(transaction=True)
def test_an_editor_writes_previews_and_submits_a_moderator_approves(live_server, browser, newsroom):
    editor = sign_in(browser, live_server, newsroom["editor"])
    errors = []
    editor.on(
        "response", lambda r: errors.append(f"{r.status} {r.url}") if r.status >= 400 else None
    )
    write_page(editor, live_server, newsroom["section"])
    preview_and_check(editor)
    save_and_submit(editor)

    moderator = sign_in_in_french(browser, live_server, newsroom["moderator"])
    approve_from_the_dashboard(moderator)

    visitor = browser.new_context().new_page()
    visitor.goto(f"{live_server.url}/fr/notre-travail/")
    visitor.get_by_role("link", name=TITLE).first.click()
    expect(visitor.locator("h1")).to_have_text(TITLE)
    expect(visitor.locator("main")).to_contain_text(TEXT)
    expect(visitor.locator(".document-link a")).to_have_text("Rapport régional 2025")
    assert errors == [], errors
