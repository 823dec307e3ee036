"""Fill the project's catalogues from translation files a branch keeps beside its code.

Usage: python scripts/fill_catalogues.py locale/pending/*.json

Each JSON file maps a French msgid to its translations::

    {"Aucun article": {"en": "No story", "es": "Ningún artículo"},
     "{{ count }} article": {"en": ["{{ count }} story", "{{ count }} stories"], ...}}

(a list for a plural entry). Parallel branches each add their strings this way, so that a
merge regenerates the catalogues with `make messages` and refills them, rather than
resolving conflicts inside .po files. Entries it fills lose their fuzzy flag; it exits
non-zero, naming them, when a catalogue still has an untranslated or fuzzy entry.
"""

import json
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("fr", "en", "es")


def load(paths):
    merged = {}
    for path in paths:
        for msgid, translations in json.loads(Path(path).read_text()).items():
            merged.setdefault(msgid, {}).update(translations)
    return merged


def fill(language, translations):
    path = ROOT / "locale" / language / "LC_MESSAGES" / "django.po"
    catalogue = polib.pofile(str(path))
    missing = []
    for entry in catalogue:
        if entry.obsolete:
            continue
        value = translations.get(entry.msgid, {}).get(language)
        unset = not entry.msgstr and not any(entry.msgstr_plural.values())
        if value is None and language == "fr" and (unset or "fuzzy" in entry.flags):
            # French is the source language: a new string reads as written.
            value = [entry.msgid, entry.msgid_plural] if entry.msgid_plural else entry.msgid
        if value is not None:
            if entry.msgid_plural:
                forms = value if isinstance(value, list) else [value, value]
                entry.msgstr_plural = dict(enumerate(forms))
            else:
                entry.msgstr = value
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
                entry.previous_msgid = None
                entry.previous_msgid_plural = None
        translated = any(entry.msgstr_plural.values()) if entry.msgid_plural else entry.msgstr
        if not translated or "fuzzy" in entry.flags:
            missing.append(entry.msgid)
    catalogue.save(str(path))
    return missing


def main(paths):
    translations = load(paths)
    failed = False
    for language in LANGUAGES:
        missing = fill(language, translations)
        for msgid in missing:
            sys.stderr.write(f"{language}: untranslated or fuzzy: {msgid!r}\n")
        failed = failed or bool(missing)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
