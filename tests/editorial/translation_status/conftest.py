"""The people and the content of the translation status tests."""

from django.contrib.auth.models import Group, Permission

from wagtail.models import Locale
from wagtail_localize.models import Translation

import pytest

from tests.core.factories import StandardPageFactory


def admin_access():
    return Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")


@pytest.fixture
def make_user(django_user_model):
    def make(username, *, groups=(), permissions=(), superuser=False):
        user = django_user_model.objects.create_user(
            username=username, password="x", is_superuser=superuser, is_staff=superuser
        )
        user.user_permissions.add(admin_access(), *permissions)
        for name in groups:
            group, _created = Group.objects.get_or_create(name=name)
            group.permissions.add(admin_access())
            user.groups.add(group)
        return user

    return make


@pytest.fixture
def locales(homes):
    return {locale.language_code: locale for locale in Locale.objects.all()}


@pytest.fixture
def french_page(homes):
    """Make a published French page under the French home (or ``parent``)."""

    def make(title, parent=None):
        page = StandardPageFactory(parent=parent or homes["fr"], title=title)
        page.save_revision().publish()
        page.refresh_from_db()
        return page

    return make


def translation_of(instance, locale):
    return Translation.objects.get(source__object_id=instance.translation_key, target_locale=locale)


def fill(translation, count=None):
    """Translate the first ``count`` strings (all by default) as a translator would,
    through a PO file."""
    po = translation.export_po()
    for index, entry in enumerate(po):
        if count is None or index < count:
            entry.msgstr = f"[{translation.target_locale.language_code}] {entry.msgid}"
    translation.import_po(po, tool_name="PO File")
    return len(po)


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """Publish a translation from its editor: wagtail-localize publishes on commit."""

    def run(translation):
        with django_capture_on_commit_callbacks(execute=True):
            translation.save_target(publish=True)

    return run
