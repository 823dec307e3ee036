from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections

import environ

from iom_site.core.ops.backups import BackupError, restore


class Command(BaseCommand):
    help = (
        "Rebuild an empty database and media folder from a backup folder written by "
        "`manage.py backup`, after checking its checksums."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", help="the backup folder")
        parser.add_argument(
            "--database-url", help="an empty target database (default: DATABASE_URL)"
        )
        parser.add_argument(
            "--media-root", help="an empty target media folder (default: MEDIA_ROOT)"
        )

    def handle(self, *args, source, database_url=None, media_root=None, **options):
        db = (
            environ.Env.db_url_config(database_url)
            if database_url
            else connections[DEFAULT_DB_ALIAS].settings_dict
        )
        try:
            manifest = restore(source, db, media_root or settings.MEDIA_ROOT)
        except (BackupError, OSError) as exc:
            raise CommandError(f"restore failed: {exc}") from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {source} ({len(manifest['media'])} media files) into {db['NAME']}."
            )
        )
