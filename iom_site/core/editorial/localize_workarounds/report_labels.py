"""Workaround: the translations report's language filters are labelled in English.

wagtail-localize's report (views/report.py, ``TranslationsReportFilterSet``) declares its
``source_locale`` and ``target_locale`` filters without a label, so django-filter derives
« Source locale » and « Target locale » from their names, outside gettext: a French
moderator read them among French labels. ``install()`` labels them from the project's
catalogues.
"""

from django.utils.translation import gettext_lazy as _

LABELS = {"source_locale": _("Langue source"), "target_locale": _("Langue cible")}


def install():
    """Idempotent: the filter set copies its base filters for each report."""
    from wagtail_localize.views.report import TranslationsReportFilterSet

    for name, label in LABELS.items():
        TranslationsReportFilterSet.base_filters[name].label = label
