"""Themes: the shared vocabulary that pages, publications and stories are filed under; the
rows that file a page under a tag (a theme, a goal's target)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField


class Theme(TranslatableMixin, index.Indexed, models.Model):
    """A theme of IOM's work (for example « Migration et développement durable »), one per
    language: listings filter by it and each content page shows the themes it is filed under."""

    name = models.CharField(
        max_length=120,
        verbose_name=_("nom"),
        help_text=_("Le nom du thème, tel que les lecteurs le voient dans les filtres."),
    )
    slug = models.SlugField(
        max_length=80,
        verbose_name=_("identifiant"),
        help_text=_(
            "Identifiant stable dans les adresses de filtre (?theme=…), le même dans toutes les langues."
        ),
    )
    description = models.TextField(
        blank=True,
        verbose_name=_("description"),
        help_text=_("Une ou deux phrases qui disent ce que couvre le thème, facultatives."),
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.FilterField("locale_id")]
    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("slug"),
        TranslatableField("description"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("thème")
        verbose_name_plural = _("thèmes")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="core_theme_slug_per_locale")
        ]

    def __str__(self):
        return self.name


class TagRow(TranslatableMixin, Orderable):
    """Abstract: one row of a page's tags (one of its themes, one of its SDG targets),
    translated with the page, so that it names the tag in the page's language. A page
    type's own row model adds its ``page`` (a ParentalKey whose related name is its
    inline's) and its tag (``tag_field``), whose help says what the tag does for that
    type. Abstract: no table of its own; the rows' tables and migrations are unchanged."""

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        abstract = True


def tag_field(to, verbose_name, help_text):
    """The tag of a TagRow: ``Theme``, or another app's snippet by its label (as a
    relation names it, so core names no section app)."""
    return models.ForeignKey(
        to,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=verbose_name,
        help_text=help_text,
    )
