"""Dashboard panels for the editorial roles: one's own drafts, and the translations whose
French source changed since they were last brought up to date. (Pages awaiting one's
review are Wagtail's own « Awaiting your review » panel.)"""

from collections import defaultdict

from django.contrib.admin.utils import quote
from django.db.models import DateTimeField, Exists, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, Greatest
from django.urls import reverse

from wagtail.admin.ui.components import Component
from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationLog

from iom_site.core.editorial.permissions import editable_locale_ids
from iom_site.core.editorial.translation_sync import PREFILL_TOOL

DRAFTS_LIMIT = 10
TRANSLATIONS_LIMIT = 20


def own_drafts(user, limit=DRAFTS_LIMIT):
    """Pages whose latest, unpublished revision is the user's."""
    return (
        Page.objects.filter(has_unpublished_changes=True, latest_revision__user=user)
        .annotate_approved_schedule()
        .select_related("locale")
        .order_by("-latest_revision_created_at")[:limit]
    )


def outdated_translations(user, limit=TRANSLATIONS_LIMIT):
    """[(translation, editor URL)] into the user's languages, most recent source change first:
    the out-of-date ones, and those with segments still to do (new, or carried over from
    the previous French and not yet reviewed).

    Out of date: the source was extracted again (source.last_updated_at) after both the
    strings and the translated object last caught up. wagtail-localize 1.14 declares
    translations_last_updated_at and destination_last_updated_at but never writes them, so
    the log it keeps of every save of the translated object stands in for the second, and
    the translation's creation for whatever is still empty.
    """
    last_saved = (
        TranslationLog.objects.filter(
            source_id=OuterRef("source_id"), locale_id=OuterRef("target_locale_id")
        )
        .order_by("-created_at")
        .values("created_at")[:1]
    )
    # A segment still to do: no translation, or one carried over from the segment's previous
    # French (editorial.translation_sync) that nobody has saved since.
    done = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"),
        context_id=OuterRef("context_id"),
        locale_id=OuterRef(OuterRef("target_locale_id")),
    ).exclude(tool_name=PREFILL_TOOL)
    to_do = StringSegment.objects.filter(source_id=OuterRef("source_id")).exclude(Exists(done))
    translations = list(
        Translation.objects.filter(enabled=True, target_locale_id__in=editable_locale_ids(user))
        .annotate(
            caught_up_at=Greatest(
                Coalesce("translations_last_updated_at", "created_at"),
                Coalesce(
                    "destination_last_updated_at",
                    Subquery(last_saved, output_field=DateTimeField()),
                    "created_at",
                ),
            )
        )
        .filter(Q(source__last_updated_at__gt=F("caught_up_at")) | Exists(to_do))
        .select_related("source", "source__specific_content_type", "target_locale")
        .order_by("-source__last_updated_at")[:limit]
    )
    urls = editor_urls(translations)
    return [
        (translation, urls.get((translation.source.object_id, translation.target_locale_id)))
        for translation in translations
    ]


def editor_urls(translations):
    """{(translation key, locale id): edit URL of the translated object}: one query for all
    pages, one per snippet model. The edit view shows wagtail-localize's editor."""
    keys_by_model, locale_ids = defaultdict(set), set()
    for translation in translations:
        model = translation.source.specific_content_type.model_class()
        keys_by_model[Page if issubclass(model, Page) else model].add(translation.source.object_id)
        locale_ids.add(translation.target_locale_id)
    urls = {}
    for model, keys in keys_by_model.items():
        if model is Page:
            url_name = "wagtailadmin_pages:edit"
        elif hasattr(model, "snippet_viewset"):
            url_name = model.snippet_viewset.get_url_name("edit")
        else:
            continue
        rows = model._default_manager.filter(
            translation_key__in=keys, locale_id__in=locale_ids
        ).values_list("translation_key", "locale_id", "pk")
        for key, locale_id, pk in rows:
            urls[(key, locale_id)] = reverse(url_name, args=[quote(pk)])
    return urls


class OwnDraftsPanel(Component):
    name = "own_drafts"
    template_name = "wagtailadmin/home/own_drafts.html"
    order = 230

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["drafts"] = list(own_drafts(parent_context["request"].user))
        return context


class OutdatedTranslationsPanel(Component):
    name = "outdated_translations"
    template_name = "wagtailadmin/home/outdated_translations.html"
    order = 240

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["translations"] = outdated_translations(parent_context["request"].user)
        return context
