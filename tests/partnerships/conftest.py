from django.core.cache import cache

import pytest

from .factories import SectionPageFactory


@pytest.fixture(autouse=True)
def fresh_cache():
    """The rate limit and core's routing tables live in the cache: no test sees another's."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def sections(homes):
    """The « Notre travail » and « Agir » section pages of each language, by language."""
    result = {}
    for code, home in homes.items():
        result[code] = {
            slug: home.get_children().filter(slug=slug).specific().first()
            or SectionPageFactory(parent=home, slug=slug, title=slug)
            for slug in ("notre-travail", "agir")
        }
    return result
