"""In a real Chromium, as a translator works: their dashboard lists the page to translate;
the editor opens with « Soumettre pour relecture » as its primary action and no delete,
alias or stop-sync; they translate the segments, preview the page in English, and submit
it for review."""

import re

import pytest
from playwright.sync_api import expect

from tests.journeys.story_fixtures import sign_in
from tests.journeys.test_admin_language_journey import FRENCH_MONTHS
from tests.journeys.translation_fixtures import (  # noqa: F401 (fixture)
    LEAD,
    TITLE,
    screenshot,
    synced_page,
    translation_world,
)
from tests.journeys.translator_steps import (
    expect_no_destructive_action,
    primary_action,
    segment,
    submit_for_review,
    translate_segment,
)

pytestmark = pytest.mark.browser


@pytest.mark.django_db(transaction=True)
def test_a_translator_translates_previews_and_submits_from_the_editor(
    live_server,
    browser,
    translation_world,  # noqa: F811 (the fixture imported above)
):
    world = translation_world
    page, translations = synced_page(world["homes"], world["moderator"])
    english = page.get_translation(translations["en"].target_locale)

    translator = sign_in(browser, live_server, world["translator"])
    work = translator.locator("#outdated-translations-section")
    expect(work).to_contain_text(f"Traduire « {TITLE} »")
    screenshot(translator, "traducteur-tableau-de-bord")
    work.locator("tr", has_text="Anglais").get_by_role("link").click()
    translator.wait_for_url(f"**/admin/pages/{english.pk}/edit/")

    expect(primary_action(translator)).to_have_text("Soumettre pour relecture")
    expect_no_destructive_action(translator)
    screenshot(translator, "traducteur-editeur")

    translate_segment(translator, TITLE, "Help for families")
    item = translate_segment(translator, LEAD, "Families receive help.")
    expect(item).to_contain_text("Families receive help.")
    # The editor in the admin's language (localize_workarounds/editor_language.py): its
    # heading, and the date of each translation, in French.
    editor = translator.locator(".js-translation-editor")
    expect(editor).to_contain_text("Traduction : Français → Anglais")
    expect(editor).not_to_contain_text(" translation")
    translator.reload()
    expect(segment(translator, LEAD)).to_contain_text(
        re.compile(rf"Traduit manuellement le \d{{1,2}} ({FRENCH_MONTHS}) \d{{4}}")
    )
    translate_segment(
        translator,
        "Lire ",
        'Read <a id="a1">the full report</a>.',
    )
    screenshot(translator, "traducteur-segments-traduits")

    with translator.context.expect_page() as preview_opened:
        translator.get_by_role("link", name="Aperçu").click()
    preview = preview_opened.value
    preview.wait_for_load_state()
    expect(preview.locator("h1")).to_have_text("Help for families")
    expect(preview.locator("body")).to_contain_text("Families receive help.")
    preview.close()

    submit_for_review(translator)
    screenshot(translator, "traducteur-soumis")
    english.refresh_from_db()
    assert english.workflow_in_progress
    assert not english.live, "a moderator publishes it after review"
