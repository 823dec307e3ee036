"""Behind trusted proxies the form throttle counts visitors, not the proxy: the address
is taken from X-Forwarded-For, as many hops from the right as there are proxies."""

from django.test import Client

import pytest

from .factories import EngagementFormPageFactory
from .test_engagement_form import VALID

pytestmark = pytest.mark.django_db
PROXY = "10.0.0.2"


@pytest.fixture
def form_page(sections, settings):
    settings.ENGAGEMENT_FORM_RATE_LIMIT = 2
    return EngagementFormPageFactory(parent=sections["fr"]["agir"])


def statuses(page, forwarded_for):
    client = Client()  # a new handler reads the proxy setting
    return [
        client.post(page.url, VALID, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=address).status_code
        for address in forwarded_for
    ]


def test_visitors_behind_one_trusted_proxy_are_counted_apart(form_page, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    visitors = [f"203.0.113.{n}" for n in range(1, 6)]
    assert statuses(form_page, visitors) == [200] * 5
    # One visitor is still held, whatever it writes to the left of the proxy's entry.
    spoofed = [f"198.51.100.{n}, 203.0.113.9" for n in range(1, 4)]
    assert statuses(form_page, spoofed) == [200, 200, 429]


def test_without_trusted_proxies_the_header_is_ignored(form_page, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    visitors = [f"203.0.113.{n}" for n in range(1, 4)]
    assert statuses(form_page, visitors) == [200, 200, 429]


def test_a_malformed_header_keeps_the_proxy_address(form_page, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    assert statuses(form_page, ["not-an-address", "<script>", "::ffff:zz"]) == [200, 200, 429]
