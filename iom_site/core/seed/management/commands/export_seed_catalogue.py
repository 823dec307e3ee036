from pathlib import Path

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from wagtail_localize.models import StringSegment, TranslationSource

import polib

from iom_site.core.seed.loading import load_all
from iom_site.core.seed.translation import french_objects, target_languages


class Command(BaseCommand):
    help = (
        "Write every French string of the seed content into each app's seed catalogue "
        "(<app>/seed/translations/<language>.po), keeping the translations already there. "
        "Loads the French seed first (a no-op when it is loaded already); pages and "
        "snippets that editors added are not the seed's and stay out."
    )

    def add_arguments(self, parser):
        parser.add_argument("--language", action="append", help="en, es (default: both)")

    def handle(self, *args, language=None, **options):
        languages = language or target_languages()
        unknown = set(languages) - set(target_languages())
        if unknown:
            raise CommandError(f"not a translation language: {', '.join(sorted(unknown))}")
        with transaction.atomic():
            owned = load_all(lambda line: None, translate=False)
        msgids = {}
        for instance in french_objects(owned):
            source, _created = TranslationSource.update_or_create_from_instance(instance)
            label = instance._meta.app_label
            for segment in StringSegment.objects.filter(source=source).select_related("string"):
                msgids.setdefault(label, {}).setdefault(segment.string.data, str(instance))
        for label, strings in msgids.items():
            folder = Path(apps.get_app_config(label).path) / "seed" / "translations"
            folder.mkdir(parents=True, exist_ok=True)
            for code in languages:
                path = folder / f"{code}.po"
                po = (
                    polib.pofile(str(path), wrapwidth=0)
                    if path.exists()
                    else polib.POFile(wrapwidth=0)
                )
                po.metadata = {"Content-Type": "text/plain; charset=utf-8", "Language": code}
                known = {entry.msgid for entry in po}
                added = 0
                for msgid, where in strings.items():
                    if msgid not in known:
                        po.append(polib.POEntry(msgid=msgid, msgstr="", tcomment=where))
                        added += 1
                po.save(str(path))
                empty = sum(1 for entry in po if not entry.msgstr)
                self.stdout.write(f"{path}: {added} new, {empty} untranslated")
