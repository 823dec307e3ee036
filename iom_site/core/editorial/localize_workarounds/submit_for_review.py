"""Workaround: a translator's synchronised translation goes to the Review workflow.

wagtail-localize's translation editor only offers « Publish », which translators may not
do (wagtail-localize#655, « Support draft translation of live articles without publishing
immediately »; also #634). This view saves the translated strings as a draft revision and
starts (or resumes) the page's workflow, so a moderator's approval publishes them. Pages
only: wagtail-localize cannot save a draft of a snippet's translation. The editorial
room's wagtail_hooks registers its URL and its button in the page listings.
"""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.widgets import Button
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import Translation, TranslationLog


class SubmitTranslationForReviewView(WagtailAdminTemplateMixin, TemplateView):
    """Saves the translation as a draft revision and sends it to the Review workflow."""

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


def admin_urls():
    return [
        path(
            "editorial/translations/<int:page_id>/submit/",
            SubmitTranslationForReviewView.as_view(),
            name="editorial_submit_translation",
        )
    ]


def listing_button(page, user, next_url=None):
    """register_page_listing_more_buttons: « Submit the translation for review » on the
    translated pages a translator may edit but not publish."""
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
