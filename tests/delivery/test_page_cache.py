"""The page cache as visitors and editors meet it: anonymous pages from the cache at no
SQL cost, signed-in editors and personal pages never cached, conditional GET."""

from django.core.cache import cache

import pytest

from iom_site.core.delivery import store
from tests.delivery.conftest import fetch, state

pytestmark = pytest.mark.django_db


def test_second_anonymous_visit_is_served_from_the_cache_without_sql(
    client, tree, django_assert_num_queries
):
    first = fetch(client, tree["page"])
    assert first.status_code == 200 and first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = fetch(client, tree["page"])
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert b"Engagement" in second.content
    assert second["Content-Type"] == first["Content-Type"]
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert second["Content-Language"] == "fr"
    cache_control = {part.strip() for part in second["Cache-Control"].split(",")}
    # Browsers revalidate every time; shared caches keep it a short while, and may serve
    # it stale while they fetch it again (told in the headers meant for them alone).
    assert {"public", "max-age=0", "s-maxage=300", "must-revalidate"} <= cache_control
    assert not any("stale" in part for part in cache_control)
    assert second["CDN-Cache-Control"] == "max-age=300, stale-while-revalidate=60"
    assert second["Surrogate-Control"] == second["CDN-Cache-Control"]
    assert "Cookie" in second["Vary"]
    assert second["ETag"] == first["ETag"]
    assert not second.cookies


def test_head_is_answered_from_the_cache_without_a_body(client, tree):
    get = fetch(client, tree["page"])
    head = client.head(tree["page"].url)
    assert head["X-Page-Cache"] == "hit"
    assert head.content == b""
    assert head["Content-Length"] == str(len(get.content))


def test_matching_etag_gets_304_on_hits_and_misses(client, tree):
    first = fetch(client, tree["page"])
    hit = fetch(client, tree["page"], HTTP_IF_NONE_MATCH=first["ETag"])
    assert hit.status_code == 304 and hit.content == b""
    assert hit["ETag"] == first["ETag"]
    cache.clear()
    miss = fetch(client, tree["page"], HTTP_IF_NONE_MATCH=f'"other", {first["ETag"]}')
    assert miss.status_code == 304 and miss["X-Page-Cache"] == "miss"
    stale = fetch(client, tree["page"], HTTP_IF_NONE_MATCH='"other"')
    assert stale.status_code == 200 and stale.content == first.content


def test_signed_in_editors_bypass_the_cache_and_are_never_stored(
    client, admin_user, tree, django_assert_max_num_queries
):
    client.force_login(admin_user)
    for _ in range(2):
        response = fetch(client, tree["page"])
        assert response["X-Page-Cache"] == "bypass"
        assert "private" in response["Cache-Control"]
    # The user bar of the editor's render must not reach anonymous visitors.
    assert b"wagtail-userbar" in response.content.lower() or b"userbar" in response.content
    client.logout()
    anonymous = fetch(client, tree["page"])
    assert anonymous["X-Page-Cache"] == "miss"
    assert b"userbar" not in anonymous.content


def test_languages_are_cached_apart(client, tree):
    fr = fetch(client, tree["page"])
    en = fetch(client, tree["en_page"])
    assert en["X-Page-Cache"] == "miss"
    assert fr["Content-Language"] == "fr" and en["Content-Language"] == "en"
    assert fetch(client, tree["en_page"]).content == en.content
    assert fetch(client, tree["page"]).content == fr.content


def test_query_strings_bypass_the_cache_except_tracking_parameters(client, tree):
    url = tree["page"].url
    fetch(client, url)
    assert client.get(url + "?utm_source=lettre&utm_medium=email")["X-Page-Cache"] == "hit"
    for other in ("?page=2", "?utm_source=a&autre=b"):
        response = client.get(url + other)
        assert response["X-Page-Cache"] == "bypass"
        assert "private" in response["Cache-Control"]
    search = client.get("/fr/recherche/?q=migration")
    assert search["X-Page-Cache"] == "bypass" and "no-cache" in search["Cache-Control"]


def test_not_found_pages_are_neither_cached_nor_leave_keys(client, tree):
    for _ in range(2):
        response = client.get("/fr/nulle-part/")
        assert response.status_code == 404
        assert response["X-Page-Cache"] == "bypass"
    assert cache.get(store.entry_key("/fr/nulle-part/")) is None


def test_a_render_overtaken_by_a_purge_is_not_kept(client, tree):
    path = tree["page"].url
    entry, started = store.lookup(path)
    assert entry is None
    response = client.get(path)  # stored with the tags of what it read
    read = set(response["xkey"].split())
    assert f"p{tree['page'].pk}" in read
    cache.clear()
    entry, started = store.lookup(path)
    store.purge_tags([f"p{tree['page'].pk}"])  # a publish lands while this render runs
    assert not store.save(path, started, response, store.etag_of(response.content), read)
    assert store.lookup(path)[0] is None
    # A purge of a tag it did not read leaves a render alone.
    entry, started = store.lookup(path)
    store.purge_tags(["p999999"])
    assert store.save(path, started, response, store.etag_of(response.content), read)
    assert state(client, path) == "hit"


def test_pages_behind_a_password_are_never_cached_and_adding_one_purges(client, tree):
    from wagtail.models import PageViewRestriction

    page = tree["page"]
    assert state(client, page) == "miss"
    assert state(client, page) == "hit"
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret-pass"
    )
    for _ in range(2):
        response = fetch(client, page)
        assert response["X-Page-Cache"] == "bypass"
        assert b"secret" not in response.content
        assert b'name="password"' in response.content


def test_disabled_page_cache_renders_every_time(client, tree, settings):
    settings.PAGE_CACHE_ENABLED = False
    for _ in range(2):
        response = fetch(client, tree["page"])
        assert response.status_code == 200
        assert "X-Page-Cache" not in response
