"""Reads that go beyond one page: the strategy page under the Agenda page, and the
index of goals, targets and the pages that tag them. Each costs a fixed number of
queries, whatever the number of goals, targets or pages.

The page models call these with querysets of their own models: this module imports
none of them, so no import cycle runs through strategy.models."""

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Exists, IntegerField, OuterRef, Subquery
from django.db.models.functions import Cast, Length, Substr

from wagtail.models import Page, PageViewRestriction, ReferenceIndex


@dataclass
class TargetEntry:
    target: Any  # an SDGTarget
    pages: list = field(default_factory=list)


@dataclass
class GoalEntry:
    goal: Any  # a SustainableDevelopmentGoal
    targets: list = field(default_factory=list)
    url: str = ""  # its hub's address, once the Agenda page has set it


def under_view_restriction():
    """An Exists() condition, true for a page that is, or is below, a page with a view
    restriction. Wagtail's ``public()`` spends a query of its own listing restrictions;
    this one is part of the page query."""
    return Exists(
        PageViewRestriction.objects.filter(
            page__path=Substr(OuterRef("path"), 1, Length("page__path"))
        )
    )


def first_live_public(pages):
    """The first of ``pages`` that is live and public (the strategy page below the Agenda
    page), or None."""
    return pages.live().filter(~under_view_restriction()).first()


def target_sort_key(target):
    """Official order within a goal: numbered targets (1, 2 … 10), then lettered (a, b, c)."""
    suffix = target.code.partition(".")[2]
    return (target.goal.number, (0, int(suffix), "") if suffix.isdigit() else (1, 0, suffix))


#: What the index and the hubs show of a page that tags a target: its link, its kind.
PAGE_FIELDS = ("id", "title", "url_path", "path", "depth", "content_type_id", "translation_key")


def sdg_index(targets, locale_id):
    """[GoalEntry] for the goals that have ``targets`` (the SDGTargets of the language
    ``locale_id``), in official order; each target lists the live, public pages of that
    language that tag it (through Wagtail's reference index, which records snippets
    chosen in StreamFields)."""
    meta = targets.model._meta
    targets = sorted(targets, key=target_sort_key)
    if not targets:
        return []
    # Each reference to a target comes with the page that holds it, when that page is
    # live, public and of the language (its fields as subqueries, on its primary key):
    # one query for the references and their pages, whatever their number.
    tagging = Page.objects.live().filter(
        ~under_view_restriction(),
        locale_id=locale_id,
        pk=Cast(OuterRef("object_id"), IntegerField()),
    )
    references = (
        ReferenceIndex.objects.filter(
            to_content_type__app_label=meta.app_label,
            to_content_type__model=meta.model_name,
            to_object_id__in=[str(target.pk) for target in targets],
            base_content_type__app_label=Page._meta.app_label,
            base_content_type__model=Page._meta.model_name,
        )
        .annotate(**{f"page_{name}": Subquery(tagging.values(name)[:1]) for name in PAGE_FIELDS})
        .values_list("to_object_id", *(f"page_{name}" for name in PAGE_FIELDS))
        .distinct()
        .order_by("page_title", "page_id")
    )
    page_ids_by_target, pages = {}, {}
    for target_id, *fields in references:
        if fields[0] is None:  # not live, private, or of another language
            continue
        page = pages.get(fields[0]) or Page(
            live=True, locale_id=locale_id, **dict(zip(PAGE_FIELDS, fields, strict=True))
        )
        pages[page.pk] = page
        page_ids_by_target.setdefault(int(target_id), set()).add(page.pk)
    pages = list(pages.values())  # by title, as the references came

    goals = {}
    for target in targets:
        entry = goals.setdefault(target.goal_id, GoalEntry(goal=target.goal))
        ids = page_ids_by_target.get(target.pk, set())
        entry.targets.append(TargetEntry(target, [page for page in pages if page.pk in ids]))
    return list(goals.values())


def goal_hub(goals, targets, locale_id):
    """The GoalEntry of the one goal of ``goals`` (a queryset narrowed to one number and
    language), with all its ``targets`` and the live, public pages of that language that
    tag each one (pages, stories, publications: whatever page tags a target, found
    through the reference index), or None when there is no such goal. Three queries,
    whatever the number of targets and pages."""
    goal = goals.first()
    if goal is None:
        return None
    entries = sdg_index(targets.filter(goal=goal), locale_id)
    entry = entries[0] if entries else GoalEntry(goal=goal)
    entry.goal = goal
    return entry


def goal_languages(goals):
    """{language code} in which the goal of ``goals`` (one number, every language) exists."""
    return set(goals.values_list("locale__language_code", flat=True))


def hub_numbers(goals):
    """{language code: [goal numbers]} of ``goals`` (every language), for the sitemap."""
    numbers = {}
    for code, number in goals.order_by("number").values_list("locale__language_code", "number"):
        numbers.setdefault(code, []).append(number)
    return numbers


def live_translations(pages):
    """{language code: page} of ``pages`` (a page's translations) that are live and public."""
    return {
        page.locale.language_code: page
        for page in pages.live().filter(~under_view_restriction()).select_related("locale")
    }
