"""Core page types: tree rules, rendering with full and empty content, admin creation."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from iom_site.core.models import HomePage, OrgUnit, SectionPage, StandardPage, StructurePage
from iom_site.core.seed.site_setup import ensure_site
from tests.core.factories import SectionPageFactory, StandardPageFactory, StructurePageFactory

pytestmark = pytest.mark.django_db

UNITS = [
    {
        "key": "dg",
        "name": "Direction générale",
        "head_title": "Directrice générale",
        "description": "Dirige.",
        "reports_to": "",
    },
    {
        "key": "dga",
        "name": "Adjointe aux opérations",
        "head_title": "DGA",
        "description": "Opère.",
        "reports_to": "dg",
    },
    {
        "key": "cab",
        "name": "Bureau du Chef de Cabinet",
        "head_title": "Chef de Cabinet",
        "description": "",
        "reports_to": "dg",
    },
]


def make_structure(parent, units=UNITS):
    page = StructurePageFactory.build()
    for row in units:
        page.units.add(OrgUnit(**row))
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_section_page_renders_lead_body_and_child_cards(client, homes):
    section = SectionPageFactory(parent=homes["fr"], title="Qui sommes nous", body=[])
    StandardPageFactory(
        parent=section, title="Ce que nous faisons", search_description="Résumé carte."
    )
    html = client.get(section.url).content.decode()
    assert "<h1>Qui sommes nous</h1>" in html
    assert "Chapeau de la rubrique." in html
    assert "Ce que nous faisons" in html
    assert "Résumé carte." in html


def test_standard_page_renders_every_block(client, homes):
    page = StandardPageFactory(parent=homes["fr"], title="Tous les blocs")
    html = client.get(page.url).content.decode()
    assert '<h2 id="une-approche-globale" class="heading-block">Une approche globale</h2>' in html
    assert "Texte courant du bloc paragraphe." in html
    assert "<cite>Source du bloc</cite>" in html
    assert '<details class="expandable" id="section-a">' in html
    assert '<a href="#section-a">Section dépliable</a>' in html
    assert '<span class="key-figure__value">175</span>' in html
    assert '<a href="https://www.iom.int/fr">Carte externe</a>' in html
    assert '<a href="mailto:contact@example.org" itemprop="email">' in html


@pytest.mark.parametrize("factory", [SectionPageFactory, StandardPageFactory, StructurePageFactory])
def test_pages_render_with_optional_fields_empty(client, homes, factory):
    parent = homes["fr"]
    if factory is StructurePageFactory:
        parent = SectionPageFactory(parent=parent)
    page = (
        factory(parent=parent, lead="", body=[])
        if factory is not StructurePageFactory
        else factory(parent=parent, lead="")
    )
    response = client.get(page.url)
    assert response.status_code == 200
    assert f"<h1>{page.title}</h1>" in response.content.decode()


def test_structure_page_is_a_nested_org_chart_with_json_ld(client, homes):
    import json
    import re

    section = SectionPageFactory(parent=homes["fr"])
    page = make_structure(section)
    html = client.get(page.url).content.decode()
    chart = html[html.index('<ul class="org-chart">') :]
    # The two units reporting to the top are inside its nested list.
    top = chart.index('id="dg"')
    nested = chart.index('<ul aria-label="Unités rattachées à : Direction générale">')
    assert top < nested < chart.index('id="dga"') and nested < chart.index('id="cab"')
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    )
    assert data["@type"] == "Organization"
    top_unit = data["subOrganization"][0]
    assert top_unit["name"] == "Direction générale"
    assert {u["name"] for u in top_unit["subOrganization"]} == {
        "Adjointe aux opérations",
        "Bureau du Chef de Cabinet",
    }


def test_structure_page_rejects_unknown_or_duplicate_units(homes):
    from django.core.exceptions import ValidationError

    page = StructurePageFactory.build()
    page.units.add(OrgUnit(key="a", name="A", reports_to="missing"))
    with pytest.raises(ValidationError, match="unité inconnue"):
        page.clean()
    page = StructurePageFactory.build()
    page.units.add(OrgUnit(key="a", name="A"))
    page.units.add(OrgUnit(key="a", name="B"))
    with pytest.raises(ValidationError, match="identifiant unique"):
        page.clean()


class TestTreeRules(WagtailPageTestCase):
    def setUp(self):
        self.homes = ensure_site()
        self.section = SectionPageFactory(parent=self.homes["fr"])

    def test_allowed_parents(self):
        self.assertCanCreateAt(HomePage, SectionPage)
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanCreateAt(SectionPage, StandardPage)
        self.assertCanCreateAt(SectionPage, StructurePage)
        self.assertCanNotCreateAt(SectionPage, SectionPage)
        self.assertCanNotCreateAt(StandardPage, StandardPage)
        self.assertCanNotCreateAt(HomePage, StructurePage)
        self.assertCanNotCreateAt(Page, SectionPage)

    def test_one_structure_page_per_language_tree(self):
        assert StructurePage.can_create_at(self.section)
        make_structure(self.section)
        assert not StructurePage.can_create_at(self.section)
        english_section = SectionPageFactory(parent=self.homes["en"])
        assert StructurePage.can_create_at(english_section)

    def test_home_page_cannot_be_added_again(self):
        root = Page.get_first_root_node()
        assert not HomePage.can_create_at(root)


class TestAdminCreate(WagtailPageTestCase):
    def setUp(self):
        self.homes = ensure_site()
        self.login()

    def test_create_section_page(self):
        self.assertCanCreate(
            self.homes["fr"],
            SectionPage,
            nested_form_data(
                {
                    "title": "Agir",
                    "slug": "agir",
                    "lead": rich_text("<p>Agir avec l’OIM.</p>"),
                    "body": streamfield([("paragraph", rich_text("<p>Texte.</p>"))]),
                }
            ),
        )

    def test_create_standard_page(self):
        self.assertCanCreate(
            self.homes["fr"],
            StandardPage,
            nested_form_data(
                {
                    "title": "Données et recherche",
                    "slug": "donnees-et-recherche",
                    "lead": rich_text("<p>Données.</p>"),
                    "body": streamfield(
                        [("contact", {"unit": "Unité", "text": "", "email": "a@example.org"})]
                    ),
                }
            ),
        )

    def test_create_structure_page_with_units(self):
        section = SectionPageFactory(parent=self.homes["fr"])
        self.assertCanCreate(
            section,
            StructurePage,
            nested_form_data(
                {
                    "title": "Structure",
                    "slug": "structure",
                    "lead": rich_text("<p>La structure.</p>"),
                    "chart_heading": "Structure organisationnelle",
                    "units": inline_formset(
                        [
                            {
                                "key": "dg",
                                "name": "DG",
                                "head_title": "DG",
                                "description": "",
                                "reports_to": "",
                            },
                            {
                                "key": "cab",
                                "name": "Cabinet",
                                "head_title": "",
                                "description": "",
                                "reports_to": "dg",
                            },
                        ]
                    ),
                }
            ),
        )
        page = StructurePage.objects.get(slug="structure")
        assert [u.key for u in page.units.all()] == ["dg", "cab"]


class TestStructureAdminValidation(WagtailPageTestCase):
    def setUp(self):
        self.homes = ensure_site()
        self.section = SectionPageFactory(parent=self.homes["fr"])
        self.login()

    def post_units(self, units):
        from django.urls import reverse

        data = nested_form_data(
            {
                "title": "Structure",
                "slug": "structure",
                "lead": rich_text("<p>La structure.</p>"),
                "chart_heading": "Structure organisationnelle",
                "units": inline_formset(units),
            }
        )
        url = reverse("wagtailadmin_pages:add", args=["core", "structurepage", self.section.pk])
        return self.client.post(url, data)

    def test_duplicate_identifiers_are_refused_in_the_editor(self):
        unit = {"key": "dg", "name": "DG", "head_title": "", "description": "", "reports_to": ""}
        response = self.post_units([unit, {**unit, "name": "Autre"}])
        assert response.status_code == 200
        assert "Chaque unité doit avoir un identifiant unique." in response.content.decode()
        assert not StructurePage.objects.exists()

    def test_unknown_parent_is_refused_in_the_editor(self):
        unit = {
            "key": "dg",
            "name": "DG",
            "head_title": "",
            "description": "",
            "reports_to": "absent",
        }
        response = self.post_units([unit])
        assert "Aucune unité n’a cet identifiant." in response.content.decode()
        assert not StructurePage.objects.exists()


def test_image_block_serves_avif_and_webp_with_dimensions(client, homes):
    import wagtail_factories

    image = wagtail_factories.ImageFactory(file__width=1600, file__height=900)
    body = [
        {
            "type": "image",
            "value": {
                "image": image.pk,
                "alt_text": "Bureau régional de Dakar",
                "caption": "Dakar",
                "credit": "© OIM",
            },
        }
    ]
    page = StandardPageFactory(parent=homes["fr"], title="Avec image", body=body)
    html = client.get(page.url).content.decode()
    picture = html[html.index("<picture") : html.index("</picture>")]
    assert 'type="image/avif"' in picture
    assert ".webp 800w" in picture
    assert 'alt="Bureau régional de Dakar"' in picture
    assert 'loading="lazy"' in picture
    assert 'width="480"' in picture and 'height="270"' in picture  # no layout shift
    assert '<figcaption><span class="figure__caption">Dakar</span> ' in html
    assert '<span class="figure__credit">Crédit : © OIM</span></figcaption>' in html
