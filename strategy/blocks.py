"""Blocks of the strategy app. The page body of every app offers ``SDGTargetsBlock``
through settings.BODY_STREAM_EXTRA_BLOCKS, read by core's BodyStreamBlock, which names
no section app."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock


class SDGTargetsBlock(blocks.StructBlock):
    """The Sustainable Development Goal targets this page serves."""

    heading = blocks.CharBlock(
        required=False, label=_("titre"), help_text=_("Titre facultatif au-dessus des cibles.")
    )
    # A lazy reference: this module is imported while core's models are built.
    targets = blocks.ListBlock(
        SnippetChooserBlock("strategy.SDGTarget"), label=_("cibles"), min_num=1
    )

    class Meta:
        icon = "tag"
        label = _("Cibles des ODD")
        template = "strategy/blocks/sdg_targets_block.html"
        description = _("Les cibles des objectifs de développement durable que sert cette page.")
