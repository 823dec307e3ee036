"""« Données et recherche » with its publications library, in French, English and
Spanish, and helpers to publish publications in it."""

import pytest

from tests.core.factories import StandardPageFactory
from tests.news.conftest import publish, translate
from tests.publications.factories import PublicationIndexPageFactory, PublicationPageFactory


@pytest.fixture
def library(homes):
    data = publish(
        StandardPageFactory(
            parent=homes["fr"], title="Données et recherche", slug="donnees-et-recherche"
        )
    )
    translate(data, "en", title="Data and research", slug="data-and-research")
    translate(data, "es", title="Datos e investigación", slug="datos-e-investigacion")
    index = publish(PublicationIndexPageFactory(parent=data))
    return {
        "fr": index,
        "en": translate(index, "en", title="Publications", slug="publications"),
        "es": translate(index, "es", title="Publicaciones", slug="publicaciones"),
    }


@pytest.fixture
def make_publication(library):
    def make(language="fr", **fields):
        return publish(PublicationPageFactory(parent=library[language], **fields))

    return make


@pytest.fixture
def public_base_url(settings):
    settings.PUBLIC_BASE_URL = "https://migration.example.org"
    return settings.PUBLIC_BASE_URL
