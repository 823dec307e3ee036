"""The blocks editors compose pages from. Each renders with its own template under
``templates/blocks/`` and shows a preview in the block picker."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.module_loading import import_string
from django.utils.text import slugify
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Page

from iom_site.core.listing_blocks import FeaturedPageBlock, LatestPagesBlock

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "link", "document-link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    """A section heading, with an anchor so other pages and the menu can link to it."""

    text = blocks.CharBlock(label=_("texte"), help_text=_("Le texte du titre."))
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Niveau 2")), ("h3", _("Niveau 3")), ("h4", _("Niveau 4"))],
        default="h2",
        label=_("niveau"),
        help_text=_("Niveau 2 pour une section, 3 ou 4 pour une sous-section."),
    )
    anchor = blocks.CharBlock(
        required=False,
        label=_("ancre"),
        help_text=_(
            "Identifiant stable pour les liens directs (#ancre). Laisser vide pour le déduire du texte."
        ),
    )

    class Meta:
        icon = "title"
        label = _("Titre")
        template = "blocks/heading_block.html"
        description = _("Un titre de section avec une ancre pour les liens directs.")
        preview_value = {"text": "Une approche globale", "level": "h2", "anchor": ""}

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["anchor"] = value.get("anchor") or slugify(value.get("text", ""))
        return context


class ParagraphBlock(blocks.RichTextBlock):
    """Running text with links and lists."""

    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Paragraphe")
        template = "blocks/paragraph_block.html"
        description = _("Du texte courant : paragraphes, listes et liens.")
        preview_value = "<p>L’OIM fait partie du système des Nations Unies.</p>"


class QuoteBlock(blocks.StructBlock):
    """A quotation and where it comes from."""

    quote = blocks.TextBlock(label=_("citation"), help_text=_("Le texte cité, sans guillemets."))
    source = blocks.CharBlock(
        required=False,
        label=_("source"),
        help_text=_("Qui l’a dit ou d’où vient le texte, par exemple un accord international."),
    )
    source_url = blocks.URLBlock(
        required=False, label=_("lien de la source"), help_text=_("Adresse du texte d’origine.")
    )

    class Meta:
        icon = "openquote"
        label = _("Citation")
        template = "blocks/quote_block.html"
        description = _("Une citation mise en valeur, avec sa source.")
        preview_value = {
            "quote": "La migration est une réalité multidimensionnelle.",
            "source": "Pacte mondial pour des migrations sûres, ordonnées et régulières",
        }


class ExpandableSectionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("titre"), help_text=_("Le titre toujours visible."))
    anchor = blocks.CharBlock(
        required=False,
        label=_("ancre"),
        help_text=_("Identifiant stable (#ancre). Laisser vide pour le déduire du titre."),
    )
    body = ParagraphBlock(label=_("contenu"), help_text=_("Le texte affiché une fois ouvert."))


class ExpandableSectionsBlock(blocks.StructBlock):
    """Sections a reader opens one by one, with a table of contents above them."""

    show_toc = blocks.BooleanBlock(
        required=False,
        default=True,
        label=_("sommaire"),
        help_text=_("Afficher un sommaire qui mène à chaque section."),
    )
    sections = blocks.ListBlock(ExpandableSectionBlock(), label=_("sections"))

    class Meta:
        icon = "list-ul"
        label = _("Sections dépliables")
        template = "blocks/expandable_sections_block.html"
        description = _("Des sections ordonnées que le lecteur déplie, avec un sommaire.")
        preview_value = {
            "show_toc": True,
            "sections": [
                {"heading": "Une approche pangouvernementale", "anchor": "", "body": "<p>…</p>"},
            ],
        }


class KeyFigureBlock(blocks.StructBlock):
    """One figure, with where it comes from and when it was true."""

    figure = blocks.CharBlock(label=_("chiffre"), help_text=_("Le chiffre, par exemple « 175 »."))
    label = blocks.CharBlock(
        label=_("libellé"),
        help_text=_("Ce que le chiffre compte, par exemple « États membres »."),
    )
    # Defaults: figures saved before these fields existed read as empty, not None.
    source = blocks.CharBlock(
        default="",
        label=_("source"),
        help_text=_(
            "D’où vient le chiffre, tel que le lecteur peut le vérifier, par exemple "
            "« Rapport annuel de l’OIM 2023 ». Obligatoire : pas de chiffre sans source."
        ),
    )
    source_url = blocks.URLBlock(
        required=False,
        default="",
        label=_("lien de la source"),
        help_text=_("L’adresse où lire la source, facultative."),
    )
    date = blocks.DateBlock(
        required=False,
        label=_("date"),
        help_text=_("La date à laquelle le chiffre était exact, si la source la donne."),
    )


class KeyFiguresBlock(blocks.StructBlock):
    """A row of figures that say the organisation's size at a glance."""

    heading = blocks.CharBlock(
        required=False, label=_("titre"), help_text=_("Titre facultatif au-dessus des chiffres.")
    )
    figures = blocks.ListBlock(KeyFigureBlock(), min_num=1, max_num=6, label=_("chiffres"))

    class Meta:
        icon = "order"
        label = _("Chiffres clés")
        template = "blocks/key_figures_block.html"
        description = _("Quelques chiffres clés mis en avant, chacun avec sa source et sa date.")
        preview_value = {
            "heading": "",
            "figures": [
                {"figure": "1951", "label": "depuis", "source": "Présentation de l’OIM"},
                {"figure": "175", "label": "Etats membres", "source": "Présentation de l’OIM"},
                {"figure": "171", "label": "pays", "source": "Présentation de l’OIM"},
            ],
        }


class LinkStructValue(blocks.StructValue):
    def localized_page(self):
        """The chosen page in the reader's language (live), else the page itself; found
        for all the cards of a block at once when the block did it (``localize_links``)."""
        page = self.get("page")
        if not page:
            return None
        if "_localized" not in self.__dict__:
            self._localized = page.localized
        return self._localized

    def url(self):
        page = self.localized_page()
        return page.url if page else self.get("external_url") or ""

    def title(self):
        page = self.localized_page()
        return self.get("title") or (page.title if page else "")

    # Templates read ``value.title`` as the block's own (possibly empty) "title" field:
    # a dictionary key wins over a method there. This is the label a link shows.
    label = title


def localize_links(values):
    """Find the reader's-language version of the pages chosen in ``values`` (link
    StructValues) in one query, instead of one per link (Page.localized asks for the
    active locale, then the translation, each time)."""
    values = [value for value in values if value.get("page") and "_localized" not in value.__dict__]
    if not values:
        return
    language = get_supported_content_language_variant(get_language())
    keys = {value["page"].translation_key for value in values}
    found = {
        page.translation_key: page
        for page in Page.objects.live().filter(
            translation_key__in=keys, locale__language_code=language
        )
    }
    for value in values:
        value._localized = found.get(value["page"].translation_key, value["page"])


class LinkBlock(blocks.StructBlock):
    """A link to a page of the site (shown in the reader's language) or to an address
    outside it: the shared base of cards, menu links and footer links."""

    page = blocks.PageChooserBlock(
        required=False,
        label=_("page"),
        help_text=_("Une page du site (dans la langue du lecteur)."),
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

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("external_url")):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "page": ValidationError(
                        _("Choisir une page ou saisir un lien externe, pas les deux.")
                    )
                }
            )
        if value.get("external_url") and not value.get("title"):
            raise blocks.StructBlockValidationError(
                block_errors={"title": ValidationError(_("Un lien externe a besoin d’un titre."))}
            )
        return value


class LinkCardBlock(LinkBlock):
    """A card: a link with one or two sentences."""

    text = blocks.TextBlock(required=False, label=_("texte"), help_text=_("Une ou deux phrases."))


class LinkCardsBlock(blocks.StructBlock):
    """Cards that lead the reader on: to a section, a page or a partner's site."""

    heading = blocks.CharBlock(
        required=False, label=_("titre"), help_text=_("Titre facultatif au-dessus des cartes.")
    )
    cards = blocks.ListBlock(LinkCardBlock(), min_num=1, label=_("cartes"))

    def get_context(self, value, parent_context=None):
        localize_links(value["cards"])
        return super().get_context(value, parent_context=parent_context)

    class Meta:
        icon = "link"
        label = _("Cartes de liens")
        template = "blocks/link_cards_block.html"
        description = _("Des cartes qui mènent vers d’autres pages : appel à l’action, rubriques.")
        preview_value = {
            "heading": "",
            "cards": [
                {
                    "external_url": "https://www.iom.int/fr",
                    "title": "OIM",
                    "text": "Le site de l’OIM.",
                }
            ],
        }


class ContactBlock(blocks.StructBlock):
    """Who to write to: a unit's name, an introduction and its email address."""

    unit = blocks.CharBlock(
        label=_("unité"), help_text=_("Le nom de l’unité ou du bureau à contacter.")
    )
    text = blocks.TextBlock(
        required=False, label=_("texte"), help_text=_("Une phrase d’introduction, facultative.")
    )
    email = blocks.EmailBlock(label=_("courriel"), help_text=_("Adresse affichée comme lien."))

    class Meta:
        icon = "mail"
        label = _("Contact")
        template = "blocks/contact_block.html"
        description = _("Les coordonnées d’une unité, avec un lien de courriel.")
        preview_value = {
            "unit": "Migration et développement durable",
            "text": "",
            "email": "migration4development@iom.int",
        }


class DocumentBlock(blocks.StructBlock):
    """A file to download, with its type and size shown before the click."""

    document = DocumentChooserBlock(label=_("document"), help_text=_("Le fichier à télécharger."))
    title = blocks.CharBlock(
        required=False,
        label=_("titre"),
        help_text=_("Laisser vide pour reprendre le titre du document."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "blocks/document_block.html"
        description = _("Un document à télécharger, avec son type et sa taille.")

    def get_preview_value(self):
        """The block picker's preview: the latest document, with its own title."""
        from wagtail.documents import get_document_model

        document = get_document_model().objects.order_by("-created_at").first()
        return self.to_python({"document": document.pk if document else None, "title": ""})

    def get_context(self, value, parent_context=None):
        """The link's text: the block's own title (a segment translators translate);
        without one, the document's title on a page in the source language, and elsewhere
        « Télécharger le document » in the page's language: a document's title is one
        French string shared by every language, never shown under /en/ or /es/."""
        from wagtail.models import Locale

        context = super().get_context(value, parent_context)
        document = value.get("document")
        page = (parent_context or {}).get("page")
        in_source_language = getattr(page, "locale_id", None) in (None, Locale.get_default().pk)
        if value.get("title"):
            context["link_text"] = value["title"]
        elif document is not None and in_source_language:
            context["link_text"] = document.title
        else:
            context["link_text"] = gettext("Télécharger le document")
        return context


class ImageBlock(blocks.StructBlock):
    """An image with the words a screen reader says in its place, a caption and a credit."""

    image = ImageChooserBlock(
        label=_("image"),
        help_text=_("L’image à afficher, dans ses proportions, jamais recadrée."),
    )
    alt_text = blocks.CharBlock(
        label=_("texte alternatif"),
        help_text=_("Ce que montre l’image, pour qui ne la voit pas. Obligatoire."),
    )
    caption = blocks.CharBlock(
        required=False, label=_("légende"), help_text=_("Ce que le lecteur doit savoir de l’image.")
    )
    credit = blocks.CharBlock(
        required=False,
        default="",  # images saved before credits existed read as without one
        label=_("crédit"),
        help_text=_("L’auteur ou le détenteur des droits, par exemple « © OIM 2024 / Nom »."),
    )

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/image_block.html"
        description = _("Une image avec un texte alternatif obligatoire, une légende et un crédit.")

    def get_preview_value(self):
        """The block picker's preview: the latest image, with its description as alt text."""
        from wagtail.images import get_image_model

        image = get_image_model().objects.order_by("-created_at").first()
        return self.to_python(
            {
                "image": image.pk if image else None,
                "alt_text": image.default_alt_text if image else "",
                "caption": "",
                "credit": "",
            }
        )


def extra_body_blocks():
    """[(name, block)] from settings.BODY_STREAM_EXTRA_BLOCKS, [(name, dotted path of a
    block class)]: the blocks other apps add to every page body (the strategy app's SDG
    targets), without core naming them. They come after core's own, in that order, so
    the stream's definition (and so the migrations) stays as it was."""
    return [(name, import_string(path)()) for name, path in settings.BODY_STREAM_EXTRA_BLOCKS]


class BodyStreamBlock(blocks.StreamBlock):
    """The main content stream of every page: core's blocks, then the apps' extra ones."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    quote = QuoteBlock()
    expandable_sections = ExpandableSectionsBlock()
    key_figures = KeyFiguresBlock()
    link_cards = LinkCardsBlock()
    contact = ContactBlock()
    document = DocumentBlock()
    image = ImageBlock()
    latest_pages = LatestPagesBlock()
    featured_page = FeaturedPageBlock()

    def __init__(self, local_blocks=None, **kwargs):
        super().__init__([*extra_body_blocks(), *(local_blocks or ())], **kwargs)
