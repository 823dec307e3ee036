"""Smaller frictions of issue 14, point 9, as the admin shows them: the dashboard's
approval is confirmed, a page left out of the mega-menu says so, the document upload
lists what it takes, avatars need no third party, and /favicon.ico answers."""

from django.urls import reverse

from wagtail.admin.templatetags.wagtailadmin_tags import avatar_url
from wagtail.models import Page

import pytest

from .admin_actions import page_form

pytestmark = pytest.mark.django_db


def test_approving_from_the_dashboard_confirms_it(world, client_for):
    page = world["pages"]["fr"]
    editor = client_for("editor")
    editor.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        page_form(page, title="Titre proposé", **{"action-submit": "1"}),
    )
    page = Page.objects.get(pk=page.pk)
    task_state = page.current_workflow_task_state
    moderator = client_for("moderator")
    response = moderator.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]),
        {"comment": ""},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert response.status_code == 200
    dashboard = moderator.get(reverse("wagtailadmin_home"))
    assert "« Titre proposé » est approuvée et publiée." in dashboard.content.decode()


def test_a_new_page_under_a_section_left_out_of_the_menu_says_so(world, client_for):
    section = world["sections"]["fr"]
    editor = client_for("editor")
    response = editor.post(
        reverse("wagtailadmin_pages:add", args=["core", "standardpage", section.pk]),
        page_form(title="Nos bureaux", slug="nos-bureaux"),
        follow=True,
    )
    assert response.status_code == 200
    assert "« Nos bureaux » n’apparaît pas dans le menu principal" in response.content.decode()
    page = Page.objects.get(slug="nos-bureaux")
    shown = editor.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        page_form(page, show_in_menus="on"),
        follow=True,
    )
    assert "n’apparaît pas dans le menu principal" not in shown.content.decode()


def test_the_document_upload_lists_the_formats_it_takes(client_for):
    client = client_for("editor")
    for name in ("wagtaildocs:add_multiple", "wagtaildocs:add"):
        html = client.get(reverse(name)).content.decode()
        assert "PDF, DOCX, XLSX, PPTX, CSV, ODT" in html, name
        assert "Taille maximale : 20,0\xa0Mio" in html, name


def test_avatars_come_from_the_site_not_gravatar(people):
    url = avatar_url(people["editor"])
    assert "gravatar" not in url
    assert url.startswith("/static/")


def test_the_favicon_answers(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    assert response.content[:4] == b"\x00\x00\x01\x00"
    assert client.post("/favicon.ico").status_code == 405
