"""Who may read the translation status page."""

from django.contrib.auth.models import Group

from iom_site.core.editorial.roles import MODERATORS, TRANSLATORS

# The editorial groups (core.0004), matched by name: the page has no model to hang a
# permission of its own on.
READER_GROUPS = (TRANSLATORS, MODERATORS)
SUBMIT_TRANSLATION = "wagtail_localize.submit_translation"


def user_can_view_translation_status(user):
    """Superusers, holders of wagtail-localize's « submit translation » permission, and
    members of the Translators or Moderators groups."""
    if not user.is_active:
        return False
    if user.is_superuser or user.has_perm(SUBMIT_TRANSLATION):
        return True
    return Group.objects.filter(user=user, name__in=READER_GROUPS).exists()
