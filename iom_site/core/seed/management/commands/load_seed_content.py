from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, transaction

from iom_site.core.seed.loading import load_all


class Command(BaseCommand):
    help = (
        "Load the site's seed content (French source, English and Spanish translations). "
        "Idempotent: running it again leaves the same site."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--french-only",
            action="store_true",
            help="Load the French source only, without the English and Spanish translations.",
        )

    def handle(self, *args, french_only=False, **options):
        try:
            # All or nothing: a failure half-way must not leave half a site.
            with transaction.atomic():
                load_all(self.stdout.write, translate=not french_only)
        except (
            DatabaseError,
            LookupError,
            ValueError,
            OSError,
            ValidationError,
            ObjectDoesNotExist,
        ) as exc:
            raise CommandError(f"seed content could not be loaded: {exc}") from exc
        self.stdout.write(self.style.SUCCESS("Seed content loaded."))
