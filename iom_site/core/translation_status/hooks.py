"""Wagtail hooks of the translation status page (imported by core's wagtail_hooks)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .permissions import user_can_view_translation_status
from .views import translation_status_view


class TranslationStatusMenuItem(MenuItem):
    def is_shown(self, request):
        return user_can_view_translation_status(request.user)


@hooks.register("register_admin_urls")
def register_translation_status_url():
    urls = [path("", translation_status_view, name="index")]
    return [path("translation-status/", include((urls, "translation_status")))]


@hooks.register("register_reports_menu_item")
def register_translation_status_menu_item():
    return TranslationStatusMenuItem(
        _("État des traductions"),
        reverse("translation_status:index"),
        name="translation-status",
        icon_name="site",
        order=50,
    )
