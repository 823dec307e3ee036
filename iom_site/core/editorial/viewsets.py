"""The admin of core's snippets (registered by this room's wagtail_hooks). Their
per-language rights are the permission policies of ``permissions``, registered before
any viewset (EditorialConfig.ready)."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.views.snippets import SnippetViewSet

from iom_site.core.models import Footer, MainMenu, Theme


class MainMenuViewSet(SnippetViewSet):
    model = MainMenu
    icon = "list-ul"
    menu_label = _("Menu principal")
    list_display = ["__str__", "locale"]


class FooterViewSet(SnippetViewSet):
    model = Footer
    icon = "placeholder"
    menu_label = _("Pied de page")
    list_display = ["__str__", "locale"]


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = _("Thèmes")
    list_display = ["name", "slug", "locale"]
    search_fields = ["name"]
