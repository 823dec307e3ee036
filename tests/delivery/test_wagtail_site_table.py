"""Routing writes Wagtail's site table from the rows it reads (delivery/
wagtail_site_table.py): the entry must be the one Wagtail builds itself, or Wagtail's
addresses would be wrong. When this fails after upgrading Wagtail, delete the workaround
(its docstring says how)."""

from django.core.cache import cache

from wagtail.models import Site
from wagtail.models.sites import SITE_ROOT_PATHS_CACHE_KEY, SITE_ROOT_PATHS_CACHE_VERSION

import pytest

from iom_site.core.delivery import routing

pytestmark = pytest.mark.django_db


def _wagtails_own():
    Site.clear_site_root_paths_cache()
    return Site.get_site_root_paths()


def _routings():
    Site.clear_site_root_paths_cache()
    cache.delete(routing.routing_key())
    routing._read_routing_table()
    return cache.get(SITE_ROOT_PATHS_CACHE_KEY, version=SITE_ROOT_PATHS_CACHE_VERSION)


def test_routing_writes_the_site_table_wagtail_would_build(homes):
    assert len(_wagtails_own()) == 3  # one per language
    assert _routings() == _wagtails_own()


def test_the_table_routing_wrote_is_the_one_wagtail_reads(homes, django_assert_num_queries):
    expected = _wagtails_own()
    _routings()
    with django_assert_num_queries(0):
        assert Site.get_site_root_paths() == expected


def test_with_a_second_site_wagtail_builds_its_own_table(homes):
    Site.objects.create(hostname="autre.example", port=80, root_page=homes["en"])
    assert _routings() is None
    assert len(_wagtails_own()) == 6
