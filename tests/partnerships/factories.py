"""Factories for the partnerships pages and snippets. Stream content is raw block data,
the shape it is stored in."""

import uuid

from wagtail.models import Locale

import factory
import wagtail_factories

from partnerships.models import (
    EngagementFormPage,
    FormField,
    Partner,
    PartnerKind,
    PartnershipsPage,
    WhereWeWorkPage,
)
from tests.core.factories import SectionPageFactory, populated_body

__all__ = [
    "STANDARD_FORM_FIELDS",
    "EngagementFormPageFactory",
    "FormFieldFactory",
    "PartnerFactory",
    "PartnershipsPageFactory",
    "SectionPageFactory",
    "WhereWeWorkPageFactory",
    "office",
    "region",
]


def office(name, city, country, role="Bureau régional", url=""):
    # Without an id, Wagtail would read the item in the legacy ListBlock format.
    return {
        "type": "item",
        "value": {"name": name, "city": city, "country": country, "role": role, "url": url},
        "id": str(uuid.uuid4()),
    }


def region(name, *offices):
    return {"type": "region", "value": {"name": name, "offices": list(offices)}}


def populated_regions():
    return [
        region(
            "Siège", office("Siège de l’OIM", "Genève", "Suisse", "Siège", "https://www.iom.int/fr")
        ),
        region(
            "Afrique australe",
            office("Bureau régional pour l’Afrique australe", "Pretoria", "Afrique du Sud"),
        ),
    ]


class PartnerFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Partenaire {n}")
    kind = PartnerKind.UNITED_NATIONS
    url = "https://www.example.org/"
    description = "Une phrase sur le partenaire."
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = Partner


class PartnershipsPageFactory(wagtail_factories.PageFactory):
    title = "Partenariats"
    lead = "<p>Chapeau des partenariats.</p>"
    body = factory.LazyFunction(populated_body)
    show_in_menus = True

    class Meta:
        model = PartnershipsPage


class WhereWeWorkPageFactory(wagtail_factories.PageFactory):
    title = "Où travaillons-nous"
    lead = "<p>Chapeau de la présence dans le monde.</p>"
    regions = factory.LazyFunction(populated_regions)
    show_in_menus = True

    class Meta:
        model = WhereWeWorkPage


STANDARD_FORM_FIELDS = [
    {"clean_name": "nom", "label": "Nom", "field_type": "singleline"},
    {"clean_name": "courriel", "label": "Courriel", "field_type": "email"},
    {
        "clean_name": "organisation",
        "label": "Organisation",
        "field_type": "singleline",
        "required": False,
        "help_text": "Si vous écrivez au nom d’une organisation.",
    },
    {"clean_name": "message", "label": "Message", "field_type": "multiline"},
    {
        "clean_name": "consentement",
        "label": "J’accepte que l’OIM utilise ces informations pour me répondre.",
        "field_type": "checkbox",
    },
]


class FormFieldFactory(factory.django.DjangoModelFactory):
    label = factory.Sequence(lambda n: f"Champ {n}")
    field_type = "singleline"
    required = True

    class Meta:
        model = FormField


class EngagementFormPageFactory(wagtail_factories.PageFactory):
    title = "Engagez-vous"
    lead = "<p>Écrivez-nous.</p>"
    thank_you_text = "<p>Merci pour votre message.</p>"
    show_in_menus = True

    class Meta:
        model = EngagementFormPage
        skip_postgeneration_save = True

    @factory.post_generation
    def fields(obj, create, extracted, **kwargs):
        """The five fields of the seeded form, unless a list (maybe empty) is given."""
        if not create:
            return
        rows = STANDARD_FORM_FIELDS if extracted is None else extracted
        for sort_order, row in enumerate(rows):
            FormFieldFactory(page=obj, sort_order=sort_order, **row)
