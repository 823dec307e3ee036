"""Production: every secret and host comes from the environment; none has a default."""

import os
import re

from django.core.exceptions import ImproperlyConfigured

REQUIRED = ("DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS", "DJANGO_EMAIL_BACKEND", "PUBLIC_BASE_URL")
_missing = [name for name in REQUIRED if not os.environ.get(name, "").strip()]
if _missing:
    raise ImproperlyConfigured(
        "Missing required environment variable(s) for production: " + ", ".join(_missing)
    )
# These backends write every message, password-reset links with their tokens and form
# answers included, to the server log or a local file (issue 15, point 9).
LOGGING_EMAIL_BACKENDS = ("console", "dummy", "locmem", "filebased")
_email_backend = os.environ["DJANGO_EMAIL_BACKEND"].strip()
if set(_email_backend.split(".")) & set(LOGGING_EMAIL_BACKENDS):
    raise ImproperlyConfigured(
        f"DJANGO_EMAIL_BACKEND={_email_backend} would write e-mails (password-reset links, "
        "form answers) to the log: use a real one, e.g. django.core.mail.backends.smtp.EmailBackend"
    )
_public_base_url = os.environ["PUBLIC_BASE_URL"].strip()
if not re.fullmatch(r"https?://[^/?#\s]+/?", _public_base_url):
    raise ImproperlyConfigured(
        f"PUBLIC_BASE_URL={_public_base_url} is not a site address such as https://www.example.org"
    )

from .base import *  # noqa: E402, F403
from .base import env  # noqa: E402

DEBUG = False
# Each worker keeps the pages it served one second (delivery/store.py's micro-cache).
PAGE_CACHE_LOCAL_SECONDS = env.float("PAGE_CACHE_LOCAL_SECONDS", default=1)
# Example content never reaches the public site.
SEED_DEMO_ALLOWED = False
# One JSON object per line on stdout for the log collector (see base.LOGGING).
for _handler in LOGGING["handlers"].values():  # noqa: F405
    _handler["formatter"] = env("DJANGO_LOG_FORMAT", default="json")
SECRET_KEY = env("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])
EMAIL_BACKEND = _email_backend
# Absolute links (feeds, structured data, the admin's e-mails such as password resets)
# name the configured public address, never the request's Host nor a development default.
PUBLIC_BASE_URL = _public_base_url.rstrip("/")
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default=PUBLIC_BASE_URL).rstrip("/")

# HTTPS behind a proxy that terminates TLS and says so in X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
# The probes answer over plain HTTP inside the cluster.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
# Wagtail's previews mark themselves same-origin; everything else refuses to be framed.
X_FRAME_OPTIONS = "DENY"

# Reconnect after a database restart instead of failing on a dead connection; a pool
# keeps connections warm (Django 5.2, psycopg 3).
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":  # noqa: F405
    DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {  # noqa: F405
        "min_size": env.int("DATABASE_POOL_MIN_SIZE", default=2),
        "max_size": env.int("DATABASE_POOL_MAX_SIZE", default=10),
        "timeout": env.float("DATABASE_POOL_TIMEOUT", default=5.0),
    }
    # psycopg_pool retries a failed connection after 1 s, then 2, 4, 8 s…: after a 10 s
    # outage the site stayed down up to 4 s longer than PostgreSQL (`make drill`,
    # docs/reliability.md). Retrying every half second for as long as the outage lasts
    # costs one connection attempt per worker per half second and brings pages back at
    # most half a second after PostgreSQL. psycopg_pool has no option for it: set the
    # class's constants (pinned by uv.lock; an import error here means they moved).
    from psycopg_pool.base import AttemptWithBackoff

    AttemptWithBackoff.INITIAL_DELAY = 0.5
    AttemptWithBackoff.DELAY_BACKOFF = 1.0

# Media (images, their renditions, documents) on S3-compatible object storage when a
# bucket is named: every app server then reads and writes the same files and none keeps
# on its own disk anything another one needs (docs/deployment.md, « Media on S3 »).
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME", default="").strip()
if AWS_STORAGE_BUCKET_NAME:
    _access_key = env("AWS_ACCESS_KEY_ID", default="").strip()
    _secret_key = env("AWS_SECRET_ACCESS_KEY", default="").strip()
    # Both or neither. Neither lets boto3 find credentials itself (the instance's or
    # task's IAM role, a web identity token, ~/.aws); one without the other is a mistake
    # that would otherwise only show up as a failed upload in the admin.
    if bool(_access_key) != bool(_secret_key):
        raise ImproperlyConfigured(
            "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY go together: set both, or neither "
            "to use the server's IAM role"
        )
    _custom_domain = env("AWS_S3_CUSTOM_DOMAIN", default="").strip()
    # django-storages puts "https://" in front of it: a scheme here would double it.
    if "://" in _custom_domain:
        raise ImproperlyConfigured(
            "AWS_S3_CUSTOM_DOMAIN is a host name such as media.example.org, without https://"
        )
    # Static files stay with whitenoise (hashed names, cached for a year): only media move.
    STORAGES = {
        **STORAGES,  # noqa: F405
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": AWS_STORAGE_BUCKET_NAME,
                # Empty means AWS itself; MinIO, Ceph, Scaleway, OVH… give their URL.
                "endpoint_url": env("AWS_S3_ENDPOINT_URL", default="").strip() or None,
                "region_name": env("AWS_S3_REGION_NAME", default="").strip() or None,
                "access_key": _access_key or None,
                "secret_key": _secret_key or None,
                "security_token": env("AWS_SESSION_TOKEN", default="").strip() or None,
                "custom_domain": _custom_domain or None,
                # A prefix inside the bucket, so that one bucket can serve several sites.
                "location": env("AWS_LOCATION", default="").strip("/ "),
                "addressing_style": env("AWS_S3_ADDRESSING_STYLE", default="").strip() or None,
                # Image URLs are written into pages that the page cache and the CDN keep
                # for a day or more: signed URLs would expire inside them. Documents never
                # get a bucket URL: WAGTAILDOCS_SERVE_METHOD = "serve_view" (base.py) sends
                # them through Django, which checks privacy and streams from the bucket.
                "querystring_auth": False,
                # Who may read what is the bucket policy's business (public read of the
                # image folders only), not per-object ACLs, which many buckets disable.
                "default_acl": None,
                # Two uploads both called photo.jpg must stay two files.
                "file_overwrite": False,
                "object_parameters": {
                    "CacheControl": env("AWS_S3_CACHE_CONTROL", default="public, max-age=86400")
                },
            },
        },
    }
