"""The admin stays within a constant cost as the site grows (issue 16, point 5): the
explorer of a section with a thousand children is paginated and makes no more queries
than with five."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from tests.core.factories import SectionPageFactory
from tests.helpers.many_pages import add_many_children

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", ["editor", "moderator"])
def test_the_explorer_of_a_big_section_is_paginated_with_constant_queries(
    homes, client_for, role, django_assert_max_num_queries
):
    section = SectionPageFactory(parent=homes["fr"], title="Rubrique", slug="rubrique")
    client = client_for(role)
    url = reverse("wagtailadmin_explore", args=[section.pk])
    add_many_children(section, 5, title="Petite page {n}")
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    add_many_children(section, 995, title="Page ajoutée {n}")

    with django_assert_max_num_queries(len(few) + 2):
        response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    assert 45 <= len(rows(html)) <= 50  # one page of rows
    assert len(rows(client.get(url + "?p=2").content.decode()) - rows(html)) >= 45


def rows(html):
    return set(re.findall(r"(?:Petite page|Page ajoutée) \d+", html))


def test_the_translation_status_report_is_paginated_with_constant_queries(
    homes, client_for, people, django_assert_max_num_queries
):
    url = "/admin/translation-status/"
    client = client_for("operator")
    section = SectionPageFactory(parent=homes["fr"], title="Rubrique", slug="rubrique")
    add_many_children(section, 5, title="Petite page {n}")
    with CaptureQueriesContext(connection) as few:
        small = client.get(url)
    assert small.status_code == 200
    add_many_children(section, 995, title="Page ajoutée {n}")

    with django_assert_max_num_queries(len(few) + 2):
        response = client.get(url)
    html = response.content.decode()
    assert 45 <= len(rows(html)) <= 50
    assert len(html) < 3 * len(small.content.decode())  # a page of rows, not the site
    assert "Page 1 of 21" in html or "Page 1 sur 21" in html
    second = rows(client.get(url + "?p=2").content.decode())
    assert len(second - rows(html)) >= 45
    # The export keeps every row.
    export = client.get(url + "?format=csv").content.decode()
    assert export.count("Page ajoutée") == 995
