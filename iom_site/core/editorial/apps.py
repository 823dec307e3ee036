from django.apps import AppConfig


class EditorialConfig(AppConfig):
    name = "iom_site.core.editorial"
    label = "editorial"
    verbose_name = "Editorial"

    def ready(self):
        from iom_site.core.editorial import (
            checks,
            leaf_permissions,
            link_chooser_labels,
            localize_workarounds,
            permissions,
            spreadsheet_export,
            translation_sync,
            workflow_names,
        )

        # Before any app's wagtail_hooks registers a snippet viewset, which would register
        # a fallback policy otherwise: wagtail.snippets' ready() imports every app's hooks,
        # and comes after this app in INSTALLED_APPS.
        permissions.register_policies()
        localize_workarounds.install()
        checks.register()
        # CSV exports write formula cells as text (spreadsheet_export's docstring).
        spreadsheet_export.install()
        translation_sync.connect()
        leaf_permissions.install()  # explorer rows without a query each (its docstring)
        workflow_names.install()  # the admin shows the Review workflow in its reader's language
        link_chooser_labels.install()  # « Link text » and its neighbours, translated
