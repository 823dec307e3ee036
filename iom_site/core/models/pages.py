"""The home page, the section pages of the main menu and the standard content page."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from iom_site.core.blocks import BodyStreamBlock
from iom_site.core.listings import child_cards, first_child_cards
from iom_site.core.request_memo import RequestMemo
from iom_site.core.visibility import public

from .base import BasePage
from .images import HeroImageMixin

LEAD_FEATURES = ["bold", "italic", "link"]


def lead_field(help_text):
    return RichTextField(
        blank=True, features=LEAD_FEATURES, verbose_name=_("chapeau"), help_text=help_text
    )


def body_field():
    return StreamField(
        BodyStreamBlock(),
        blank=True,
        verbose_name=_("contenu"),
        help_text=_("Le corps de la page, composé de blocs."),
    )


# {(page type, language id): whether one exists}, for the length of one request: the
# explorer asks can_create_at for every row of a listing (Wagtail's can_add_subpage), a
# query a row otherwise. Outside a request (shell, seed, tests) nothing is remembered.
singletons_seen = RequestMemo("core_singletons_seen")


class SingletonPerLocaleMixin:
    """A page type that exists at most once in each language tree."""

    @classmethod
    def exists_in_locale(cls, locale_id):
        return singletons_seen.remember(
            (cls, locale_id), lambda: cls.objects.filter(locale_id=locale_id).exists()
        )

    @classmethod
    def can_create_at(cls, parent):
        return super().can_create_at(parent) and not cls.exists_in_locale(parent.locale_id)


class HomePage(BasePage):
    """The home page of one language tree: French is the source, English and Spanish
    are its translations. It introduces the organisation and leads to each section."""

    intro = lead_field(_("Texte d’accueil affiché sous le titre de la page d’accueil."))
    body = body_field()

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    # No subpage_types: each page type says where it may go (parent_page_types), so the
    # section apps add their pages without core naming them.
    # One per language tree.
    max_count = 3

    class Meta:
        verbose_name = _("page d’accueil")

    def display_data(self):
        # The featured sections are the top entries of the menu, in the editors' order.
        sections = public(self.get_children().live().in_menu())
        return {"featured_sections": list(sections.specific())}


class ChildCardsMixin:
    """Cards for the live public children, 24 a page (``?page=N``): a section with a
    thousand pages lists them in pages of the same size."""

    def display_data(self):
        return {"first_cards": first_child_cards(self)}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(child_cards(self, context["first_cards"], request.GET.get("page")))
        return context


class SectionPage(ChildCardsMixin, HeroImageMixin, BasePage):
    """A top entry of the main menu (Qui sommes nous, Notre travail, Agir): a lead text,
    shown in the menu too, an image, and cards for the pages under it."""

    lead = lead_field(_("Présentation de la rubrique, reprise dans le menu principal."))
    body = body_field()

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("lead"),
        *HeroImageMixin.hero_image_panels,
        FieldPanel("body"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("lead"), index.SearchField("body")]

    parent_page_types = ["core.HomePage"]
    # Children: every page type whose parent_page_types names SectionPage.

    class Meta:
        verbose_name = _("page de rubrique")


class StandardPage(ChildCardsMixin, BasePage):
    """A content page: a lead text then blocks (Ce que nous faisons, Données et
    recherche, Travailler avec nous…), and cards for the pages under it, if any (the
    publications library under Données et recherche)."""

    lead = lead_field(_("Une ou deux phrases qui résument la page, affichées en tête."))
    body = body_field()

    content_panels = [*BasePage.content_panels, FieldPanel("lead"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("lead"), index.SearchField("body")]

    parent_page_types = ["core.HomePage", "core.SectionPage"]
    # Children: every page type whose parent_page_types names StandardPage (« Données et
    # recherche » holds the publications library).

    class Meta:
        verbose_name = _("page standard")


__all__ = ["HomePage", "SectionPage", "SingletonPerLocaleMixin", "StandardPage"]
