"""Editor-maintained navigation: extra menu links and the footer, one of each per language."""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.rich_text import expand_db_html

from iom_site.core.blocks import LinkBlock


class MenuLinkBlock(LinkBlock):
    """A link added to the main menu by hand, beside the pages of the tree."""

    under = blocks.PageChooserBlock(
        required=False,
        label=_("sous l’entrée"),
        help_text=_("L’entrée du menu sous laquelle le lien apparaît. Vide : au premier niveau."),
    )

    class Meta:
        label = _("Lien de menu")


class EditorialSnippetMixin(
    WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, PreviewableMixin, models.Model
):
    """Drafts, revisions, locking, the « Review » workflow and previews (in the snippet's
    own language) for the navigation snippets, as for pages."""

    class Meta:
        abstract = True

    def serve_preview(self, request, mode_name):
        # Link titles and page URLs are resolved in the active language.
        with translation.override(self.locale.language_code):
            response = super().serve_preview(request, mode_name)
            response.render()
        return response


class MainMenu(TranslatableMixin, EditorialSnippetMixin):
    """The main menu is built from the pages marked « Afficher dans les menus »; this
    snippet adds the links that are not pages of the tree, one menu per language."""

    extra_links = StreamField(
        [("link", MenuLinkBlock())],
        blank=True,
        verbose_name=_("liens supplémentaires"),
        help_text=_("Liens ajoutés au menu en plus des pages de l’arborescence."),
    )

    # Deleting the menu deletes its revisions and workflow history too.
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="main_menu")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="main_menu",
        for_concrete_model=False,
    )

    panels = [FieldPanel("extra_links")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("menu principal")
        verbose_name_plural = _("menus principaux")

    def __str__(self):
        return f"{self._meta.verbose_name} ({self.locale.language_code})"

    def get_preview_template(self, request, mode_name):
        # The menu it shows (the live one with this version's extra links) comes from the
        # template's {% menu_preview object %}: the navigation room reads the tree.
        return "core/previews/main_menu.html"


class Footer(TranslatableMixin, EditorialSnippetMixin):
    """The footer shown on every page of one language: address and useful links."""

    contact = RichTextField(
        features=["bold", "italic", "link"],
        blank=True,
        verbose_name=_("coordonnées"),
        help_text=_("Adresse postale et moyens de contact de l’organisation."),
    )
    links = StreamField(
        [("link", LinkBlock())],
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

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="footer")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="footer",
        for_concrete_model=False,
    )

    panels = [FieldPanel("contact"), FieldPanel("links"), FieldPanel("legal")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("pied de page")
        verbose_name_plural = _("pieds de page")

    def __str__(self):
        return f"{self._meta.verbose_name} ({self.locale.language_code})"

    def get_preview_template(self, request, mode_name):
        return "core/previews/footer.html"

    def get_preview_context(self, request, mode_name):
        footer = {
            "contact": expand_db_html(self.contact),
            "links": [
                {"title": link.value.title(), "url": link.value.url()} for link in self.links
            ],
            "legal": self.legal,
        }
        return {**super().get_preview_context(request, mode_name), "footer": footer}
