"""A French site whose every editable field holds a payload (tests/security/xss_payloads),
and what each public address must show of them."""

import uuid
from dataclasses import dataclass, field
from urllib.parse import quote

from django.core.files.base import ContentFile

from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from iom_site.core.blocks import RICH_TEXT_FEATURES
from iom_site.core.models import Footer, MainMenu, SectionPage, StandardPage, StructurePage
from iom_site.core.models.pages import LEAD_FEATURES
from iom_site.core.models.structure import OrgUnit
from iom_site.core.seed.site_setup import ensure_site
from partnerships.models import (
    EngagementFormPage,
    FormField,
    Partner,
    PartnerKind,
    PartnershipsPage,
    WhereWeWorkPage,
)
from strategy.models import (
    AgendaPage,
    SDGTarget,
    StrategyPage,
    StrategySection,
    SustainableDevelopmentGoal,
)

from .xss_payloads import email_payload, payload, rich_text, url_payload

FOOTER_FEATURES = ["bold", "italic", "link"]


@dataclass
class XssSite:
    homes: dict
    pages: dict = field(default_factory=dict)  # name: page
    snippets: dict = field(default_factory=dict)  # name: snippet
    shown: dict = field(default_factory=dict)  # url: [payloads a reader must see]
    hrefs: dict = field(default_factory=dict)  # url: [addresses links must carry verbatim]
    translations: dict = field(default_factory=dict)  # page name: wagtail-localize Translation

    def expect(self, page_or_url, shown=(), hrefs=()):
        url = page_or_url if isinstance(page_or_url, str) else page_or_url.url
        self.shown.setdefault(url, []).extend(shown)
        self.hrefs.setdefault(url, []).extend(hrefs)


def item(value):
    # ListBlock items with ids, the shape the admin saves.
    return {"type": "item", "value": value, "id": str(uuid.uuid4())}


def every_body_block(image, document, target):
    """One of each BodyStreamBlock block type, every text and address a payload."""
    return [
        {"type": "heading", "value": {"text": payload("heading"), "level": "h2", "anchor": ""}},
        {"type": "paragraph", "value": rich_text("paragraph", RICH_TEXT_FEATURES)},
        {
            "type": "quote",
            "value": {
                "quote": payload("quote"),
                "source": payload("quote-source"),
                "source_url": url_payload("quote-url"),
            },
        },
        {
            "type": "expandable_sections",
            "value": {
                "show_toc": True,
                "sections": [
                    item(
                        {
                            "heading": payload("exp-heading"),
                            "anchor": "",
                            "body": rich_text("exp-body", RICH_TEXT_FEATURES),
                        }
                    )
                ],
            },
        },
        {
            "type": "key_figures",
            "value": {
                "heading": payload("kf-heading"),
                "figures": [item({"figure": payload("kf-figure"), "label": payload("kf-label")})],
            },
        },
        {
            "type": "link_cards",
            "value": {
                "heading": payload("cards-heading"),
                "cards": [
                    item(
                        {
                            "page": None,
                            "external_url": url_payload("card-url"),
                            "title": payload("card-link"),
                            "text": payload("card-text"),
                        }
                    )
                ],
            },
        },
        {
            "type": "contact",
            "value": {
                "unit": payload("contact-unit"),
                "text": payload("contact-text"),
                "email": email_payload("contact-email"),
            },
        },
        {"type": "document", "value": {"document": document.pk, "title": payload("doc-block")}},
        {
            "type": "image",
            "value": {
                "image": image.pk,
                "alt_text": payload("img-alt"),
                "caption": payload("img-caption"),
            },
        },
        {
            "type": "sdg_targets",
            "value": {"heading": payload("sdg-heading"), "targets": [item(target.pk)]},
        },
    ]


BODY_SHOWN = [
    "heading",
    "paragraph",
    "quote",
    "quote-source",
    "exp-heading",
    "exp-body",
    "kf-heading",
    "kf-figure",
    "kf-label",
    "cards-heading",
    "card-link",
    "card-text",
    "contact-unit",
    "contact-text",
    "doc-block",
    "img-alt",
    "img-caption",
    "sdg-heading",
    "target",
]


def build_site():
    homes = ensure_site()
    fr = homes["fr"].locale
    site = XssSite(homes=homes)

    home = homes["fr"]
    home.title = payload("home-title")
    home.intro = rich_text("home-intro", LEAD_FEATURES)
    home.search_description = payload("home-seo")
    home.save()

    goal = SustainableDevelopmentGoal.objects.create(
        locale=fr, number=10, title=payload("goal"), colour="#DD1367"
    )
    target = SDGTarget.objects.create(
        locale=fr, goal=goal, code="10.7", description=payload("target")
    )
    partner = Partner.objects.create(
        locale=fr,
        name=payload("partner"),
        kind=PartnerKind.UNITED_NATIONS,
        url=url_payload("partner-url"),
        description=payload("partner-desc"),
    )
    image = Image.objects.create(
        title=payload("image-title"),
        description=payload("image-desc"),
        file=get_test_image_file("xss.png", size=(320, 240)),
    )
    document = Document.objects.create(
        title=payload("doc-title"), file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="xss.pdf")
    )
    menu = MainMenu.objects.create(
        locale=fr,
        live=True,
        extra_links=[
            {
                "type": "link",
                "value": {
                    "page": None,
                    "external_url": url_payload("menu-url"),
                    "title": payload("menu-title"),
                    "under": None,
                },
            }
        ],
    )
    footer = Footer.objects.create(
        locale=fr,
        live=True,
        contact=rich_text("footer-contact", FOOTER_FEATURES),
        legal=payload("legal"),
        links=[
            {
                "type": "link",
                "value": {
                    "page": None,
                    "external_url": url_payload("footer-url"),
                    "title": payload("footer-link"),
                },
            }
        ],
    )
    site.snippets.update(
        goal=goal, target=target, partner=partner, menu=menu, footer=footer, image=image
    )
    site.snippets["document"] = document

    section = home.add_child(
        instance=SectionPage(
            title=payload("section-title"),
            slug="agir",
            lead=rich_text("section-lead", LEAD_FEATURES),
            show_in_menus=True,
        )
    )
    standard = section.add_child(
        instance=StandardPage(
            title=payload("title"),
            slug="page-piegee",
            seo_title=payload("seo-title"),
            search_description=payload("seo"),
            social_text=payload("share"),
            listing_title=payload("card-title"),
            listing_summary=payload("card-summary"),
            lead=rich_text("lead", LEAD_FEATURES),
            body=every_body_block(image, document, target),
            show_in_menus=True,
        )
    )
    structure = StructurePage(
        title="Structure",
        slug="structure",
        lead=rich_text("structure-lead", LEAD_FEATURES),
        chart_heading=payload("chart"),
    )
    structure.units = [
        OrgUnit(
            locale=fr,
            key="direction",
            name=payload("unit-name"),
            head_title=payload("unit-head"),
            description=payload("unit-desc"),
        ),
        OrgUnit(locale=fr, key="cabinet", name=payload("unit-child"), reports_to="direction"),
    ]
    section.add_child(instance=structure)
    partnerships = section.add_child(
        instance=PartnershipsPage(title="Partenariats", slug="partenariats")
    )
    where = section.add_child(
        instance=WhereWeWorkPage(
            title="Où travaillons-nous",
            slug="ou-travaillons-nous",
            regions=[
                {
                    "type": "region",
                    "value": {
                        "name": payload("region"),
                        "offices": [
                            item(
                                {
                                    "name": payload("office"),
                                    "city": payload("city"),
                                    "country": payload("country"),
                                    "role": payload("role"),
                                    "url": url_payload("office-url"),
                                }
                            )
                        ],
                    },
                }
            ],
        )
    )
    form = EngagementFormPage(
        title=payload("form-title"),
        slug="engagez-vous",
        lead=rich_text("form-lead", LEAD_FEATURES),
        thank_you_text=rich_text("thanks", LEAD_FEATURES),
    )
    form.form_fields = [
        FormField(
            locale=fr,
            sort_order=0,
            clean_name="nom",
            label=payload("f-label"),
            help_text=payload("f-help"),
            field_type="singleline",
            default_value=payload("f-default"),
        ),
        FormField(
            locale=fr, sort_order=1, clean_name="courriel", label="Courriel", field_type="email"
        ),
        FormField(
            locale=fr,
            sort_order=2,
            clean_name="sujet",
            label=payload("f-choice-label"),
            field_type="dropdown",
            choices=f"Autre\n{payload('f-choice')}",
        ),
        FormField(
            locale=fr, sort_order=3, clean_name="message", label="Message", field_type="multiline"
        ),
    ]
    section.add_child(instance=form)

    agenda = home.add_child(
        instance=AgendaPage(
            title="Programme 2030",
            slug="programme-2030",
            intro=rich_text("agenda-intro", LEAD_FEATURES),
            body=[
                {
                    "type": "sdg_targets",
                    "value": {"heading": payload("agenda-sdg"), "targets": [item(target.pk)]},
                }
            ],
        )
    )
    strategy = StrategyPage(
        title="Stratégie",
        slug="strategie",
        intro=rich_text("strategy-intro", LEAD_FEATURES),
        sections_heading=payload("sections"),
    )
    strategy.sections = [
        StrategySection(
            locale=fr,
            sort_order=0,
            anchor="approche",
            heading=payload("section-heading"),
            body=rich_text("section-body", RICH_TEXT_FEATURES),
        )
    ]
    agenda.add_child(instance=strategy)

    site.pages.update(
        home=home,
        section=section,
        standard=standard,
        structure=structure,
        partnerships=partnerships,
        where=where,
        form=form,
        agenda=agenda,
        strategy=strategy,
    )

    everywhere = ["home-title", "menu-title", "footer-contact", "footer-link", "legal"]
    site.expect(
        home,
        [payload(f) for f in [*everywhere, "home-intro", "home-seo", "section-title"]],
        [url_payload("menu-url"), url_payload("footer-url")],
    )
    site.expect(section, [payload(f) for f in ["section-lead", "card-title", "card-summary"]])
    site.expect(
        standard,
        [payload(f) for f in ["title", "seo-title", "seo", "share", "lead", *BODY_SHOWN]],
        [url_payload(f) for f in ["quote-url", "card-url", "lead", "paragraph", "exp-body"]],
    )
    site.expect(
        structure,
        [
            payload(f)
            for f in [
                "structure-lead",
                "chart",
                "unit-name",
                "unit-head",
                "unit-desc",
                "unit-child",
            ]
        ],
    )
    site.expect(
        partnerships, [payload("partner"), payload("partner-desc")], [url_payload("partner-url")]
    )
    site.expect(
        where,
        [payload(f) for f in ["region", "office", "city", "country", "role"]],
        [url_payload("office-url")],
    )
    site.expect(
        form,
        [
            payload(f)
            for f in ["form-title", "form-lead", "f-label", "f-help", "f-default", "f-choice-label"]
        ]
        + [payload("f-choice")],
    )
    site.expect(agenda, [payload(f) for f in ["agenda-intro", "agenda-sdg", "goal", "target"]])
    site.expect(
        strategy,
        [payload(f) for f in ["strategy-intro", "sections", "section-heading", "section-body"]],
    )
    site.expect(f"/fr/recherche/?q={quote(payload('q'))}", [payload("q")])
    site.expect("/fr/recherche/?q=xss+card+summary", [payload("card-summary"), payload("title")])
    site.expect(f"/fr/{quote(payload('not-found'))}/")
    return site
