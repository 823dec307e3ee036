from io import StringIO

from django.core.management import CommandError, call_command

from wagtail.models import Page

import pytest

pytestmark = pytest.mark.django_db


def run_seed():
    out = StringIO()
    call_command("load_seed_content", stdout=out)
    return out.getvalue()


def test_seed_is_idempotent_and_reports_progress():
    first = run_seed()
    snapshot = sorted(Page.objects.values_list("url_path", "locale__language_code"))
    second = run_seed()
    assert sorted(Page.objects.values_list("url_path", "locale__language_code")) == snapshot
    assert "[core] loading" in first
    assert "Seed content loaded." in second


def test_seed_failure_is_one_readable_line(monkeypatch):
    def broken(log):
        raise ValueError("the French home page is missing its template")

    monkeypatch.setattr("iom_site.core.seed.load", broken)
    with pytest.raises(CommandError, match="seed content could not be loaded: the French home"):
        call_command("load_seed_content", stdout=StringIO())
