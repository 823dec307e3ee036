"""People of each role (in the groups core.0004 created) and the content they act on: a
live page in the French tree and its English translation, a section page in each tree to
move pages to, a footer in each language and an image in each team's collection."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from wagtail.models import Collection, Locale

import pytest
import wagtail_factories

from iom_site.core.editorial.roles import EDITORS, MODERATORS, TRANSLATORS
from tests.core.factories import FooterFactory, SectionPageFactory, StandardPageFactory

ROLE_USERS = {"editor": EDITORS, "moderator": MODERATORS, "translator": TRANSLATORS}


def make_user(username, group_name=None, **extra):
    user = get_user_model().objects.create_user(
        username, f"{username}@example.org", "motdepasse", **extra
    )
    if group_name:
        user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def people(db):
    """{role: user}, plus an operator (superuser) who is in no group."""
    users = {role: make_user(role, group) for role, group in ROLE_USERS.items()}
    users["operator"] = make_user("operator", is_superuser=True, is_staff=True)
    return users


@pytest.fixture
def client_for(client, people):
    """client_for(role): the test client, signed in as that person."""

    def sign_in(role):
        client.force_login(people[role])
        return client

    return sign_in


def translate_page(page, language_code):
    """A plain (not synchronised) translation of a page, published."""
    translation = page.copy_for_translation(Locale.objects.get(language_code=language_code))
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation.specific


@pytest.fixture
def world(homes):
    fr_page = StandardPageFactory(parent=homes["fr"], title="Page de test", slug="page-de-test")
    fr_page.save_revision().publish()
    fr_page.refresh_from_db()
    fr_section = SectionPageFactory(parent=homes["fr"], title="Rubrique", slug="rubrique")
    en_section = translate_page(fr_section, "en")
    fr_footer = FooterFactory(locale=homes["fr"].locale)
    en_footer = fr_footer.copy_for_translation(homes["en"].locale)
    en_footer.save()
    collections = {c.name: c for c in Collection.objects.filter(depth=2)}
    return {
        "homes": homes,
        "pages": {"fr": fr_page, "en": translate_page(fr_page, "en")},
        "sections": {"fr": fr_section, "en": en_section},
        "footers": {"fr": fr_footer, "en": en_footer},
        "images": {
            name: wagtail_factories.ImageFactory(
                title=f"Image {name}", description="Une photo", collection=collections[name]
            )
            for name in ("Communication", "Traduction")
        },
    }
