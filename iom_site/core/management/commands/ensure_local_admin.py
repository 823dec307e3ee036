import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "Create the local run's superuser with a generated password, printed once. "
        "Refuses to run with DEBUG off: production accounts are made by operators."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")

    def handle(self, *args, username, **options):
        if not settings.DEBUG:
            raise CommandError("ensure_local_admin is for the local run only (DEBUG is off).")
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            self.stdout.write(
                f"Admin account '{username}' already exists (its password was printed "
                "when it was created; reset it with: manage.py changepassword "
                f"{username})."
            )
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser(username, f"{username}@localhost", password)
        self.stdout.write(
            self.style.SUCCESS(
                f"Local admin account created. User name: {username}  Password: {password}"
            )
        )
