"""The Agenda and strategy pages: rendering with full and empty content, the SDG index,
tree rules, admin creation and query cost."""

import re

from wagtail.models import Page, PageViewRestriction
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from iom_site.core.models import HomePage, SectionPage
from iom_site.core.seed.site_setup import ensure_site
from strategy.models import AgendaPage, StrategyPage
from tests.core.factories import SectionPageFactory, StandardPageFactory, populated_body

from .factories import (
    SECTIONS,
    AgendaPageFactory,
    SDGTargetFactory,
    StrategyPageFactory,
    SustainableDevelopmentGoalFactory,
    agenda_body,
    sdg_targets_block,
)

pytestmark = pytest.mark.django_db

# Queries for a whole page view once the routing tables, menu and footer are cached:
# the base template's share included.
QUERY_BUDGET = 8


def get(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def heading_levels(html):
    main = html[html.index("<main") : html.index("</main>")]
    return [int(level) for level in re.findall(r"<h([1-6])\b", main)]


def assert_headings_in_order(html):
    levels = heading_levels(html)
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False)), levels


def tagging_page(parent, title, targets, **kwargs):
    return StandardPageFactory(
        parent=parent, title=title, body=[sdg_targets_block(targets)], **kwargs
    )


@pytest.fixture
def migration_targets():
    goal10 = SustainableDevelopmentGoalFactory(
        number=10, title="Inégalités réduites", colour="#DD1367"
    )
    goal17 = SustainableDevelopmentGoalFactory(
        number=17, title="Partenariats pour la réalisation des objectifs", colour="#19486A"
    )
    return {
        "10.7": SDGTargetFactory(goal=goal10, code="10.7", description="Faciliter la migration"),
        "10.c": SDGTargetFactory(goal=goal10, code="10.c", description="Envois de fonds"),
        "17.18": SDGTargetFactory(goal=goal17, code="17.18", description="Données ventilées"),
        "17.2": SDGTargetFactory(goal=goal17, code="17.2", description="Aide publique"),
    }


# Rendering


@pytest.mark.parametrize("page_type", ["agenda", "strategy"])
def test_pages_render_every_body_block(client, homes, migration_targets, page_type):
    body = [*populated_body(), sdg_targets_block([migration_targets["10.7"]])]
    agenda = AgendaPageFactory(parent=homes["fr"], body=body if page_type == "agenda" else [])
    page = StrategyPageFactory(parent=agenda, body=body) if page_type == "strategy" else agenda

    html = get(client, page)

    assert "<blockquote><p>Citation du bloc.</p></blockquote>" in html
    assert '<details class="expandable" id="section-a">' in html
    assert '<span class="key-figure__value">175</span>' in html
    assert '<a href="https://www.iom.int/fr">Carte externe</a>' in html
    assert '<a href="mailto:contact@example.org" itemprop="email">' in html
    assert "Cible 10.7" in html
    assert_headings_in_order(html)


# The Agenda page


def test_agenda_page_renders_every_field_and_block(client, homes, migration_targets):
    agenda = AgendaPageFactory(parent=homes["fr"], body=agenda_body([migration_targets["10.7"]]))
    strategy = StrategyPageFactory(parent=agenda, listing_summary="Résumé de la stratégie.")

    html = get(client, agenda)

    assert "<h1>2030 AGENDA</h1>" in html
    assert "Chapeau du Programme 2030." in html
    assert "Paragraphe du Programme 2030." in html
    assert "<blockquote" in html and "la migration est une réalité multidimensionnelle" in html
    assert "<cite>Pacte mondial pour des migrations sûres, ordonnées et régulières</cite>" in html
    # The strategy page below is offered as a card, without anyone adding it.
    assert f'<a href="{strategy.url}">{strategy.title}</a>'.replace("'", "&#x27;") in html
    assert "Résumé de la stratégie." in html
    assert_headings_in_order(html)


def test_agenda_page_renders_with_every_optional_field_empty(client, homes):
    agenda = AgendaPageFactory(parent=homes["fr"], intro="", body=[])

    html = get(client, agenda)

    assert "<h1>2030 AGENDA</h1>" in html
    assert 'class="lead"' not in html
    assert 'class="sdg-index"' not in html
    assert 'class="link-cards"' not in html


def test_agenda_page_lists_goals_targets_and_the_pages_that_tag_them(
    client, homes, migration_targets
):
    agenda = AgendaPageFactory(parent=homes["fr"], body=agenda_body([migration_targets["10.7"]]))
    section = SectionPageFactory(parent=homes["fr"], title="Notre travail")
    tagging_page(
        section, "Ce que nous faisons", [migration_targets["10.7"], migration_targets["17.18"]]
    )

    html = get(client, agenda)
    index = html[html.index('<section class="sdg-index"') :]

    goal10 = index[index.index('id="odd-10"') : index.index('id="odd-17"')]
    goal17 = index[index.index('id="odd-17"') :]
    assert "Objectif 10" in goal10 and "Inégalités réduites" in goal10
    # Official colours come from per-goal classes (no inline style under the CSP).
    assert '<li class="sdg-goal sdg-10" id="odd-10">' in index
    assert '<li class="sdg-goal sdg-17" id="odd-17">' in index
    assert "style=" not in index
    # Official order: numbered targets, then lettered ones; 17.2 before 17.18.
    assert goal10.index("Cible 10.7") < goal10.index("Cible 10.c")
    assert goal17.index("Cible 17.2<") < goal17.index("Cible 17.18")

    target_107 = goal10[goal10.index("Cible 10.7") : goal10.index("Cible 10.c")]
    assert '<a href="/fr/notre-travail/ce-que-nous-faisons/">Ce que nous faisons</a>' in target_107
    assert '<a href="/fr/programme-2030/">2030 AGENDA</a>' in target_107
    target_10c = goal10[goal10.index("Cible 10.c") :]
    assert "<a href" not in target_10c
    target_1718 = goal17[goal17.index("Cible 17.18") :]
    assert "Ce que nous faisons" in target_1718
    assert_headings_in_order(html)


def test_agenda_index_leaves_out_drafts_restricted_pages_and_other_languages(
    client, homes, migration_targets
):
    target = migration_targets["10.7"]
    agenda = AgendaPageFactory(parent=homes["fr"], body=[])
    tagging_page(homes["fr"], "Page publiée", [target])
    tagging_page(homes["fr"], "Brouillon", [target], live=False)
    private = tagging_page(homes["fr"], "Page réservée", [target])
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    english_target = target.copy_for_translation(homes["en"].locale)
    english_target.goal = target.goal.copy_for_translation(homes["en"].locale)
    english_target.goal.save()
    english_target.save()
    tagging_page(homes["en"], "English page", [english_target])

    html = get(client, agenda)

    assert "Page publiée" in html
    assert "Brouillon" not in html
    assert "Page réservée" not in html
    assert "English page" not in html


def test_agenda_index_is_in_the_page_language(client, homes, migration_targets):
    french_agenda = AgendaPageFactory(parent=homes["fr"], body=[])
    english_agenda = AgendaPageFactory(parent=homes["en"], title="2030 AGENDA", body=[])
    goal = migration_targets["10.7"].goal
    english_goal = goal.copy_for_translation(homes["en"].locale)
    english_goal.title = "Reduced inequalities"
    english_goal.save()
    english_target = migration_targets["10.7"].copy_for_translation(homes["en"].locale)
    english_target.goal = english_goal
    english_target.description = "Facilitate orderly, safe, regular and responsible migration"
    english_target.save()

    english = get(client, english_agenda)
    french = get(client, french_agenda)

    assert "Reduced inequalities" in english and "Facilitate orderly" in english
    assert "Inégalités réduites" not in english
    assert "Inégalités réduites" in french and "Facilitate orderly" not in french


# The strategy page


def test_strategy_page_renders_sections_table_of_contents_and_contact(client, homes):
    agenda = AgendaPageFactory(parent=homes["fr"], body=[])
    strategy = StrategyPageFactory(parent=agenda)

    html = get(client, strategy)

    assert "<h1>Stratégie institutionnelle de l&#x27;OIM</h1>" in html
    assert "Présentation de la stratégie." in html
    assert '<h2 id="strategie-approches">Une approche globale de la migration' in html
    toc = re.search(r'<nav class="toc" aria-label="Sommaire">(.*?)</nav>', html, re.S).group(1)
    anchors = [section["anchor"] for section in SECTIONS]
    assert re.findall(r'href="#([^"]+)"', toc) == anchors
    assert re.findall(r'<details class="expandable" id="([^"]+)">', html) == anchors
    first = html[html.index('id="approche-pangouvernementale"') :]
    assert first.index("<summary><h3>Une approche pangouvernementale</h3></summary>") < first.index(
        "Texte de la première approche."
    )
    assert '<a href="mailto:migration4development@iom.int" itemprop="email">' in html
    assert 'itemtype="https://schema.org/ContactPoint"' in html
    assert_headings_in_order(html)


def test_strategy_page_renders_with_every_optional_field_empty(client, homes):
    agenda = AgendaPageFactory(parent=homes["fr"], body=[])
    strategy = StrategyPageFactory(
        parent=agenda, intro="", sections_heading="", body=[], sections=[]
    )

    html = get(client, strategy)

    assert "<h1>Stratégie institutionnelle de l&#x27;OIM</h1>" in html
    assert "<details" not in html
    assert 'class="toc"' not in html


def test_translated_strategy_page_keeps_the_section_anchors(client, homes):
    agenda = AgendaPageFactory(parent=homes["fr"], body=[])
    strategy = StrategyPageFactory(parent=agenda)
    english_agenda = agenda.copy_for_translation(homes["en"].locale)
    english_agenda.save_revision().publish()
    english = strategy.copy_for_translation(homes["en"].locale)
    english.title = "IOM Institutional Strategy"
    for section in english.sections.all():
        section.heading = f"Translated {section.heading}"
        section.save()
    english.save_revision().publish()

    html = get(client, english.specific)

    assert re.findall(r'<details class="expandable" id="([^"]+)">', html) == [
        section["anchor"] for section in SECTIONS
    ]


# Query cost


def test_agenda_page_query_cost_is_within_budget_and_constant(
    client, homes, migration_targets, django_assert_max_num_queries
):
    section = SectionPageFactory(parent=homes["fr"])
    agenda = AgendaPageFactory(
        parent=homes["fr"], body=agenda_body(list(migration_targets.values()))
    )
    StrategyPageFactory(parent=agenda)
    tagging_page(section, "Première page", [migration_targets["10.7"]])
    client.get(agenda.url)  # routing tables, menu and footer are cached from here on

    with django_assert_max_num_queries(QUERY_BUDGET) as captured:
        assert client.get(agenda.url).status_code == 200
    few = len(captured.captured_queries)

    # Nine more goals, targets and tagging pages cost no more queries.
    for number in range(1, 10):
        target = SDGTargetFactory(goal=SustainableDevelopmentGoalFactory(number=number))
        tagging_page(section, f"Page {number}", [target, migration_targets["10.c"]])
    client.get(agenda.url)
    with django_assert_max_num_queries(few):
        html = client.get(agenda.url).content.decode()
    assert "Page 9" in html


def test_strategy_page_query_cost_is_within_budget(client, homes, django_assert_max_num_queries):
    agenda = AgendaPageFactory(parent=homes["fr"], body=[])
    strategy = StrategyPageFactory(parent=agenda)
    client.get(strategy.url)

    with django_assert_max_num_queries(QUERY_BUDGET):
        response = client.get(strategy.url)
    assert response.status_code == 200


# Tree rules


class TestTreeRules(WagtailPageTestCase):
    def setUp(self):
        self.homes = ensure_site()

    def test_agenda_page_sits_under_a_home_page_and_holds_the_strategy(self):
        self.assertCanCreateAt(HomePage, AgendaPage)
        self.assertCanNotCreateAt(SectionPage, AgendaPage)
        self.assertCanNotCreateAt(Page, AgendaPage)
        self.assertAllowedSubpageTypes(AgendaPage, {StrategyPage})

    def test_strategy_page_is_a_leaf_under_the_agenda_page(self):
        self.assertAllowedParentPageTypes(StrategyPage, {AgendaPage})
        self.assertCanNotCreateAt(HomePage, StrategyPage)
        self.assertAllowedSubpageTypes(StrategyPage, {})

    def test_one_agenda_and_one_strategy_page_per_language_tree(self):
        french, english = self.homes["fr"], self.homes["en"]
        assert AgendaPage.can_create_at(french)
        agenda = AgendaPageFactory(parent=french, body=[])
        assert not AgendaPage.can_create_at(french)
        assert AgendaPage.can_create_at(english)

        assert StrategyPage.can_create_at(agenda)
        StrategyPageFactory(parent=agenda)
        assert not StrategyPage.can_create_at(agenda)
        english_agenda = AgendaPageFactory(parent=english, body=[])
        assert StrategyPage.can_create_at(english_agenda)


# Admin creation


class TestAdminCreate(WagtailPageTestCase):
    def setUp(self):
        self.homes = ensure_site()
        self.login()

    def test_create_agenda_page_with_quote_and_targets(self):
        target = SDGTargetFactory(goal=SustainableDevelopmentGoalFactory(number=10), code="10.7")
        self.assertCanCreate(
            self.homes["fr"],
            AgendaPage,
            nested_form_data(
                {
                    "title": "2030 AGENDA",
                    "slug": "programme-2030",
                    "intro": rich_text("<p>Le Programme 2030.</p>"),
                    "body": streamfield(
                        [
                            ("paragraph", rich_text("<p>Texte.</p>")),
                            (
                                "quote",
                                {
                                    "quote": "la migration est une réalité multidimensionnelle",
                                    "source": "Pacte mondial",
                                    "source_url": "",
                                },
                            ),
                            (
                                "sdg_targets",
                                {
                                    "heading": "",
                                    "targets": {
                                        "count": 1,
                                        "0": {
                                            "value": target.pk,
                                            "deleted": "",
                                            "order": 0,
                                            "id": "",
                                        },
                                    },
                                },
                            ),
                        ]
                    ),
                }
            ),
        )
        page = AgendaPage.objects.get(slug="programme-2030")
        assert [block.block_type for block in page.body] == ["paragraph", "quote", "sdg_targets"]
        assert list(page.body[2].value["targets"]) == [target]

    def test_create_strategy_page_with_ordered_sections(self):
        agenda = AgendaPageFactory(parent=self.homes["fr"], body=[])
        self.assertCanCreate(
            agenda,
            StrategyPage,
            nested_form_data(
                {
                    "title": "Stratégie institutionnelle",
                    "slug": "strategie-migration-developpement-durable",
                    "intro": rich_text("<p>La stratégie.</p>"),
                    "sections_heading": "Une approche globale",
                    "sections": inline_formset(
                        [
                            {
                                "heading": row["heading"],
                                "anchor": row["anchor"],
                                "body": rich_text(row["body"]),
                            }
                            for row in SECTIONS
                        ]
                    ),
                    "body": streamfield(
                        [
                            (
                                "contact",
                                {
                                    "unit": "Migration et développement durable",
                                    "text": "",
                                    "email": "migration4development@iom.int",
                                },
                            )
                        ]
                    ),
                }
            ),
        )
        page = StrategyPage.objects.get(slug="strategie-migration-developpement-durable")
        assert [section.anchor for section in page.sections.all()] == [
            row["anchor"] for row in SECTIONS
        ]

    def test_strategy_page_refuses_two_sections_with_one_anchor(self):
        agenda = AgendaPageFactory(parent=self.homes["fr"], body=[])
        response = self.client.post(
            f"/admin/pages/add/strategy/strategypage/{agenda.pk}/",
            nested_form_data(
                {
                    "title": "Stratégie",
                    "slug": "strategie",
                    "intro": rich_text(""),
                    "sections_heading": "",
                    "sections": inline_formset(
                        [
                            {"heading": "A", "anchor": "meme-ancre", "body": rich_text("<p>A</p>")},
                            {"heading": "B", "anchor": "meme-ancre", "body": rich_text("<p>B</p>")},
                        ]
                    ),
                    "body": streamfield([]),
                }
            ),
        )
        assert response.status_code == 200
        assert "ancre unique" in response.content.decode()
        assert not StrategyPage.objects.exists()
