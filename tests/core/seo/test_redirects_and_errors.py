"""Moved pages leave a permanent redirect; missing pages answer in the visitor's language;
the server error page needs nothing but the template."""

from django.template.loader import render_to_string

from wagtail.contrib.redirects.models import Redirect

import pytest

from iom_site.core.models import StandardPage


@pytest.mark.parametrize("code", ["fr", "en", "es"])
def test_a_renamed_page_redirects_from_its_old_address(
    client, site, code, django_capture_on_commit_callbacks
):
    page = StandardPage(title="Ancienne adresse", slug="ancienne-adresse")
    site[code].add_child(instance=page)
    page.save_revision().publish()
    assert client.get(f"/{code}/ancienne-adresse/").status_code == 200

    page.slug = "nouvelle-adresse"
    # Wagtail creates the redirect when the slug change is committed.
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()

    assert Redirect.objects.filter(redirect_page=page).exists()
    response = client.get(f"/{code}/ancienne-adresse/")
    assert response.status_code == 301
    assert response["Location"].endswith(f"/{code}/nouvelle-adresse/")
    assert client.get(response["Location"]).status_code == 200


def test_a_moved_page_redirects_from_its_old_address(client, site):
    from wagtail.models import Page

    page = StandardPage(title="Déménagement", slug="demenagement")
    site["fr"].add_child(instance=page)
    page.save_revision().publish()
    section = Page.objects.get(locale__language_code="fr", slug="agir")
    page.move(section, pos="last-child")
    response = client.get("/fr/demenagement/")
    assert response.status_code == 301
    assert response["Location"].endswith("/fr/agir/demenagement/")


@pytest.mark.parametrize(
    ("code", "heading"),
    [("fr", "Page introuvable"), ("en", "Page not found"), ("es", "Página no encontrada")],
)
def test_not_found_speaks_the_visitors_language(client, site, code, heading):
    response = client.get(f"/{code}/cette-page-nexiste-pas/")
    assert response.status_code == 404
    html = response.content.decode()
    assert f'<html lang="{code}"' in html
    assert f"<h1>{heading}</h1>" in html


def test_server_error_page_renders_without_a_database():
    # No `db` fixture: any query would fail the test.
    html = render_to_string("500.html")
    assert '<html lang="fr">' in html
    assert "Erreur du serveur" in html
    assert 'lang="en"' in html and 'lang="es"' in html
