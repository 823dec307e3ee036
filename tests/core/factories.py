"""Factories for core's page types and snippets. Stream content is given as raw block
data, the same shape editors' content is stored in."""

import factory
import wagtail_factories

from iom_site.core.models import (
    Footer,
    HomePage,
    MainMenu,
    SectionPage,
    StandardPage,
    StructurePage,
    Theme,
)

ALL_BLOCKS = [
    {"type": "heading", "value": {"text": "Une approche globale", "level": "h2", "anchor": ""}},
    {"type": "paragraph", "value": "<p>Texte courant du bloc paragraphe.</p>"},
    {
        "type": "quote",
        "value": {"quote": "Citation du bloc.", "source": "Source du bloc", "source_url": ""},
    },
    {
        "type": "expandable_sections",
        "value": {
            "show_toc": True,
            "sections": [
                {"heading": "Section dépliable", "anchor": "section-a", "body": "<p>Corps A.</p>"}
            ],
        },
    },
    {
        "type": "key_figures",
        "value": {"heading": "Chiffres", "figures": [{"figure": "175", "label": "Etats membres"}]},
    },
    {
        "type": "link_cards",
        "value": {
            "heading": "Cartes",
            "cards": [
                {
                    "page": None,
                    "external_url": "https://www.iom.int/fr",
                    "title": "Carte externe",
                    "text": "Texte de carte.",
                }
            ],
        },
    },
    {
        "type": "contact",
        "value": {
            "unit": "Unité de contact",
            "text": "Écrivez-nous.",
            "email": "contact@example.org",
        },
    },
]


def populated_body():
    return list(ALL_BLOCKS)


class SectionPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Rubrique {n}")
    lead = "<p>Chapeau de la rubrique.</p>"
    show_in_menus = True

    class Meta:
        model = SectionPage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Page standard {n}")
    lead = "<p>Chapeau de la page.</p>"
    body = factory.LazyFunction(populated_body)
    show_in_menus = True

    class Meta:
        model = StandardPage


class StructurePageFactory(wagtail_factories.PageFactory):
    title = "Structure"
    lead = "<p>La structure.</p>"
    chart_heading = "Structure organisationnelle"
    show_in_menus = True

    class Meta:
        model = StructurePage


class HomePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Accueil {n}")

    class Meta:
        model = HomePage


class MainMenuFactory(factory.django.DjangoModelFactory):
    extra_links = factory.LazyFunction(list)
    live = True

    class Meta:
        model = MainMenu


class FooterFactory(factory.django.DjangoModelFactory):
    contact = "<p>17, route des Morillons, Genève</p>"
    legal = "© OIM"
    links = factory.LazyFunction(list)
    live = True

    class Meta:
        model = Footer


class ThemeFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Thème {n}")
    slug = factory.Sequence(lambda n: f"theme-{n}")

    class Meta:
        model = Theme
