"""Test settings: the database still comes from DATABASE_URL (PostgreSQL in CI)."""

import os

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-secret-key"  # noqa: S105
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "testserver"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# As in base.py: the default of 300 entries would drop the seeded site's pages at random.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "OPTIONS": {"MAX_ENTRIES": 20_000},
    }
}
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
# One folder per pytest-xdist worker (make test runs several): no test sees another's files.
MEDIA_ROOT = BASE_DIR / "var" / "test-media" / os.environ.get("PYTEST_XDIST_WORKER", "main")  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
# The public address every absolute link carries (never the request's Host): the test client's.
PUBLIC_BASE_URL = "http://testserver"

# A deterministic stand-in for DeepL (it reverses the words): tests only, never a network call.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
    "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator",
}

# Test clients log in without a request object, which django-axes refuses; the tests of
# the lockout switch it back on.
AXES_ENABLED = False
