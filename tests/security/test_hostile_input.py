"""Hostile requests get a 4xx or a handled page, never a 5xx, never reflected script."""

from django.test import Client

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"


@pytest.mark.parametrize(
    "path",
    [
        "/fr/../../etc/passwd",
        "/fr/%2e%2e/%2e%2e/etc/passwd",
        "/fr/..%2f..%2fsettings.py",
        "/static/../manage.py",
        "/documents/..%2f..%2fmanage.py",
        "/fr/" + "a" * 5000 + "/",
        "/fr/" + "/".join(["x"] * 300) + "/",
        "/fr/%00/",
        "/fr/page%00.html",
        "/fr/%ff%fe/",
        "/fr/%c3%28/",
        "/de/",
        "/xx/qui-sommes-nous/",
        "/fr/" + SCRIPT + "/",
        "/fr/%3Cscript%3Ealert(1)%3C%2Fscript%3E/",
    ],
)
def test_hostile_paths_never_error(client, homes, path):
    response = client.get(path)
    assert 300 <= response.status_code < 500, (path, response.status_code)
    assert SCRIPT.encode() not in response.content


def test_spoofed_host_header_is_a_400(homes):
    response = Client(HTTP_HOST="evil.example").get("/fr/")
    assert response.status_code == 400


def test_login_next_pointing_off_site_stays_on_site(client, django_user_model):
    django_user_model.objects.create_superuser("op", "op@example.org", "juste-1234")
    response = client.post(
        "/admin/login/?next=https://evil.example/",
        {"username": "op", "password": "juste-1234", "next": "https://evil.example/"},
    )
    assert response.status_code == 302
    assert "evil.example" not in response["Location"]


def test_post_without_csrf_token_is_refused(homes):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/admin/login/", {"username": "x", "password": "y"})
    assert response.status_code == 403


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    prefix=st.sampled_from(["/", "/fr/", "/en/", "/es/", "/admin/", "/documents/", "/xx/"]),
    segment=st.text(
        alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
        max_size=40,
    ),
    query=st.dictionaries(st.text(max_size=10), st.text(max_size=30), max_size=3),
)
def test_random_paths_and_queries_never_error(client, homes, prefix, segment, query):
    from urllib.parse import quote

    response = client.get(prefix + quote(segment, safe="/"), query)
    assert response.status_code < 500
    assert SCRIPT.encode() not in response.content
