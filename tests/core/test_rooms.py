"""The rooms of docs/architecture.md hold, read statically from the source: no import
cycle runs through a models module, core names no section app, and core proper imports
none of its rooms."""

import re

from tests.helpers.imports import (
    ROOT,
    import_graph,
    project_modules,
    string_constants,
    strongly_connected,
)

CORE = "iom_site.core"
ROOMS = ("navigation", "editorial", "delivery", "search", "ops", "seed")
# The caching layer, until the delivery room takes it in (iom_site/core/delivery/): its
# modules are the delivery room's, wherever they still are.
DELIVERY = ("page_cache", "memo", "routing", "views", "signals", "delivery")
# Imports of the caching layer by core proper that the delivery room's rewrite removes
# (issue 16: no model imports the caching layer). The list only shrinks: the test below
# fails when an entry's import is gone, so that its entry goes too.
PENDING_DELIVERY = {
    ("iom_site.core.apps", "iom_site.core.signals"),
    ("iom_site.core.models.base", "iom_site.core.memo"),
    ("iom_site.core.models.base", "iom_site.core.routing"),
    ("iom_site.core.models.pages", "iom_site.core.routing"),
    ("iom_site.core.feeds", "iom_site.core.routing"),
    ("iom_site.core.listings", "iom_site.core.routing"),
    ("iom_site.core.sitemaps", "iom_site.core.routing"),
    ("iom_site.core.templatetags.core_tags", "iom_site.core.routing"),
    ("iom_site.core.templatetags.seo_tags", "iom_site.core.routing"),
}


def _under(name, *prefixes):
    return any(name == prefix or name.startswith(prefix + ".") for prefix in prefixes)


def room_of(name):
    """The room a module of core belongs to, "core" for core proper, None outside core."""
    if not _under(name, CORE):
        return None
    first = name[len(CORE) + 1 :].split(".")[0]
    if first in DELIVERY:
        return "delivery"
    return first if first in ROOMS else "core"


def section_apps():
    """The project's apps outside iom_site: every top-level folder with an apps.py."""
    return sorted(path.parent.name for path in ROOT.glob("*/apps.py"))


def is_models_module(name):
    return "models" in name.split(".")


def test_no_import_cycle_runs_through_a_models_module():
    graph = {
        name: {target for target in targets if (name, target) not in PENDING_DELIVERY}
        for name, targets in import_graph().items()
    }
    cycles = [
        sorted(cycle)
        for cycle in strongly_connected(graph)
        if any(is_models_module(name) for name in cycle)
    ]
    assert cycles == []


def test_the_pending_imports_of_the_caching_layer_are_still_there():
    graph = import_graph()
    gone = sorted(edge for edge in PENDING_DELIVERY if edge[1] not in graph.get(edge[0], ()))
    assert gone == [], "these imports are gone: remove them from PENDING_DELIVERY"


def test_core_names_no_section_app():
    apps = section_apps()
    assert {"strategy", "partnerships"} <= set(apps)
    # An app named as code names it: "news", "news.StoryPage", "publications/…" — not a
    # word of French prose (« Dernières publications »).
    names = "|".join(apps)
    label = re.compile(rf"^({names})$|(?<![\w.])({names})(?=[./:]\w)")
    modules = project_modules()
    graph = import_graph(modules)
    found = []
    for name, module in modules.items():
        if room_of(name) in (None, "delivery"):
            continue
        found += [f"{name} imports {target}" for target in graph[name] if _under(target, *apps)]
        found += [
            f"{name} says {text!r}" for text in string_constants(module) if label.search(text)
        ]
    assert found == []


def test_core_proper_imports_none_of_its_rooms():
    graph = import_graph()
    found = sorted(
        (name, target)
        for name, targets in graph.items()
        if room_of(name) == "core"
        for target in targets
        if room_of(target) not in (None, "core") and (name, target) not in PENDING_DELIVERY
    )
    assert found == []


def test_the_checks_see_what_they_look_for():
    """The reader finds a deferred import, a relative one, and a cycle through models."""
    graph = import_graph()
    assert "iom_site.core.navigation.selectors" in graph["iom_site.core.routing"]  # deferred
    assert "iom_site.core.models.base" in graph["iom_site.core.models.pages"]  # relative
    assert "iom_site.core.models.pages" in graph["strategy.models"]
    cycles = strongly_connected(import_graph())  # without the pending list: delivery's cycle
    assert any(any(is_models_module(name) for name in cycle) for cycle in cycles)
    assert room_of("iom_site.core.navigation.selectors") == "navigation"
    assert room_of("iom_site.core.models.pages") == "core"
    assert room_of("iom_site.core.page_cache.purge") == "delivery"
