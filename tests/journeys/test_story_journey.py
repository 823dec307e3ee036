"""In a real Chromium, as people do it: an editor uploads a picture in the admin, sets its
focal point, writes a story with it as hero image (the alt text comes from the picture's
description), submits it to the Review workflow; a moderator approves it; visitors find
it on the home page and in the French Atom feed; the moderator unpublishes it and it
leaves both."""

import re
import xml.etree.ElementTree as ET

import pytest
from playwright.sync_api import expect

from tests.journeys.story_fixtures import sign_in, story_world  # noqa: F401 (fixture)

pytestmark = pytest.mark.browser

ATOM = "{http://www.w3.org/2005/Atom}"
TITLE = "Des semences pour les familles de retour"


def feed_titles(visitor, live_server):
    response = visitor.request.get(f"{live_server.url}/fr/actualites/feed/")
    assert response.status == 200
    root = ET.fromstring(response.body())  # noqa: S314 (the site's own output)
    return [entry.findtext(f"{ATOM}title") for entry in root.findall(f"{ATOM}entry")]


def upload_picture_with_focal_point(editor, live_server, picture):
    editor.get_by_role("link", name="Images").first.click()
    editor.get_by_role("link", name="Add an image").click()
    editor.set_input_files("input[type=file]", picture)
    # The uploader keeps the picture aside until it has its title and alt text.
    uploaded = editor.locator("#upload-list")
    uploaded.get_by_label("Title").fill("Champ de semences")
    uploaded.get_by_label("Alternative text").fill("Une famille plante des semences dans un champ")
    editor.get_by_role("button", name="Update").click()
    editor.locator("text=Image updated. >> visible=true").first.wait_for()
    editor.get_by_role("link", name="Images").first.click()
    editor.get_by_role("link", name="Champ de semences").first.click()
    # The focal area: drawn with the mouse over the yellow square, right of centre.
    area = editor.locator(".jcrop-holder").bounding_box()
    editor.mouse.move(area["x"] + area["width"] * 0.70, area["y"] + area["height"] * 0.25)
    editor.mouse.down()
    editor.mouse.move(area["x"] + area["width"] * 0.80, area["y"] + area["height"] * 0.45)
    editor.mouse.move(area["x"] + area["width"] * 0.92, area["y"] + area["height"] * 0.65)
    editor.mouse.up()
    assert int(editor.input_value("#id_focal_point_x")) > 1100
    editor.get_by_role("button", name="Save").first.click()
    editor.wait_for_url(f"{live_server.url}/admin/images/*")
    expect(editor.locator(".messages")).to_contain_text("updated")


def write_and_submit_story(editor, live_server, news):
    editor.goto(f"{live_server.url}/admin/pages/{news.pk}/")
    editor.get_by_role("link", name="Add child page").first.click()
    editor.wait_for_url("**/add/news/storypage/**")
    editor.fill("#id_title", TITLE)
    editor.locator("[data-contentpath=lead] [contenteditable=true]").click()
    editor.keyboard.type("Des familles rentrées chez elles reçoivent des semences.")
    editor.locator("#id_hero_image-chooser").get_by_role("button", name="Choose an image").click()
    editor.locator(".modal-dialog").get_by_role("link", name="Champ de semences").click()
    editor.wait_for_selector(".modal-dialog", state="detached")
    # The picture's description is offered as the page's alt text.
    assert editor.input_value("#id_hero_image_alt") == (
        "Une famille plante des semences dans un champ"
    )
    editor.fill("#id_hero_image_caption", "Un champ au printemps.")
    editor.fill("#id_hero_image_credit", "© OIM 2025 / Photographe")
    # At once, as a person does: whether autosave has created the draft yet or is on its
    # way, the submission creates the story once (iom_site/core/editorial/editor_safety.py).
    editor.get_by_role("button", name="More actions").click()
    editor.get_by_role("button", name="Submit to Review").click()
    expect(editor.locator(".messages")).to_contain_text("submitted for moderation")


def approve(moderator):
    row = moderator.locator("#awaiting-review-section tr", has_text=TITLE)
    row.get_by_role("button", name="Actions").first.click()
    row.get_by_role("button", name="Approve", exact=True).click()
    # Approved, the story leaves the moderator's queue (and, the Review being its only
    # task, is published).
    expect(moderator.locator("#awaiting-review-section tr", has_text=TITLE)).to_have_count(0)


def unpublish(moderator, live_server, news):
    moderator.goto(f"{live_server.url}/admin/pages/{news.pk}/")
    moderator.get_by_role("link", name=TITLE).first.click()
    moderator.get_by_role("button", name="More actions").click()
    moderator.get_by_role("link", name="Unpublish").click()
    moderator.get_by_role("button", name="Yes, unpublish it").click()
    expect(moderator.locator(".messages")).to_contain_text("unpublished")


@pytest.mark.django_db(transaction=True)
def test_a_story_goes_from_the_editor_to_the_home_page_and_the_feed_and_back(
    live_server,
    browser,
    story_world,  # noqa: F811 (the fixture imported above)
):
    editor = sign_in(browser, live_server, story_world["editor"])
    upload_picture_with_focal_point(editor, live_server, story_world["picture"])
    write_and_submit_story(editor, live_server, story_world["news"])

    visitor = browser.new_context().new_page()
    visitor.goto(f"{live_server.url}/fr/")
    assert TITLE not in visitor.content()  # waiting for review: not on the site
    assert feed_titles(visitor, live_server) == []

    moderator = sign_in(browser, live_server, story_world["moderator"])
    approve(moderator)

    visitor.goto(f"{live_server.url}/fr/")
    latest = visitor.locator("section.latest-pages")
    assert latest.get_by_role("link", name=TITLE).is_visible()
    assert feed_titles(visitor, live_server) == [TITLE]
    latest.get_by_role("link", name=TITLE).click()
    hero = visitor.locator("figure.story__hero img")
    assert hero.get_attribute("alt") == "Une famille plante des semences dans un champ"
    assert re.search(r"fill-1600x900-c50", hero.get_attribute("srcset"))
    assert "Crédit : © OIM 2025 / Photographe" in visitor.locator("figure.story__hero").inner_text()

    unpublish(moderator, live_server, story_world["news"])

    visitor.goto(f"{live_server.url}/fr/")
    assert TITLE not in visitor.content()
    assert feed_titles(visitor, live_server) == []
