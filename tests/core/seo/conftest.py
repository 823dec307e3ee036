"""The seeded site (tests/helpers/seeded_site.py), once for this package."""

from tests.helpers.seeded_site import postgres_only, seeded, site  # noqa: F401
