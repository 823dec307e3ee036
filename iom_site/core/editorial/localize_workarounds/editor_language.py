"""Workaround: wagtail-localize's translation editor speaks English in places.

In a French (or Spanish) admin its editor showed « Français to English translation » above
the segments, « More actions » on its footer's menu (both written in English in
static/wagtail_localize/js/wagtail-localize.js, outside gettext), « Publier dansAnglais »
(its French catalogue drops the space of « Publish in »), « Utiliser la version Français »
for a segment that follows the source, and English dates:
« Traduit avec … le 1 December 2026 » under each segment and the last publication date,
which models.StringTranslation.get_comment and views/edit_translation.py format with
``strftime``, whose month names are the C locale's.

- ``install()`` replaces ``StringTranslation.get_comment`` with one that formats the date
  with Django's ``date_format`` in the admin's language and time zone (same msgids);
- ``editor_labels(context)`` (called by translator_editor.editor_context) gives the
  template the texts the React editor draws and what they should read in the active
  language, and rewrites the props' last publication date; the template hands the labels
  to static/js/admin/translation-editor-labels.js, which swaps them as React draws them.

Upstream: wagtail-localize#155 (the editor's « translation method + date », open); no issue
yet for its English-only JavaScript labels (1.14.5). Delete when the editor's labels go
through gettext and its dates through Django's formats; the template's
``iom-editor-labels`` script and the JS file go with this module.
"""

import json
from pathlib import Path

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import formats, timezone
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from django.utils.translation.trans_real import DjangoTranslation

import wagtail_localize
from wagtail_localize.models import StringTranslation

LOCALIZE_LOCALE = Path(wagtail_localize.__file__).parent / "locale"
# Msgids of its JavaScript catalogue, looked up there (as constants, so that makemessages
# does not copy them into the project's catalogue).
JS_USES_VERSION = "Uses %s version"
JS_PUBLISH_IN = "Publish in "


def admin_date(moment):
    return formats.date_format(timezone.localtime(moment), "DATE_FORMAT")


def get_comment(self):
    """wagtail-localize's own messages, with the date in the reader's language."""
    if self.tool_name:
        return _("Translated with {tool_name} on {date}").format(
            tool_name=self.tool_name, date=admin_date(self.updated_at)
        )
    if self.translation_type == self.TRANSLATION_TYPE_MANUAL:
        return _("Translated manually on {date}").format(date=admin_date(self.updated_at))
    if self.translation_type == self.TRANSLATION_TYPE_MACHINE:
        return _("Machine translated on {date}").format(date=admin_date(self.updated_at))
    return None


get_comment.formats_dates_in_admin_language = True


def editor_catalogue():
    """The JavaScript catalogue the editor reads (wagtail-localize's jsi18n view)."""
    return DjangoTranslation(get_language(), domain="djangojs", localedirs=[LOCALIZE_LOCALE])


def editor_labels(context):
    """{a text the React editor draws: what it should read}; fixes the props' date."""
    props = json.loads(context["props"])
    last_published_at = getattr(context["instance"], "last_published_at", None)
    if last_published_at and props.get("object", {}).get("lastPublishedDate"):
        props["object"]["lastPublishedDate"] = admin_date(last_published_at)
        context["props"] = json.dumps(props, cls=DjangoJSONEncoder)
    js_text = editor_catalogue().gettext
    source = props["sourceLocale"]["displayName"]
    target = props["locale"]["displayName"]
    labels = {
        f"{source} to {target} translation": _("Traduction : {source} → {target}").format(
            source=source, target=target
        ),
        "More actions": gettext("More actions"),
        # Its French says « Utiliser la version Français » (an action) for a segment that
        # follows the source.
        js_text(JS_USES_VERSION).replace("%s", source): _(
            "Comme dans la version source ({language})"
        ).format(language=source),
        # Its French catalogue drops the space: « Publier dansAnglais ».
        f"{js_text(JS_PUBLISH_IN)}{target}": _("Publier en {language}").format(language=target),
    }
    return {english: str(text) for english, text in labels.items() if english != str(text)}


def install():
    """Idempotent."""
    if not getattr(StringTranslation.get_comment, "formats_dates_in_admin_language", False):
        StringTranslation.get_comment = get_comment
