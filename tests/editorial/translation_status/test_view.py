"""The translation status page as translators and moderators use it: the table, its
links, its filters, its CSV export, who may read it, and its cost in queries."""

import csv
import io

from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail_localize.models import Translation
from wagtail_localize.operations import translate_object

import pytest
from bs4 import BeautifulSoup

from iom_site.core.editorial.translation_status.menu import reports_menu_item
from iom_site.core.editorial.translation_status.views import csv_safe
from tests.core.factories import StandardPageFactory
from tests.partnerships.factories import PartnerFactory

from .conftest import fill, translation_of

pytestmark = pytest.mark.django_db

URL = "/admin/translation-status/"


@pytest.fixture
def superuser(make_user):
    return make_user("admin", superuser=True)


@pytest.fixture
def admin(client, superuser):
    client.force_login(superuser)
    return client


def table(response):
    """{row title: {column heading: cell}} of the status table, cells as BeautifulSoup tags."""
    soup = BeautifulSoup(response.content, "html.parser")
    status = soup.select_one("table.translation-status")
    headings = [th.get_text(strip=True) for th in status.select("thead th")]
    rows = {}
    for tr in status.select("tbody tr"):
        cells = tr.find_all(["th", "td"])
        title = cells[0].get_text(strip=True)
        rows[title] = dict(zip(headings, cells, strict=True))
    return rows


def link(cell):
    anchor = cell.find("a")
    return anchor["href"] if anchor else None


def read_csv(response):
    assert response["Content-Type"].startswith("text/csv")
    assert response.content.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


@pytest.fixture
def world(homes, french_page, locales, publish):
    """One French page in each state in English, and a partner with no translation."""
    missing = french_page("Page manquante")
    in_progress = french_page("Page en cours")
    translate_object(in_progress, [locales["en"]])
    fill(translation_of(in_progress, locales["en"]), count=1)
    published = french_page("Page publiée")
    translate_object(published, [locales["en"]])
    fill(translation_of(published, locales["en"]))
    publish(translation_of(published, locales["en"]))
    out_of_date = french_page("Page périmée")
    translate_object(out_of_date, [locales["en"]])
    fill(translation_of(out_of_date, locales["en"]))
    publish(translation_of(out_of_date, locales["en"]))
    out_of_date.lead = "<p>Nouveau chapeau.</p>"
    out_of_date.save_revision().publish()
    partner = PartnerFactory(name="ONU-Habitat")
    return {
        "missing": missing,
        "in_progress": in_progress,
        "published": published,
        "out_of_date": out_of_date,
        "partner": partner,
    }


def test_the_table_is_accessible_and_states_are_text(admin, world):
    response = admin.get(URL)

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    status = soup.select_one("table.translation-status")
    assert "État des traductions" in status.caption.get_text()
    assert [th["scope"] for th in status.select("thead th")] == ["col"] * 4
    assert [th.get_text(strip=True) for th in status.select("thead th")][2:] == [
        "Anglais",
        "Espagnol",
    ]
    assert all(th["scope"] == "row" for th in status.select("tbody th"))
    rows = table(response)
    assert "Manquante" in rows["Page manquante"]["Anglais"].get_text()
    assert "En cours" in rows["Page en cours"]["Anglais"].get_text()
    assert "%" in rows["Page en cours"]["Anglais"].get_text()
    assert "Publiée" in rows["Page publiée"]["Anglais"].get_text()
    assert "Périmée" in rows["Page périmée"]["Anglais"].get_text()
    assert rows["Page périmée"]["Anglais"].find("time")["datetime"]
    assert "Manquante" in rows["ONU-Habitat"]["Espagnol"].get_text()
    assert rows["ONU-Habitat"]["Type"].get_text(strip=True) == "partenaire"


def test_each_cell_links_to_its_action(admin, world, locales):
    rows = table(admin.get(URL))

    missing = world["missing"]
    href = link(rows["Page manquante"]["Anglais"])
    assert href.startswith(reverse("wagtail_localize:submit_page_translation", args=[missing.pk]))
    assert "select_locale=en" in href
    assert "next=%2Fadmin%2Ftranslation-status%2F" in href

    for title, key in (("Page en cours", "in_progress"), ("Page publiée", "published")):
        target = world[key].get_translation(locales["en"])
        assert link(rows[title]["Anglais"]) == reverse("wagtailadmin_pages:edit", args=[target.pk])

    source_id = translation_of(world["out_of_date"], locales["en"]).source_id
    assert link(rows["Page périmée"]["Anglais"]).startswith(
        reverse("wagtail_localize:update_translations", args=[source_id])
    )

    partner = world["partner"]
    assert link(rows["ONU-Habitat"]["Anglais"]).startswith(
        reverse(
            "wagtail_localize:submit_snippet_translation",
            args=["partnerships", "partner", partner.pk],
        )
    )
    assert rows["ONU-Habitat"]["Contenu français"].find("a")["href"] == reverse(
        "wagtailsnippets_partnerships_partner:edit", args=[partner.pk]
    )


def test_the_action_links_lead_to_working_pages(admin, world, locales):
    rows = table(admin.get(URL))

    for title in ("Page manquante", "Page en cours", "Page périmée", "ONU-Habitat"):
        response = admin.get(link(rows[title]["Anglais"]))
        assert response.status_code == 200, title


def test_filter_by_language_shows_one_column(admin, world):
    response = admin.get(URL, {"language": "es"})

    rows = table(response)
    assert set(next(iter(rows.values()))) == {"Contenu français", "Type", "Espagnol"}


def test_filter_by_state_keeps_the_rows_with_a_cell_in_that_state(admin, world):
    rows = table(admin.get(URL, {"language": "en", "state": "out_of_date"}))
    assert list(rows) == ["Page périmée"]

    rows = table(admin.get(URL, {"language": "en", "state": "published"}))
    assert list(rows) == ["Accueil", "Page publiée"]  # the home page is copied by hand


def test_the_filter_form_keeps_its_values_and_ignores_unknown_ones(admin, world):
    response = admin.get(URL, {"language": "de", "state": "in_progress"})

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one("select[name=state] option[selected]")["value"] == "in_progress"
    assert list(table(response)) == ["Page en cours"]
    assert {th.get_text(strip=True) for th in soup.select("table.translation-status thead th")} >= {
        "Anglais",
        "Espagnol",
    }


def test_a_filter_without_match_says_so(admin, homes):
    response = admin.get(URL, {"state": "out_of_date"})

    assert "Aucun contenu ne correspond à ces filtres." in response.content.decode()


def test_the_summary_counts_cells_by_language_and_state(admin, world):
    soup = BeautifulSoup(admin.get(URL, {"language": "en"}).content, "html.parser")
    summary = soup.select_one("table.translation-status__summary")

    headings = [th.get_text(strip=True) for th in summary.select("thead th")]
    assert headings == ["Langue", "Manquante", "En cours", "Périmée", "Publiée"]
    (english,) = summary.select("tbody tr")
    counts = dict(zip(headings[1:], [td.get_text() for td in english.select("td")], strict=True))
    assert counts["Périmée"] == "1"
    assert counts["Publiée"] == "2"  # the page, and the English home page copied by hand


def test_csv_export_has_a_header_and_follows_the_filters(admin, world):
    response = admin.get(URL, {"language": "en", "state": "out_of_date", "format": "csv"})

    assert "attachment" in response["Content-Disposition"]
    header, *lines = read_csv(response)
    assert header == [
        "Type",
        "Contenu",
        "Lien",
        "État (EN)",
        "Pourcentage traduit (EN)",
        "Source modifiée le (EN)",
        "Action (EN)",
        "Lien de l’action (EN)",
    ]
    assert len(lines) == 1
    line = dict(zip(header, lines[0], strict=True))
    assert line["Contenu"] == "Page périmée"
    assert line["État (EN)"] == "Périmée"
    assert line["Pourcentage traduit (EN)"] == "100"
    assert line["Source modifiée le (EN)"]
    assert line["Lien de l’action (EN)"].startswith("http://testserver/admin/localize/update/")


def test_csv_export_lists_every_row_in_both_languages(admin, world):
    header, *lines = read_csv(admin.get(URL, {"format": "csv"}))

    assert len(header) == 3 + 2 * 5
    titles = [line[1] for line in lines]
    assert {"Page manquante", "Page en cours", "Page publiée", "ONU-Habitat"} <= set(titles)


def test_csv_export_neutralises_formulas(admin, homes):
    StandardPageFactory(parent=homes["fr"], title='=HYPERLINK("http://evil.example","x")')
    PartnerFactory(name="@SUM(1+1)")

    _header, *lines = read_csv(admin.get(URL, {"format": "csv"}))

    titles = [line[1] for line in lines]
    assert '\'=HYPERLINK("http://evil.example","x")' in titles
    assert "'@SUM(1+1)" in titles
    assert not any(cell.startswith(("=", "+", "-", "@")) for line in lines for cell in line)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+33 1 23", "'+33 1 23"),
        ("-2", "'-2"),
        ("@A1", "'@A1"),
        ("\t=1", "'\t=1"),
        ("Accueil", "Accueil"),
        (42, "42"),
        (None, ""),
    ],
)
def test_csv_safe(value, expected):
    assert csv_safe(value) == expected


@pytest.mark.parametrize(
    "kind", ["superuser", "translator", "moderator", "submitter"], ids=lambda kind: kind
)
def test_translators_and_moderators_may_read_the_page(client, make_user, homes, kind):
    from django.contrib.auth.models import Permission

    users = {
        "superuser": lambda: make_user("root", superuser=True),
        "translator": lambda: make_user("traductrice", groups=["Translators"]),
        "moderator": lambda: make_user("moderateur", groups=["Moderators"]),
        "submitter": lambda: make_user(
            "chargee",
            permissions=[Permission.objects.get(codename="submit_translation")],
        ),
    }
    client.force_login(users[kind]())

    assert client.get(URL).status_code == 200
    assert client.get(URL, {"format": "csv"}).status_code == 200


def test_a_plain_editor_is_refused(client, make_user, homes):
    client.force_login(make_user("redacteur", groups=["Communications editors"]))

    response = client.get(URL)
    assert response.status_code == 403
    assert "Accès refusé" in response.content.decode()
    assert client.get(URL, {"format": "csv"}).status_code == 403


def test_an_anonymous_visitor_is_sent_to_the_login(client, homes):
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


def test_the_reports_menu_shows_the_page_to_readers_only(make_user, homes):
    item = reports_menu_item()
    request = RequestFactory().get("/admin/")

    request.user = make_user("traducteur", groups=["Translators"])
    assert item.is_shown(request)
    assert item.url == URL
    request.user = make_user("redactrice")
    assert not item.is_shown(request)


def test_without_submit_permission_translate_and_sync_links_give_way(
    client, make_user, world, locales
):
    client.force_login(make_user("traductrice", groups=["Translators"]))

    rows = table(client.get(URL))

    assert link(rows["Page manquante"]["Anglais"]) is None
    target = world["out_of_date"].get_translation(locales["en"])
    assert link(rows["Page périmée"]["Anglais"]) == reverse(
        "wagtailadmin_pages:edit", args=[target.pk]
    )


def _add_pages(parent, first, count, locales, publish):
    for index in range(first, first + count):
        page = StandardPageFactory(parent=parent, title=f"Page {index}")
        page.save_revision().publish()
        if index % 3:
            translate_object(page, [locales["en"], locales["es"]])
            translation = Translation.objects.get(
                source__object_id=page.translation_key, target_locale=locales["en"]
            )
            fill(translation, count=index % 5)
            if index % 2:
                publish(translation)


def test_the_page_costs_the_same_queries_for_3_or_30_pages(
    admin, homes, locales, publish, django_assert_max_num_queries
):
    _add_pages(homes["fr"], 0, 3, locales, publish)
    PartnerFactory(name="Partenaire 1")
    admin.get(URL)  # session, content types and site caches warm up
    with CaptureQueriesContext(connection) as three_pages:
        assert admin.get(URL).status_code == 200
    assert len(three_pages) <= 30

    _add_pages(homes["fr"], 3, 27, locales, publish)
    PartnerFactory(name="Partenaire 2")

    with django_assert_max_num_queries(len(three_pages)):
        response = admin.get(URL)
    assert len(table(response)) >= 30
    with django_assert_max_num_queries(len(three_pages)):
        admin.get(URL, {"format": "csv"})
