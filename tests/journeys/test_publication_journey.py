"""In a real Chromium, as people do it: a moderator writes a publication, uploads its
French PDF, files it under target 10.7 and publishes it, then sends it to be translated
into English; a translator translates its texts in wagtail-localize's editor, overrides
its file with the English PDF and submits the translation; the moderator approves it; a
visitor filters the English library by goal and year, finds it, downloads the English
file and sees « Also available in: Français »."""

import re

import pytest
from playwright.sync_api import expect

from tests.journeys.publication_fixtures import publication_world  # noqa: F401 (fixture)
from tests.journeys.story_fixtures import sign_in

pytestmark = pytest.mark.browser

TITLE = "La migration au service du développement durable"
LEAD = "Ce rapport montre comment la migration sert les objectifs de développement."
EN_TITLE = "Migration for sustainable development"
EN_LEAD = "This report shows how migration serves the development goals."


def upload_in_chooser(page, title, path):
    """In an open document chooser: its Upload tab, a title and a file."""
    modal = page.locator(".modal-dialog")
    modal.get_by_role("tab", name="Upload").click()
    modal.get_by_label("Title").fill(title)
    modal.locator("input[type=file]").set_input_files(str(path))
    modal.get_by_role("button", name="Upload").click()
    page.wait_for_selector(".modal-dialog", state="detached")


def write_and_publish(moderator, live_server, world):
    moderator.goto(f"{live_server.url}/admin/pages/{world['library'].pk}/")
    moderator.get_by_role("link", name="Add child page").first.click()
    moderator.wait_for_url("**/add/publications/publicationpage/**")
    moderator.fill("#id_title", TITLE)
    moderator.select_option("#id_publication_type", label="Report")
    moderator.fill("#id_publication_date", "2025-03-14")
    moderator.locator("[data-contentpath=lead] [contenteditable=true]").click()
    moderator.keyboard.type(LEAD)
    moderator.locator("#id_document-chooser").get_by_role(
        "button", name="Choose a document"
    ).click()
    upload_in_chooser(moderator, "Rapport (français)", world["files"]["fr"])
    expect(moderator.locator("#id_document-chooser")).to_contain_text("Rapport (français)")
    moderator.get_by_role("button", name=re.compile("Add SDG target", re.I)).click()
    moderator.locator("[id^=id_sdg_targets-0-target-chooser]").get_by_role("button").first.click()
    moderator.locator(".modal-dialog").get_by_role("link", name=re.compile("10.7")).click()
    moderator.wait_for_selector(".modal-dialog", state="detached")
    moderator.wait_for_url("**/admin/pages/*/edit/")  # the autosaved draft (story journey)
    moderator.get_by_role("button", name="More actions").click()
    moderator.get_by_role("button", name="Publish").click()
    expect(moderator.locator(".messages")).to_contain_text("published")


def find_the_english_draft(moderator, live_server, world):
    """Published in French under a translated library, the publication has its English
    translation at once, a draft for the translator (editorial/translation_sync.py)."""
    moderator.goto(f"{live_server.url}/admin/pages/{world['en_library'].pk}/")
    row = moderator.locator("tr", has_text=TITLE)
    expect(row).to_contain_text(re.compile("draft", re.I))


def translate_segment(translator, source, text):
    segment = translator.locator("li", has_text=source).last
    segment.get_by_role("button", name="Translate").click()
    segment.locator("textarea").fill(text)
    segment.get_by_role("button", name="Save").click()
    expect(segment.get_by_role("button", name="Edit")).to_be_visible()


def translate_and_override_file(translator, live_server, world):
    translator.goto(f"{live_server.url}/admin/pages/{world['en_library'].pk}/")
    translator.get_by_role("link", name=TITLE).first.click()
    translate_segment(translator, TITLE, EN_TITLE)
    translate_segment(translator, LEAD, EN_LEAD)
    # The file follows the French version until the translator overrides it.
    document = translator.locator("li", has=translator.get_by_role("heading", name="File"))
    expect(document).to_contain_text("Uses French version")
    document.get_by_role("button", name="Change document").click()
    upload_in_chooser(translator, "Report (English)", world["files"]["en"])
    expect(document).to_contain_text("Report (English)")


def submit_translation(translator, live_server, world):
    """The translator's last click: the translation goes to the Review workflow."""
    translator.goto(f"{live_server.url}/admin/pages/{world['en_library'].pk}/")
    row = translator.locator("tr", has_text=EN_TITLE)
    row.get_by_role("button", name=re.compile("More options")).click()
    row.get_by_role("link", name="Submit the translation for review").click()
    translator.get_by_role("button", name="Submit for review").click()
    expect(translator.locator(".messages")).to_contain_text("review")


def approve(moderator, live_server):
    moderator.goto(f"{live_server.url}/admin/")
    row = moderator.locator("#awaiting-review-section tr", has_text=EN_TITLE)
    row.get_by_role("button", name="Actions").first.click()
    row.get_by_role("button", name="Approve", exact=True).click()
    expect(moderator.locator("#awaiting-review-section tr", has_text=EN_TITLE)).to_have_count(0)


def find_and_download(visitor, live_server, world):
    visitor.goto(f"{live_server.url}/en/data-and-research/publications/")
    visitor.get_by_label("Sustainable Development Goal").select_option(
        label="10. Reduced inequalities"
    )
    visitor.get_by_label("Year").select_option("2025")
    visitor.get_by_role("button", name="Filter").click()
    visitor.wait_for_url(re.compile(r"goal=10"))
    assert re.search(r"year=2025", visitor.url)
    results = visitor.locator("section[aria-labelledby=library-results]")
    expect(results.get_by_role("heading", level=2)).to_have_text("1 publication")
    results.get_by_role("link", name=EN_TITLE).click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text(EN_TITLE)
    with visitor.expect_download() as download:
        visitor.get_by_role("link", name=re.compile("Download the publication")).click()
    assert download.value.path().read_bytes() == world["files"]["en"].read_bytes()
    languages = visitor.locator(".publication__languages")
    expect(languages).to_have_text(re.compile(r"Also available in:\s*Français"))
    french = languages.get_by_role("link", name="Français")
    response = visitor.request.get(live_server.url + french.get_attribute("href"))
    assert response.body() == world["files"]["fr"].read_bytes()


@pytest.mark.django_db(transaction=True)
def test_a_publication_goes_from_its_french_pdf_to_the_english_library(
    live_server,
    browser,
    publication_world,  # noqa: F811 (the fixture imported above)
):
    moderator = sign_in(browser, live_server, publication_world["moderator"])
    write_and_publish(moderator, live_server, publication_world)
    find_the_english_draft(moderator, live_server, publication_world)

    translator = sign_in(browser, live_server, publication_world["translator"])
    translate_and_override_file(translator, live_server, publication_world)
    submit_translation(translator, live_server, publication_world)
    approve(moderator, live_server)

    visitor = browser.new_context(accept_downloads=True).new_page()
    find_and_download(visitor, live_server, publication_world)
