"""A French news page with its English and Spanish translations, and helpers to publish
stories under it."""

from django.conf import settings

from wagtail.models import Locale

import pytest

from tests.news.factories import NewsIndexPageFactory, StoryPageFactory


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page.specific


def translate(page, language_code, **fields):
    """The page's translation into ``language_code``, published, with ``fields`` set."""
    copy = page.copy_for_translation(Locale.objects.get(language_code=language_code))
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save()
    return publish(copy)


@pytest.fixture
def news(homes):
    index = publish(NewsIndexPageFactory(parent=homes["fr"]))
    return {
        "fr": index,
        "en": translate(index, "en", title="News", slug="news"),
        "es": translate(index, "es", title="Noticias", slug="noticias"),
    }


@pytest.fixture
def make_story(news):
    def make(language="fr", **fields):
        return publish(StoryPageFactory(parent=news[language], **fields))

    return make


@pytest.fixture
def public_base_url(settings):
    settings.PUBLIC_BASE_URL = "https://migration.example.org"
    return settings.PUBLIC_BASE_URL


__all__ = ["publish", "settings", "translate"]
