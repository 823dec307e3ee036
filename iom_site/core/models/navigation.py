"""Editor-maintained navigation: extra menu links and the footer, one of each per language."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import DraftStateMixin, RevisionMixin, TranslatableMixin

from iom_site.core.blocks import LinkStructValue


class MenuLinkBlock(blocks.StructBlock):
    """A link added to the main menu by hand, beside the pages of the tree."""

    under = blocks.PageChooserBlock(
        required=False,
        label=_("sous l’entrée"),
        help_text=_("L’entrée du menu sous laquelle le lien apparaît. Vide : au premier niveau."),
    )
    page = blocks.PageChooserBlock(
        required=False, label=_("page"), help_text=_("Une page du site.")
    )
    external_url = blocks.URLBlock(
        required=False, label=_("lien externe"), help_text=_("Ou une adresse hors du site.")
    )
    title = blocks.CharBlock(
        required=False,
        label=_("libellé"),
        help_text=_("Texte du lien. Obligatoire pour un lien externe."),
    )

    class Meta:
        icon = "link"
        label = _("Lien de menu")
        value_class = LinkStructValue


class FooterLinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(
        required=False, label=_("page"), help_text=_("Une page du site.")
    )
    external_url = blocks.URLBlock(
        required=False, label=_("lien externe"), help_text=_("Ou une adresse hors du site.")
    )
    title = blocks.CharBlock(
        required=False,
        label=_("libellé"),
        help_text=_("Texte du lien. Obligatoire pour un lien externe."),
    )

    class Meta:
        icon = "link"
        label = _("Lien")
        value_class = LinkStructValue


class MainMenu(TranslatableMixin, DraftStateMixin, RevisionMixin, models.Model):
    """The main menu is built from the pages marked « Afficher dans les menus »; this
    snippet adds the links that are not pages of the tree, one menu per language."""

    extra_links = StreamField(
        [("link", MenuLinkBlock())],
        blank=True,
        verbose_name=_("liens supplémentaires"),
        help_text=_("Liens ajoutés au menu en plus des pages de l’arborescence."),
    )

    panels = [FieldPanel("extra_links")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("menu principal")
        verbose_name_plural = _("menus principaux")

    def __str__(self):
        return f"{self._meta.verbose_name} ({self.locale.language_code})"


class Footer(TranslatableMixin, DraftStateMixin, RevisionMixin, models.Model):
    """The footer shown on every page of one language: address and useful links."""

    contact = RichTextField(
        features=["bold", "italic", "link"],
        blank=True,
        verbose_name=_("coordonnées"),
        help_text=_("Adresse postale et moyens de contact de l’organisation."),
    )
    links = StreamField(
        [("link", FooterLinkBlock())],
        blank=True,
        verbose_name=_("liens"),
        help_text=_("Liens utiles affichés dans le pied de page."),
    )
    legal = models.CharField(
        max_length=255,
        blank=True,
        verbose_name=_("mention légale"),
        help_text=_("Par exemple « © Organisation internationale pour les migrations »."),
    )

    panels = [FieldPanel("contact"), FieldPanel("links"), FieldPanel("legal")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("pied de page")
        verbose_name_plural = _("pieds de page")

    def __str__(self):
        return f"{self._meta.verbose_name} ({self.locale.language_code})"
