"""The shared world of the suite: the site skeleton, and a real Chromium for browser tests."""

import os
import shutil

import pytest

from iom_site.core.seed.site_setup import ensure_site

# Playwright's sync API keeps an event loop in the test thread; Django refuses ORM
# calls from such a thread unless told the tests know what they are doing.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(autouse=True)
def fresh_cache():
    """Menus, footers and routing are cached per language; each test starts cold, as the
    database it sees is rolled back or flushed between tests."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


_flushed = {"pending": False}


@pytest.fixture(autouse=True)
def content_types_after_flush(request):
    """Transactional tests flush the database, and content types come back with new ids:
    process-wide caches of them (Django's, Wagtail's form types) must not outlive that.
    Cleared when the next test starts, whatever order the fixtures are torn down in."""
    if _flushed["pending"]:
        from django.contrib.contenttypes.models import ContentType

        from wagtail.contrib.forms.utils import get_form_types

        ContentType.objects.clear_cache()
        get_form_types.cache_clear()
        _flushed["pending"] = False
    yield
    marker = request.node.get_closest_marker("django_db")
    _flushed["pending"] = bool(
        {"transactional_db", "live_server"} & set(request.fixturenames)
        or (marker is not None and marker.kwargs.get("transaction"))
    )


@pytest.fixture(autouse=True)
def source_language():
    """Each test starts in French, the site's default, whatever the previous one activated."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def homes(db):
    """The French home page and its English and Spanish translations, by language."""
    return ensure_site()


def _chromium_available():
    return os.path.exists(CHROMIUM) or shutil.which("chromium") is not None


@pytest.fixture(scope="session")
def browser():
    if not _chromium_available():
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"REQUIRE_BROWSER=1 but no Chromium at {CHROMIUM}")
        pytest.skip(f"no Chromium at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def browser_page(browser):
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()
