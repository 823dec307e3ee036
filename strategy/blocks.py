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

    def get_preview_value(self):
        """The block picker's preview: three targets of the editor's language."""
        from wagtail.models import Locale

        from strategy.models import SDGTarget

        targets = SDGTarget.objects.filter(locale=Locale.get_default()).order_by("pk")[:3]
        return self.to_python({"heading": "", "targets": [target.pk for target in targets]})

    def get_context(self, value, parent_context=None):
        """The targets in the language of the page shown: a translated page still points
        at the French snippets (wagtail-localize keeps the chosen objects), whose
        descriptions must not appear under /en/ or /es/. One query for all of them; a
        target without a translation yet stays as chosen."""
        from wagtail.models import Locale

        context = super().get_context(value, parent_context)
        chosen = [target for target in value.get("targets") or [] if target is not None]
        page = (parent_context or {}).get("page")
        locale_id = getattr(page, "locale_id", None) or Locale.get_active().pk
        if chosen and any(target.locale_id != locale_id for target in chosen):
            model = type(chosen[0])
            versions = {
                version.translation_key: version
                for version in model.objects.filter(
                    translation_key__in=[target.translation_key for target in chosen],
                    locale_id=locale_id,
                ).select_related("goal")
            }
            chosen = [versions.get(target.translation_key, target) for target in chosen]
        context["targets"] = chosen
        return context
