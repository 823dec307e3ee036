"""The seeded site (tests/seeded_site.py), once for this package."""

from tests.seeded_site import postgres_only, seeded, site  # noqa: F401
