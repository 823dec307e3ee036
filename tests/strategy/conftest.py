from django.core.cache import cache

import pytest


@pytest.fixture(autouse=True)
def fresh_cache():
    """Core keeps its routing tables, menus and footers in the cache: no test may see
    another's pages through them."""
    cache.clear()
    yield
    cache.clear()
