"""Bring the seed's English and Spanish in through wagtail-localize, as a translator does:
submit the French object for translation, download its PO file, fill it from the
project's translation catalogue (``<app>/seed/translations/<language>.po``, keyed by
the French text), upload it, then publish the translated object.

Every string must be translated: a missing one stops the seed with the list of French
strings to add to the catalogue, so French never reaches the English or Spanish site.
"""

import json
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import models, transaction
from django.db.models import Count
from django.db.models.functions import Length, Substr

from wagtail.models import Locale, Page
from wagtail_localize.models import (
    OverridableSegment,
    SegmentOverride,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.operations import translate_object

import polib

from iom_site.core.editorial.translatable import translatable_snippet_models

TOOL_NAME = "seed catalogue"


class MissingSeedTranslations(LookupError):
    def __init__(self, language_code, obj, msgids):
        self.msgids = msgids
        listed = "; ".join(repr(m[:60]) for m in msgids[:5])
        more = f" and {len(msgids) - 5} more" if len(msgids) > 5 else ""
        super().__init__(
            f"{len(msgids)} string(s) of {obj!r} have no {language_code} translation in the "
            f"seed catalogues: {listed}{more}"
        )


def target_languages():
    return [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def load_catalogues(language_code):
    """{app label: {French msgid: translation}}: each installed app's seed catalogue,
    kept apart (the same French text may read differently in two apps' content)."""
    catalogues = {}
    for config in apps.get_app_configs():
        path = Path(config.path) / "seed" / "translations" / f"{language_code}.po"
        if path.exists():
            catalogues[config.label] = {
                entry.msgid: entry.msgstr
                for entry in polib.pofile(str(path))
                if entry.msgstr and not entry.obsolete and "fuzzy" not in entry.flags
            }
    return catalogues


def catalogue_for(catalogues, app_label):
    """The dictionary that translates an object of ``app_label``: its own app's catalogue,
    then the other apps' entries on which they all agree. A French text two other apps
    translate differently is left out (the object's app must translate it itself): no
    app's wording ever overrides another's."""
    merged, ambiguous = {}, set()
    for label, catalogue in catalogues.items():
        if label == app_label:
            continue
        for msgid, msgstr in catalogue.items():
            if merged.setdefault(msgid, msgstr) != msgstr:
                ambiguous.add(msgid)
    for msgid in ambiguous:
        del merged[msgid]
    merged.update(catalogues.get(app_label, {}))
    return merged


def load_catalogue(language_code, app_label=None):
    """{French msgid: translation} for the objects of ``app_label`` (see catalogue_for);
    without one, the entries on which every app agrees."""
    return catalogue_for(load_catalogues(language_code), app_label)


def snippet_models_in_order():
    """The translatable snippets (the editorial room's one list), models they point to
    first: a target is translated after its goal."""
    candidates = translatable_snippet_models()
    ordered = []

    def visit(model, trail=()):
        if model in ordered or model in trail:
            return
        for field in model._meta.fields:
            if isinstance(field, models.ForeignKey) and field.related_model in candidates:
                visit(field.related_model, (*trail, model))
        ordered.append(model)

    for model in candidates:
        visit(model)
    return ordered


def french_objects(owned):
    """The French objects among ``owned`` (what the seed files describe, see
    ``loading.own``), in an order where each object's dependencies come first: standalone
    snippets, then pages from the home page down. Nothing else: pages and snippets that
    editors added are theirs, and their translators'."""
    default = Locale.get_default()
    pks = {}
    for obj in owned:
        model = Page if isinstance(obj, Page) else type(obj)
        pks.setdefault(model, set()).add(obj.pk)
    objects = []
    for model in snippet_models_in_order():
        if pks.get(model):
            objects += list(model.objects.filter(locale=default, pk__in=pks[model]).order_by("pk"))
    if pks.get(Page):
        pages = Page.objects.filter(locale=default, pk__in=pks[Page]).order_by("path")
        objects += [page.specific for page in pages]
    return objects


def _translations_snapshot(source, locale):
    return set(
        StringTranslation.objects.filter(
            context__object_id=source.object_id, locale=locale
        ).values_list("translation_of_id", "context_id", "data")
    )


def translate(instance, language_code, catalogue):
    """Translate one French object into one language; returns True if anything changed."""
    locale = Locale.objects.get(language_code=language_code)
    source, source_changed = TranslationSource.update_or_create_from_instance(instance)
    translation = Translation.objects.filter(source=source, target_locale=locale).first()
    if translation is None:
        # What the admin's "Translate" action does: a draft target, awaiting translation.
        translate_object(instance, [locale])
        translation = Translation.objects.get(source=source, target_locale=locale)
        source_changed = True

    addresses_changed = override_addresses(source, locale, catalogue)
    po = translation.export_po()
    missing = []
    for entry in po:
        if entry.obsolete:
            continue
        if entry.msgid in catalogue:
            entry.msgstr = catalogue[entry.msgid]
        elif not entry.msgstr:
            missing.append(entry.msgid)
    if missing:
        raise MissingSeedTranslations(language_code, instance, missing)

    before = _translations_snapshot(source, locale)
    translation.import_po(po, translation_type="manual", tool_name=TOOL_NAME)
    changed = (
        source_changed or addresses_changed or before != _translations_snapshot(source, locale)
    )

    target = source.get_translated_instance(locale) if not changed else None
    target_live = getattr(target, "live", True) if target is not None else False
    if changed or not target_live:
        translation.save_target(publish=True)
        return True
    return False


def override_addresses(source, locale, catalogue):
    """Web addresses are not translated but overridden, segment by segment, as a
    translator does in the editor's "overridable" column: each address of ``source``
    that the catalogue lists (msgid the French address, msgstr this language's, e.g.
    ``https://www.iom.int/fr`` → ``https://www.iom.int/en``) gets that override; the
    others stay as they are. Saved before the translation is, so it lands with it;
    returns True if an override was added or changed."""
    changed = False
    for segment in OverridableSegment.objects.filter(source=source).select_related("context"):
        value = segment.data
        if not isinstance(value, str) or value not in catalogue:
            continue
        data_json = json.dumps(catalogue[value])
        stale = SegmentOverride.objects.filter(locale=locale, context=segment.context).exclude(
            data_json=data_json
        )
        changed |= stale.delete()[0] > 0
        _override, created = SegmentOverride.objects.get_or_create(
            locale=locale, context=segment.context, defaults={"data_json": data_json}
        )
        changed |= created
    return changed


def repair_child_counts(translation_keys=None):
    """wagtail-localize publishes translated pages on commit, from revision objects that
    were loaded before their children were translated: publishing writes their stale
    child count back (the English home page ends with numchild 0 and an empty explorer).
    Recount the children of the pages of ``translation_keys`` (the seed's, in every
    language; all pages when None) from the tree's paths; run after those publishes."""
    pages = Page.objects.all()
    if translation_keys is not None:
        pages = pages.filter(translation_key__in=translation_keys)
    pages = list(pages.values_list("pk", "path", "numchild"))
    counts = dict(
        Page.objects.annotate(parent_path=Substr("path", 1, Length("path") - Page.steplen))
        .filter(parent_path__in=[path for _pk, path, _numchild in pages])
        .order_by()  # Page's own ordering by path would split the groups
        .values("parent_path")
        .annotate(children=Count("pk"))
        .values_list("parent_path", "children")
    )
    for pk, path, numchild in pages:
        if counts.get(path, 0) != numchild:
            Page.objects.filter(pk=pk).update(numchild=counts.get(path, 0))


def translate_seed(log, owned):
    """Translate the seed's own objects (``owned``) into every target language."""
    languages = target_languages()
    catalogues = {code: load_catalogues(code) for code in languages}
    objects = french_objects(owned)
    for instance in objects:
        for code in languages:
            catalogue = catalogue_for(catalogues[code], instance._meta.app_label)
            if translate(instance, code, catalogue):
                log(f"  {code}: translated {instance!r}")
    keys = [obj.translation_key for obj in objects if isinstance(obj, Page)]
    # Registered last, so it runs after wagtail-localize's own on-commit publishes.
    transaction.on_commit(lambda: repair_child_counts(keys))
