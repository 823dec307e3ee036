from django.apps import AppConfig


class SeedConfig(AppConfig):
    name = "iom_site.core.seed"
    label = "seed"
    verbose_name = "Seed content"
