"""The three partnerships page types: rendering, tree rules, admin creation, query cost."""

from django.urls import reverse

from wagtail.images.tests.utils import get_test_image_file
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest
from wagtail_factories import ImageFactory

from iom_site.core.models import SectionPage
from partnerships.models import (
    EngagementFormPage,
    PartnerKind,
    PartnershipsPage,
    WhereWeWorkPage,
)

from .factories import (
    EngagementFormPageFactory,
    PartnerFactory,
    PartnershipsPageFactory,
    WhereWeWorkPageFactory,
)

pytestmark = pytest.mark.django_db

PAGE_TYPES = [PartnershipsPage, WhereWeWorkPage, EngagementFormPage]
SINGLETONS = [PartnershipsPage, WhereWeWorkPage]
QUERY_BUDGET = 8


def get(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


# Rendering


def test_partnerships_page_lists_partners_by_kind_with_logos(client, sections):
    page = PartnershipsPageFactory(parent=sections["fr"]["notre-travail"])
    logo = ImageFactory(file=get_test_image_file(size=(600, 300)))
    PartnerFactory(
        name="Programme des Nations Unies pour le développement (PNUD)",
        kind=PartnerKind.UNITED_NATIONS,
        logo=logo,
        url="https://www.undp.org/fr",
    )
    PartnerFactory(name="Université de Genève", kind=PartnerKind.ACADEMIA, url="")

    html = get(client, page)

    assert html.count("<h1") == 1
    assert "Chapeau des partenariats." in html
    assert "Texte courant du bloc paragraphe." in html
    assert '<h3 id="partenaires-united_nations">Système des Nations Unies</h3>' in html
    assert '<h3 id="partenaires-academia">Milieu universitaire</h3>' in html
    assert html.index("partenaires-united_nations") < html.index("partenaires-academia")
    assert (
        '<a href="https://www.undp.org/fr">Programme des Nations Unies pour le développement (PNUD)</a>'
        in html
    )
    assert 'alt="Programme des Nations Unies pour le développement (PNUD)"' in html
    assert logo.renditions.filter(filter_spec="max-240x120|format-webp").exists()
    assert ".format-webp.webp" in html
    assert "Université de Genève" in html


def test_partnerships_page_shows_only_partners_of_its_language(client, sections):
    french = PartnershipsPageFactory(parent=sections["fr"]["notre-travail"])
    english = PartnershipsPageFactory(parent=sections["en"]["notre-travail"], title="Partnerships")
    PartnerFactory(name="Réseau des Nations Unies sur les migrations")
    PartnerFactory(name="United Nations Network on Migration", locale=english.locale)

    french_html, english_html = get(client, french), get(client, english)

    assert "Réseau des Nations Unies sur les migrations" in french_html
    assert "United Nations Network on Migration" not in french_html
    assert "United Nations Network on Migration" in english_html
    assert "Réseau des Nations Unies sur les migrations" not in english_html


def test_partnerships_page_without_content_or_partners(client, sections):
    page = PartnershipsPageFactory(parent=sections["fr"]["notre-travail"], lead="", body=[])

    html = get(client, page)

    assert "<h1>Partenariats</h1>" in html
    assert "Nos partenaires" not in html


def test_where_we_work_page_lists_offices_by_region(client, sections):
    page = WhereWeWorkPageFactory(parent=sections["fr"]["notre-travail"])

    html = get(client, page)

    assert html.count("<h1") == 1
    assert '<h2 id="siege">Siège</h2>' in html
    assert '<h2 id="afrique-australe">Afrique australe</h2>' in html
    assert '<a href="https://www.iom.int/fr">Siège de l’OIM</a>' in html
    assert "Pretoria, Afrique du Sud" in html
    assert html.index("Siège de l’OIM") < html.index("Bureau régional pour l’Afrique australe")


def test_where_we_work_page_without_content(client, sections):
    page = WhereWeWorkPageFactory(parent=sections["fr"]["notre-travail"], lead="", regions=[])

    html = get(client, page)

    assert "<h1>Où travaillons-nous</h1>" in html
    assert "<h2" not in html.split('id="contenu"')[1].split("</main>")[0]


def test_engagement_form_page_renders_its_form(client, sections):
    page = EngagementFormPageFactory(parent=sections["fr"]["agir"])

    html = get(client, page)

    assert html.count("<h1") == 1
    assert "Écrivez-nous." in html
    assert 'name="csrfmiddlewaretoken"' in html
    for name in ("nom", "courriel", "organisation", "message", "consentement"):
        assert f'name="{name}"' in html
    assert 'autocomplete="email"' in html
    assert "(facultatif)" in html
    assert 'aria-describedby="id_organisation_helptext"' in html
    assert 'name="website"' in html


def test_engagement_form_page_without_optional_content(client, sections):
    page = EngagementFormPageFactory(
        parent=sections["fr"]["agir"], lead="", thank_you_text="", fields=[]
    )

    html = get(client, page)

    assert "<h1>Engagez-vous</h1>" in html
    assert "<button" in html


# Tree rules


@pytest.mark.parametrize("model", PAGE_TYPES)
def test_page_types_live_under_sections_and_have_no_children(model):
    assert model.allowed_parent_page_models() == [SectionPage]
    assert model.allowed_subpage_models() == []


@pytest.mark.parametrize("model", PAGE_TYPES)
def test_page_types_can_be_created_under_a_section_only(model, homes, sections):
    assert model.can_create_at(sections["fr"]["notre-travail"])
    assert not model.can_create_at(homes["fr"])


@pytest.mark.parametrize(
    ("model", "factory"),
    [(PartnershipsPage, PartnershipsPageFactory), (WhereWeWorkPage, WhereWeWorkPageFactory)],
)
def test_singletons_exist_once_per_language(model, factory, sections):
    factory(parent=sections["fr"]["notre-travail"])

    assert not model.can_create_at(sections["fr"]["notre-travail"])
    assert not model.can_create_at(sections["fr"]["agir"])
    assert model.can_create_at(sections["en"]["notre-travail"])


# Admin creation


def add_page(client, model, parent, data):
    url = reverse(
        "wagtailadmin_pages:add",
        args=(model._meta.app_label, model._meta.model_name, parent.pk),
    )
    return client.post(url, nested_form_data(data))


def test_admin_creates_a_partnerships_page(admin_client, sections):
    response = add_page(
        admin_client,
        PartnershipsPage,
        sections["fr"]["notre-travail"],
        {
            "title": "Partenariats",
            "slug": "partenariats",
            "lead": rich_text("<p>Nos partenaires.</p>"),
            "body": streamfield([("paragraph", rich_text("<p>Du texte.</p>"))]),
        },
    )

    assert response.status_code == 302
    page = PartnershipsPage.objects.get(slug="partenariats")
    assert page.locale.language_code == "fr"
    assert page.body[0].block_type == "paragraph"


def test_admin_creates_a_where_we_work_page(admin_client, sections):
    office_data = {
        "name": "Bureau régional pour l’Afrique australe",
        "city": "Pretoria",
        "country": "Afrique du Sud",
        "role": "Bureau régional",
        "url": "",
    }
    response = add_page(
        admin_client,
        WhereWeWorkPage,
        sections["fr"]["notre-travail"],
        {
            "title": "Où travaillons-nous",
            "slug": "ou-travaillons-nous",
            "lead": rich_text("<p>Nos bureaux.</p>"),
            "regions": streamfield(
                [
                    (
                        "region",
                        {
                            "name": "Afrique australe",
                            "offices": {
                                "count": "1",
                                "0": {"value": office_data, "deleted": "", "order": "0"},
                            },
                        },
                    )
                ]
            ),
        },
    )

    assert response.status_code == 302
    page = WhereWeWorkPage.objects.get(slug="ou-travaillons-nous")
    assert page.regions[0].value["offices"][0]["city"] == "Pretoria"


def test_admin_creates_an_engagement_form_page(admin_client, sections):
    response = add_page(
        admin_client,
        EngagementFormPage,
        sections["fr"]["agir"],
        {
            "title": "Engagez-vous",
            "slug": "engagez-vous",
            "lead": rich_text("<p>Écrivez-nous.</p>"),
            "thank_you_text": rich_text("<p>Merci.</p>"),
            "to_address": "equipe@example.org",
            "from_address": "",
            "subject": "Nouveau message",
            "form_fields": inline_formset(
                [
                    {
                        "label": "Nom",
                        "help_text": "",
                        "required": "on",
                        "field_type": "singleline",
                        "choices": "",
                        "default_value": "",
                    },
                    {
                        "label": "Courriel",
                        "help_text": "",
                        "required": "on",
                        "field_type": "email",
                        "choices": "",
                        "default_value": "",
                    },
                ]
            ),
        },
    )

    assert response.status_code == 302
    page = EngagementFormPage.objects.get(slug="engagez-vous")
    fields = list(page.form_fields.all())
    assert [field.clean_name for field in fields] == ["nom", "courriel"]
    assert all(field.locale_id == page.locale_id for field in fields)


# Query cost


def make_partnerships_page(sections):
    page = PartnershipsPageFactory(parent=sections["fr"]["notre-travail"])
    for index in range(4):
        PartnerFactory(logo=ImageFactory(file=get_test_image_file()) if index % 2 else None)
    PartnerFactory(kind=PartnerKind.CIVIL_SOCIETY)
    return page


def make_where_we_work_page(sections):
    return WhereWeWorkPageFactory(parent=sections["fr"]["notre-travail"])


def make_engagement_form_page(sections):
    return EngagementFormPageFactory(parent=sections["fr"]["agir"])


@pytest.mark.parametrize(
    "make_page", [make_partnerships_page, make_where_we_work_page, make_engagement_form_page]
)
def test_each_page_renders_within_the_query_budget(
    make_page, client, sections, django_assert_max_num_queries
):
    page = make_page(sections)
    # The first visit fills the routing cache and generates logo renditions.
    client.get(page.url)

    with django_assert_max_num_queries(QUERY_BUDGET):
        response = client.get(page.url)

    assert response.status_code == 200
