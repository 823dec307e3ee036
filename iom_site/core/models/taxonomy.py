"""Themes: the shared vocabulary that pages, publications and stories are filed under."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
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
