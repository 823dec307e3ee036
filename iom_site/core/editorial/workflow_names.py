"""Workaround: Wagtail shows the names of workflows and tasks as they are stored.

The Review workflow and its « Moderators review » task are data (roles.py makes them), and
Wagtail prints ``workflow.name`` / ``task.name`` raw in about twenty places: the editor's
« Submit to … » button, the status side panel, the dashboard's panels, the workflow
history, the reports, notifications and the workflow admin. A French editor read
« Soumettre à Review » and « En attente Moderators review ».

``install()`` puts a descriptor on ``Workflow.name`` and ``Task.name`` (and so on every task
type): a name listed in ``TRANSLATED_NAMES`` comes out as a ``DisplayName``, a ``str``
whose text is the stored name (comparisons, queries, JSON, saves) but which reads in the
active language wherever it is turned into text (templates, ``%``, ``format``, ``str()``),
through the project's catalogues (the names are gettext_noop msgids in roles.py). Any other
name, one an administrator creates, shows as typed. Assigning a translation of a listed
name (the workflow admin's form shows the translated name, and saves what it shows) stores
the name itself, so an edit in French does not rename the workflow for everyone else.

The history's messages (site history, a page's history) name them from the log entries'
data: ``translate_log_messages`` wraps Wagtail's workflow log formatters the same way
(a ``register_log_actions`` hook in editorial/wagtail_hooks.py).

Upstream: Wagtail has no translatable workflow or task names (no issue found, Wagtail 8.0).
Delete this module, its ``install()`` call (editorial/apps.py) and its hook when Wagtail translates
them, or if the project ever renames its workflow per language some other way.
"""

import functools

from django.conf import settings
from django.db.models.query_utils import DeferredAttribute
from django.utils.translation import gettext, override

from iom_site.core.editorial.roles import REVIEW_TASK, REVIEW_WORKFLOW, WAGTAIL_DEFAULT_WORKFLOW

TRANSLATED_NAMES = frozenset({REVIEW_WORKFLOW, REVIEW_TASK, WAGTAIL_DEFAULT_WORKFLOW})


class DisplayName(str):
    """A stored name that reads in the active language when it becomes text."""

    __slots__ = ()

    def __str__(self):
        return gettext(str.__str__(self))

    def __format__(self, format_spec):
        return format(str(self), format_spec)


@functools.cache
def stored_names():
    """{what a listed name reads as, in any language: the name}."""
    names = {}
    for code, _name in settings.LANGUAGES:
        with override(code):
            names.update((gettext(name), name) for name in TRANSLATED_NAMES)
    return names


class TranslatedName(DeferredAttribute):
    """``name`` reads as a DisplayName when it is one of ours."""

    def __get__(self, instance, cls=None):
        value = super().__get__(instance, cls)
        if instance is not None and value in TRANSLATED_NAMES:
            return DisplayName(value)
        return value

    def __set__(self, instance, value):
        if isinstance(value, str):
            value = stored_names().get(value, value)
        instance.__dict__[self.field.attname] = value


class TranslatedNamesFormatter:
    """A workflow log formatter whose messages name the workflow and task as above.

    The history stores the names as they were (the log entry's JSON data), and Wagtail's
    formatters put them in « Le workflow « Review » a été commencé »."""

    def __init__(self, formatter):
        self.formatter = formatter
        self.label = formatter.label

    def format_message(self, log_entry):
        stored = log_entry.data
        log_entry.data = with_display_names(stored)
        try:
            return self.formatter.format_message(log_entry)
        finally:
            log_entry.data = stored

    def format_comment(self, log_entry):
        return self.formatter.format_comment(log_entry)


def with_display_names(data):
    if isinstance(data, dict):
        return {
            key: (
                DisplayName(value)
                if key == "title" and isinstance(value, str) and value in TRANSLATED_NAMES
                else with_display_names(value)
            )
            for key, value in data.items()
        }
    if isinstance(data, list):
        return [with_display_names(value) for value in data]
    return data


def translate_log_messages(registry):
    """Wraps the workflow log formatters; a register_log_actions hook run after Wagtail's."""
    for action, formatter in list(registry.formatters.items()):
        if action.startswith("wagtail.workflow.") and not isinstance(
            formatter, TranslatedNamesFormatter
        ):
            registry.formatters[action] = TranslatedNamesFormatter(formatter)


def install():
    """Idempotent; task types inherit Task's ``name`` (multi-table inheritance)."""
    from wagtail.models import Task, Workflow

    for model in (Workflow, Task):
        if not isinstance(model.__dict__["name"], TranslatedName):
            model.name = TranslatedName(model._meta.get_field("name"))
