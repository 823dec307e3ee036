"""Production: every secret and host comes from the environment; none has a default."""

import os

from django.core.exceptions import ImproperlyConfigured

REQUIRED = ("DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS")
_missing = [name for name in REQUIRED if not os.environ.get(name, "").strip()]
if _missing:
    raise ImproperlyConfigured(
        "Missing required environment variable(s) for production: " + ", ".join(_missing)
    )

from .base import *  # noqa: E402, F403
from .base import env  # noqa: E402

DEBUG = False
SECRET_KEY = env("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])
