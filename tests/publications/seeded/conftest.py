from tests.helpers.seeded_site import seeded, site  # noqa: F401
