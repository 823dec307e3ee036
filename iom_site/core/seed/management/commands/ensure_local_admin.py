import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from iom_site.core.editorial.roles import EDITORS, MODERATORS, TRANSLATORS

# One account per editorial role, to try the workflow locally (README « Editorial workflow
# and roles »).
DEMO_ACCOUNTS = (("editeur", EDITORS), ("moderateur", MODERATORS), ("traducteur", TRANSLATORS))


class Command(BaseCommand):
    help = (
        "Create the local run's superuser and one demo account per editorial role, with "
        "generated passwords printed once. Refuses to run with DEBUG off: production "
        "accounts are made by operators."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")

    def handle(self, *args, username, **options):
        if not settings.DEBUG:
            raise CommandError("ensure_local_admin is for the local run only (DEBUG is off).")
        self.ensure_account(username, superuser=True)
        for demo_username, group_name in DEMO_ACCOUNTS:
            try:
                group = Group.objects.get(name=group_name)
            except Group.DoesNotExist as error:
                raise CommandError(
                    f"Group '{group_name}' is missing: run manage.py migrate first."
                ) from error
            self.ensure_account(demo_username, group=group)

    def ensure_account(self, username, superuser=False, group=None):
        User = get_user_model()
        role = "Local admin" if superuser else f"Demo ({group.name})"
        if User.objects.filter(username=username).exists():
            self.stdout.write(
                f"{role} account '{username}' already exists (its password was printed "
                "when it was created; reset it with: manage.py changepassword "
                f"{username})."
            )
            return
        password = secrets.token_urlsafe(12)
        email = f"{username}@localhost"
        if superuser:
            User.objects.create_superuser(username, email, password)
        else:
            User.objects.create_user(username, email, password).groups.add(group)
        self.stdout.write(
            self.style.SUCCESS(
                f"{role} account created. User name: {username}  Password: {password}"
            )
        )
