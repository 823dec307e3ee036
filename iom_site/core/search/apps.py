from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "iom_site.core.search"
    label = "search"
    verbose_name = "Site search"
