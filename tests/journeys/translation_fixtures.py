"""The world of the translation journeys: the site skeleton with its roles and Review
workflow, a moderator and a translator who work in a French admin (the communications
team's language), and a French page with a lead and a paragraph linking to a French
address, translated into English and Spanish through wagtail-localize."""

import os
import tempfile
from pathlib import Path

from django.apps import apps

from wagtail.users.models import UserProfile

import pytest

from iom_site.core.editorial.roles import MODERATORS, TRANSLATORS, apply_roles
from iom_site.core.seed.site_setup import ensure_site
from tests.editorial.conftest import make_user
from tests.editorial.synced import LEAD, PARAGRAPH, TITLE, synced_page  # noqa: F401

# The editor guide's screenshots are refreshed with UPDATE_SCREENSHOTS=1; other runs write
# them to a temporary folder, so that a test run leaves the checkout as it was.
DOCS_SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def french_admin_user(username, group):
    user = make_user(username, group)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "fr"
    profile.save()
    return user


@pytest.fixture
def translation_world(transactional_db, settings):
    settings.PAGE_CACHE_ENABLED = False
    homes = ensure_site()
    apply_roles(apps)  # the database was flushed since the migrations made them
    moderator = french_admin_user("moderateur", MODERATORS)
    translator = french_admin_user("traductrice", TRANSLATORS)
    return {"homes": homes, "moderator": moderator, "translator": translator}


def screenshot(page, name):
    """A screenshot for docs/editor-guide.md."""
    folder = (
        DOCS_SCREENSHOTS
        if os.environ.get("UPDATE_SCREENSHOTS")
        else Path(tempfile.gettempdir()) / "journey-screenshots"
    )
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / f"{name}.png"))
