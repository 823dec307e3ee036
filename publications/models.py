"""The publications library: one library page per language (« Publications », below
« Données et recherche ») lists the reports, policy briefs, guides and fact sheets
published under it, with filters, and offers them as an Atom feed. Each publication
carries the file of its language when one exists, and says in which other languages
it is available."""

import datetime
import re

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from iom_site.core import jsonld
from iom_site.core.addresses import absolute, page_path
from iom_site.core.feeds import FeedMixin, public_url
from iom_site.core.images import attach_card_images
from iom_site.core.listings import listed_children, paginate
from iom_site.core.models import BasePage, HeroImageMixin, TagRow, Theme, tag_field
from iom_site.core.models.pages import SingletonPerLocaleMixin, body_field, lead_field
from publications import selectors
from publications.forms import PUBLICATION_TYPES, PublicationFilterForm

# IOM's regional offices (www.iom.int/regional-offices), and « Monde » for global work.
REGIONS = [
    ("monde", _("Monde")),
    ("afrique-ouest-centre", _("Afrique de l’Ouest et du Centre")),
    ("afrique-est-corne", _("Afrique de l’Est et Corne de l’Afrique")),
    ("afrique-australe", _("Afrique australe")),
    ("moyen-orient-afrique-nord", _("Moyen-Orient et Afrique du Nord")),
    ("asie-pacifique", _("Asie et Pacifique")),
    ("espace-economique-europeen", _("Espace économique européen, Union européenne et OTAN")),
    ("europe-se-asie-centrale", _("Europe du Sud-Est, Europe orientale et Asie centrale")),
    ("amerique-centrale-nord-caraibes", _("Amérique centrale, Amérique du Nord et Caraïbes")),
    ("amerique-sud", _("Amérique du Sud")),
]
# schema.org types: a report and a policy brief are reports; a guide and a fact sheet
# are creative works of their genre.
SCHEMA_TYPES = {"rapport": "Report", "note-orientation": "Report"}


def validate_isbn(value):
    """ISBN-10 or ISBN-13, hyphens and spaces allowed, with a correct check digit."""
    digits = re.sub(r"[\s-]", "", value).upper()
    if re.fullmatch(r"\d{13}", digits):
        total = sum(int(d) * (1 if i % 2 == 0 else 3) for i, d in enumerate(digits))
        valid = total % 10 == 0
    elif re.fullmatch(r"\d{9}[\dX]", digits):
        total = sum((10 - i) * (10 if d == "X" else int(d)) for i, d in enumerate(digits))
        valid = total % 11 == 0
    else:
        valid = False
    if not valid:
        raise ValidationError(_("Un ISBN de 10 ou 13 chiffres, par exemple « 978-92-9068-000-0 »."))


class PublicationIndexPage(FeedMixin, SingletonPerLocaleMixin, BasePage):
    """« Publications » : the library of one language, newest first, filtered by type,
    year, goal, theme and available language, a page at a time, with an Atom feed at
    ``feed/``. One per language."""

    lead = lead_field(_("Une ou deux phrases qui présentent la bibliothèque, affichées en tête."))

    content_panels = [*BasePage.content_panels, FieldPanel("lead")]
    search_fields = [*BasePage.search_fields, index.SearchField("lead")]

    parent_page_types = ["core.StandardPage", "core.SectionPage", "core.HomePage"]
    subpage_types = ["publications.PublicationPage"]
    per_page = 12

    class Meta:
        verbose_name = _("bibliothèque des publications")
        verbose_name_plural = _("bibliothèques des publications")

    def publications(self):
        return listed_children(self, PublicationPage)

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        context = getattr(response, "context_data", None) or {}
        if context.get("filters") is not None and not context["filters"].is_valid():
            response.status_code = 400  # the page says which filter is wrong
        return response

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form = PublicationFilterForm.from_query(request.GET)
        active = {}
        if form.is_valid():
            active = form.active()
            listing = self.filtered(self.publications(), active)
            page_obj = paginate(listing, request.GET.get("page"), self.per_page)
            cards = attach_card_images(list(page_obj.object_list))
            files = selectors.files_by_publication(
                PublicationPage.objects, [card.translation_key for card in cards]
            )
            for card in cards:
                card.language_files = list(files.get(card.translation_key, {}).values())
            page_obj.object_list = cards
        else:
            page_obj = None
        years = context.get("year_choices", [])
        if active.get("year") and active["year"] not in years:
            # The year asked for stays selected even when the library has nothing of it.
            years = sorted([*years, active["year"]], reverse=True)
        context.update(
            filters=form,
            active_filters=active,
            publications=page_obj,
            paginator=page_obj.paginator if page_obj is not None else None,
            year_choices=years,
            type_choices=PUBLICATION_TYPES,
            # Each language's own name, as the public site writes it (not the admin's).
            language_choices=settings.LANGUAGES,
        )
        return context

    def filtered(self, listing, active):
        if "type" in active:
            listing = listing.filter(publication_type=active["type"])
        if "year" in active:
            listing = listing.filter(publication_date__year=active["year"])
        if "goal" in active:
            listing = listing.filter(
                pk__in=PublicationSDGTarget.objects.filter(
                    target__goal__number=active["goal"]
                ).values("page_id")
            )
        if "theme" in active:
            listing = listing.filter(
                pk__in=PublicationTheme.objects.filter(theme__slug=active["theme"]).values(
                    "page_id"
                )
            )
        if "language" in active:
            listing = selectors.with_file_in(listing, PublicationPage.objects, active["language"])
        return listing

    def display_data(self):
        """The options of the filters: the years, goals and themes the library holds
        (the same for every visitor: kept with the page until the next publish)."""
        # By label: a section app names another one's model as its relations do.
        SustainableDevelopmentGoal = apps.get_model("strategy", "SustainableDevelopmentGoal")
        return selectors.filter_choices(
            self.publications(),
            SustainableDevelopmentGoal.objects.filter(locale_id=self.locale_id),
            Theme.objects.filter(locale_id=self.locale_id),
        )

    def feed_items(self):
        return list(self.publications().prefetch_related("themes__theme")[: self.feed_length])

    def feed_categories(self, item):
        return [str(item.get_publication_type_display())] + [
            row.theme.name for row in item.themes.all()
        ]


class PublicationPage(HeroImageMixin, BasePage):
    """A report, policy brief, guide or fact sheet: its type, date, summary and cover,
    the file of each language, its page count and reference, and the themes, goal
    targets and regions it is filed under."""

    publication_type = models.CharField(
        max_length=32,
        choices=PUBLICATION_TYPES,
        default="rapport",
        verbose_name=_("type"),
        help_text=_("Le genre de la publication ; la bibliothèque se filtre par type."),
    )
    # Optional: a publication whose source gives no date (the institutional strategy,
    # whose seed text names none) shows none rather than an invented one.
    publication_date = models.DateField(
        null=True,
        blank=True,
        default=datetime.date.today,
        verbose_name=_("date de publication"),
        help_text=_(
            "La date de parution de la publication (pas celle de sa mise en ligne) ; la "
            "bibliothèque est triée par elle et se filtre par son année. Laissez-la vide "
            "si vous ne la connaissez pas : n’en inventez pas."
        ),
    )
    date_is_year_only = models.BooleanField(
        default=False,
        verbose_name=_("année seule"),
        help_text=_(
            "Cochez-la quand seule l’année de parution est connue : la date s’affiche "
            "alors comme une année (le jour et le mois saisis ne comptent pas)."
        ),
    )
    lead = lead_field(_("Le résumé : ce que contient la publication, en deux à quatre phrases."))
    document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("fichier"),
        help_text=_(
            "Le fichier de la publication dans la langue de cette version (PDF de "
            "préférence). Les traductions reprennent le fichier français jusqu’à ce que "
            "la traductrice ou le traducteur le remplace par celui de sa langue."
        ),
    )
    page_count = models.PositiveIntegerField(
        null=True,
        blank=True,
        verbose_name=_("nombre de pages"),
        help_text=_("Le nombre de pages du fichier, facultatif."),
    )
    isbn = models.CharField(
        max_length=20,
        blank=True,
        validators=[validate_isbn],
        verbose_name=_("ISBN"),
        help_text=_("L’ISBN imprimé dans la publication, s’il en a un. N’en inventez pas."),
    )
    reference = models.CharField(
        max_length=80,
        blank=True,
        verbose_name=_("référence"),
        help_text=_("La cote ou la référence OIM de la publication, facultative."),
    )
    body = body_field()

    content_panels = [
        *BasePage.content_panels,
        FieldRowPanel(
            [
                FieldPanel("publication_type"),
                FieldPanel("publication_date"),
                FieldPanel("date_is_year_only"),
            ]
        ),
        FieldPanel("lead"),
        MultiFieldPanel(
            [
                FieldPanel("document"),
                FieldRowPanel(
                    [FieldPanel("page_count"), FieldPanel("isbn"), FieldPanel("reference")]
                ),
            ],
            heading=_("Fichier"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("hero_image"),
                FieldPanel("hero_image_alt"),
                FieldPanel("hero_image_caption"),
                FieldPanel("hero_image_credit"),
            ],
            heading=_("Couverture"),
        ),
        FieldPanel("body"),
        InlinePanel("themes", label=_("Thèmes"), heading=_("Thèmes")),
        InlinePanel("sdg_targets", label=_("Cibles des ODD"), heading=_("Cibles des ODD")),
        InlinePanel("regions", label=_("Régions"), heading=_("Régions")),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("lead"),
        index.SearchField("body"),
        index.SearchField("reference"),
        index.SearchField("isbn"),
        index.FilterField("publication_type"),
        index.FilterField("publication_date"),
    ]
    # Identifiers of one language's edition may differ from the French one: they follow
    # the source until a translator overrides them, as the file does.
    override_translatable_fields = [SynchronizedField("isbn"), SynchronizedField("reference")]

    parent_page_types = ["publications.PublicationIndexPage"]
    subpage_types = []
    listing_date_field = "publication_date"

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")

    @property
    def index_url(self):
        """The address of the library above (its path, without a query)."""
        return page_path(self).rstrip("/").rsplit("/", 1)[0] + "/"

    def language_files(self):
        """{language: LanguageFile} of the languages that have a file of their own."""
        versions = (
            PublicationPage.objects.live()
            .filter(translation_key=self.translation_key)
            .select_related("document", "locale")
        )
        return selectors.own_files(versions)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        files = self.language_files()
        language = self.locale.language_code
        offered = files.get(language)
        if offered is None and self.document_id:
            # Not overridden yet: the French file, which the page says is in French.
            offered = files.get(selectors.SOURCE_LANGUAGE)
        context.update(
            offered_file=offered,
            other_files=[
                f for f in files.values() if offered is None or f.language != offered.language
            ],
            publication_themes=[row.theme for row in self.themes.select_related("theme")],
            publication_targets=[
                row.target for row in self.sdg_targets.select_related("target__goal")
            ],
            publication_regions=[row.get_region_display() for row in self.regions.all()],
        )
        return context

    def structured_data(self):
        """schema.org Report (or CreativeWork) with each language's file."""
        data = {
            "@context": "https://schema.org",
            "@type": SCHEMA_TYPES.get(self.publication_type, "CreativeWork"),
            "genre": str(self.get_publication_type_display()),
            "name": self.title,
            "description": self.summary,
            "inLanguage": self.locale.language_code,
            "url": public_url(self),
            "author": jsonld.author(),
            "publisher": jsonld.publisher(),
        }
        if self.publication_date:
            data["datePublished"] = (
                str(self.publication_date.year)
                if self.date_is_year_only
                else self.publication_date.isoformat()
            )
        identifiers = []
        if self.isbn:
            data["isbn"] = self.isbn
            identifiers.append({"@type": "PropertyValue", "propertyID": "ISBN", "value": self.isbn})
        if self.reference:
            identifiers.append(
                {"@type": "PropertyValue", "propertyID": "reference", "value": self.reference}
            )
        if identifiers:
            data["identifier"] = identifiers
        if self.page_count:
            data["numberOfPages"] = self.page_count
        encodings = [
            {
                "@type": "MediaObject",
                "contentUrl": absolute(file.document.url),
                "encodingFormat": _mime_type(file.document),
                "inLanguage": file.language,
                **(
                    {"contentSize": str(file.document.file_size)} if file.document.file_size else {}
                ),
            }
            for file in self.language_files().values()
        ]
        if encodings:
            data["encoding"] = encodings
        if self.hero_image_id:
            rendition = self.hero_image.get_rendition("width-800")
            data["image"] = jsonld.image_object(rendition, self.hero_image_alt)
        return [data]


def _mime_type(document):
    content_type = getattr(document, "content_type", "")
    return content_type or "application/octet-stream"


class PublicationTheme(TagRow):
    """A theme a publication is filed under; translated with the publication."""

    page = ParentalKey(PublicationPage, on_delete=models.CASCADE, related_name="themes")
    theme = tag_field(
        Theme, _("thème"), _("Un thème de la publication ; la bibliothèque se filtre par thème.")
    )

    panels = [FieldPanel("theme")]

    class Meta(TagRow.Meta):
        verbose_name = _("thème de la publication")
        verbose_name_plural = _("thèmes de la publication")


class PublicationSDGTarget(TagRow):
    """A Sustainable Development Goal target a publication serves: the library filters
    by its goal, and the goals' pages find the publication (Wagtail's reference index)."""

    page = ParentalKey(PublicationPage, on_delete=models.CASCADE, related_name="sdg_targets")
    target = tag_field(
        "strategy.SDGTarget",
        _("cible"),
        _("Une cible des objectifs de développement durable que sert la publication."),
    )

    panels = [FieldPanel("target")]

    class Meta(TagRow.Meta):
        verbose_name = _("cible d’ODD de la publication")
        verbose_name_plural = _("cibles d’ODD de la publication")


class PublicationRegion(TagRow):
    """A region of IOM's work that the publication covers."""

    page = ParentalKey(PublicationPage, on_delete=models.CASCADE, related_name="regions")
    region = models.CharField(
        max_length=40,
        choices=REGIONS,
        verbose_name=_("région"),
        help_text=_("Une région que couvre la publication ; « Monde » pour une portée mondiale."),
    )

    panels = [FieldPanel("region")]

    class Meta(TagRow.Meta):
        verbose_name = _("région de la publication")
        verbose_name_plural = _("régions de la publication")
