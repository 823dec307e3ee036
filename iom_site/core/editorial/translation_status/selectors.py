"""The translation status matrix: every French page and translatable snippet × each
target language, read in a fixed number of queries whatever the number of rows.

A cell is in exactly one state, decided in this order:

1. **Missing** – no object exists in the target language, or only a Wagtail alias of
   the French page (aliases show French text; wagtail-localize itself offers to
   translate them). Action: translate (wagtail-localize's submit view).

2. For a cell with an *enabled* wagtail-localize ``Translation`` (the translation
   editor is in charge of the target):

   - **Out of date** – the French changed after wagtail-localize last extracted it
     (``TranslationSource.last_updated_at``, bumped by « Sync translated pages » /
     ``update_from_db``). Publishing the French does not touch the source, so:

     * models with draft state (pages, menus, footers): the French object's
       ``last_published_at`` is later than ``last_updated_at``; « since » is that
       publication date;
     * models without draft state nor child relations (SDGs, targets, partners):
       their current fields differ from the extracted ``content_json`` – the very
       comparison ``TranslationSource.update_or_create_from_instance`` makes; the
       date of the change is unknown, the last sync date is shown instead;
     * clusterable models without draft state cannot be checked without a query per
       object, and are never reported out of date (the project has none).

     wagtail-localize 1.14 declares ``Translation.translations_last_updated_at`` and
     ``destination_last_updated_at`` but never writes them, so they are not used.
     Action: update (« Sync translated pages »).

   - **In progress** – the target is not live, has an unpublished draft, not every
     string segment is translated (the percentage is ``Translation.get_progress()``,
     computed for all cells in one query), or the translated strings have not been
     applied since: the last ``TranslationLog`` (written each time wagtail-localize
     builds the target) is older than the last sync or than the last string edited.
     Action: open the editor (the translation editor).

   - **Published** – otherwise: up to date, complete and live. Action: open the editor.

3. For a target with no enabled ``Translation`` (made by hand, or its synced
   translation was stopped): **in progress** if not live or with an unpublished
   draft; **out of date** if the French was published after the target (draft-state
   models only); else **published**. Action: open the editor.

Translate and update need ``wagtail_localize.submit_translation``: without it those
cells fall back to the editor when a target exists, and to no link otherwise.
"""

import json
from collections import Counter
from dataclasses import dataclass, replace
from datetime import datetime

from django.conf import settings
from django.contrib.admin.utils import quote
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Count, Max, OuterRef, Subquery
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from modelcluster.models import ClusterableModel, get_serializable_data_for_fields
from wagtail.models import DraftStateMixin, Locale, Page
from wagtail_localize.models import (
    OverridableSegment,
    SegmentOverride,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationLog,
    TranslationSource,
)

from iom_site.core.editorial.translatable import translatable_snippet_models


class State(models.TextChoices):
    MISSING = "missing", _("Manquante")
    IN_PROGRESS = "in_progress", _("En cours")
    OUT_OF_DATE = "out_of_date", _("Périmée")
    PUBLISHED = "published", _("Publiée")


class Action(models.TextChoices):
    TRANSLATE = "translate", _("Traduire")
    UPDATE = "update", _("Synchroniser la traduction")
    EDIT = "edit", _("Ouvrir l’éditeur")


@dataclass(frozen=True)
class Cell:
    """One object in one target language: its state, and the link to act on it.
    ``since`` is when the French changed (if known), ``synced_at`` when
    wagtail-localize last extracted it."""

    locale: Locale
    state: State
    percent: int | None = None
    since: datetime | None = None
    synced_at: datetime | None = None
    action: str = ""
    url: str = ""
    french_links: int = 0  # links of the translation still pointing at a French address

    @property
    def action_label(self):
        return Action(self.action).label if self.action else ""


@dataclass
class Row:
    """A French page (``kind`` "page", ``depth`` 0 for the home page) or snippet."""

    kind: str
    type_label: str
    title: str
    depth: int
    edit_url: str
    cells: list


@dataclass(frozen=True)
class _Source:
    """A French page or snippet, reduced to what its cells are decided from."""

    key: object
    published_at: datetime | None
    content: dict | None
    translate_url: str


@dataclass(frozen=True)
class _Target:
    """An existing object in a target language."""

    live: bool
    has_unpublished_changes: bool
    published_at: datetime | None
    is_alias: bool
    edit_url: str


def locales_by_role():
    """(the source Locale, [target Locales]) in the order of WAGTAIL_CONTENT_LANGUAGES."""
    by_code = {locale.language_code: locale for locale in Locale.objects.all()}
    ordered = [
        by_code[code] for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES if code in by_code
    ]
    source = by_code.get(settings.LANGUAGE_CODE) or ordered[0]
    return source, [locale for locale in ordered if locale.pk != source.pk]


def _with_query(url, **params):
    params = {name: value for name, value in params.items() if value}
    return f"{url}?{urlencode(params)}" if params else url


def _snippet_url(model, view_name, pk):
    return reverse(model.snippet_viewset.get_url_name(view_name), args=[quote(pk)])


def _page_rows(source_locale, target_locales):
    french = list(
        Page.objects.filter(locale_id=source_locale.pk, depth__gte=2)
        .order_by("path")
        .values("id", "title", "depth", "content_type_id", "translation_key", "last_published_at")
    )
    content_types = {
        ct.pk: ct
        for ct in ContentType.objects.filter(id__in={page["content_type_id"] for page in french})
    }
    targets = {
        (page["translation_key"], page["locale_id"]): _Target(
            live=page["live"],
            has_unpublished_changes=page["has_unpublished_changes"],
            published_at=page["last_published_at"],
            is_alias=page["alias_of_id"] is not None,
            edit_url=reverse("wagtailadmin_pages:edit", args=[page["id"]]),
        )
        for page in Page.objects.filter(
            locale_id__in=[locale.pk for locale in target_locales],
            translation_key__in=Subquery(
                Page.objects.filter(locale_id=source_locale.pk, depth__gte=2).values(
                    "translation_key"
                )
            ),
        ).values(
            "id",
            "translation_key",
            "locale_id",
            "live",
            "has_unpublished_changes",
            "last_published_at",
            "alias_of_id",
        )
    }
    rows = []
    for page in french:
        model = content_types[page["content_type_id"]].model_class()
        source = _Source(
            key=page["translation_key"],
            published_at=page["last_published_at"],
            content=None,
            translate_url=reverse("wagtail_localize:submit_page_translation", args=[page["id"]]),
        )
        row = Row(
            kind="page",
            type_label=str(model._meta.verbose_name) if model else "",
            title=page["title"],
            depth=page["depth"] - 2,
            edit_url=reverse("wagtailadmin_pages:edit", args=[page["id"]]),
            cells=[],
        )
        rows.append((row, source))
    return rows, targets


def _snippet_rows(source_locale, target_locales):
    locale_ids = [source_locale.pk, *(locale.pk for locale in target_locales)]
    rows, targets = [], {}
    for model in translatable_snippet_models():
        has_draft_state = issubclass(model, DraftStateMixin)
        comparable = not has_draft_state and not issubclass(model, ClusterableModel)
        opts = model._meta
        instances = model._default_manager.filter(locale_id__in=locale_ids).select_related("locale")
        for instance in instances:
            if instance.locale_id != source_locale.pk:
                targets[(instance.translation_key, instance.locale_id)] = _Target(
                    live=instance.live if has_draft_state else True,
                    has_unpublished_changes=(
                        instance.has_unpublished_changes if has_draft_state else False
                    ),
                    published_at=instance.last_published_at if has_draft_state else None,
                    is_alias=False,
                    edit_url=_snippet_url(model, "edit", instance.pk),
                )
                continue
            content = None
            if comparable:
                # The same serialisation TranslationSource stores, round-tripped through
                # JSON so that dates and decimals compare as they are stored.
                content = json.loads(
                    json.dumps(get_serializable_data_for_fields(instance), cls=DjangoJSONEncoder)
                )
            source = _Source(
                key=instance.translation_key,
                published_at=instance.last_published_at if has_draft_state else None,
                content=content,
                translate_url=reverse(
                    "wagtail_localize:submit_snippet_translation",
                    args=[opts.app_label, opts.model_name, quote(instance.pk)],
                ),
            )
            row = Row(
                kind="snippet",
                type_label=str(opts.verbose_name),
                title=str(instance),
                depth=0,
                edit_url=_snippet_url(model, "edit", instance.pk),
                cells=[],
            )
            rows.append((row, source))
    return rows, targets


def _progress(source_ids, target_locales):
    """{(source id, locale id): (string segments, translated, last translated at)} in
    one query: Translation.get_progress() for every translation at once."""
    if not source_ids:
        return {}
    latest = {
        f"t{locale.pk}": Subquery(
            StringTranslation.objects.filter(
                translation_of_id=OuterRef("string_id"),
                context_id=OuterRef("context_id"),
                locale_id=locale.pk,
                has_error=False,
            ).values("updated_at")[:1]
        )
        for locale in target_locales
    }
    aggregates = {"total": Count("pk")}
    for locale in target_locales:
        aggregates[f"done{locale.pk}"] = Count(f"t{locale.pk}")
        aggregates[f"last{locale.pk}"] = Max(f"t{locale.pk}")
    counts = (
        StringSegment.objects.filter(source_id__in=source_ids)
        .annotate(**latest)
        .values("source_id")
        .annotate(**aggregates)
        .order_by()
    )
    return {
        (row["source_id"], locale.pk): (
            row["total"],
            row[f"done{locale.pk}"],
            row[f"last{locale.pk}"],
        )
        for row in counts
        for locale in target_locales
    }


def _translations(source_locale, target_locales, keys_to_compare):
    translations = {
        (t["source__object_id"], t["target_locale_id"]): t
        for t in Translation.objects.filter(
            enabled=True,
            source__locale_id=source_locale.pk,
            target_locale_id__in=[locale.pk for locale in target_locales],
        ).values("target_locale_id", "source_id", "source__object_id", "source__last_updated_at")
    }
    source_ids = {t["source_id"] for t in translations.values()}
    stored = {}
    compared = [
        key
        for key in keys_to_compare
        if any((key, locale.pk) in translations for locale in target_locales)
    ]
    if compared:
        stored = {
            source["object_id"]: json.loads(source["content_json"])
            for source in TranslationSource.objects.filter(
                locale_id=source_locale.pk, object_id__in=compared
            ).values("object_id", "content_json")
        }
    applied = {}
    if source_ids:
        applied = {
            (log["source_id"], log["locale_id"]): log["last"]
            for log in TranslationLog.objects.filter(source_id__in=source_ids)
            .values("source_id", "locale_id")
            .annotate(last=Max("created_at"))
            .order_by()
        }
    return translations, stored, applied, _progress(source_ids, target_locales)


def _french_links(source_ids, target_locales):
    """{(source id, locale id): links still pointing at a French address} in one query: a
    link follows the French address unless the language overrides it
    (localize_workarounds/po_links.py)."""
    from iom_site.core.editorial.localize_workarounds.po_links import FRENCH_ADDRESS, is_address

    if not source_ids:
        return {}
    overrides = {
        f"o{locale.pk}": Subquery(
            SegmentOverride.objects.filter(
                context_id=OuterRef("context_id"), locale_id=locale.pk
            ).values("data_json")[:1]
        )
        for locale in target_locales
    }
    counts = Counter()
    for row in (
        OverridableSegment.objects.filter(source_id__in=source_ids)
        .annotate(**overrides)
        .values("source_id", "data_json", *overrides)
    ):
        source_url = json.loads(row["data_json"])
        if not is_address(source_url):
            continue
        for locale in target_locales:
            override = row[f"o{locale.pk}"]
            url = json.loads(override) if override else source_url
            if FRENCH_ADDRESS.match(url):
                counts[(row["source_id"], locale.pk)] += 1
    return counts


def _cell(locale, source, target, translation, stored, applied, progress, *, can_submit, next_url):
    if target is None or target.is_alias:
        if not can_submit:
            return Cell(locale, State.MISSING)
        url = _with_query(source.translate_url, select_locale=locale.language_code, next=next_url)
        return Cell(locale, State.MISSING, action=Action.TRANSLATE, url=url)

    edit = {"action": Action.EDIT, "url": target.edit_url}
    pending = not target.live or target.has_unpublished_changes

    if translation is None:
        if pending:
            return Cell(locale, State.IN_PROGRESS, **edit)
        if (
            source.published_at
            and target.published_at
            and source.published_at > target.published_at
        ):
            return Cell(locale, State.OUT_OF_DATE, since=source.published_at, **edit)
        return Cell(locale, State.PUBLISHED, **edit)

    source_id = translation["source_id"]
    synced_at = translation["source__last_updated_at"]
    total, done, last_string_at = progress.get((source_id, locale.pk), (0, 0, None))
    percent = done * 100 // total if total else 100

    changed = source.published_at is not None and source.published_at > synced_at
    if not changed and source.content is not None and source.key in stored:
        changed = source.content != stored[source.key]
    if changed:
        since = (
            source.published_at if source.published_at and source.published_at > synced_at else None
        )
        if can_submit:
            url = _with_query(
                reverse("wagtail_localize:update_translations", args=[source_id]), next=next_url
            )
            action = {"action": Action.UPDATE, "url": url}
        else:
            action = edit
        return Cell(
            locale, State.OUT_OF_DATE, percent=percent, since=since, synced_at=synced_at, **action
        )

    last_applied = applied.get((source_id, locale.pk))
    stale = (
        last_applied is None
        or last_applied < synced_at
        or (last_string_at is not None and last_applied < last_string_at)
    )
    if pending or done < total or stale:
        return Cell(locale, State.IN_PROGRESS, percent=percent, synced_at=synced_at, **edit)
    return Cell(locale, State.PUBLISHED, percent=percent, synced_at=synced_at, **edit)


def translation_status(*, locales=None, language_codes=None, can_submit=True, next_url=""):
    """The matrix: (target locales shown, rows). ``locales`` is ``locales_by_role()``
    if the caller has it already; ``language_codes`` limits the columns to those
    languages; action links carry ``next_url`` back to the status page."""
    source_locale, target_locales = locales or locales_by_role()
    if language_codes:
        target_locales = [
            locale for locale in target_locales if locale.language_code in language_codes
        ]

    page_rows, page_targets = _page_rows(source_locale, target_locales)
    snippet_rows, snippet_targets = _snippet_rows(source_locale, target_locales)
    pairs = page_rows + snippet_rows
    targets = page_targets | snippet_targets
    translations, stored, applied, progress = _translations(
        source_locale,
        target_locales,
        [source.key for _row, source in pairs if source.content is not None],
    )

    french_links = _french_links({t["source_id"] for t in translations.values()}, target_locales)

    rows = []
    for row, source in pairs:
        row.cells = [
            _with_links(
                _cell(
                    locale,
                    source,
                    targets.get((source.key, locale.pk)),
                    translations.get((source.key, locale.pk)),
                    stored,
                    applied,
                    progress,
                    can_submit=can_submit,
                    next_url=next_url,
                ),
                translations.get((source.key, locale.pk)),
                french_links,
            )
            for locale in target_locales
        ]
        rows.append(row)
    return target_locales, rows


def _with_links(cell, translation, french_links):
    if translation is None:
        return cell
    count = french_links.get((translation["source_id"], cell.locale.pk), 0)
    return replace(cell, french_links=count) if count else cell


def filter_by_state(rows, states):
    """The rows with at least one cell in one of ``states`` (all rows without states)."""
    if not states:
        return rows
    return [row for row in rows if any(cell.state in states for cell in row.cells)]


def count_states(locales, rows):
    """[(locale, [(state, number of cells), …]), …] for the summary above the table."""
    counts = Counter((cell.locale.pk, cell.state) for row in rows for cell in row.cells)
    return [(locale, [(state, counts[locale.pk, state]) for state in State]) for locale in locales]
