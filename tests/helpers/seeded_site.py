"""The seeded site in FR, EN and ES, loaded once per test package and rolled back at its
end: imported by the conftest of each package that needs it (search, seo)."""

from io import StringIO

from django.core.management import call_command
from django.db import connection, transaction
from django.test import TestCase

import pytest


def seed_until_rolled_back(django_db_blocker):
    """Load the whole seed in an outer transaction, yield, then roll it all back: for
    fixtures that share one seeded site across many tests (package or module scope).
    wagtail-localize publishes translations on commit: those callbacks run inside."""
    with django_db_blocker.unblock(), transaction.atomic():
        with TestCase.captureOnCommitCallbacks(execute=True):
            call_command("load_seed_content", stdout=StringIO())
        yield
        transaction.set_rollback(True)


@pytest.fixture(scope="package")
def seeded(django_db_setup, django_db_blocker):
    yield from seed_until_rolled_back(django_db_blocker)


@pytest.fixture
def site(seeded, db):
    """The seeded site, for a test that may change it (its changes are rolled back)."""
    from wagtail.models import Locale

    from iom_site.core.models import HomePage

    return {
        code: HomePage.objects.get(locale=Locale.objects.get(language_code=code))
        for code in ("fr", "en", "es")
    }


@pytest.fixture
def postgres_only(db):
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL full-text search (CI runs PostgreSQL)")
