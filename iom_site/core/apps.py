from django.apps import AppConfig


class CoreConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "iom_site.core"
    label = "core"

    def ready(self):
        from iom_site.core import signals

        signals.connect()
