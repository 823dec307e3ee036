"""Every template and interface string is translated, and the compiled catalogues are current."""

from pathlib import Path

from django.utils import translation

import polib
import pytest

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"


@pytest.mark.parametrize("language", ["fr", "en", "es"])
def test_catalogue_is_complete_and_compiled(language):
    catalogue = polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))
    assert len(catalogue) > 0
    untranslated = [
        entry.msgid for entry in catalogue if not entry.msgstr and not entry.msgid_plural
    ]
    fuzzy = [entry.msgid for entry in catalogue if "fuzzy" in entry.flags]
    assert untranslated == []
    assert fuzzy == []
    with translation.override(language):
        stale = [
            entry.msgid
            for entry in catalogue
            if not entry.msgid_plural
            and not entry.msgctxt
            and translation.gettext(entry.msgid) != entry.msgstr
        ]
    assert stale == [], "run `make messages`: the .mo file is older than the .po file"
