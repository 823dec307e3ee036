"""The goals' hubs (views below the Agenda page, not pages of Wagtail's search index) in the
site search of each language: found by the goal's name or number, first, with their path
and summary; gone when the Agenda page is; renamed with their goal; within the budget.
The hubs are matched in Python (core's search/subroutes.py), the same on PostgreSQL and
SQLite: none of these tests is PostgreSQL-only."""

import re

from wagtail.models import Locale

import pytest

from iom_site.core.search import results, subroutes
from strategy.models import AgendaPage, SustainableDevelopmentGoal
from tests.search.test_search_page import SEARCH_URLS, result_count, result_links

HUB_5 = {
    "fr": ("/fr/programme-2030/odd/5/", "Objectif 5 : Égalité entre les sexes"),
    "en": ("/en/2030-agenda/sdg/5/", "Goal 5: Gender equality"),
    "es": ("/es/agenda-2030/ods/5/", "Objetivo 5: Igualdad de género"),
}
AGENDA = {"fr": "/fr/programme-2030/", "en": "/en/2030-agenda/", "es": "/es/agenda-2030/"}


def search(client, code, query, **params):
    response = client.get(SEARCH_URLS[code], {"q": query, **params})
    assert response.status_code == 200
    return response


def hub_links(response):
    return [link for link in result_links(response) if re.search(r"/(odd|sdg|ods)/\d+/$", link)]


def result_item(response, url):
    html = response.content.decode()
    return next(
        item
        for item in html.split('<li class="search-result">')
        if item.lstrip().startswith(f'<h3 class="search-result__title"><a href="{url}">')
    )


@pytest.mark.parametrize(
    ("code", "query"),
    [
        ("fr", "Égalité entre les sexes"),
        ("fr", "egalite des sexes"),
        ("fr", "ODD 5"),
        ("fr", "objectif 5"),
        ("en", "Gender equality"),
        ("en", "SDG 5"),
        ("en", "goal 5"),
        ("es", "Igualdad de género"),
        ("es", "ODS 5"),
        ("es", "objetivo 5"),
    ],
)
def test_a_goals_name_or_number_finds_its_hub_first(client, site, code, query):
    url, title = HUB_5[code]
    response = search(client, code, query)
    assert result_links(response)[0] == url
    assert hub_links(response) == [url]  # not goal 15's, nor another goal sharing a word
    item = result_item(response, url)
    assert f">{title}</a></h3>" in item.replace("&#x27;", "'")
    # Where the hub is: the home page, then the Agenda page it is below.
    path = re.search(r'<ol class="search-result__path".*?</ol>', item, re.S).group()
    assert re.findall(r'<a href="([^"]+)">', path) == [f"/{code}/", AGENDA[code]]
    assert '<p class="search-result__summary">' in item


def test_the_summary_marks_the_words_searched(client, site):
    item = result_item(search(client, "en", "gender equality"), HUB_5["en"][0])
    assert "<mark>Gender</mark> <mark>equality</mark>" in item


def test_a_hub_is_found_only_in_its_language(client, site):
    assert hub_links(search(client, "fr", "Gender equality")) == []
    assert hub_links(search(client, "en", "Égalité entre les sexes")) == []
    assert all(link.startswith("/es/") for link in result_links(search(client, "es", "ODS 5")))


@pytest.mark.parametrize(("code", "query"), [("fr", "migration"), ("en", "migration")])
def test_words_that_name_no_goal_find_no_hub(client, site, code, query):
    response = search(client, code, query)
    assert result_links(response)  # pages, as before
    assert hub_links(response) == []


def test_a_short_goal_name_finds_its_hub(client, site):
    assert hub_links(search(client, "fr", "eau")) == ["/fr/programme-2030/odd/6/"]


def all_links(client, code, query):
    """Every result's link, page after page, and the count the first page announces."""
    first = search(client, code, query)
    links, number = result_links(first), 1
    while f'rel="next" href="?q={query}&amp;page={number + 1}"' in first.content.decode():
        number += 1
        first_of_next = search(client, code, query, page=str(number))
        links += result_links(first_of_next)
        first = first_of_next
    return links, result_count(search(client, code, query))


def test_every_hub_is_counted_and_paged_with_the_pages(client, site, monkeypatch):
    # "objectifs": every hub's title (« Objectif 5 : … »), and pages of the site.
    first = search(client, "fr", "objectifs")
    assert hub_links(first) == result_links(first)  # ten hubs on the first page
    links, count = all_links(client, "fr", "objectifs")
    assert len(links) == len(set(links)) == count
    assert sorted(hub for hub in links if hub in hub_links_of(links)) == sorted(
        f"/fr/programme-2030/odd/{n}/" for n in range(1, 18)
    )
    assert links[:17] == [f"/fr/programme-2030/odd/{n}/" for n in range(1, 18)]
    assert count > 17  # pages too

    # More pages than one probe: the pages are counted and sliced in the database, after
    # the hubs, to the same result.
    monkeypatch.setattr(results, "PROBE_SIZE", 1)
    assert all_links(client, "fr", "objectifs") == (links, count)


def hub_links_of(links):
    return [link for link in links if re.search(r"/(odd|sdg|ods)/\d+/$", link)]


def test_the_hubs_leave_the_search_with_their_agenda_page(client, site):
    assert hub_links(search(client, "fr", "ODD 5")) == [HUB_5["fr"][0]]
    AgendaPage.objects.get(locale__language_code="fr").unpublish()
    assert hub_links(search(client, "fr", "ODD 5")) == []
    assert hub_links(search(client, "en", "SDG 5")) == [HUB_5["en"][0]]


def test_a_renamed_goal_is_found_by_its_new_name(client, site):
    assert hub_links(search(client, "en", "Gender equality")) == [HUB_5["en"][0]]
    goal = SustainableDevelopmentGoal.objects.get(
        locale=Locale.objects.get(language_code="en"), number=5
    )
    goal.title = "Gender parity"
    goal.save()
    assert hub_links(search(client, "en", "Gender equality")) == []
    assert hub_links(search(client, "en", "gender parity")) == [HUB_5["en"][0]]


def test_a_search_that_finds_a_hub_takes_at_most_six_queries(
    client, site, django_assert_max_num_queries
):
    search(client, "fr", "agenda")  # menus, footer and the hubs' list cached per language
    with django_assert_max_num_queries(6):
        assert hub_links(search(client, "fr", "ODD 5")) == [HUB_5["fr"][0]]
    with django_assert_max_num_queries(6):
        search(client, "fr", "objectifs", page="2")


def test_the_hubs_list_costs_the_same_queries_whatever_the_number_of_goals(
    site, django_assert_num_queries
):
    french = Locale.objects.get(language_code="fr")
    subroutes._build(french.pk)  # Wagtail's site table and the routing table, cached
    # Types with views (one query each), the goals, the pages above the hubs.
    with django_assert_num_queries(3):
        assert len(subroutes._build(french.pk)) == 17
    SustainableDevelopmentGoal.objects.filter(locale=french, number__gt=3).delete()
    with django_assert_num_queries(3):
        assert len(subroutes._build(french.pk)) == 3


@pytest.mark.parametrize(
    ("terms", "expected"),
    [
        ("egalite des sexes", 2),  # "des": three letters, not in the title, not needed
        ("odd 5", 2),
        ("odd 15", 0),  # a number is the goal's exactly
        ("5", 1),
        ("egalite migration", 0),  # a word of four letters or more must be there
        ("de la", 0),  # words that name nothing
    ],
)
def test_score_of_a_view_for_search_words(terms, expected):
    entry = subroutes.Entry(
        title="Objectif 5 : Égalité entre les sexes",
        url="/fr/programme-2030/odd/5/",
        description="",
        crumbs=(),
        words=frozenset(["objectif", "5", "egalite", "entre", "les", "sexes", "odd"]),
    )
    assert subroutes.score(entry, terms) == expected
