"""Every wagtail-localize workaround is in the labelled package, and its index says what
each covers, the upstream issue and when to delete it."""

import pkgutil

from wagtail_localize.views import edit_translation

from iom_site.core.editorial import localize_workarounds
from iom_site.core.editorial.localize_workarounds import WORKAROUNDS


def test_the_index_lists_every_module_of_the_package_and_nothing_else():
    modules = {info.name for info in pkgutil.iter_modules(localize_workarounds.__path__)}
    assert modules == {workaround.module for workaround in WORKAROUNDS}


def test_each_entry_says_what_it_covers_upstream_and_when_to_delete_it():
    for workaround in WORKAROUNDS:
        assert workaround.covers and workaround.delete_when and workaround.wired
        assert "wagtail-localize#" in workaround.upstream, workaround.module


def test_the_editor_patch_is_installed_once_at_start_up():
    patched = edit_translation.user_can_edit_instance
    assert getattr(patched, "checks_language", False)
    localize_workarounds.install()  # idempotent: no wrapper around the wrapper
    assert edit_translation.user_can_edit_instance is patched
