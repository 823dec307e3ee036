"""A deploy never serves what the previous release rendered: every key of the page
cache, the content cache and the navigation carries the release (settings.RELEASE, from
the RELEASE variable; else the checkout's commit; else a digest of the code)."""

import pytest

from iom_site.core import release
from tests.delivery.conftest import fetch, state

pytestmark = pytest.mark.django_db


def test_a_new_release_serves_nothing_the_previous_one_rendered(client, tree, settings):
    settings.RELEASE = "2026.12.01-old"
    page = tree["page"]
    for visited in (page, tree["section"]):
        fetch(client, visited)
        assert state(client, visited) == "hit"
    old = fetch(client, page).content

    # The new code renders the page differently (here: another site name in every head).
    settings.RELEASE = "2026.12.02-new"
    settings.WAGTAIL_SITE_NAME = "OIM – version suivante"
    first = fetch(client, page)
    assert first["X-Page-Cache"] == "miss"
    assert b"version suivante" in first.content and first.content != old
    assert state(client, tree["section"]) == "miss"
    assert state(client, page) == "hit"

    # Going back (a rollback) finds the old release's pages, never the other way round.
    settings.RELEASE = "2026.12.01-old"
    assert fetch(client, page).content == old


def test_the_release_falls_back_to_the_checkout_or_the_code(settings):
    settings.RELEASE = ""
    found = release.release_id()
    assert found and found == release.release_id()  # the same for every process
    settings.RELEASE = "abc123"
    assert release.release_id() != found
    assert release.key("delivery", "page", "x") != release.key("navigation", "page", "x")
