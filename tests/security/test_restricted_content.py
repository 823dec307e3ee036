"""Restricted pages and documents (Wagtail's privacy settings): password guesses are
throttled per address and restriction (issue 15, point 4), login-restricted content sends
anonymous visitors to a login page instead of a 500 (point 5), and private documents are
never stored by shared caches (point 11)."""

from django.core.files.base import ContentFile
from django.test import Client

from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

import pytest

from tests.core.factories import StandardPageFactory

Document = get_document_model()
PASSWORD = "bon-mot-de-passe"


@pytest.fixture
def private_page(homes):
    def make(restriction_type, slug):
        page = StandardPageFactory(parent=homes["fr"], title=f"Page {slug}", slug=slug)
        page.save_revision().publish()
        restriction = PageViewRestriction.objects.create(
            page=page,
            restriction_type=restriction_type,
            password=PASSWORD if restriction_type == PageViewRestriction.PASSWORD else "",
        )
        return page, restriction

    return make


@pytest.fixture
def private_document(homes):
    def make(restriction_type, name):
        root = Collection.get_first_root_node()
        collection = root.add_child(name=f"Privé {name}")
        restriction = CollectionViewRestriction.objects.create(
            collection=collection,
            restriction_type=restriction_type,
            password=PASSWORD if restriction_type == CollectionViewRestriction.PASSWORD else "",
        )
        document = Document(title=name, collection=collection)
        document.file.save(name, ContentFile(b"%PDF-1.4\n"), save=True)
        return document, restriction

    return make


def guess(client, url, password, return_url, address="10.0.0.1"):
    return client.post(url, {"password": password, "return_url": return_url}, REMOTE_ADDR=address)


def password_urls(kind, private_page, private_document):
    if kind == "page":
        page, restriction = private_page(PageViewRestriction.PASSWORD, "cle")
        return (
            f"/fr/_util/authenticate_with_password/{restriction.pk}/{page.pk}/",
            page.url,
            restriction,
        )
    document, restriction = private_document(CollectionViewRestriction.PASSWORD, "cle.pdf")
    return (
        f"/documents/authenticate_with_password/{restriction.pk}/",
        document.url,
        restriction,
    )


@pytest.mark.parametrize("kind", ["page", "document"])
def test_wrong_passwords_are_throttled_per_address_and_restriction(
    kind, private_page, private_document, settings
):
    settings.RESTRICTED_PASSWORD_GUESS_LIMIT = 5
    url, content_url, _restriction = password_urls(kind, private_page, private_document)
    client = Client()
    for _ in range(5):
        assert guess(client, url, "faux", content_url).status_code == 200
    refused = guess(client, url, "faux", content_url)
    assert refused.status_code == 429
    assert "Trop de mots de passe erronés" in refused.content.decode()
    assert int(refused["Retry-After"]) > 0
    # Even the right password waits for the window to end: guessing has no shortcut.
    assert guess(client, url, PASSWORD, content_url).status_code == 429
    # Another address is not affected, and gets in with the right password.
    other = Client()
    assert guess(other, url, PASSWORD, content_url, address="10.0.0.2").status_code == 302


def test_the_right_password_clears_the_count(private_page, private_document, settings):
    settings.RESTRICTED_PASSWORD_GUESS_LIMIT = 3
    url, content_url, _restriction = password_urls("page", private_page, private_document)
    client = Client()
    for _ in range(2):
        guess(client, url, "faux", content_url)
    assert guess(client, url, PASSWORD, content_url).status_code == 302
    for _ in range(2):
        assert guess(client, url, "faux", content_url).status_code == 200


def test_login_restricted_page_sends_anonymous_visitors_to_a_login_page(
    private_page, django_user_model
):
    page, _restriction = private_page(PageViewRestriction.LOGIN, "membres")
    django_user_model.objects.create_user("membre", "membre@example.org", "motdepasse")
    client = Client()
    response = client.get(page.url)
    assert response.status_code == 302
    login_url = response["Location"]
    assert login_url.startswith("/fr/_util/login/?next=")
    form = client.get(login_url)
    assert form.status_code == 200
    assert 'name="password"' in form.content.decode()
    signed_in = client.post(
        "/fr/_util/login/",
        {"username": "membre", "password": "motdepasse", "next": page.url},
        REMOTE_ADDR="10.0.0.3",
    )
    assert signed_in.status_code == 302
    assert signed_in["Location"] == page.url
    shown = client.get(page.url)
    assert shown.status_code == 200
    assert "Page membres" in shown.content.decode()


def test_login_restricted_document_sends_anonymous_visitors_to_a_login_page(
    private_document, django_user_model
):
    document, _restriction = private_document(CollectionViewRestriction.LOGIN, "membres.pdf")
    client = Client()
    response = client.get(document.url)
    assert response.status_code == 302
    assert response["Location"].startswith("/fr/_util/login/?next=")
    client.force_login(django_user_model.objects.create_user("membre2", "m2@example.org", "x"))
    assert client.get(document.url).status_code == 200


@pytest.mark.parametrize(
    "restriction_type", [CollectionViewRestriction.LOGIN, CollectionViewRestriction.PASSWORD]
)
def test_private_documents_are_never_stored_by_shared_caches(
    restriction_type, private_document, django_user_model
):
    document, restriction = private_document(restriction_type, "interne.pdf")
    client = Client()
    if restriction_type == CollectionViewRestriction.LOGIN:
        client.force_login(django_user_model.objects.create_user("lecteur", "l@example.org", "x"))
    else:
        url = f"/documents/authenticate_with_password/{restriction.pk}/"
        assert guess(client, url, PASSWORD, document.url).status_code == 302
    response = client.get(document.url)
    assert response.status_code == 200
    directives = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= directives
    assert "public" not in directives
    assert "Cookie" in response["Vary"]


def test_public_documents_stay_cacheable(homes):
    document = Document(title="public")
    document.file.save("public.pdf", ContentFile(b"%PDF-1.4\n"), save=True)
    response = Client().get(document.url)
    assert response.status_code == 200
    assert "private" not in response.get("Cache-Control", "")
