"""Production settings refuse to start without their secrets, naming what is missing."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def manage(*args, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS")
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


@pytest.mark.parametrize(
    ("env", "missing"),
    [
        ({}, "DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS"),
        ({"DJANGO_ALLOWED_HOSTS": "iom.example"}, "DJANGO_SECRET_KEY"),
        ({"DJANGO_SECRET_KEY": "x" * 50}, "DJANGO_ALLOWED_HOSTS"),
    ],
)
def test_production_refuses_to_start_without_secrets(env, missing):
    result = manage("check", **env)
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert lines == [
        f"Configuration error: Missing required environment variable(s) for production: {missing}"
    ]


def test_production_starts_with_its_secrets():
    result = manage("check", DJANGO_SECRET_KEY="s" * 50, DJANGO_ALLOWED_HOSTS="iom.example")
    assert result.returncode == 0, result.stderr
