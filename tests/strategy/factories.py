"""Factories for the strategy pages and the SDG snippets. Stream content is raw block
data, the shape it is stored in."""

from wagtail.models import Locale

import factory
import wagtail_factories

from strategy.models import (
    AgendaPage,
    SDGTarget,
    StrategyPage,
    StrategySection,
    SustainableDevelopmentGoal,
)

SECTIONS = [
    {
        "anchor": "approche-pangouvernementale",
        "heading": "Une approche pangouvernementale",
        "body": "<p>Texte de la première approche.</p>",
    },
    {
        "anchor": "approche-ensemble-de-la-societe",
        "heading": "Une approche de l'ensemble de la société",
        "body": "<p>Texte de la deuxième approche.</p>",
    },
    {
        "anchor": "migrants-acteurs-du-developpement",
        "heading": "Faire participer les migrants",
        "body": "<p>Texte de la troisième approche.</p>",
    },
]

CONTACT = {
    "type": "contact",
    "value": {
        "unit": "Migration et développement durable",
        "text": "Pour plus d'informations, veuillez contacter l'unité à l'adresse :",
        "email": "migration4development@iom.int",
    },
}


def sdg_targets_block(targets, heading=""):
    return {
        "type": "sdg_targets",
        "value": {"heading": heading, "targets": [target.pk for target in targets]},
    }


def agenda_body(targets=()):
    """Every block type the Agenda page is seeded with; the targets block only when
    there are targets to tag."""
    blocks = [
        {"type": "paragraph", "value": "<p>Paragraphe du Programme 2030.</p>"},
        {
            "type": "quote",
            "value": {
                "quote": "la migration est une réalité multidimensionnelle",
                "source": "Pacte mondial pour des migrations sûres, ordonnées et régulières",
                "source_url": "https://www.un.org/fr/",
            },
        },
    ]
    if targets:
        blocks.append(sdg_targets_block(targets))
    return blocks


class SustainableDevelopmentGoalFactory(factory.django.DjangoModelFactory):
    locale = factory.LazyFunction(Locale.get_default)
    number = factory.Sequence(lambda n: n % 17 + 1)
    title = factory.LazyAttribute(lambda goal: f"Objectif numéro {goal.number}")
    colour = "#DD1367"

    class Meta:
        model = SustainableDevelopmentGoal
        django_get_or_create = ("locale", "number")


class SDGTargetFactory(factory.django.DjangoModelFactory):
    goal = factory.SubFactory(SustainableDevelopmentGoalFactory)
    locale = factory.SelfAttribute("goal.locale")
    code = factory.LazyAttributeSequence(lambda target, n: f"{target.goal.number}.{n + 1}")
    description = factory.LazyAttribute(lambda target: f"Texte officiel de la cible {target.code}")

    class Meta:
        model = SDGTarget


class AgendaPageFactory(wagtail_factories.PageFactory):
    title = "2030 AGENDA"
    slug = "programme-2030"
    intro = "<p>Chapeau du Programme 2030.</p>"
    body = factory.LazyFunction(agenda_body)
    show_in_menus = True

    class Meta:
        model = AgendaPage


class StrategyPageFactory(wagtail_factories.PageFactory):
    title = "Stratégie institutionnelle de l'OIM"
    slug = "strategie-migration-developpement-durable"
    intro = "<p>Présentation de la stratégie.</p>"
    sections_heading = "Une approche globale de la migration et du développement"
    body = factory.LazyFunction(lambda: [dict(CONTACT)])

    class Meta:
        model = StrategyPage
        skip_postgeneration_save = True

    @factory.post_generation
    def sections(page, create, extracted, **kwargs):
        rows = SECTIONS if extracted is None else extracted
        page.sections.set(
            [StrategySection(sort_order=index, **row) for index, row in enumerate(rows)]
        )
        if create:
            page.save()
