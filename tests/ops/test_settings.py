"""Production settings refuse to start without their secrets, naming what is missing."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def manage(*args, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        # The test run's own async override would (rightly) fail the deployment checks.
        if key not in ("DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE")
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


def test_production_settings_pass_the_deployment_checklist():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SECRET_KEY="k3y-" + "x9Y!" * 16,
        DJANGO_ALLOWED_HOSTS="iom.example",
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
