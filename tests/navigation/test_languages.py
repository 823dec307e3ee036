"""A visitor reaches the site in their language, and every page says which language it is in."""

import re

from wagtail.models import Locale, Page

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("fr-FR,fr;q=0.9", "/fr/"),
        ("en-GB,en;q=0.9", "/en/"),
        ("es-ES,es;q=0.9", "/es/"),
        ("de-DE,de;q=0.9", "/fr/"),
        ("", "/fr/"),
    ],
)
def test_root_redirects_by_accept_language(client, homes, accept_language, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == expected


def test_language_cookie_wins_over_accept_language(client, homes):
    client.cookies["django_language"] = "es"
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en")
    assert response["Location"] == "/es/"


@pytest.mark.parametrize(
    ("path", "lang", "title"),
    [("/fr/", "fr", "Accueil"), ("/en/", "en", "Home"), ("/es/", "es", "Inicio")],
)
def test_home_pages_render_in_their_language(client, homes, path, lang, title):
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert re.search(rf'<html lang="{lang}"', html)
    assert "<header" in html
    assert '<main id="contenu"' in html
    assert "<footer" in html
    assert f"<h1>{title}</h1>" in html


def test_migrations_create_three_locales_and_translated_homes():
    """Straight after migrate (no fixture rebuilding anything)."""
    assert set(Locale.objects.values_list("language_code", flat=True)) == {"fr", "en", "es"}
    homes = Page.objects.filter(depth=2).select_related("locale")
    assert {page.locale.language_code for page in homes} == {"fr", "en", "es"}
    assert len({page.translation_key for page in homes}) == 1
    assert Locale.get_default().language_code == "fr"


def test_switcher_links_to_each_translation_with_lang(client, homes):
    html = client.get("/en/").content.decode()
    for code in ("fr", "en", "es"):
        assert f'href="/{code}/" hreflang="{code}" lang="{code}"' in html


def test_admin_is_outside_the_language_prefix(client, homes):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert client.get("/fr/admin/").status_code == 404
