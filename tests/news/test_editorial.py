"""Stories in the editorial set-up every page has: editors write them in French and send
them to the Review workflow, translators cannot, moderators publish; the translation
status report lists them; their rows (themes, SDG targets) are translated with them."""

from django.apps import apps

from wagtail.models import Page

import pytest
from bs4 import BeautifulSoup

from iom_site.core.editorial.roles import apply_roles
from tests.editorial.conftest import ROLE_USERS, make_user
from tests.news.conftest import translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(homes):
    apply_roles(apps)  # the groups as core.0004 and 0008 make them, on this tree
    return {role: make_user(role, group) for role, group in ROLE_USERS.items()}


def add_story_url(index):
    return f"/admin/pages/add/news/storypage/{index.pk}/"


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
def test_who_may_write_a_story_in_which_tree(client, people, news, role, language, status):
    client.force_login(people[role])
    response = client.get(add_story_url(news[language]))
    assert response.status_code == status


def test_a_story_goes_through_the_review_workflow_and_only_moderators_publish(
    people, news, make_story
):
    story = make_story(title="Un article")
    assert story.get_workflow().name == "Review"
    page = Page.objects.get(pk=story.pk)
    assert not page.permissions_for_user(people["editor"]).can_publish()
    assert page.permissions_for_user(people["editor"]).can_edit()
    assert not page.permissions_for_user(people["translator"]).can_edit()
    assert page.permissions_for_user(people["moderator"]).can_publish()


def test_the_translation_status_report_lists_stories_and_the_news_page(
    client, people, news, make_story
):
    story = make_story(title="Un article à traduire")
    translate(story, "en", title="A story", slug="a-story")
    client.force_login(people["moderator"])

    response = client.get("/admin/translation-status/")

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    titles = [row.find(["th", "td"]).get_text(strip=True) for row in soup.select("tbody tr")]
    assert "Un article à traduire" in titles
    assert "Actualités" in titles


def test_the_editor_shows_every_story_field_with_its_help(client, people, news):
    client.force_login(people["editor"])
    page = client.get(add_story_url(news["fr"])).content.decode()
    for text in (
        "La date de l’article",
        "Le chapeau : l’essentiel de l’article",
        "Placez son point d’intérêt dans la bibliothèque",
        "Repris de la description de l’image",
        "Un thème de l’article",
        "Une cible des objectifs de développement durable que sert l’article",
        "Jusqu’à trois pages à proposer après l’article",
    ):
        assert text in page, text
    assert "js/admin/hero-image-alt.js" in page
