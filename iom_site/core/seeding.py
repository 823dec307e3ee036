"""Seed-content machinery shared by every app.

An installed app that has a ``seed`` module (or package) with a ``load(log)`` function
contributes content, in INSTALLED_APPS order (core first). Pages are described by JSON
files, one per page, under the app's ``seed/pages/`` folder::

    {"model": "core.StandardPage", "parent": "notre-travail", "slug": "ce-que-nous-faisons",
     "title": "Ce que nous faisons", "show_in_menus": true,
     "fields": {"lead": "<p>…</p>", "body": [{"type": "paragraph", "value": "<p>…</p>"}]},
     "children": {"units": [{"key": "…", "name": "…"}]}}

``parent`` is the slug path below the French home page ("" for the home page itself).
Loading is idempotent: a page whose content already matches is left alone, so a second
run creates no revision.
"""

import json
from importlib import import_module
from pathlib import Path

from django.apps import apps
from django.utils.module_loading import module_has_submodule

from wagtail.models import Locale


def seed_modules():
    for config in apps.get_app_configs():
        if module_has_submodule(config.module, "seed"):
            yield config.label, import_module(f"{config.name}.seed")


def load_all(log):
    modules = list(seed_modules())
    for label, module in modules:
        log(f"[{label}] loading")
        module.load(log)
    # Steps that link across apps (menus, footers) run once every app's pages exist.
    for label, module in modules:
        if hasattr(module, "finalize"):
            log(f"[{label}] finishing")
            module.finalize(log)


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


def _set_children(page, children):
    changed = False
    for relation, rows in children.items():
        manager = getattr(page, relation)
        existing = [
            {key: getattr(obj, key) for key in rows[0]} if rows else {} for obj in manager.all()
        ]
        if existing != rows:
            manager.set([manager.model(**row) for row in rows])
            changed = True
    return changed


def upsert_page(spec, log):
    """Create or update the French page described by ``spec``; publish when changed."""
    model = apps.get_model(spec["model"])
    parent = None if spec.get("home") else find_page(spec.get("parent", ""))
    fields = dict(spec.get("fields", {}))
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
            getattr(page, relation).set([getattr(page, relation).model(**row) for row in rows])
        parent.add_child(instance=page)
        page.save_revision().publish()
        log(f"  created {page.url_path}")
        return page

    changed = content_differs(page, fields)
    for name, value in fields.items():
        setattr(page, name, value)
    changed = _set_children(page, children) or changed
    if changed or not page.live:
        page.save_revision().publish()
        log(f"  updated {page.url_path}")
    else:
        log(f"  unchanged {page.url_path}")
    return page


def _load_order(spec):
    parent = spec.get("parent", "")
    depth = -1 if spec.get("home") else len([slug for slug in parent.split("/") if slug])
    return depth, spec.get("order", 0)


def load_page_files(directory, log):
    """Load every page file of a folder, parents before children."""
    specs = [
        json.loads(path.read_text(encoding="utf-8")) for path in Path(directory).glob("*.json")
    ]
    specs.sort(key=_load_order)
    return [upsert_page(spec, log) for spec in specs]
