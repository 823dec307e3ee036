"""The editorial room: roles, per-language permissions, dashboard panels, the translation
status report, core's snippet admin, and every wagtail-localize workaround
(``localize_workarounds/``)."""
