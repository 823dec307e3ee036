from django.conf import settings
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
        parser.add_argument(
            "--demo",
            action="store_true",
            help=(
                "Also load example content (stories with generated illustrations, marked "
                "« Exemple ») to try the features locally. Never in production."
            ),
        )

    def handle(self, *args, french_only=False, demo=False, **options):
        if demo and not settings.SEED_DEMO_ALLOWED:
            raise CommandError(
                "--demo is refused here: example content is never loaded in production"
            )
        try:
            # All or nothing: a failure half-way must not leave half a site.
            with transaction.atomic():
                load_all(self.stdout.write, translate=not french_only, demo=demo)
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
