"""The navigation room: main menu, footer, breadcrumbs and language switcher (their reads
in ``selectors``, their template tags in ``templatetags/``)."""
