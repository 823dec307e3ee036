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


def _under(name, *prefixes):
    return any(name == prefix or name.startswith(prefix + ".") for prefix in prefixes)


def room_of(name):
    """The room a module of core belongs to, "core" for core proper, None outside core."""
    if not _under(name, CORE):
        return None
    first = name[len(CORE) + 1 :].split(".")[0]
    return first if first in ROOMS else "core"


def section_apps():
    """The project's apps outside iom_site: every top-level folder with an apps.py."""
    return sorted(path.parent.name for path in ROOT.glob("*/apps.py"))


def is_models_module(name):
    return "models" in name.split(".")


def test_no_import_cycle_runs_through_a_models_module():
    graph = import_graph()
    cycles = [
        sorted(cycle)
        for cycle in strongly_connected(graph)
        if any(is_models_module(name) for name in cycle)
    ]
    assert cycles == []


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
        if room_of(name) is None:
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
        if room_of(target) not in (None, "core")
    )
    assert found == []


def test_the_checks_see_what_they_look_for():
    """The reader finds a deferred import, a relative one, and a cycle through models."""
    graph = import_graph()
    # deferred (inside a function):
    assert "iom_site.core.navigation.selectors" in graph["iom_site.core.delivery.routing"]
    assert "iom_site.core.models.base" in graph["iom_site.core.models.pages"]  # relative
    assert "iom_site.core.models.pages" in graph["strategy.models"]
    assert "iom_site.core.addresses" in graph["news.models"]
    # A cycle through a models module, as the delivery layer once made one:
    looped = {**graph, "iom_site.core.addresses": {"iom_site.core.models.pages"}}
    looped["iom_site.core.models.pages"] = {*graph["iom_site.core.models.pages"], "news.models"}
    cycles = strongly_connected(looped)
    assert any(any(is_models_module(name) for name in cycle) for cycle in cycles)
    assert room_of("iom_site.core.navigation.selectors") == "navigation"
    assert room_of("iom_site.core.models.pages") == "core"
    assert room_of("iom_site.core.delivery.purge") == "delivery"
