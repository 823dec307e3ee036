"""The abstract page every content page extends, built from two field groups."""

import html

from django.db import models
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index


class ListingFieldsMixin(models.Model):
    """How the page looks where other pages list it (cards, menus, search results)."""

    listing_title = models.CharField(
        max_length=255,
        blank=True,
        verbose_name=_("titre en liste"),
        help_text=_(
            "Titre court pour les cartes et les menus. Laisser vide pour le titre de la page."
        ),
    )
    listing_summary = models.TextField(
        blank=True,
        verbose_name=_("résumé en liste"),
        help_text=_("Une ou deux phrases pour les cartes et les résultats de recherche."),
    )
    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image en liste"),
        help_text=_("Image des cartes qui mènent à cette page."),
    )

    listing_panels = [
        MultiFieldPanel(
            [
                FieldPanel("listing_title"),
                FieldPanel("listing_summary"),
                FieldPanel("listing_image"),
            ],
            heading=_("Présentation en liste"),
        )
    ]

    class Meta:
        abstract = True


class SocialFieldsMixin(models.Model):
    """What social networks show when the page is shared."""

    social_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image de partage"),
        help_text=_("Image affichée quand la page est partagée (1200 × 630 px conseillés)."),
    )
    social_text = models.CharField(
        max_length=255,
        blank=True,
        verbose_name=_("texte de partage"),
        help_text=_("Texte affiché quand la page est partagée. Laisser vide pour la description."),
    )

    social_panels = [
        MultiFieldPanel(
            [FieldPanel("social_image"), FieldPanel("social_text")],
            heading=_("Partage sur les réseaux sociaux"),
        )
    ]

    class Meta:
        abstract = True


class BasePage(ListingFieldsMixin, SocialFieldsMixin, Page):
    """Fields and behaviour shared by every content page."""

    search_fields = [
        *Page.search_fields,
        index.SearchField("listing_summary"),
        index.FilterField("locale_id"),
    ]
    promote_panels = [
        *Page.promote_panels,
        *ListingFieldsMixin.listing_panels,
        *SocialFieldsMixin.social_panels,
    ]

    class Meta:
        abstract = True

    def display_data(self):
        """What the page's template shows beyond the page's own fields, read from other
        rows (children as cards, partners, goals) and the same for every visitor. Page
        types that show such things override this; keep the request out of it."""
        return {}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.display_data())
        return context

    @property
    def card_title(self):
        return self.listing_title or self.title

    #: The field listings sort this page type by, newest first (« Dernières publications »
    #: blocks, feeds). A story or a publication names its own date field.
    listing_date_field = "first_published_at"

    @property
    def listing_date(self):
        """The date a listing shows and sorts this page by."""
        return getattr(self, self.listing_date_field)

    @property
    def card_image(self):
        """The image of this page's card: its listing image, else its hero image."""
        return self.listing_image or getattr(self, "hero_image", None)

    def structured_data(self):
        """schema.org objects (dicts) for this page's JSON-LD, besides the breadcrumb
        trail every page has. Page types that describe a thing (an article, a report)
        override this; absolute URLs come from ``settings.PUBLIC_BASE_URL``."""
        return []

    @cached_property
    def summary(self):
        """The page in one or two sentences: for cards, meta descriptions and search.
        Kept on the object: a card and the page's meta tags ask for it several times."""
        if self.listing_summary:
            return self.listing_summary
        if self.search_description:
            return self.search_description
        lead = getattr(self, "lead", "") or getattr(self, "intro", "")
        # strip_tags leaves entities: unescaped here, templates escape once.
        return Truncator(html.unescape(strip_tags(str(lead)))).words(40) if lead else ""
