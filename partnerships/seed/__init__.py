"""Partnerships seed step: a few real partners, then the partnerships, « where we work »
and « Engagez-vous » pages. Runs after core's step, which creates the section pages."""

import uuid
from pathlib import Path

from wagtail.models import Locale

from iom_site.core.seed.loading import load_page_files, own
from partnerships.models import Partner, PartnerKind

# Fixed translation keys: a partner renamed in the admin is updated, never duplicated,
# and its English and Spanish translations stay attached to it.
PARTNER_NAMESPACE = uuid.UUID("5d0c1c2e-6a55-4b8e-9a55-0f4d1f6f0b1a")

PARTNERS = [
    {
        "key": "un-network-on-migration",
        "name": "Réseau des Nations Unies sur les migrations",
        "kind": PartnerKind.UNITED_NATIONS,
        "url": "https://migrationnetwork.un.org/",
        "description": (
            "Réseau créé par le Secrétaire général de l’Organisation des Nations Unies pour "
            "soutenir la mise en œuvre du Pacte mondial pour des migrations sûres, ordonnées et "
            "régulières. L’OIM en assure la coordination et le secrétariat."
        ),
        "sort_order": 10,
    },
    {
        "key": "undp",
        "name": "Programme des Nations Unies pour le développement (PNUD)",
        "kind": PartnerKind.UNITED_NATIONS,
        "url": "https://www.undp.org/",
        "description": (
            "Le programme des Nations Unies consacré au développement durable et à la lutte "
            "contre la pauvreté."
        ),
        "sort_order": 20,
    },
    {
        "key": "un-habitat",
        "name": "Programme des Nations Unies pour les établissements humains (ONU-Habitat)",
        "kind": PartnerKind.UNITED_NATIONS,
        "url": "https://unhabitat.org/",
        "description": (
            "Le programme des Nations Unies consacré aux villes et aux établissements humains "
            "durables."
        ),
        "sort_order": 30,
    },
    {
        "key": "migration-mptf",
        "name": "Fonds d’affectation spéciale pluripartenaires pour les migrations (Migration MPTF)",
        "kind": PartnerKind.UNITED_NATIONS,
        "url": "https://migrationnetwork.un.org/mptf",
        "description": (
            "Fonds des Nations Unies qui finance des programmes conjoints à l’appui de la mise "
            "en œuvre du Pacte mondial pour des migrations sûres, ordonnées et régulières."
        ),
        "sort_order": 40,
    },
]


def upsert_partner(spec, locale, log):
    translation_key = uuid.uuid5(PARTNER_NAMESPACE, spec["key"])
    fields = {name: value for name, value in spec.items() if name != "key"}
    partner = Partner.objects.filter(translation_key=translation_key, locale=locale).first()
    if partner is None:
        partner = Partner.objects.create(translation_key=translation_key, locale=locale, **fields)
        log(f"  created partner {fields['name']}")
        return own(partner)
    if all(getattr(partner, name) == value for name, value in fields.items()):
        log(f"  unchanged partner {fields['name']}")
        return own(partner)
    for name, value in fields.items():
        setattr(partner, name, value)
    partner.save()
    log(f"  updated partner {fields['name']}")
    return own(partner)


def load(log):
    french = Locale.get_default()
    for spec in PARTNERS:
        upsert_partner(spec, french, log)
    load_page_files(Path(__file__).parent / "pages", log)
