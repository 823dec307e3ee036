"""A section (or a standard page) lists the pages under it 24 cards a page, with
numbered links: a thousand children make pages of the same size and the same queries."""

import re

from django.core.cache import cache

import pytest

from iom_site.core.listings import CHILD_CARDS_PER_PAGE
from tests.core.factories import SectionPageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


def cards(response):
    return re.findall(r'<li class="card">', response.content.decode())


@pytest.fixture
def section(homes):
    section = SectionPageFactory(parent=homes["fr"], title="Agir", slug="agir")
    StandardPageFactory(parent=section, title="Engagement", slug="engagement")
    return section


def children(parent, count, start=0):
    for number in range(start, start + count):
        StandardPageFactory(parent=parent, title=f"Fiche {number:03d}", slug=f"fiche-{number:03d}")


def test_a_section_lists_its_pages_24_a_page_with_numbered_links(
    client, section
):  # it holds « Engagement »
    children(section, 29)
    first = client.get(section.url)
    assert len(cards(first)) == CHILD_CARDS_PER_PAGE == 24
    html = first.content.decode()
    assert 'aria-label="Pages de la rubrique"' in html
    assert 'href="?page=2"' in html and 'rel="next"' in html

    second = client.get(section.url + "?page=2")
    assert len(cards(second)) == 30 - 24
    html = second.content.decode().split('id="section-children"')[1]  # not the menu
    assert "Fiche 028" in html and "Fiche 022" not in html and "Fiche 023" in html
    assert '<span aria-current="page"><span class="visually-hidden">Page </span>2</span>' in html

    for wrong in ("3", "0", "deux", "2.0"):
        assert client.get(f"{section.url}?page={wrong}").status_code == 404


def test_a_short_list_has_no_page_links(client, section):
    response = client.get(section.url)
    assert len(cards(response)) == 1
    assert "Pages de la rubrique" not in response.content.decode()


def test_every_page_of_the_list_costs_the_same_however_many_children(
    client, section, django_assert_max_num_queries
):
    children(section, 40)

    def cold(url):
        cache.clear()
        with django_assert_max_num_queries(30) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    before = (cold(section.url), cold(section.url + "?page=2"))
    children(section, 200, start=40)
    after = (cold(section.url), cold(section.url + "?page=2"))
    assert after == before
    assert len(cards(client.get(section.url + "?page=11"))) == 241 - 10 * 24
