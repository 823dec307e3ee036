from django.apps import AppConfig


class NavigationConfig(AppConfig):
    name = "iom_site.core.navigation"
    label = "navigation"
    verbose_name = "Navigation"

    def ready(self):
        from iom_site.core.navigation import signals

        signals.connect()
