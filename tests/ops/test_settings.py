"""Production settings refuse to start without their secrets, naming what is missing, and
without a real e-mail backend and public address (issue 15, point 9: the console backend
printed password-reset links and form answers to the server log)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
REQUIRED = ("DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS", "DJANGO_EMAIL_BACKEND", "PUBLIC_BASE_URL")
SMTP = "django.core.mail.backends.smtp.EmailBackend"
VALID = {
    "DJANGO_SECRET_KEY": "k3y-" + "x9Y!" * 16,
    "DJANGO_ALLOWED_HOSTS": "iom.example",
    "DJANGO_EMAIL_BACKEND": SMTP,
    "PUBLIC_BASE_URL": "https://iom.example",
}


def manage(*args, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        # The test run's own async override would (rightly) fail the deployment checks.
        if key not in (*REQUIRED, "WAGTAILADMIN_BASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")
    }
    environment.update(env, DJANGO_SETTINGS_MODULE="iom_site.settings.production")
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def without(*names):
    return {key: value for key, value in VALID.items() if key not in names}


@pytest.mark.parametrize(
    ("env", "missing"),
    [
        ({}, ", ".join(REQUIRED)),
        (without("DJANGO_SECRET_KEY"), "DJANGO_SECRET_KEY"),
        (without("DJANGO_ALLOWED_HOSTS"), "DJANGO_ALLOWED_HOSTS"),
        (without("DJANGO_EMAIL_BACKEND"), "DJANGO_EMAIL_BACKEND"),
        (without("PUBLIC_BASE_URL"), "PUBLIC_BASE_URL"),
    ],
)
def test_production_refuses_to_start_without_secrets(env, missing):
    result = manage("check", **env)
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert lines == [
        f"Configuration error: Missing required environment variable(s) for production: {missing}"
    ]


@pytest.mark.parametrize(
    "backend",
    [
        "django.core.mail.backends.console.EmailBackend",
        "django.core.mail.backends.dummy.EmailBackend",
        "django.core.mail.backends.filebased.EmailBackend",
        "django.core.mail.backends.locmem.EmailBackend",
    ],
)
def test_production_refuses_an_email_backend_that_writes_to_the_log(backend):
    result = manage("check", **{**VALID, "DJANGO_EMAIL_BACKEND": backend})
    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == [
        f"Configuration error: DJANGO_EMAIL_BACKEND={backend} would write e-mails "
        "(password-reset links, form answers) to the log: use a real one, e.g. "
        f"{SMTP}"
    ]


@pytest.mark.parametrize("address", ["iom.example", "https://iom.example/fr/", "ftp://iom.example"])
def test_production_refuses_a_public_address_that_is_not_one(address):
    result = manage("check", **{**VALID, "PUBLIC_BASE_URL": address})
    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == [
        f"Configuration error: PUBLIC_BASE_URL={address} is not a site address such as "
        "https://www.example.org"
    ]


def test_production_starts_with_its_secrets():
    result = manage("check", **VALID)
    assert result.returncode == 0, result.stderr


def test_admin_links_in_emails_name_the_public_address():
    """Password-reset and notification e-mails link to the public address, not to the
    development default, and nothing of an e-mail goes to the log."""
    code = (
        "from django.conf import settings as s; "
        "print(s.WAGTAILADMIN_BASE_URL, s.PUBLIC_BASE_URL, s.EMAIL_BACKEND)"
    )
    result = manage("shell", "-v", "0", "-c", code, **VALID)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["https://iom.example", "https://iom.example", SMTP]


def test_production_settings_pass_the_deployment_checklist():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        **VALID,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_dependencies_are_at_their_patched_versions():
    from importlib.metadata import version

    def parts(name):
        return tuple(int(p) for p in version(name).split(".")[:3])

    assert parts("django") >= (5, 2, 19)
    assert parts("wagtail") >= (8, 0, 1)
    assert parts("wagtail-localize") >= (1, 14, 5)
