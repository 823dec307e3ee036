from django.utils.translation import gettext_lazy as _

from wagtail.admin.userbar import ContentCheckerItem


class ContentChecksItem(ContentCheckerItem):
    """Wagtail's content checks (heading order, empty headings, link text, alt text quality)
    plus missing alternative text, in the userbar and in the editor's previews."""

    axe_run_only = [
        *ContentCheckerItem.axe_run_only,
        "image-alt",
        "input-image-alt",
        "role-img-alt",
        "image-redundant-alt",
    ]
    axe_messages = {
        **ContentCheckerItem.axe_messages,
        "image-alt": {
            "error_name": _("Image sans texte alternatif"),
            "help_text": _("Décrivez l’image pour qui ne la voit pas"),
        },
        "input-image-alt": {
            "error_name": _("Bouton image sans texte alternatif"),
            "help_text": _("Dites ce que fait le bouton"),
        },
        "role-img-alt": {
            "error_name": _("Illustration sans texte alternatif"),
            "help_text": _("Décrivez l’image pour qui ne la voit pas"),
        },
        "image-redundant-alt": {
            "error_name": _("Texte alternatif redondant"),
            "help_text": _("Ne répétez pas le texte qui entoure l’image"),
        },
    }


def use_content_checks(request, items, page):
    """construct_wagtail_userbar: ours in place of Wagtail's content checker."""
    for index, item in enumerate(items):
        if isinstance(item, ContentCheckerItem) and not isinstance(item, ContentChecksItem):
            items[index] = ContentChecksItem(in_editor=item.in_editor)
