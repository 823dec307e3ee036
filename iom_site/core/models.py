from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page


class HomePage(Page):
    """The home page of one language tree: the French one is the source, English and
    Spanish are its translations."""

    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        verbose_name=_("introduction"),
        help_text=_("Texte d’accueil affiché sous le titre de la page d’accueil."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = len(("fr", "en", "es"))

    class Meta:
        verbose_name = _("page d’accueil")
