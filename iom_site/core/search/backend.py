"""Search backend configuration, chosen from the database settings."""

# Created by core migration 0005: French stemming after unaccent, so "developpement"
# finds "développement" and "migrants" finds "migration".
POSTGRES_SEARCH_CONFIG = "iom_fr"


def search_backends(database):
    """WAGTAILSEARCH_BACKENDS for the given DATABASES["default"]: Wagtail's database
    backend with long queries capped (search/capped.py); on PostgreSQL its subclass in
    search/postgres.py, with the ``iom_fr`` text-search configuration."""
    if "postgresql" in database.get("ENGINE", ""):
        backend = {
            "BACKEND": "iom_site.core.search.postgres",
            "SEARCH_CONFIG": POSTGRES_SEARCH_CONFIG,
        }
    else:
        # Wagtail's database backend, with long queries capped (search/capped.py).
        backend = {"BACKEND": "iom_site.core.search.capped"}
    return {"default": backend}
