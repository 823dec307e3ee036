"""What is live changes only through people who may publish it (issue 15, point 1): a
translator who POSTs wagtail-localize's « convert to alias » or Wagtail's publish,
unpublish or revert gets a refusal and the live page stays as it was; a moderator's
same request takes effect."""

from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from wagtail.models import GroupPagePermission, Locale, Page
from wagtail_localize.models import TranslationSource

import pytest

from tests.core.factories import StandardPageFactory

from .conftest import make_user
from .test_translation_workflow import submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def translated(homes, people, client):
    """A live French page and its English translation made through wagtail-localize, then
    published with its own English title."""
    fr_page = StandardPageFactory(parent=homes["fr"], title="Page source", slug="page-source")
    fr_page.save_revision().publish()
    client.force_login(people["moderator"])
    assert submit(client, fr_page, "en").status_code == 302
    client.logout()
    en_page = fr_page.get_translation(Locale.objects.get(language_code="en")).specific
    en_page.title = "English page"
    en_page.save_revision().publish()
    en_page.refresh_from_db()
    return fr_page, en_page


def live_state(page):
    page = Page.objects.get(pk=page.pk)
    return page.live, page.title, page.live_revision_id, page.alias_of_id


def convert(client, page):
    return client.post(reverse("wagtail_localize:convert_to_alias", args=[page.pk]))


def test_translator_cannot_convert_a_translation_into_a_live_alias(translated, client_for):
    _fr_page, en_page = translated
    before = live_state(en_page)
    client = client_for("translator")
    assert (
        client.get(reverse("wagtail_localize:convert_to_alias", args=[en_page.pk])).status_code
        == 403
    )
    assert convert(client, en_page).status_code == 403
    assert live_state(en_page) == before
    assert client.get(en_page.url).status_code == 200
    assert "English page" in client.get(en_page.url).content.decode()


def test_moderator_converts_a_translation_into_an_alias(translated, client_for):
    fr_page, en_page = translated
    response = convert(client_for("moderator"), en_page)
    assert response.status_code == 302
    assert Page.objects.get(pk=en_page.pk).alias_of_id == fr_page.pk


def test_translator_cannot_publish_unpublish_or_revert(translated, client_for):
    _fr_page, en_page = translated
    revision = en_page.live_revision
    before = live_state(en_page)
    client = client_for("translator")
    unpublish = client.post(reverse("wagtailadmin_pages:unpublish", args=[en_page.pk]))
    assert unpublish.status_code in (302, 403)
    assert live_state(en_page) == before
    revert = client.post(
        reverse("wagtailadmin_pages:revisions_revert", args=[en_page.pk, revision.pk])
    )
    assert revert.status_code in (302, 403, 405)
    assert live_state(en_page) == before


@pytest.fixture
def submitter_without_publish(homes):
    """Someone who may submit and update translations and edit every tree, but not publish."""
    group = Group.objects.create(name="Relecteurs")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="submit_translation"),
    )
    for home in homes.values():
        GroupPagePermission.objects.create(
            group=group, page=home, permission=Permission.objects.get(codename="change_page")
        )
    return make_user("relecteur", group.name)


def test_updating_translations_with_publish_needs_the_right_to_publish(
    translated, submitter_without_publish, client
):
    fr_page, en_page = translated
    fr_page.title = "Page source modifiée"
    fr_page.save_revision().publish()
    source = TranslationSource.objects.get(object_id=fr_page.translation_key)
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    client.force_login(submitter_without_publish)
    before = live_state(en_page)
    assert client.post(url, {"publish_translations": "on"}).status_code == 403
    assert live_state(en_page) == before
    # Without publishing, the update goes through: the translators get the new strings.
    assert client.post(url, {}).status_code == 302
    assert live_state(en_page) == before
