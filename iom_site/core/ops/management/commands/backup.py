from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections

from iom_site.core.ops.backups import BackupError, backup, default_destination


class Command(BaseCommand):
    help = "Write a consistent backup: PostgreSQL dump, media files and a checksum manifest."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", help="new folder to write (default: var/backups/<UTC time>)"
        )

    def handle(self, *args, output=None, **options):
        destination = output or default_destination()
        db = connections[DEFAULT_DB_ALIAS].settings_dict
        try:
            manifest = backup(db, settings.MEDIA_ROOT, destination)
        except (BackupError, OSError) as exc:
            raise CommandError(f"backup failed: {exc}") from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"Backup written to {destination} ({len(manifest['media'])} media files)."
            )
        )
