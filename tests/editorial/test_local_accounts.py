"""`make run` prints a local admin and one demo account per editorial role, once."""

import re
from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import override_settings

import pytest

from iom_site.core.editorial.roles import EDITORS, MODERATORS, TRANSLATORS

pytestmark = pytest.mark.django_db

ACCOUNTS = {"editeur": EDITORS, "moderateur": MODERATORS, "traducteur": TRANSLATORS}


def run():
    out = StringIO()
    call_command("ensure_local_admin", stdout=out)
    return out.getvalue()


@override_settings(DEBUG=True)
def test_one_demo_account_per_role_with_a_password_printed_once():
    first = run()

    passwords = dict(re.findall(r"User name: (\S+)\s+Password: (\S+)", first))
    assert set(passwords) == {"admin", *ACCOUNTS}
    User = get_user_model()
    for username, group in ACCOUNTS.items():
        user = User.objects.get(username=username)
        assert user.check_password(passwords[username])
        assert list(user.groups.values_list("name", flat=True)) == [group]
        assert not user.is_superuser and not user.is_staff
    assert User.objects.get(username="admin").is_superuser

    second = run()
    assert "Password" not in second
    assert second.count("already exists") == 4


@override_settings(DEBUG=False)
def test_no_demo_accounts_outside_the_local_run():
    with pytest.raises(CommandError):
        run()
    assert not get_user_model().objects.exists()
