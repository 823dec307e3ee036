"""The per-request memos (core's request_memo.py) remember during a request only: nothing
carries over to the next request, nor to what runs after a request in the same thread (a
management command, a shell), where every question goes to the database again."""

from django.core.signals import request_finished, request_started

import pytest

from iom_site.core.editorial.localize_workarounds import listing_buttons
from iom_site.core.models.pages import singletons_seen
from iom_site.core.request_memo import RequestMemo
from tests.core.factories import StandardPageFactory
from tests.news.conftest import publish, translate

pytestmark = pytest.mark.django_db


def counter():
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    return compute, calls


def test_a_memo_remembers_within_a_request_and_forgets_at_its_end():
    memo = RequestMemo("test-within")
    compute, calls = counter()
    request_started.send(sender=None)
    assert memo.remember("k", compute) == 1
    assert memo.remember("k", compute) == 1  # remembered
    request_finished.send(sender=None)
    assert memo.current() is None
    request_started.send(sender=None)
    assert memo.remember("k", compute) == 2  # the next request asks again
    request_finished.send(sender=None)
    assert len(calls) == 2


def test_outside_a_request_nothing_is_remembered():
    memo = RequestMemo("test-outside")
    compute, calls = counter()
    assert memo.remember("k", compute) == 1
    assert memo.remember("k", compute) == 2
    assert memo.current() is None


def test_what_a_request_remembered_does_not_reach_a_command_run_after_it(admin_client, homes):
    section = publish(StandardPageFactory(parent=homes["fr"], title="Rubrique", slug="rubrique"))
    english = translate(section, "en", title="Section", slug="section")
    # The explorer below the French home page: its rows ask both memos.
    response = admin_client.get(f"/admin/pages/{homes['fr'].pk}/")
    assert response.status_code == 200
    assert "Rubrique" in response.content.decode()
    assert singletons_seen.current() is None
    assert listing_buttons.rows_seen.current() is None

    # Then, outside any request (as a management command is), the page loses its English
    # version: its row's languages come from the database, not from the request before.
    english.delete()
    languages, _source, _every = listing_buttons._rows_state(section)
    assert languages == {section.locale_id}
