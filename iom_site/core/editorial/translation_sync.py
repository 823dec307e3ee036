"""When a person publishes a French page, its translations follow, as drafts.

On ``page_published`` for a page of the source language whose revision a person wrote (the
seed's and the tests' programmatic publications have no author and are left alone), after
the transaction commits:

1. the page's wagtail-localize source is extracted again (what « Sync translated pages »
   does; if no segment changed, the existing translations are left as they are), and a
   language whose tree holds the page's parent but no translation of it gets
   one (wagtail-localize's TranslationCreator; a draft, as
   WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE is off);
2. a segment whose French changed starts from its previous translation
   (``prefill``): the translator edits it instead of starting again. It is marked
   (``PREFILL_TOOL``) until someone saves it, and the dashboard counts it as to do;
3. each existing translation gets a **draft revision** built from the French and its
   translated strings (missing ones in French). Never published, never written to the
   page row (which is what the site shows): a moderator publishes after review;
4. the translators of each language (groups that may edit that language's tree but not
   publish in it) get an email with the editor's address; their dashboard lists the page
   (editorial.dashboard).
"""

import difflib
import logging
from collections import defaultdict

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import translation as i18n
from django.utils.translation import gettext as _

from wagtail.models import GroupPagePermission, Locale, Page
from wagtail.signals import page_published
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource
from wagtail_localize.operations import TranslationCreator
from wagtail_localize.segments.types import StringValue
from wagtail_localize.strings import validate_translation_links

logger = logging.getLogger(__name__)

PREFILL_TOOL = "Traduction précédente (à revoir)"
MIN_SIMILARITY = 0.3


def connect():
    page_published.connect(on_page_published, dispatch_uid="editorial_translation_sync")


def on_page_published(sender, instance, revision=None, **kwargs):
    if revision is None or revision.user_id is None:
        return
    if instance.locale_id != Locale.get_default().pk or instance.depth < 3:
        return
    page_id, user_id = instance.pk, revision.user_id
    transaction.on_commit(lambda: sync_translations(page_id, user_id))


def sync_translations(page_id, user_id=None):
    """Steps 1–4 for the French page ``page_id``; returns {locale: translation}."""
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return {}
    page = page.specific
    user = get_user_model().objects.filter(pk=user_id).first()
    synced = {}
    with transaction.atomic():
        source = TranslationSource.objects.get_for_instance_or_none(page)
        existing = (
            {t.target_locale_id: t for t in source.translations.filter(enabled=True)}
            if source
            else {}
        )
        new_locales = [
            locale
            for locale in Locale.objects.exclude(pk=page.locale_id)
            if locale.pk not in existing and can_create(page, locale)
        ]
        if not existing and not new_locales:
            return {}
        if existing and not refresh(source):
            existing = {}  # published again unchanged: nothing new to translate
        if not existing and not new_locales:
            return {}
        for item in existing.values():
            prefill(source, item.target_locale)
            if save_draft(source, item.target_locale):
                synced[item.target_locale] = item
        if new_locales:
            TranslationCreator(user, new_locales).create_translations(page)
            source = TranslationSource.objects.get_for_instance(page)
            for item in source.translations.filter(target_locale__in=new_locales):
                synced[item.target_locale] = item
    for locale in synced:
        notify_translators(page, locale)
    return synced


def segments_of(source):
    return (
        set(source.stringsegment_set.values_list("string_id", "context_id")),
        set(source.overridablesegment_set.values_list("context_id", "data_json")),
        set(source.relatedobjectsegment_set.values_list("context_id", "object_id")),
    )


def refresh(source):
    """Extracts the source again; False (and the source's date as it was) if no segment
    changed, so that an unchanged page does not come back to the translators."""
    before, last_updated_at = segments_of(source), source.last_updated_at
    source.update_from_db()
    if segments_of(source) != before:
        return True
    TranslationSource.objects.filter(pk=source.pk).update(last_updated_at=last_updated_at)
    return False


def can_create(page, locale):
    """The page has no object in that language yet, and its parent does."""
    if Page.objects.filter(translation_key=page.translation_key, locale=locale).exists():
        return False
    parent = page.get_parent()
    return Page.objects.filter(translation_key=parent.translation_key, locale=locale).exists()


def prefill(source, locale):
    """Each string segment without a translation starts from the most similar translation
    the same field had before (an obsolete one: its French is no longer used there)."""
    segments = list(StringSegment.objects.filter(source=source).select_related("string"))
    used = {(segment.string_id, segment.context_id) for segment in segments}
    translations = StringTranslation.objects.filter(
        locale=locale, context_id__in={segment.context_id for segment in segments}
    ).select_related("translation_of")
    translated, obsolete = set(), defaultdict(list)
    for item in translations:
        key = (item.translation_of_id, item.context_id)
        if key in used:
            translated.add(key)
        elif not item.has_error:
            obsolete[item.context_id].append(item)
    for segment in segments:
        if (segment.string_id, segment.context_id) in translated:
            continue
        candidates = obsolete.get(segment.context_id)
        if not candidates:
            continue
        best = max(
            candidates,
            key=lambda item: (
                similarity(item.translation_of.data, segment.string.data),
                item.updated_at,
            ),
        )
        if similarity(best.translation_of.data, segment.string.data) < MIN_SIMILARITY:
            continue
        if not fits(segment.string.data, best.data):
            continue
        candidates.remove(best)
        StringTranslation.objects.create(
            translation_of_id=segment.string_id,
            context_id=segment.context_id,
            locale=locale,
            data=best.data,
            translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
            tool_name=PREFILL_TOOL,
            last_translated_by=None,
        )
        translated.add((segment.string_id, segment.context_id))


def similarity(old, new):
    return difflib.SequenceMatcher(None, old, new).ratio()


def fits(source_html, translated_html):
    """The previous translation's inline tags still match the new French."""
    try:
        StringValue.from_translated_html(translated_html)
        validate_translation_links(source_html, translated_html)
    except ValueError:
        return False
    return True


def save_draft(source, locale):
    """A draft revision of the translated page from the French and its strings."""
    try:
        target = source.get_translated_instance(locale)
    except Page.DoesNotExist:
        return False
    if getattr(target, "alias_of_id", None):
        return False
    try:
        draft = source.get_ephemeral_translated_instance(locale, fallback=True)
        draft.save_revision(user=None, log_action=True)
    except ValidationError:
        logger.warning("Draft of %s in %s not saved", source.object_repr, locale, exc_info=True)
        return False
    return True


def translators_of(locale):
    """Active people with an email whose groups may edit that language's pages but not
    publish them."""
    editors = GroupPagePermission.objects.filter(
        page__locale=locale, permission__codename="change_page"
    ).values("group")
    publishers = GroupPagePermission.objects.filter(
        page__locale=locale, permission__codename="publish_page"
    ).values("group")
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__in=editors)
        .exclude(groups__in=publishers)
        .exclude(email="")
        .distinct()
    )


def editor_url(page, locale):
    target = Page.objects.filter(translation_key=page.translation_key, locale=locale).first()
    path = (
        reverse("wagtailadmin_pages:edit", args=[target.pk])
        if target
        else reverse("wagtailadmin_home")
    )
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def notify_translators(page, locale):
    recipients = [user.email for user in translators_of(locale)]
    if not recipients:
        return
    with i18n.override(locale.language_code):
        subject = _("À traduire : « %(title)s » (%(language)s)") % {
            "title": page.title,
            "language": locale.get_display_name(),
        }
        body = _(
            "La page française « %(title)s » a été publiée. Sa traduction (%(language)s) "
            "est à mettre à jour ; les passages modifiés reprennent votre traduction "
            "précédente, à revoir.\n\nOuvrir l’éditeur de traduction : %(url)s\n"
        ) % {
            "title": page.title,
            "language": locale.get_display_name(),
            "url": editor_url(page, locale),
        }
    send_mail(subject, body, None, recipients, fail_silently=True)
