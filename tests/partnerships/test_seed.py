"""The partnerships seed step: real partners and the three pages, loaded idempotently."""

from pathlib import Path

from django.core.management import call_command

from wagtail.models import Locale, Revision
from wagtail_localize.models import StringSegment, TranslationSource

import polib
import pytest

from partnerships import seed
from partnerships.models import EngagementFormPage, Partner, PartnershipsPage, WhereWeWorkPage

pytestmark = pytest.mark.django_db


def load():
    lines = []
    seed.load(lines.append)
    return lines


def test_seed_creates_partners_and_pages(client, sections):
    load()

    assert Partner.objects.filter(locale__language_code="fr").count() == len(seed.PARTNERS)
    partnerships = PartnershipsPage.objects.get(slug="partenariats")
    where = WhereWeWorkPage.objects.get(slug="ou-travaillons-nous")
    form = EngagementFormPage.objects.get(slug="engagez-vous")
    assert partnerships.get_parent().slug == "notre-travail"
    assert where.get_parent().slug == "notre-travail"
    assert form.get_parent().slug == "agir"
    assert all(page.live and page.show_in_menus for page in (partnerships, where, form))
    assert [f.clean_name for f in form.form_fields.all()] == [
        "nom",
        "courriel",
        "organisation",
        "message",
        "consentement",
    ]
    assert {f.locale_id for f in form.form_fields.all()} == {form.locale_id}

    html = client.get(partnerships.url).content.decode()
    assert "Réseau des Nations Unies sur les migrations" in html
    html = client.get(where.url).content.decode()
    assert html.count('class="card office"') == 10
    for city in ("Genève", "Bangkok", "Bruxelles", "Buenos Aires", "Le Caire", "Dakar"):
        assert city in html
    for city in ("Nairobi", "Pretoria", "San José", "Vienne"):
        assert city in html
    assert client.get(form.url).status_code == 200


def test_seed_runs_twice_without_changes(sections):
    load()
    revisions = Revision.objects.count()
    partners = list(Partner.objects.values())

    second = load()

    assert Revision.objects.count() == revisions
    assert list(Partner.objects.values()) == partners
    assert all("unchanged" in line for line in second)


def test_seed_restores_an_edited_partner_without_duplicating_it(sections):
    load()
    partner = Partner.objects.get(name__startswith="Réseau des Nations Unies")
    partner.name = "Nom modifié"
    partner.save()

    load()

    assert Partner.objects.count() == len(seed.PARTNERS)
    partner.refresh_from_db()
    assert partner.name == "Réseau des Nations Unies sur les migrations"


def test_seeded_form_accepts_a_submission(client, sections):
    load()
    form = EngagementFormPage.objects.get(slug="engagez-vous")

    response = client.post(
        form.url,
        {
            "nom": "Awa Diop",
            "courriel": "awa.diop@example.org",
            "message": "Bonjour.",
            "consentement": "on",
        },
    )

    assert response.status_code == 200
    assert form.get_submissions().count() == 1


@pytest.mark.parametrize("language", ["en", "es"])
def test_seed_catalogue_translates_every_seeded_string(language, sections):
    """The seed brings English and Spanish in from these catalogues, refusing any gap."""
    load()
    catalogue = polib.pofile(str(Path(seed.__file__).parent / "translations" / f"{language}.po"))
    translated = {entry.msgid for entry in catalogue if entry.msgstr}
    french = Locale.get_default()
    seeded = [
        *Partner.objects.filter(locale=french),
        *PartnershipsPage.objects.filter(locale=french),
        *WhereWeWorkPage.objects.filter(locale=french),
        *EngagementFormPage.objects.filter(locale=french),
    ]

    strings = set()
    for instance in seeded:
        source, _created = TranslationSource.get_or_create_from_instance(instance)
        strings |= set(
            StringSegment.objects.filter(source=source).values_list("string__data", flat=True)
        )

    assert strings
    assert sorted(strings - translated) == []


def test_partnerships_app_has_no_missing_migrations():
    call_command("makemigrations", "partnerships", "--check", "--dry-run", verbosity=0)
