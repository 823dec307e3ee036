from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.userbar import ContentCheckerItem
from wagtail.images.forms import BaseImageForm
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from iom_site.core import permissions
from iom_site.core.dashboard import OutdatedTranslationsPanel, OwnDraftsPanel
from iom_site.core.models import Footer, MainMenu

# Before any snippet viewset is registered, here or in a later app's hooks.
permissions.register_policies()
permissions.guard_translation_editor()


class MainMenuViewSet(SnippetViewSet):
    model = MainMenu
    icon = "list-ul"
    menu_label = _("Menu principal")
    list_display = ["__str__", "locale"]


class FooterViewSet(SnippetViewSet):
    model = Footer
    icon = "placeholder"
    menu_label = _("Pied de page")
    list_display = ["__str__", "locale"]


register_snippet(MainMenuViewSet)
register_snippet(FooterViewSet)

# Editorial workflow and roles (README): per-language snippet rights, form answers for
# moderators only, dashboard panels, content checks and alt text.
# Negative order: before wagtail-localize's hook, which swaps in its translation editor.
hooks.register("before_edit_page", permissions.check_page_action, order=-10)
hooks.register("before_edit_snippet", permissions.check_snippet_edit, order=-10)
hooks.register("before_create_snippet", permissions.check_snippet_create, order=-10)
hooks.register("before_delete_snippet", permissions.check_snippet_delete, order=-10)
hooks.register("filter_form_submissions_for_user", permissions.form_submissions_for_moderators)


@hooks.register("construct_homepage_panels")
def add_editorial_panels(request, panels):
    panels.extend([OwnDraftsPanel(), OutdatedTranslationsPanel()])


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


@hooks.register("construct_wagtail_userbar")
def use_content_checks(request, items, page):
    for index, item in enumerate(items):
        if isinstance(item, ContentCheckerItem) and not isinstance(item, ContentChecksItem):
            items[index] = ContentChecksItem(in_editor=item.in_editor)


class AltTextImageForm(BaseImageForm):
    """WAGTAILIMAGES_IMAGE_FORM_BASE. An image's description is its alt text
    (Image.default_alt_text): required at upload, so no image reaches a page without one.
    The multiple uploader then asks for it before the image is saved."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "description" in self.fields:
            field = self.fields["description"]
            field.required = True
            field.label = _("Texte alternatif")
            field.help_text = _(
                "Ce que l’image montre, pour qui ne la voit pas (lecteurs d’écran, image non chargée)."
            )


from iom_site.core.translation_status import hooks as translation_status_hooks  # noqa: E402, F401
