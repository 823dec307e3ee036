"""Issue 15, points 2 and 6, one test per class of attack.

- A cache miss rendered for a forged Host port or a forged X-Forwarded-Proto stores
  nothing of it: every absolute address (canonical, hreflang, og:url, og:image, JSON-LD,
  sitemap.xml, robots.txt) comes from PUBLIC_BASE_URL.
- A Host outside ALLOWED_HOSTS gets 400, never a cached page.
- A page made private leaves the menu of every page at once, and the 404 page of another
  language does not offer it as « Cette page existe en français »."""

import re

from wagtail.models import PageViewRestriction

import pytest

from tests.delivery.conftest import fetch, state

pytestmark = pytest.mark.django_db

PUBLIC = "http://testserver"
ABSOLUTE = re.compile(r'(?:href|content)="(https?://[^"]*)"|"(https?://[^"]*)"')


def absolute_addresses(html):
    return {first or second for first, second in ABSOLUTE.findall(html)}


def own_addresses(html):
    """The absolute addresses of the site itself a page carries (not outside links)."""
    return {url for url in absolute_addresses(html) if "testserver" in url or "evil" in url}


@pytest.fixture
def public_base(settings):
    settings.PUBLIC_BASE_URL = PUBLIC
    return PUBLIC


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_HOST": "testserver:31337"},
        {"HTTP_X_FORWARDED_PROTO": "https"},
        {"HTTP_HOST": "testserver:31337", "HTTP_X_FORWARDED_PROTO": "https"},
    ],
    ids=["host-port", "forwarded-proto", "both"],
)
def test_a_forged_host_port_or_scheme_never_reaches_a_cached_page(
    client, tree, public_base, settings, headers
):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    for page in (tree["homes"]["fr"], tree["deep"], tree["en_page"]):
        poisoned = fetch(client, page, **headers)
        assert poisoned.status_code == 200 and poisoned["X-Page-Cache"] == "miss"
        later = fetch(client, page)
        assert later["X-Page-Cache"] == "hit"
        for response in (poisoned, later):
            addresses = own_addresses(response.content.decode())
            assert addresses, page.url  # canonical, og:url, og:image, JSON-LD...
            assert all(url.startswith(PUBLIC + "/") for url in addresses), addresses
    for path in ("/sitemap.xml", "/robots.txt"):
        text = client.get(path, **headers).content.decode()
        addresses = {url for url in re.findall(r"https?://[^\s<\"]+", text) if "testserver" in url}
        assert addresses and all(url.startswith(PUBLIC + "/") for url in addresses), addresses


def test_a_disallowed_host_gets_400_never_a_cached_page(client, tree):
    page = tree["page"]
    fetch(client, page)
    assert state(client, page) == "hit"
    for host in ("evil.example", "evil.example:80", "testserver.evil.example"):
        response = fetch(client, page, HTTP_HOST=host)
        assert response.status_code == 400, host
        assert b"Engagement" not in response.content
    assert state(client, page) == "hit"  # and nothing of it was kept


def restrict(page):
    return PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret-pass"
    )


def menu_of(html):
    return html.split('class="main-nav"')[1].split("</nav>")[0]


def test_a_page_made_private_leaves_the_menu_of_every_page(client, tree):
    section, page, deep = tree["section"], tree["page"], tree["deep"]
    for visited in (tree["homes"]["fr"], section, deep):
        assert ">Engagement</a>" in menu_of(fetch(client, visited).content.decode())
        assert state(client, visited) == "hit"
    restrict(page)
    for visited in (tree["homes"]["fr"], section, deep):
        html = fetch(client, visited).content.decode()
        assert ">Engagement</a>" not in menu_of(html), visited.url
        assert "Engagement" not in html.split("<main")[-1], visited.url  # nor its cards
    # A private section takes its pages out of the menu with it.
    restrict(section)
    html = fetch(client, deep).content.decode()
    assert ">Agir</a>" not in menu_of(html)


def test_the_404_page_offers_only_a_live_public_french_page(client, tree):
    deep = tree["deep"]
    english_path = "/en/" + deep.url.removeprefix("/fr/")
    response = client.get(english_path)
    assert response.status_code == 404
    assert "Profonde" in response.content.decode()  # the French original, offered
    restrict(deep.get_parent())
    response = client.get(english_path)
    assert response.status_code == 404
    assert "Profonde" not in response.content.decode()
    assert "Cette page existe en français" not in response.content.decode()
