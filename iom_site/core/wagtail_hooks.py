from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail import hooks
from wagtail.admin.userbar import ContentCheckerItem
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.widgets import Button
from wagtail.images.forms import BaseImageForm
from wagtail.models import Page, WorkflowState
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail_localize.models import Translation, TranslationLog

from iom_site.core import permissions
from iom_site.core.dashboard import OutdatedTranslationsPanel, OwnDraftsPanel
from iom_site.core.models import Footer, MainMenu, Theme

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


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = _("Thèmes")
    list_display = ["name", "slug", "locale"]
    search_fields = ["name"]


register_snippet(MainMenuViewSet)
register_snippet(FooterViewSet)
register_snippet(ThemeViewSet)

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


class SubmitTranslationForReviewView(WagtailAdminTemplateMixin, TemplateView):
    """Sends a synchronised translation to the Review workflow. wagtail-localize's editor
    only offers « Publish », which translators may not do (wagtail-localize#655): this saves
    the translated strings as a draft revision and starts (or resumes) the workflow, so a
    moderator's approval publishes them. Pages only: wagtail-localize cannot save a draft
    of a snippet's translation."""

    template_name = "wagtailadmin/editorial/submit_translation_for_review.html"
    page_title = _("Soumettre la traduction à la relecture")
    header_icon = "resubmit"

    def dispatch(self, request, page_id):
        self.page = get_object_or_404(Page, pk=page_id).specific
        if not self.page.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        self.translation = Translation.objects.filter(
            source__object_id=self.page.translation_key,
            target_locale_id=self.page.locale_id,
            enabled=True,
        ).first()
        self.workflow = self.page.get_workflow()
        problem = None
        if self.translation is None:
            problem = _("Cette page n’est pas une traduction synchronisée.")
        elif self.workflow is None:
            problem = _("Aucun circuit de relecture ne couvre cette page.")
        elif self.page.workflow_in_progress:
            problem = _("Cette page est déjà en relecture.")
        if problem:
            messages.error(request, problem)
            return redirect("wagtailadmin_explore", self.page.get_parent().pk)
        return super().dispatch(request, page_id)

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "page": self.page}

    def post(self, request, page_id):
        try:
            with transaction.atomic():
                revision = self.save_draft(request.user)
                page = self.page.specific_class.objects.get(pk=self.page.pk)
                state = page.current_workflow_state
                if state and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
                    state.resume(request.user)
                else:
                    self.workflow.start(page, request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("wagtailadmin_explore", self.page.get_parent().pk)
        messages.success(
            request,
            _("« %(title)s » est soumise à la relecture.") % {"title": revision.object_str},
        )
        return redirect("wagtailadmin_explore", self.page.get_parent().pk)

    def save_draft(self, user):
        # Not Translation.save_target(publish=False): it also saves the page row, which
        # for a live page puts the unreviewed text on the site at once.
        source, locale = self.translation.source, self.translation.target_locale
        draft = source.get_ephemeral_translated_instance(locale, fallback=True)
        revision = draft.save_revision(user=user, log_action=True)
        TranslationLog.objects.create(source=source, locale=locale, revision=revision)
        return revision


@hooks.register("register_admin_urls")
def register_editorial_urls():
    return [
        path(
            "editorial/translations/<int:page_id>/submit/",
            SubmitTranslationForReviewView.as_view(),
            name="editorial_submit_translation",
        )
    ]


@hooks.register("register_page_listing_more_buttons")
def submit_translation_button(page, user, next_url=None):
    # Cheap checks only (this runs for every row of a listing); the view checks the rest.
    perms = page.permissions_for_user(user)
    if (
        perms.can_edit()
        and not perms.can_publish()
        and page.locale.language_code != settings.LANGUAGE_CODE
    ):
        yield Button(
            _("Soumettre la traduction à la relecture"),
            reverse("editorial_submit_translation", args=[page.pk]),
            icon_name="resubmit",
            priority=60,
        )


from iom_site.core.translation_status import hooks as translation_status_hooks  # noqa: E402, F401
