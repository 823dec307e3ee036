"""A small trilingual tree for the page cache: a section in the menu with a page in it,
a second branch with a page deep enough to stay out of the menu, and English versions."""

from wagtail.models import Locale

import pytest

from tests.core.factories import SectionPageFactory, StandardPageFactory


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page.specific


def translate(page, language_code):
    locale = Locale.objects.get(language_code=language_code)
    copy = page.copy_for_translation(locale, copy_parents=True)
    return publish(copy)


@pytest.fixture
def tree(homes):
    section = publish(SectionPageFactory(parent=homes["fr"], title="Agir", slug="agir"))
    page = publish(StandardPageFactory(parent=section, title="Engagement", slug="engagement"))
    other = publish(SectionPageFactory(parent=homes["fr"], title="Autre", slug="autre"))
    middle = publish(StandardPageFactory(parent=other, title="Milieu", slug="milieu"))
    deep = publish(StandardPageFactory(parent=middle, title="Profonde", slug="profonde"))
    en_section = translate(section, "en")
    en_page = translate(page, "en")
    return {
        "homes": homes,
        "section": section,
        "page": page,
        "deep": deep,
        "en_page": en_page,
        "en_section": en_section,
    }


def fetch(client, page_or_path, **headers):
    path = page_or_path if isinstance(page_or_path, str) else page_or_path.url
    return client.get(path, **headers)


def state(client, page_or_path):
    """What the page cache did for this anonymous request: "hit", "miss" or "bypass"."""
    return fetch(client, page_or_path)["X-Page-Cache"]
