"""The 2030 Agenda: Sustainable Development Goals and their targets, as translatable
snippets that pages cite."""

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from iom_site.core.models import BasePage

hex_colour = RegexValidator(r"^#[0-9A-Fa-f]{6}$", _("Une couleur au format #RRGGBB."))


class SustainableDevelopmentGoal(TranslatableMixin, index.Indexed, models.Model):
    """One of the 17 Sustainable Development Goals, in the UN's official colour."""

    number = models.PositiveSmallIntegerField(
        verbose_name=_("numéro"), help_text=_("Le numéro de l’objectif, de 1 à 17.")
    )
    title = models.CharField(
        max_length=255,
        verbose_name=_("intitulé"),
        help_text=_("L’intitulé court officiel, par exemple « Inégalités réduites »."),
    )
    colour = models.CharField(
        max_length=7,
        validators=[hex_colour],
        verbose_name=_("couleur"),
        help_text=_("La couleur officielle de l’objectif, au format #RRGGBB."),
    )

    panels = [FieldPanel("number"), FieldPanel("title"), FieldPanel("colour")]
    override_translatable_fields = [SynchronizedField("number"), SynchronizedField("colour")]
    search_fields = [index.SearchField("title"), index.FilterField("locale_id")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["number"]
        verbose_name = _("objectif de développement durable")
        verbose_name_plural = _("objectifs de développement durable")

    def __str__(self):
        return f"{self.number}. {self.title}"


class SDGTarget(TranslatableMixin, index.Indexed, models.Model):
    """A target of a goal (for example 10.7) that the site's pages can say they serve."""

    goal = models.ForeignKey(
        SustainableDevelopmentGoal,
        on_delete=models.CASCADE,
        related_name="targets",
        verbose_name=_("objectif"),
        help_text=_("L’objectif dont relève la cible."),
    )
    code = models.CharField(
        max_length=8,
        verbose_name=_("code"),
        help_text=_("Le code officiel de la cible, par exemple « 10.7 » ou « 10.c »."),
    )
    description = models.TextField(
        verbose_name=_("description"), help_text=_("Le texte officiel de la cible.")
    )

    panels = [FieldPanel("goal"), FieldPanel("code"), FieldPanel("description")]
    override_translatable_fields = [SynchronizedField("code")]
    search_fields = [
        index.SearchField("code"),
        index.SearchField("description"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["goal__number", "code"]
        verbose_name = _("cible d’ODD")
        verbose_name_plural = _("cibles d’ODD")

    def __str__(self):
        return f"{self.code} {self.description[:60]}"


class AgendaPage(BasePage):
    """STUB – to be completed."""

    parent_page_types = ["core.HomePage"]
    subpage_types = ["strategy.StrategyPage"]


class StrategyPage(BasePage):
    """STUB – to be completed."""

    parent_page_types = ["strategy.AgendaPage"]
    subpage_types = []
