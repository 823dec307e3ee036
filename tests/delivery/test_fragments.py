"""A page's parts (base.html's head, header, breadcrumbs, content and footer) are
rendered once per content version and read back afterwards (``{% fragment %}``): with
the page cache off or missed, the blocks' own queries (listings, chosen pages, images)
and the chrome's do not run again, every publish is still seen at once, the page still
carries the tags of what its parts show, and what is not the same for every visitor (a
preview, a signed-in person, a query string, a form and its submission) is never kept."""

import re

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

import pytest

from tests.core.factories import MainMenuFactory
from tests.delivery.conftest import fetch, publish
from tests.news.factories import NewsIndexPageFactory, StoryPageFactory
from tests.partnerships.factories import EngagementFormPageFactory

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture
def front_page(tree):
    home = tree["homes"]["fr"]
    news = publish(NewsIndexPageFactory(parent=home))
    story = publish(StoryPageFactory(parent=news, title="Première histoire"))
    home.body = [
        {
            "type": "latest_pages",
            "value": {"heading": "Dernières actualités", "index": news.pk, "count": 3},
        }
    ]
    return {"home": publish(home), "news": news, "story": story}


def story_queries(client, page):
    with CaptureQueriesContext(connection) as captured:
        response = fetch(client, page)
    return response, [q["sql"] for q in captured if "news_storypage" in q["sql"]]


def test_a_body_is_built_once_and_follows_every_publish(client, front_page, settings):
    settings.PAGE_CACHE_ENABLED = False
    home = front_page["home"]
    first, queries = story_queries(client, home)
    assert "Première histoire" in first.content.decode() and queries

    again, queries = story_queries(client, home)
    assert queries == [] and again.content == first.content

    publish(StoryPageFactory(parent=front_page["news"], title="Deuxième histoire"))
    after, queries = story_queries(client, home)
    assert "Deuxième histoire" in after.content.decode() and queries

    front_page["story"].unpublish()
    assert "Première histoire" not in fetch(client, home).content.decode()


def test_a_page_built_around_a_kept_body_carries_the_body_s_tags(client, front_page, settings):
    settings.PAGE_CACHE_ENABLED = False
    fetch(client, front_page["home"])  # keeps the body
    settings.PAGE_CACHE_ENABLED = True
    response, queries = story_queries(client, front_page["home"])
    assert response["X-Page-Cache"] == "miss" and queries == []
    assert f"p{front_page['story'].pk}" in response["xkey"].split()


def test_previews_signed_in_people_and_filtered_addresses_get_the_body_as_it_is(
    client, front_page, settings, admin_user
):
    settings.PAGE_CACHE_ENABLED = False
    home = front_page["home"]
    fetch(client, home)  # keeps the body

    draft = home.specific
    draft.body = [{"type": "paragraph", "value": "<p>Texte du brouillon</p>"}]
    assert "Texte du brouillon" in draft.make_preview_request().content.decode()

    # The story leaves the list with no purge the kept body would notice (a direct
    # update): only a body rendered afresh can show it gone.
    StoryPageFactory._meta.model.objects.filter(pk=front_page["story"].pk).update(
        title="Titre changé en base"
    )
    assert "Titre changé en base" in fetch(client, home.url + "?utm_source=x&p=1").content.decode()
    client.force_login(admin_user)
    assert "Titre changé en base" in fetch(client, home).content.decode()
    client.logout()
    assert "Titre changé en base" not in fetch(client, home).content.decode()


def test_a_second_render_asks_the_database_nothing_but_the_page(client, tree, settings):
    """The chrome (menu, footer, switcher, hreflang, SEO tags) and the content come
    from kept fragments; a menu change is seen at once."""
    settings.PAGE_CACHE_ENABLED = False
    page = tree["page"]
    first = fetch(client, page)
    with CaptureQueriesContext(connection) as captured:
        again = fetch(client, page)
    assert again.content == first.content
    assert len(captured) == 0, [q["sql"] for q in captured]

    link = {"page": None, "external_url": "https://www.iom.int/fr", "title": "Lien ajouté"}
    menu = MainMenuFactory(
        locale=page.locale,
        live=False,
        extra_links=[{"type": "link", "value": {**link, "under": None}}],
    )
    menu.save_revision().publish()
    assert "Lien ajouté" in fetch(client, page).content.decode()


def test_a_form_and_its_submission_are_never_kept(client, tree, settings):
    settings.PAGE_CACHE_ENABLED = False
    form_page = EngagementFormPageFactory(parent=tree["section"])
    # Each visitor gets a token of their own, never one kept from another's render.
    tokens = [
        TOKEN.search(fetch(visitor, form_page).content.decode()).group(1)
        for visitor in (client, Client(), Client())
    ]
    assert len(set(tokens)) == 3
    thanks = client.post(
        form_page.url,
        {
            "nom": "Awa Diop",
            "courriel": "awa.diop@example.org",
            "organisation": "Association",
            "message": "Bonjour.",
            "consentement": "on",
        },
    )
    assert "Merci pour votre message." in thanks.content.decode()
    again = fetch(client, form_page).content.decode()
    assert "csrfmiddlewaretoken" in again and "Merci pour votre message." not in again
