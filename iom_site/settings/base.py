"""Settings shared by every environment; each value that differs comes from the environment."""

from datetime import timedelta
from pathlib import Path

from django.utils.translation import gettext_lazy as _

import environ

from iom_site.core.search.backend import search_backends

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
# A local .env is a convenience for developers; real deployments set variables directly.
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DJANGO_DEBUG", default=False)
SECRET_KEY = env("DJANGO_SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])

INSTALLED_APPS = [
    # core: pages, blocks, SEO tags; then its rooms (docs/architecture.md), each an app of
    # its own so that its template tags, admin hooks and commands are found as usual.
    "iom_site.core",
    "iom_site.core.navigation",
    "iom_site.core.editorial",
    "iom_site.core.search",
    "iom_site.core.ops",
    "iom_site.core.seed",
    "iom_site.core.delivery",
    "strategy",
    "partnerships",
    "news",
    "publications",
    # wagtail-localize sits above the wagtail apps (its tutorial's order) and its
    # locales app replaces wagtail.locales: the two must never both be installed.
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
    # Only for its catalogues: Wagtail's workflow status uses humanize's naturaltime
    # (« Envoyé … 15 seconds ago » in a French admin otherwise).
    "django.contrib.humanize",
    "axes",
    "csp",
]

MIDDLEWARE = [
    "iom_site.core.ops.request_id.RequestIdMiddleware",
    "iom_site.core.delivery.memo.RequestMemoMiddleware",
    "iom_site.core.ops.client_address.TrustedProxyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Before everything that reads sessions or the database: a hit costs no SQL. After
    # the security middleware, whose HTTPS redirect and headers apply to hits too.
    "iom_site.core.delivery.middleware.PageCacheMiddleware",
    "iom_site.core.ops.csp.SiteCSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # After sessions, before common: it reads the language cookie and redirects "/".
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Password-restricted pages and documents: a few wrong guesses, then 429 (ops/throttling).
    "iom_site.core.ops.throttling.PasswordGuessThrottleMiddleware",
    # Documents of restricted collections: Cache-Control: private (ops/private_documents).
    "iom_site.core.ops.private_documents.PrivateDocumentCacheMiddleware",
    "iom_site.core.editorial.localize_workarounds.guards.TranslationPermissionMiddleware",
    "iom_site.core.editorial.localize_workarounds.publish_rights.PublishRightsMiddleware",
    "iom_site.core.editorial.localize_workarounds.safe_overrides.SafeOverrideMiddleware",
    # Snippet history and revisions in the person's languages only (editorial/history_access).
    "iom_site.core.editorial.history_access.SnippetHistoryLanguageMiddleware",
    # The word the dashboard's Approve left unsaid (editorial/confirmations.py).
    "iom_site.core.editorial.confirmations.WorkflowActionMessageMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into its lockout page.
    "axes.middleware.AxesMiddleware",
]

# Public pages: no inline script or style at all (JSON-LD data blocks are not scripts).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": [
            "https://www.youtube-nocookie.com",
            "https://www.youtube.com",
            "https://player.vimeo.com",
        ],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}
# The Wagtail admin's editors (Draftail, StreamField, previews) need inline code.
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'", "'unsafe-eval'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-src": [
            "'self'",
            "https://www.youtube-nocookie.com",
            "https://www.youtube.com",
            "https://player.vimeo.com",
        ],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'self'"],
        "form-action": ["'self'"],
    }
}

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Brute-force protection of the admin login: 5 failures lock that user name from that
# address for a cool-off period (not forever); other people are unaffected. Operators
# unlock early with: manage.py axes_reset_ip_username <ip> <username>
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "axes/lockout.html"
AXES_VERBOSE = False

ROOT_URLCONF = "iom_site.urls"
WSGI_APPLICATION = "iom_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The development database serves several requests at once (an autosave while the
    # editor saves, the preview, the editing-session ping): readers never block the
    # writer (WAL), a writer waits for the lock instead of failing with « database is
    # locked », and a transaction takes the write lock when it starts (IMMEDIATE), so
    # two writers queue instead of deadlocking on a read lock.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation. French is the source language and must be the default
# before the first migrate: Wagtail creates its first Locale from LANGUAGE_CODE.
LANGUAGE_CODE = "fr"
LANGUAGES = [
    ("fr", "Français"),
    ("en", "English"),
    ("es", "Español"),
]
# The admin names a content language in the reader's language (« Traduction de … en
# anglais », « Publier en Anglais »; Django's own msgids); the language menus of the site
# and of the admin account page keep each language's own name (LANGUAGES).
WAGTAIL_CONTENT_LANGUAGES = [
    ("fr", _("French")),
    ("en", _("English")),
    ("es", _("Spanish")),
]
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Zurich"
LOCALE_PATHS = [BASE_DIR / "locale"]

# New translations start as drafts: the default would publish a page full of
# French text under /en/ the moment it is submitted (wagtail-localize#…, research §2.1).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# Machine pre-translation in the translation editor: DeepL when a key is given.
DEEPL_API_KEY = env("DEEPL_API_KEY", default="")
if DEEPL_API_KEY:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": DEEPL_API_KEY, "FORMALITY": "prefer_more"},
    }

STATIC_URL = "/static/"
STATIC_ROOT = env.path("DJANGO_STATIC_ROOT", default=BASE_DIR / "var" / "static")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("DJANGO_MEDIA_ROOT", default=BASE_DIR / "var" / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

REDIS_URL = env("REDIS_URL", default="")
# A Redis outage is logged (rate-limited by the "django_redis" logger's filter), not raised.
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
DJANGO_REDIS_LOGGER = "django_redis"
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "iom",
            # A Redis outage must degrade to uncached pages, never to errors.
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 0.5,
            },
        }
    }
else:
    # In memory, one process (make run, tests). A page keeps several entries (the page,
    # its fragments, the indexes of its tags): Django's default of 300 would drop pages
    # of a three-language site at random.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        }
    }

# How many proxies in front of the app append to X-Forwarded-For (0: none, trust nothing).
TRUSTED_PROXY_COUNT = env.int("DJANGO_TRUSTED_PROXY_COUNT", default=0)

# The delivery room (iom_site/core/delivery, docs/deployment.md « Cache tags »): a
# full-page cache for anonymous visitors, purged by cache tags here and at the edge;
# PAGE_CACHE=off measures uncached renders. Lifetimes are short, so that a missed purge
# heals in minutes; shared caches may serve a page stale while they fetch it again.
PAGE_CACHE_ENABLED = env.bool("PAGE_CACHE", default=True)
PAGE_CACHE_TIMEOUT = env.int("PAGE_CACHE_TIMEOUT", default=60 * 10)
# Each worker may also keep the hottest pages in its own memory this many seconds (0:
# off): a burst of visitors on one page then costs no Redis round trip. The worker that
# purges forgets its copies at once; other workers show a publish at most this late.
PAGE_CACHE_LOCAL_SECONDS = env.float("PAGE_CACHE_LOCAL_SECONDS", default=0)
EDGE_CACHE_TIMEOUT = env.int("EDGE_CACHE_TIMEOUT", default=60 * 5)
EDGE_STALE_WHILE_REVALIDATE = env.int("EDGE_STALE_WHILE_REVALIDATE", default=60)
# The release being served (a git sha, a version): every key the delivery room writes
# carries it, so a deploy never serves what the previous release rendered. Unset: the
# checkout's git commit, else a digest of the code (delivery/release.py).
RELEASE = env("RELEASE", default="")
# Where tag purges go besides the app's own cache (each optional): Varnish with the xkey
# vmod (docs/varnish.vcl), Fastly (Surrogate-Key), Cloudflare (Cache-Tag).
DELIVERY_EDGE = {
    "varnish": env("FRONTEND_CACHE_PURGE_URL", default=""),
    "fastly_service": env("FASTLY_SERVICE_ID", default=""),
    "fastly_token": env("FASTLY_API_TOKEN", default=""),
    "cloudflare_zone": env("CLOUDFLARE_ZONE_ID", default=""),
    "cloudflare_token": env("CLOUDFLARE_API_TOKEN", default=""),
}

WAGTAIL_SITE_NAME = _("OIM – Migration et développement durable")
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
# `load_seed_content --demo` (example stories, marked « Exemple »): refused in production.
SEED_DEMO_ALLOWED = True
# The public site's scheme and host: every absolute address a page carries (canonical,
# hreflang, Open Graph, JSON-LD, feeds, sitemap, robots), never the request's Host.
PUBLIC_BASE_URL = env("PUBLIC_BASE_URL", default="http://127.0.0.1:8000")
# Full-text search (README « Search and discoverability »): on PostgreSQL with the
# accent-folding French configuration that core migration 0005 creates.
WAGTAILSEARCH_BACKENDS = search_backends(DATABASES["default"])
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "csv", "odt"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# The upload forms list those formats and that size (editorial/documents.py).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "iom_site.core.editorial.documents.AllowedFormatsDocumentForm"
# Documents go through Django (permission checks, Content-Disposition: attachment for
# anything that could run in the browser); only PDF opens inline.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]
# Embeds only from the video platforms the communications team uses.
WAGTAILEMBEDS_FINDERS = [
    {
        "class": "wagtail.embeds.finders.oembed",
        "providers": [
            {
                "endpoint": "https://www.youtube.com/oembed",
                "urls": [
                    r"^https?://(?:[-\w]+\.)?youtube\.com/watch.+$",
                    r"^https?://youtu\.be/.+$",
                ],
            },
            {
                "endpoint": "https://vimeo.com/api/oembed.json",
                "urls": [r"^https?://(?:www\.)?vimeo\.com/.+$"],
            },
        ],
    }
]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Editorial workflow and roles (README « Editorial workflow and roles »).
# The one list of translatable snippets (iom_site/core/editorial/translatable.py): their model
# permissions apply only in the languages whose page tree the person may edit
# (editorial/permissions.py), editorial/roles.py hands them to the groups, the translation
# status report and the seed's translations cover them; a system check keeps it complete.
EDITORIAL_TRANSLATABLE_SNIPPETS = [
    "core.MainMenu",
    "core.Footer",
    "core.Theme",
    "strategy.SustainableDevelopmentGoal",
    "strategy.SDGTarget",
    "partnerships.Partner",
]
# The description is the image's alt text: the upload form requires it.
WAGTAILIMAGES_IMAGE_FORM_BASE = "iom_site.core.editorial.images.AltTextImageForm"
# Blocks other apps add to every page body, after core's own (iom_site/core/blocks.py):
# [(name, dotted path of the block class)]. Appending keeps existing migrations valid.
BODY_STREAM_EXTRA_BLOCKS = [("sdg_targets", "strategy.blocks.SDGTargetsBlock")]
# Autosave (Wagtail 8) saves a draft once the editor has paused this many milliseconds
# (Wagtail's default, 500, saved at every breath: a revision write each time). 0 turns it
# off. A manual save always wins over it (iom_site/core/editorial/editor_safety.py).
WAGTAIL_AUTOSAVE_INTERVAL = env.int("WAGTAIL_AUTOSAVE_INTERVAL", default=2000)
# Avatars: the admin's CSP allows no third-party image, and an editor's address is no
# business of Gravatar's: Wagtail shows its own default avatar or an uploaded one.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Superusers are operators: review requests go to the Moderators group only.
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False

EMAIL_BACKEND = env(
    "DJANGO_EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = env("DJANGO_DEFAULT_FROM_EMAIL", default="no-reply@iom.int")
# "Engagez-vous" form: submissions per client IP within the window (seconds).
ENGAGEMENT_FORM_RATE_LIMIT = env.int("ENGAGEMENT_FORM_RATE_LIMIT", default=5)
ENGAGEMENT_FORM_RATE_WINDOW = env.int("ENGAGEMENT_FORM_RATE_WINDOW", default=600)
# Passwords of restricted pages and documents: wrong guesses per client address and
# restriction within the window (seconds); more get HTTP 429 until the window ends.
RESTRICTED_PASSWORD_GUESS_LIMIT = env.int("RESTRICTED_PASSWORD_GUESS_LIMIT", default=5)
RESTRICTED_PASSWORD_GUESS_WINDOW = env.int("RESTRICTED_PASSWORD_GUESS_WINDOW", default=900)
CONTACT_FORM_RECIPIENTS = env.list(
    "CONTACT_FORM_RECIPIENTS", default=["migration4development@iom.int"]
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "one_line_per_outage": {"()": "iom_site.core.ops.errors.OneLinePerOutage"},
        "request_id": {"()": "iom_site.core.ops.request_id.RequestIdFilter"},
        "once_per_minute": {"()": "iom_site.core.ops.errors.OncePerMinute"},
    },
    "formatters": {
        "plain": {"format": "%(levelname)s %(name)s [%(request_id)s] %(message)s"},
        "json": {"()": "iom_site.core.ops.request_id.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": env("DJANGO_LOG_FORMAT", default="plain"),
        },
        "requests": {
            "class": "logging.StreamHandler",
            "filters": ["request_id", "one_line_per_outage"],
            "formatter": env("DJANGO_LOG_FORMAT", default="plain"),
        },
        "cache_outage": {
            "class": "logging.StreamHandler",
            "filters": ["request_id", "once_per_minute"],
            "formatter": env("DJANGO_LOG_FORMAT", default="plain"),
        },
    },
    "root": {"handlers": ["console"], "level": env("DJANGO_LOG_LEVEL", default="INFO")},
    # Wagtail logs every publish and background task at INFO: noise for the seed command.
    "loggers": {
        "django.request": {"handlers": ["requests"], "level": "WARNING", "propagate": False},
        "django_redis": {"handlers": ["cache_outage"], "level": "ERROR", "propagate": False},
        "wagtail": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        "django.tasks": {"level": "WARNING"},
    },
}
