from django.apps import AppConfig


class OpsConfig(AppConfig):
    name = "iom_site.core.ops"
    label = "ops"
    verbose_name = "Operations"
