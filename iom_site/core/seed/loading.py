"""Seed-content machinery shared by every app.

An installed app that has a ``seed`` module (or package) with a ``load(log)`` function
contributes content, in INSTALLED_APPS order (core first). Pages are described by JSON
files, one per page, under the app's ``seed/pages/`` folder::

    {"model": "core.StandardPage", "parent": "notre-travail", "slug": "ce-que-nous-faisons",
     "title": "Ce que nous faisons", "show_in_menus": true,
     "fields": {"lead": "<p>…</p>", "body": [{"type": "paragraph", "value": "<p>…</p>"}]},
     "children": {"units": [{"key": "…", "name": "…"}]}}

``parent`` is the slug path below the French home page ("" for the home page itself).
A block may name another page by its slug path, ``{"$page": "actualites"}``: while that
page does not exist yet (another app loads it later), the block is left out, and the
``finalize`` step loads the page again with it (``finish_page_files``).
Loading is idempotent: a page whose content already matches is left alone, so a second
run creates no revision.

The seed only ever touches its own objects: each step marks the pages and snippets its
files describe with ``own(obj)`` (``upsert_page`` does it for pages), and the translation
step translates those and nothing else, so pages and snippets that editors added are
left as they are.

``load_seed_content --demo`` also runs each app's ``seed_demo`` module (``load(log)``):
example content to try the features locally, marked as such, never loaded by default.
"""

import contextvars
import json
import uuid
from contextlib import contextmanager
from importlib import import_module
from pathlib import Path

from django.apps import apps
from django.utils.module_loading import module_has_submodule

from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.models import Locale

# The objects the running seed owns (see ``own``); None outside a run.
_owned = contextvars.ContextVar("seed_owned", default=None)


def own(obj):
    """Mark a French page or snippet as the seed's own (one its files describe): the
    translation step brings its English and Spanish in. Returns ``obj``."""
    owned = _owned.get()
    if owned is not None:
        owned.append(obj)
    return obj


@contextmanager
def seed_run():
    """Collects what the seed steps run inside it ``own``: yields that list."""
    owned = []
    token = _owned.set(owned)
    try:
        yield owned
    finally:
        _owned.reset(token)


def seed_modules(name="seed"):
    for config in apps.get_app_configs():
        if module_has_submodule(config.module, name):
            yield config.label, import_module(f"{config.name}.{name}")


def load_all(log, translate=True, demo=False):
    """Run every app's seed step (and, with ``demo``, its example content); returns the
    French objects the seed owns."""
    modules = list(seed_modules())
    with seed_run() as owned:
        for label, module in modules:
            log(f"[{label}] loading")
            module.load(log)
        # Steps that link across apps (menus, footers) run once every app's pages exist.
        for label, module in modules:
            if hasattr(module, "finalize"):
                log(f"[{label}] finishing")
                module.finalize(log)
        if demo:
            for label, module in seed_modules("seed_demo"):
                log(f"[{label}] demonstration content (« Exemple »)")
                module.load(log)
    if translate:
        from iom_site.core.seed.translation import translate_seed

        log("[translations] English and Spanish, through wagtail-localize")
        translate_seed(log, owned)
    return owned


def french_home():
    from iom_site.core.models import HomePage

    return HomePage.objects.get(locale=Locale.get_default())


def find_page(path):
    """The French page at a slug path below the home page ("" is the home page)."""
    page = french_home()
    for slug in filter(None, path.split("/")):
        child = page.get_children().filter(slug=slug).first()
        if child is None:
            raise LookupError(f"no page at '{path}' below the French home page")
        page = child
    return page.specific


ID_NAMESPACE = uuid.UUID("6f1c1d2e-3b0a-4f7e-9a51-0a3c2b9d7e11")


def with_block_ids(block, value, key):
    """Stream data in Wagtail's current storage format, with ids derived from the page and
    the block's position: list items become {"type": "item", "value": …, "id": …}, which
    wagtail-localize needs to extract them, and the same seed gives the same ids (so a
    second run, or a translation, finds the same segments)."""
    if isinstance(block, blocks.StreamBlock):
        return [
            {
                "type": child["type"],
                "value": with_block_ids(
                    block.child_blocks[child["type"]], child["value"], f"{key}/{index}"
                ),
                "id": child.get("id") or str(uuid.uuid5(ID_NAMESPACE, f"{key}/{index}")),
            }
            for index, child in enumerate(value)
        ]
    if isinstance(block, blocks.ListBlock):
        items = []
        for index, item in enumerate(value):
            if isinstance(item, dict) and item.get("type") == "item":
                item = {
                    **item,
                    "value": with_block_ids(block.child_block, item["value"], f"{key}/{index}"),
                }
            else:
                item = {
                    "type": "item",
                    "value": with_block_ids(block.child_block, item, f"{key}/{index}"),
                }
            item.setdefault("id", str(uuid.uuid5(ID_NAMESPACE, f"{key}/{index}")))
            items.append(item)
        return items
    if isinstance(block, blocks.StructBlock) and isinstance(value, dict):
        return {
            name: with_block_ids(block.child_blocks[name], child, f"{key}/{name}")
            if name in block.child_blocks
            else child
            for name, child in value.items()
        }
    return value


def prepare_fields(model, fields, key):
    """Seed field values ready to compare with and assign to ``model`` instances."""
    ready = {}
    for name, value in fields.items():
        field = (
            model._meta.get_field(name) if name in {f.name for f in model._meta.fields} else None
        )
        if isinstance(field, StreamField) and isinstance(value, list):
            value = with_block_ids(field.stream_block, value, f"{key}:{name}")
        ready[name] = value
    return ready


PAGE_REF = "$page"


def resolve_page_refs(value):
    """``value`` with each ``{"$page": "slug/path"}`` replaced by that page's id; raises
    LookupError while the page does not exist."""
    if isinstance(value, dict):
        if set(value) == {PAGE_REF}:
            return find_page(value[PAGE_REF]).pk
        return {key: resolve_page_refs(item) for key, item in value.items()}
    if isinstance(value, list):
        return [resolve_page_refs(item) for item in value]
    return value


def _has_page_refs(value):
    if isinstance(value, dict):
        return set(value) == {PAGE_REF} or any(_has_page_refs(v) for v in value.values())
    if isinstance(value, list):
        return any(_has_page_refs(v) for v in value)
    return False


def _resolve_streams(model, fields, log):
    """Page references of stream blocks resolved; a block naming a page not loaded yet is
    left out until the finalize step (its id, from its position, is kept)."""
    resolved = {}
    for name, value in fields.items():
        field = next((f for f in model._meta.fields if f.name == name), None)
        if isinstance(field, StreamField) and isinstance(value, list):
            kept = []
            for child in value:
                try:
                    kept.append(resolve_page_refs(child))
                except LookupError as error:
                    log(f"  left out a « {child['type']} » block for now: {error}")
            value = kept
        resolved[name] = value
    return resolved


def _normalise(value):
    """Stream data without the block ids Wagtail adds on save, for comparison."""
    if isinstance(value, dict):
        return {k: _normalise(v) for k, v in value.items() if k != "id"}
    if isinstance(value, list):
        return [_normalise(v) for v in value]
    return value


def _current(page, name):
    value = getattr(page, name)
    raw = getattr(value, "raw_data", None)
    if raw is not None:
        return _normalise(list(raw))
    return value


def content_differs(obj, fields):
    """Whether any of ``fields`` ({name: seed value}) differs from what ``obj`` holds."""
    return any(_normalise(value) != _current(obj, name) for name, value in fields.items())


def _child_rows(model, rows):
    """Inline rows in the seed's order (sort_order set where the model is orderable)."""
    orderable = any(field.name == "sort_order" for field in model._meta.fields)
    return [
        {**row, "sort_order": index} if orderable else dict(row) for index, row in enumerate(rows)
    ]


def _set_children(page, children):
    """Update inline rows in place, so each keeps its translation key (and so its
    translations) when the seed's text changes; add or drop rows at the end."""
    changed = False
    for relation, rows in children.items():
        manager = getattr(page, relation)
        rows = _child_rows(manager.model, rows)
        objects = list(manager.all())
        for obj, row in zip(objects, rows, strict=False):
            if any(getattr(obj, key) != value for key, value in row.items()):
                for key, value in row.items():
                    setattr(obj, key, value)
                changed = True
        extra = [manager.model(**row) for row in rows[len(objects) :]]
        if extra or len(objects) > len(rows):
            changed = True
        manager.set(objects[: len(rows)] + extra)
    return changed


def upsert_page(spec, log):
    """Create or update the French page described by ``spec``; publish when changed."""
    model = apps.get_model(spec["model"])
    parent = None if spec.get("home") else find_page(spec.get("parent", ""))
    fields = prepare_fields(model, dict(spec.get("fields", {})), spec["slug"])
    fields = _resolve_streams(model, fields, log)
    fields["title"] = spec["title"]
    fields["show_in_menus"] = spec.get("show_in_menus", False)
    for key in ("seo_title", "search_description"):
        if key in spec:
            fields[key] = spec[key]
    children = spec.get("children", {})

    if spec.get("home"):
        page = french_home()
    else:
        page = parent.get_children().filter(slug=spec["slug"]).specific().first()
    if page is None:
        page = model(slug=spec["slug"], locale=parent.locale, **fields)
        for relation, rows in children.items():
            manager = getattr(page, relation)
            manager.set([manager.model(**row) for row in _child_rows(manager.model, rows)])
        parent.add_child(instance=page)
        page.save_revision().publish()
        log(f"  created {page.url_path}")
        return own(page)

    changed = content_differs(page, fields)
    for name, value in fields.items():
        setattr(page, name, value)
    changed = _set_children(page, children) or changed
    if changed or not page.live:
        page.save_revision().publish()
        log(f"  updated {page.url_path}")
    else:
        log(f"  unchanged {page.url_path}")
    return own(page)


def _load_order(spec):
    parent = spec.get("parent", "")
    depth = -1 if spec.get("home") else len([slug for slug in parent.split("/") if slug])
    return depth, spec.get("order", 0)


def _page_specs(directory):
    specs = [
        json.loads(path.read_text(encoding="utf-8")) for path in Path(directory).glob("*.json")
    ]
    specs.sort(key=_load_order)
    return specs


def load_page_files(directory, log):
    """Load every page file of a folder, parents before children."""
    return [upsert_page(spec, log) for spec in _page_specs(directory)]


def finish_page_files(directory, log):
    """Load again the page files that name other pages (``{"$page": …}``), once every
    app's pages exist: for the finalize step."""
    return [
        upsert_page(spec, log)
        for spec in _page_specs(directory)
        if _has_page_refs(spec.get("fields", {}))
    ]
