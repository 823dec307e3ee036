"""The history of a snippet or a page, its revisions and their comparison are read only
by people who may edit it in its language (issue 15, point 8): an editor (French) does
not read the English footer's revisions, a translator (English, Spanish) does not compare
the French ones."""

from django.urls import reverse

import pytest

from .admin_actions import refused

pytestmark = pytest.mark.django_db


def revised(instance, texts):
    """Two more revisions of the instance; their ids, oldest first."""
    ids = []
    for text in texts:
        if hasattr(instance, "title"):
            instance.title = text
        ids.append(instance.save_revision().pk)
    return ids


def snippet_urls(footer, revisions):
    name = "wagtailsnippets_core_footer"
    first, second = revisions
    return {
        "history": reverse(f"{name}:history", args=[footer.pk]),
        "revision": reverse(f"{name}:revisions_view", args=[footer.pk, first]),
        "compare": reverse(f"{name}:revisions_compare", args=[footer.pk, first, second]),
        "workflow history": reverse(f"{name}:workflow_history", args=[footer.pk]),
    }


def page_urls(page, revisions):
    first, second = revisions
    return {
        "history": reverse("wagtailadmin_pages:history", args=[page.pk]),
        "revision": reverse("wagtailadmin_pages:revisions_view", args=[page.pk, first]),
        "compare": reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, first, second]),
        "workflow history": reverse("wagtailadmin_pages:workflow_history", args=[page.pk]),
    }


READERS = {"editor": {"fr"}, "translator": {"en"}, "moderator": {"fr", "en"}}
CELLS = [(role, language) for role in READERS for language in ("fr", "en")]


@pytest.mark.parametrize(("role", "language"), CELLS, ids=["-".join(c) for c in CELLS])
def test_snippet_history_is_read_in_ones_languages_only(role, language, world, client_for):
    footer = world["footers"][language]
    urls = snippet_urls(footer, revised(footer, ["a", "b"]))
    client = client_for(role)
    for what, url in urls.items():
        status = client.get(url).status_code
        if language in READERS[role]:
            assert status == 200, (what, status)
        else:
            assert status in (302, 403), (what, status)


@pytest.mark.parametrize(("role", "language"), CELLS, ids=["-".join(c) for c in CELLS])
def test_page_history_is_read_in_ones_languages_only(role, language, world, client_for):
    page = world["pages"][language]
    urls = page_urls(page, revised(page, ["Titre A", "Titre B"]))
    client = client_for(role)
    for what, url in urls.items():
        response = client.get(url)
        if language in READERS[role]:
            assert response.status_code == 200, (what, response.status_code)
        else:
            assert response.status_code in (302, 403), (what, response.status_code)
            assert "Titre B" not in response.content.decode()


@pytest.mark.parametrize("role", ["translator", "editor"])
def test_move_confirmation_is_shown_only_to_who_may_move(role, world, client_for):
    """Wagtail's confirmation page (GET) checked nothing: it showed the page and where it
    would go to anyone with admin access."""
    url = reverse(
        "wagtailadmin_pages:move_confirm",
        args=[world["pages"]["fr"].pk, world["sections"]["fr"].pk],
    )
    response = client_for(role).get(url)
    assert refused(response)
    assert world["pages"]["fr"].title not in response.content.decode()
    assert client_for("moderator").get(url).status_code == 200
