"""Strategy seed step: the Sustainable Development Goals and the targets migration
touches (French, from ``sdgs.fr.json``), then the 2030 Agenda and strategy pages
(``pages/*.json``). Runs after core's step, which creates the French home page."""

import json
import uuid
from pathlib import Path

from wagtail.models import Locale

from iom_site.core.seed.loading import own, upsert_page
from strategy.models import SDGTarget, SustainableDevelopmentGoal

HERE = Path(__file__).parent
# List items need an id to be read as Wagtail's list-item form; a fixed one per code
# keeps the stored stream identical from one run to the next.
ITEM_IDS = uuid.UUID("6f3c1d2e-9a43-4d5b-8a61-2030a9e4d001")


def load(log):
    targets = load_sdgs(json.loads((HERE / "sdgs.fr.json").read_text(encoding="utf-8")), log)
    load_pages(HERE / "pages", {code: target.pk for code, target in targets.items()}, log)


def _upsert(model, lookup, values):
    """Create or update one snippet; return it and what happened."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        obj, outcome = model(**lookup), "created"
    elif all(getattr(obj, name) == value for name, value in values.items()):
        return own(obj), "unchanged"
    else:
        outcome = "updated"
    for name, value in values.items():
        setattr(obj, name, value)
    obj.full_clean()
    obj.save()
    return own(obj), outcome


def load_sdgs(data, log):
    """Goals and targets in the French locale; returns {target code: SDGTarget}."""
    locale = Locale.get_default()
    outcomes = []
    goals = {}
    for row in data["goals"]:
        goal, outcome = _upsert(
            SustainableDevelopmentGoal,
            {"locale": locale, "number": row["number"]},
            {"title": row["title"], "colour": row["colour"]},
        )
        goals[goal.number] = goal
        outcomes.append(outcome)
    targets = {}
    for row in data["targets"]:
        target, outcome = _upsert(
            SDGTarget,
            {"locale": locale, "code": row["code"]},
            {"goal": goals[row["goal"]], "description": row["description"]},
        )
        targets[target.code] = target
        outcomes.append(outcome)
    summary = ", ".join(
        f"{outcomes.count(kind)} {kind}"
        for kind in ("created", "updated", "unchanged")
        if kind in outcomes
    )
    log(f"  SDGs: {len(goals)} goals, {len(targets)} targets ({summary})")
    return targets


def _resolve_targets(spec, target_pks):
    """Page files name targets by code ("10.7"); the stream stores the snippet's pk, in
    the list-item form the admin saves, so an editor's save and a second run both find
    nothing changed."""
    for block in spec.get("fields", {}).get("body", []):
        if block["type"] == "sdg_targets":
            block["value"]["targets"] = [
                {"type": "item", "value": target_pks[code], "id": str(uuid.uuid5(ITEM_IDS, code))}
                for code in block["value"]["targets"]
            ]
    return spec


def _number_children(spec):
    """Inline children (the strategy's sections) keep the file's order: without an
    explicit sort_order they would come back in whatever order the database likes."""
    for rows in spec.get("children", {}).values():
        for position, row in enumerate(rows):
            row.setdefault("sort_order", position)
    return spec


def load_pages(directory, target_pks, log):
    """Like core's ``load_page_files`` (parents first), with target codes resolved."""
    specs = [json.loads(path.read_text(encoding="utf-8")) for path in directory.glob("*.json")]
    specs.sort(key=lambda spec: (len(Path(spec["parent"]).parts), spec.get("order", 0)))
    for spec in specs:
        upsert_page(_number_children(_resolve_targets(spec, target_pks)), log)


def finalize(log):
    """The pages that name another app's page (``{"$page": …}``: the strategy's entry in
    the publications library) again, once every app's pages exist."""
    from iom_site.core.seed.loading import _has_page_refs

    target_pks = dict(
        SDGTarget.objects.filter(locale=Locale.get_default()).values_list("code", "pk")
    )
    specs = [
        json.loads(path.read_text(encoding="utf-8")) for path in (HERE / "pages").glob("*.json")
    ]
    for spec in specs:
        if _has_page_refs(spec.get("fields", {})):
            upsert_page(_number_children(_resolve_targets(spec, target_pks)), log)
