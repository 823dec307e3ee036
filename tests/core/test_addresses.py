"""core/addresses.py's page_path gives Wagtail's own answer (``get_url_parts``) for every
page, in every active language, with and without a request, under a script prefix, for a
slug outside ASCII, and for a page no site reaches."""

from django.test import RequestFactory
from django.urls import set_script_prefix
from django.utils import translation

from wagtail.models import Locale, Page

import pytest

from iom_site.core.addresses import page_path
from tests.core.factories import SectionPageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(homes):
    section = SectionPageFactory(parent=homes["fr"], title="Économie", slug="économie")
    page = StandardPageFactory(parent=section, title="Emploi", slug="emploi-des-jeunes")
    english = page.copy_for_translation(Locale.objects.get(language_code="en"), copy_parents=True)
    spanish = page.copy_for_translation(Locale.objects.get(language_code="es"), copy_parents=True)
    return [*homes.values(), section, page, english, spanish, english.get_parent()]


def wagtail_path(page, request):
    parts = page.get_url_parts(request=request)
    return None if parts is None else parts[2]


@pytest.mark.parametrize("language", ["fr", "en", "es"])
def test_every_page_has_wagtail_s_path_in_every_active_language(pages, language):
    request = RequestFactory().get("/")
    with translation.override(language):
        for page in pages:
            expected = wagtail_path(page, request)
            assert expected is not None
            assert page_path(page, request) == expected
            assert page_path(page) == wagtail_path(page, None)


def test_a_slug_outside_ascii_is_quoted_as_reverse_quotes_it(pages):
    section = pages[3]
    with translation.override("fr"):
        assert page_path(section) == "/fr/%C3%A9conomie/"
        assert page_path(section) == section.url


def test_a_script_prefix_comes_first(pages):
    set_script_prefix("/oim/")
    try:
        with translation.override("fr"):
            assert page_path(pages[4]) == "/oim/fr/%C3%A9conomie/emploi-des-jeunes/"
            assert page_path(pages[4]) == wagtail_path(pages[4], None)
    finally:
        set_script_prefix("/")


def test_a_page_no_site_reaches_has_no_path(pages):
    root = Page.objects.get(depth=1)
    assert page_path(root) is None
    assert wagtail_path(root, None) is None


def test_a_page_of_the_site_is_addressed_without_wagtail_s_reverse(pages, monkeypatch):
    """The shortcut is what answers for the site's pages (Wagtail's answer is the
    fallback, not the rule)."""
    with translation.override("en"):
        expected = {page.pk: wagtail_path(page, None) for page in pages}

    def refuse(*args, **kwargs):
        raise AssertionError("get_url_parts was called")

    for model in {type(page) for page in pages}:
        monkeypatch.setattr(model, "get_url_parts", refuse)
    with translation.override("en"):
        assert {page.pk: page_path(page) for page in pages} == expected
