"""Blocks of an editorial front page (the home page, a section): the latest pages of a
listing page, and one featured page. They name no page type: any listing page works
(news, publications), each in the reader's language."""

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Locale, Page


def page_locale_id(parent_context):
    """The language of the page being rendered (else the active language)."""
    page = (parent_context or {}).get("page")
    if getattr(page, "locale_id", None):
        return page.locale_id
    return Locale.get_active().pk if get_language() else Locale.get_default().pk


class LatestPagesBlock(blocks.StructBlock):
    """« Dernières publications » : the newest pages published under a listing page
    (Actualités, Publications…), each with its date, image and summary, newest first."""

    heading = blocks.CharBlock(
        label=_("titre"),
        help_text=_("Le titre au-dessus de la liste, par exemple « Dernières actualités »."),
    )
    index = blocks.PageChooserBlock(
        label=_("page de liste"),
        help_text=_(
            "La page dont on montre les dernières pages publiées, par exemple « Actualités ». "
            "Chaque langue montre sa propre version."
        ),
    )
    count = blocks.IntegerBlock(
        default=3,
        min_value=1,
        max_value=12,
        label=_("nombre"),
        help_text=_("Combien de pages montrer, de 1 à 12."),
    )
    link_text = blocks.CharBlock(
        required=False,
        label=_("texte du lien"),
        help_text=_(
            "Le lien vers la page de liste, par exemple « Toutes les actualités ». "
            "Laisser vide pour reprendre le titre de la page de liste."
        ),
    )

    class Meta:
        icon = "date"
        label = _("Dernières publications")
        template = "blocks/latest_pages_block.html"
        description = _(
            "Les dernières pages publiées sous une page de liste (actualités, publications), "
            "avec leur date et leur image. Rien n’est affiché tant qu’aucune n’est publiée."
        )
        preview_value = {"heading": "Dernières actualités", "count": 3, "link_text": ""}

    def get_context(self, value, parent_context=None):
        from iom_site.core.listings import latest_children

        context = super().get_context(value, parent_context)
        index, items = latest_children(
            value.get("index"), page_locale_id(parent_context), value.get("count") or 3
        )
        context.update(index=index, items=items)
        return context

    def get_preview_value(self):
        """The admin's preview shows the real latest pages: under the parent of the page
        published last."""
        value = super().get_preview_value()
        latest = Page.objects.live().filter(depth__gt=3).order_by("-first_published_at").first()
        if latest is not None:
            value["index"] = latest.get_parent()
        return value


class FeaturedPageBlock(blocks.StructBlock):
    """« À la une » : one page put forward, large, with an image and a few words."""

    page = blocks.PageChooserBlock(
        label=_("page"),
        help_text=_("La page mise en avant. Chaque langue montre sa propre version."),
    )
    kicker = blocks.CharBlock(
        required=False,
        label=_("surtitre"),
        help_text=_("Un mot au-dessus du titre, par exemple « À la une »."),
    )
    summary = blocks.TextBlock(
        required=False,
        label=_("texte"),
        help_text=_("Une ou deux phrases. Laisser vide pour le résumé de la page."),
    )
    image = ImageChooserBlock(
        required=False,
        label=_("image"),
        help_text=_("Laisser vide pour l’image de la page (image en liste, sinon principale)."),
    )
    alt_text = blocks.CharBlock(
        required=False,
        label=_("texte alternatif"),
        help_text=_(
            "Ce que montre l’image, pour qui ne la voit pas. Laisser vide pour la description "
            "de l’image."
        ),
    )

    credit = blocks.CharBlock(
        required=False,
        label=_("crédit"),
        help_text=_(
            "Le crédit de l’image choisie ici. L’image de la page garde le crédit donné sur la page."
        ),
    )

    class Meta:
        icon = "pick"
        label = _("À la une")
        template = "blocks/featured_page_block.html"
        description = _("Une page mise en avant en grand, avec une image et un court texte.")
        preview_value = {
            "kicker": "À la une",
            "summary": "La stratégie institutionnelle de l’OIM en matière de migration et de "
            "développement durable.",
        }

    def get_preview_value(self):
        """The admin's preview puts forward the page published last."""
        value = super().get_preview_value()
        value["page"] = (
            Page.objects.live().filter(depth__gt=2).order_by("-last_published_at").first()
        )
        return value

    def get_context(self, value, parent_context=None):
        from iom_site.core.listings import localized

        context = super().get_context(value, parent_context)
        target = localized(value.get("page"), page_locale_id(parent_context), specific=True)
        image = value.get("image") or (target.card_image if target is not None else None)
        own = image is not None and target is not None and not value.get("image")
        own = own and image == getattr(target, "hero_image", None)
        alt = value.get("alt_text") or (target.hero_image_alt if own else "")
        if not alt and image is not None:
            alt = image.description or image.title
        context.update(
            target=target,
            picture=image,
            alt=alt,
            credit=target.hero_image_credit if own else value.get("credit", ""),
            summary=value.get("summary") or (target.summary if target is not None else ""),
        )
        return context
