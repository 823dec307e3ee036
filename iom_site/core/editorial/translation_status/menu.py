"""Where the translation status page appears in the admin: its URLs and its entry in the
Reports menu (registered by the editorial room's wagtail_hooks)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.menu import MenuItem

from .permissions import user_can_view_translation_status
from .views import translation_status_view


class TranslationStatusMenuItem(MenuItem):
    def is_shown(self, request):
        return user_can_view_translation_status(request.user)


def admin_urls():
    urls = [path("", translation_status_view, name="index")]
    return [path("translation-status/", include((urls, "translation_status")))]


def reports_menu_item():
    return TranslationStatusMenuItem(
        _("État des traductions"),
        reverse("translation_status:index"),
        name="translation-status",
        icon_name="site",
        order=50,
    )
