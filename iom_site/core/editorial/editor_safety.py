"""Edits are never lost, and nobody is told something false about them.

Wagtail 8's editor has two gaps this module covers with one script
(static/js/admin/save-safely.js), added to every page and snippet editor:

- Draftail (rich text) copies its content into the form 250 ms after the last
  keystroke, so typing and clicking « Enregistrer le brouillon » at once saved the text
  as it was before, under « brouillon enregistré ». The script makes every rich-text
  field write its content when the form is submitted.
- Autosave (on, every ``WAGTAIL_AUTOSAVE_INTERVAL`` ms of quiet, settings/base.py) raced
  the manual save: an autosave after the manual save answered 400 (its revision was no
  longer the latest), one in flight on the create view created the page a second time
  (500 on the slug), and each page load's first autosave plus each manual save wrote a
  revision of its own (8 « Brouillon sauvegardé » in one session). The script cancels a
  pending autosave and turns it off when a manual save starts, waits for one already on
  its way, and lets the manual « save draft » overwrite the revision autosave made in this
  session. Wagtail also took the form's « unchanged » state 2 s after the page loaded, so
  what was typed before then was neither autosaved nor warned about: it counts now.

Upstream: Wagtail's AutosaveController and UnsavedController (client/src/controllers/)
know nothing of each other's submit; no upstream issue yet for the Draftail flush.
Delete this module, its hook and the script when Wagtail flushes rich text on submit and
autosave stands down during a manual save: tests/journeys/test_editor_journey.py and
tests/editorial/test_editor_safety.py keep passing without them.
"""

from django.templatetags.static import static
from django.utils.html import format_html


def editor_js():
    return format_html('<script src="{}"></script>', static("js/admin/save-safely.js"))
