"""In a real Chromium: an editor never loses what they typed (issue 14, point 2).

Typing in a paragraph and clicking « Enregistrer le brouillon » at once saves the new text; autosave
(on, WAGTAIL_AUTOSAVE_INTERVAL) saves a pause's worth of typing, never answers an error
around a manual save, and one editing session leaves one « draft saved » entry in the
page's history, not one per pause. The editor works in a French admin; the screenshot of
docs/editor-guide-redaction.md is taken here (UPDATE_SCREENSHOTS=1)."""

import pytest
from playwright.sync_api import expect

from iom_site.core.editorial.roles import EDITORS
from tests.core.factories import StandardPageFactory
from tests.journeys.story_fixtures import sign_in
from tests.journeys.translation_fixtures import french_admin_user, screenshot

pytestmark = pytest.mark.browser


def watch_errors(page):
    """Every admin response of 400 or more the browser received."""
    errors = []
    page.on(
        "response",
        lambda response: (
            errors.append(f"{response.status} {response.request.method} {response.url}")
            if response.status >= 400
            else None
        ),
    )
    return errors


def paragraph(editor):
    return editor.locator("[data-contentpath=body] [contenteditable=true]").first


def type_at_end(editor, text):
    paragraph(editor).click()
    editor.keyboard.press("Control+End")
    editor.keyboard.type(text)


@pytest.fixture
def page_to_edit(transactional_db, homes):
    from django.apps import apps

    from iom_site.core.editorial.roles import apply_roles

    apply_roles(apps)  # the database was flushed since the migrations made them
    page = StandardPageFactory(
        parent=homes["fr"],
        title="Nos partenaires",
        body=[{"type": "paragraph", "value": "<p>Premier paragraphe.</p>"}],
    )
    page.save_revision().publish()
    return page


@pytest.mark.django_db(transaction=True)
def test_what_the_editor_typed_is_saved_at_once_and_by_autosave(
    live_server, browser, page_to_edit, settings
):
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 1000
    editor = sign_in(browser, live_server, french_admin_user("redactrice", EDITORS))
    errors = watch_errors(editor)
    edit_url = f"{live_server.url}/admin/pages/{page_to_edit.pk}/edit/"
    editor.goto(edit_url)

    # Typed, then saved at once: before Draftail's own 250 ms copy into the form.
    type_at_end(editor, " Une phrase ajoutée.")
    editor.get_by_role("button", name="Enregistrer le brouillon").click()
    expect(editor.locator(".messages")).to_contain_text("a été mise à jour")
    editor.reload()
    expect(paragraph(editor)).to_contain_text("Premier paragraphe. Une phrase ajoutée.")

    # A pause: autosave keeps it, and the editor says so.
    with editor.expect_response(
        lambda r: r.request.method == "POST" and r.url == edit_url
    ) as autosaved:
        type_at_end(editor, " Sauvée en silence.")
    assert autosaved.value.status == 200
    assert autosaved.value.json()["success"] is True
    # More typing, and « Enregistrer le brouillon » right away, while autosave waits for a pause.
    type_at_end(editor, " Et la fin.")
    editor.get_by_role("button", name="Enregistrer le brouillon").click()
    expect(editor.locator(".messages")).to_contain_text("a été mise à jour")
    editor.wait_for_timeout(2500)  # an autosave left scheduled would have answered by now
    editor.reload()
    expect(paragraph(editor)).to_contain_text("Sauvée en silence. Et la fin.")
    screenshot(editor, "redaction-enregistrer")

    # The history: the first save, then this session's autosave and save as one entry.
    editor.goto(f"{live_server.url}/admin/pages/{page_to_edit.pk}/history/")
    rows = editor.locator("table tbody tr", has_text="Brouillon sauvegardé")
    expect(rows).to_have_count(2)
    assert errors == [], errors
