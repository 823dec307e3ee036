from django.apps import AppConfig


class DeliveryConfig(AppConfig):
    name = "iom_site.core.delivery"
    label = "delivery"
    verbose_name = "Delivery"

    def ready(self):
        from iom_site.core.delivery import signals, tags

        tags.connect()
        signals.connect()
