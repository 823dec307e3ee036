"""Blocks for the « Où travaillons-nous » page: regions and the offices that serve them."""

from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wagtail import blocks


class OfficeBlock(blocks.StructBlock):
    """One IOM office: its name, where it is and what it does."""

    name = blocks.CharBlock(
        label=_("nom"),
        help_text=_("Le nom du bureau, par exemple « Bureau régional pour l’Afrique australe »."),
    )
    city = blocks.CharBlock(label=_("ville"), help_text=_("La ville où se trouve le bureau."))
    country = blocks.CharBlock(label=_("pays"), help_text=_("Le pays où se trouve le bureau."))
    role = blocks.CharBlock(
        required=False,
        label=_("rôle"),
        help_text=_("Le rôle du bureau, par exemple « Siège » ou « Bureau régional »."),
    )
    url = blocks.URLBlock(
        required=False,
        label=_("site web"),
        help_text=_("Adresse du site du bureau, facultative."),
    )

    class Meta:
        icon = "site"
        label = _("Bureau")
        template = "partnerships/blocks/office_block.html"
        description = _("Un bureau de l’OIM : nom, ville, pays et rôle.")
        preview_value = {
            "name": "Bureau régional pour l’Afrique australe",
            "city": "Pretoria",
            "country": "Afrique du Sud",
            "role": "Bureau régional",
            "url": "",
        }


class RegionBlock(blocks.StructBlock):
    """A region of the world and the offices that serve it, shown as a titled list."""

    name = blocks.CharBlock(
        label=_("région"),
        help_text=_("Le nom de la région, par exemple « Asie et Pacifique », ou « Siège »."),
    )
    offices = blocks.ListBlock(
        OfficeBlock(),
        min_num=1,
        label=_("bureaux"),
        help_text=_("Les bureaux qui couvrent cette région."),
    )

    class Meta:
        icon = "globe"
        label = _("Région")
        template = "partnerships/blocks/region_block.html"
        description = _("Une région et la liste de ses bureaux.")
        preview_value = {
            "name": "Asie et Pacifique",
            "offices": [
                {
                    "name": "Bureau régional pour l’Asie et le Pacifique",
                    "city": "Bangkok",
                    "country": "Thaïlande",
                    "role": "Bureau régional",
                    "url": "",
                }
            ],
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["anchor"] = slugify(value.get("name", ""))
        return context


class RegionsStreamBlock(blocks.StreamBlock):
    """The regions of the « Où travaillons-nous » page, in the order they are shown."""

    region = RegionBlock()
