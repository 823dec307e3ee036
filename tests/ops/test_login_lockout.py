"""Brute force on the admin login: five failures lock that user name from that address for
a cool-off period, with a clear message; other people keep logging in; an operator can
unlock early."""

from datetime import timedelta

from django.core.management import call_command
from django.test import Client

import pytest

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"


@pytest.fixture
def axes_on(settings):
    settings.AXES_ENABLED = True
    settings.AXES_COOLOFF_TIME = timedelta(minutes=15)


@pytest.fixture
def people(django_user_model):
    for name in ("redactrice", "moderateur"):
        django_user_model.objects.create_superuser(name, f"{name}@example.org", "juste-1234")


def attempt(client, username, password, ip="10.0.0.1"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=ip)


def test_five_failures_lock_that_user_from_that_address(axes_on, people):
    client = Client()
    for _ in range(4):
        assert attempt(client, "redactrice", "faux").status_code == 200
    locked = attempt(client, "redactrice", "faux")
    assert locked.status_code == 429
    assert "Connexion temporairement bloquée" in locked.content.decode()
    assert "15 minutes" in locked.content.decode()
    # Even the right password is refused while locked.
    assert attempt(client, "redactrice", "juste-1234").status_code == 429
    # Another person from the same address, and the same person elsewhere, are not.
    assert attempt(Client(), "moderateur", "juste-1234").status_code == 302
    assert attempt(Client(), "redactrice", "juste-1234", ip="10.0.0.2").status_code == 302


def test_lock_ends_after_the_cool_off(axes_on, people, settings):
    settings.AXES_COOLOFF_TIME = timedelta(seconds=1)
    client = Client()
    for _ in range(5):
        attempt(client, "redactrice", "faux")
    assert attempt(client, "redactrice", "juste-1234").status_code == 429
    import time

    time.sleep(1.2)
    assert attempt(Client(), "redactrice", "juste-1234").status_code == 302


def test_operator_unlocks_early(axes_on, people):
    for _ in range(5):
        attempt(Client(), "redactrice", "faux")
    assert attempt(Client(), "redactrice", "juste-1234").status_code == 429
    call_command("axes_reset_ip_username", "10.0.0.1", "redactrice", stdout=None)
    assert attempt(Client(), "redactrice", "juste-1234").status_code == 302
