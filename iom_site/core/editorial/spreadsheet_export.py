"""Workaround: Wagtail's CSV exports write cells as typed (CSV formula injection).

Form answers (and page titles in reports) are written by visitors and translators; a cell
starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is run as a formula
when a moderator opens the export in a spreadsheet (``=HYPERLINK(…)``, ``+cmd|…``).
Wagtail neutralises formulas in its XLSX exports but not in CSV, and does not treat it as
a vulnerability (research/security-reliability.md §2.1). ``install()`` (EditorialConfig.ready)
makes every CSV export of ``SpreadsheetExportMixin`` (form submissions, reports, listings)
prefix such cells with an apostrophe, which spreadsheets show as text (OWASP's advice).
Plain numbers such as ``-12`` or ``+3.5`` are left alone.

Delete when Wagtail escapes formula cells in CSV exports (no upstream issue: upstream
considers it the spreadsheet's problem); tests/security/test_csv_export.py must keep passing.
"""

import re

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")


def neutralise(value):
    """The cell as text when a spreadsheet would read it as a formula."""
    if (
        isinstance(value, str)
        and value.startswith(FORMULA_PREFIXES)
        and not NUMBER.fullmatch(value)
    ):
        return "'" + value
    return value


def install():
    """Idempotent: wraps ``preprocess_field_value`` for the CSV format."""
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    original = SpreadsheetExportMixin.preprocess_field_value
    if getattr(original, "neutralises_formulas", False):
        return

    def preprocess_field_value(self, field, value, export_format):
        processed = original(self, field, value, export_format)
        if export_format == self.FORMAT_CSV:
            return neutralise(processed)
        return processed

    preprocess_field_value.neutralises_formulas = True
    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
