"""Core seed step: the site skeleton, the French pages of the core app, the main menu's
extra links and the footer. Page text lives in the JSON files of ``pages/``."""

import json
from pathlib import Path

from wagtail.models import Locale

from iom_site.core.seed.loading import (
    content_differs,
    find_page,
    finish_page_files,
    load_page_files,
    own,
    prepare_fields,
)
from iom_site.core.seed.site_setup import ensure_site

HERE = Path(__file__).parent


def load(log):
    homes = ensure_site()
    log(f"  site skeleton: {', '.join(sorted(homes))} home pages")
    load_page_files(HERE / "pages", log)


def finalize(log):
    # The home and section pages list other apps' pages (latest news, featured page).
    finish_page_files(HERE / "pages", log)
    snippets = json.loads((HERE / "navigation.json").read_text(encoding="utf-8"))
    load_navigation(snippets, log)


def _link_blocks(links):
    blocks = []
    for link in links:
        value = {
            "page": find_page(link["page"]).pk if link.get("page") else None,
            "external_url": link.get("external_url", ""),
            "title": link.get("title", ""),
        }
        if "under" in link:
            value["under"] = find_page(link["under"]).pk
        blocks.append({"type": "link", "value": value})
    return blocks


def _upsert_snippet(model, fields, log):
    locale = Locale.get_default()
    fields = prepare_fields(model, fields, model._meta.model_name)
    snippet = model.objects.filter(locale=locale).first()
    if snippet is None:
        snippet = model(locale=locale, **fields)
        snippet.save()
        snippet.save_revision().publish()
        log(f"  created {model._meta.verbose_name}")
        return own(snippet)
    if content_differs(snippet, fields) or not snippet.live:
        for name, value in fields.items():
            setattr(snippet, name, value)
        snippet.save_revision().publish()
        log(f"  updated {model._meta.verbose_name}")
    else:
        log(f"  unchanged {model._meta.verbose_name}")
    return own(snippet)


def load_navigation(data, log):
    from iom_site.core.models import Footer, MainMenu

    _upsert_snippet(MainMenu, {"extra_links": _link_blocks(data["menu"]["extra_links"])}, log)
    footer = data["footer"]
    _upsert_snippet(
        Footer,
        {
            "contact": footer["contact"],
            "links": _link_blocks(footer["links"]),
            "legal": footer["legal"],
        },
        log,
    )
