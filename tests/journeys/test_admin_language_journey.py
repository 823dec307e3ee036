"""In a real Chromium (issue 14, point 8): the admin speaks its reader's language.

An editor whose admin language is French (her account's preference, whatever her browser
says) submits a page for review and reads French around the Review workflow's name; a
French-speaking moderator finds the task on the dashboard, under its French name, with
« Langue » for the page's language; an operator manages « Langues ». An editor whose
admin is in English reads English."""

import re

from wagtail.users.models import UserProfile

import pytest
from playwright.sync_api import expect

from tests.editorial.conftest import make_user
from tests.journeys.story_fixtures import sign_in, story_world  # noqa: F401 (fixture)

pytestmark = pytest.mark.browser

FRENCH_MONTHS = (
    "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
)
FRANGLAIS = re.compile(r"Review|Moderators|Régions?\b|December|\bago\b|planifié")


def prefers(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def submit_for_review(editor, live_server, page, *, more_actions, submit):
    editor.goto(f"{live_server.url}/admin/pages/{page.pk}/edit/")
    editor.get_by_role("button", name=more_actions).click()
    editor.get_by_role("button", name=submit).click()


def status_panel(person, toggle):
    person.get_by_role("button", name=toggle).first.click()
    return person.locator("[data-side-panel=status]")


@pytest.mark.django_db(transaction=True)
def test_a_french_admin_submits_for_review_and_a_moderator_reads_french(
    live_server,
    browser,
    story_world,  # noqa: F811 (the fixture imported above)
):
    news = story_world["news"]
    editor = sign_in(browser, live_server, prefers(story_world["editor"], "fr"))
    submit_for_review(
        editor,
        live_server,
        news,
        more_actions="Plus d’actions",
        submit="Soumettre au circuit « Relecture »",
    )
    message = editor.locator(".messages")
    expect(message).to_contain_text(f"La page « {news.title} » a été soumise à la relecture.")
    expect(message).not_to_contain_text("planifié")

    editor.goto(f"{live_server.url}/admin/pages/{news.pk}/edit/")
    panel = status_panel(editor, "Statut")
    expect(panel).to_contain_text("Envoyé à l’étape « Relecture par les modérateurs »")
    expect(panel).to_contain_text("Langue")
    assert not FRANGLAIS.search(panel.inner_text()), panel.inner_text()

    moderator = sign_in(browser, live_server, prefers(story_world["moderator"], "fr"))
    awaiting = moderator.locator("#awaiting-review-section")
    row = awaiting.locator("tr", has_text=news.title)
    expect(row).to_contain_text("Français")
    expect(awaiting).to_contain_text("Langue")
    expect(row.locator("[data-w-tooltip-content-value]").first).to_have_attribute(
        "data-w-tooltip-content-value", re.compile("^Relecture par les modérateurs")
    )
    assert not FRANGLAIS.search(awaiting.inner_text()), awaiting.inner_text()

    moderator.goto(f"{live_server.url}/admin/pages/{news.pk}/workflow_history/")
    history = moderator.locator("main")
    expect(history.get_by_role("heading", name="Relecture")).to_be_visible()
    assert not FRANGLAIS.search(history.inner_text()), history.inner_text()

    moderator.goto(f"{live_server.url}/admin/reports/workflow_tasks/")
    task = moderator.locator("main tr", has_text=news.title)
    expect(task).to_contain_text("Relecture par les modérateurs")
    # Today, in French (« 1 décembre 2026 », not « 1 December 2026 »).
    expect(task).to_contain_text(re.compile(rf"\d{{1,2}} ({FRENCH_MONTHS}) \d{{4}}"))
    assert not FRANGLAIS.search(task.inner_text()), task.inner_text()

    # The languages an operator manages are « Langues », not « Régions ».
    operator = make_user("operatrice", is_superuser=True, is_staff=True)
    operator_page = sign_in(browser, live_server, prefers(operator, "fr"))
    operator_page.get_by_role("button", name="Paramètres").click()
    operator_page.get_by_role("link", name="Langues", exact=True).click()
    expect(operator_page.get_by_role("heading", level=1)).to_have_text("Langues")
    expect(operator_page.locator("main")).not_to_contain_text("égion")


@pytest.mark.django_db(transaction=True)
def test_an_english_admin_reads_english(
    live_server,
    browser,
    story_world,  # noqa: F811 (the fixture imported above)
):
    news = story_world["news"]
    editor = sign_in(browser, live_server, prefers(story_world["editor"], "en"))
    submit_for_review(
        editor, live_server, news, more_actions="More actions", submit="Submit to Review"
    )
    expect(editor.locator(".messages")).to_contain_text(
        f"Page '{news.title}' has been submitted for moderation."
    )
    editor.goto(f"{live_server.url}/admin/pages/{news.pk}/edit/")
    panel = status_panel(editor, "Status")
    expect(panel).to_contain_text("Sent to Moderators review")
    expect(panel).to_contain_text("Locale")
    expect(panel).not_to_contain_text("Relecture")
