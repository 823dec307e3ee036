"""The world of the story journey: the site skeleton with its roles and Review workflow,
a news page per language, a home page that lists the latest news, an editor and a
moderator who sign in through the admin's login form, and a picture to upload."""

import io

from django.apps import apps

import pytest
from PIL import Image as PILImage

from iom_site.core.editorial.roles import EDITORS, MODERATORS, apply_roles
from iom_site.core.seed.site_setup import ensure_site
from tests.editorial.conftest import make_user
from tests.news.conftest import publish, translate
from tests.news.factories import NewsIndexPageFactory

PASSWORD = "motdepasse"


@pytest.fixture
def story_world(transactional_db, settings, tmp_path):
    # This journey is about the admin: whether a publish reaches cached copies is
    # tests/page_cache/test_news_delivery.py's question (awaiting the delivery layer).
    settings.PAGE_CACHE_ENABLED = False
    homes = ensure_site()
    apply_roles(apps)  # the database was flushed since the migrations made them
    news = publish(NewsIndexPageFactory(parent=homes["fr"]))
    translate(news, "en", title="News", slug="news")
    home = homes["fr"]
    home.body = [
        {
            "type": "latest_pages",
            "value": {
                "heading": "Dernières actualités",
                "index": news.pk,
                "count": 3,
                "link_text": "Toutes les actualités",
            },
        }
    ]
    publish(home)
    picture = tmp_path / "quai.png"
    image = PILImage.new("RGB", (1600, 900), "#0033A0")
    image.paste((255, 184, 28), (1100, 200, 1500, 600))  # where the focal point goes
    out = io.BytesIO()
    image.save(out, format="PNG")
    picture.write_bytes(out.getvalue())
    return {
        "news": news,
        "picture": str(picture),
        "editor": make_user("redactrice", EDITORS),
        "moderator": make_user("moderateur", MODERATORS),
    }


def sign_in(browser, live_server, user):
    """A browser of its own for ``user``, signed in through the admin's login form."""
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/admin/")
    return page
