"""The rest of the moderators' remit: form answers, redirects, the site history; and
editors' locks on their own pages."""

from django.urls import reverse

from wagtail.contrib.forms.models import FormSubmission
from wagtail.contrib.redirects.models import Redirect

import pytest

from tests.partnerships.factories import EngagementFormPageFactory

from .admin_actions import page_form, refused

pytestmark = pytest.mark.django_db


@pytest.fixture
def form_page(world):
    page = EngagementFormPageFactory(parent=world["sections"]["fr"])
    FormSubmission.objects.create(page=page, form_data={"nom": "Awa Diop"})
    return page


def test_form_answers_are_for_moderators_only(form_page, client_for):
    url = reverse("wagtailforms:list_submissions", args=[form_page.pk])

    assert "Awa Diop" in client_for("moderator").get(url).content.decode()
    assert refused(client_for("editor").get(url))
    listing = client_for("editor").get(reverse("wagtailforms:index"))
    assert url not in listing.content.decode()
    assert url in client_for("moderator").get(reverse("wagtailforms:index")).content.decode()


@pytest.mark.parametrize(("role", "allowed"), [("moderator", True), ("editor", False)])
def test_redirects_are_managed_by_moderators(world, client_for, role, allowed):
    data = {"old_path": "/ancienne-page/", "site": "", "is_permanent": "on"}
    data["redirect_link"] = "https://www.iom.int/fr"
    response = client_for(role).post(reverse("wagtailredirects:add"), data)
    assert Redirect.objects.filter(old_path="/ancienne-page").exists() is allowed
    assert refused(response) is not allowed


def test_moderators_read_the_site_history_of_every_tree(world, client_for):
    for language in ("fr", "en"):
        page = world["pages"][language]
        client_for("moderator").post(
            reverse("wagtailadmin_pages:edit", args=[page.pk]),
            page_form(page, title=f"Historique {language}"),
        )

    response = client_for("moderator").get(reverse("wagtailadmin_reports:site_history"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Historique fr" in html and "Historique en" in html


def test_editors_lock_and_unlock_their_own_pages_only(world, client_for, people):
    page = world["pages"]["fr"]
    lock = reverse("wagtailadmin_pages:lock", args=[page.pk])
    unlock = reverse("wagtailadmin_pages:unlock", args=[page.pk])

    client_for("editor").post(lock)
    page.refresh_from_db()
    assert page.locked and page.locked_by == people["editor"]
    client_for("editor").post(unlock)
    page.refresh_from_db()
    assert not page.locked

    client_for("moderator").post(lock)
    response = client_for("editor").post(unlock)
    page.refresh_from_db()
    assert refused(response)
    assert page.locked_by == people["moderator"]
