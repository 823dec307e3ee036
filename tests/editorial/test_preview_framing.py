"""Admin previews are framable by the admin and nothing else (issue 14, point 1): the
page and snippet previews (the preview panel's iframe in every size, the content checks)
get the public policy with frame-ancestors 'self'; the public page keeps 'none'."""

from django.urls import reverse

import pytest

from tests.editorial.admin_actions import page_form

pytestmark = pytest.mark.django_db


def directives(header):
    return {part.split()[0]: part.split()[1:] for part in header.split("; ")}


def test_page_previews_are_framable_by_the_admin_only(world, client_for):
    page = world["pages"]["fr"]
    client = client_for("editor")
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    assert client.post(url, page_form(page))["Content-Type"] == "application/json"
    for mode in ("", "?mode=&in_preview_panel=true"):
        response = client.get(url + mode)
        assert response.status_code == 200
        assert "<h1" in response.content.decode()
        policy = directives(response["Content-Security-Policy"])
        assert policy["frame-ancestors"] == ["'self'"]
        assert policy["script-src"] == ["'self'"]  # the page as visitors get it
        assert response["X-Frame-Options"] == "SAMEORIGIN"
    draft = client.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk]))
    assert directives(draft["Content-Security-Policy"])["frame-ancestors"] == ["'self'"]

    public = client.get(page.url)
    assert directives(public["Content-Security-Policy"])["frame-ancestors"] == ["'none'"]


def test_snippet_previews_are_framable_by_the_admin_only(world, client_for):
    footer = world["footers"]["fr"]
    client = client_for("editor")
    url = reverse("wagtailsnippets_core_footer:preview_on_edit", args=[footer.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert directives(response["Content-Security-Policy"])["frame-ancestors"] == ["'self'"]
