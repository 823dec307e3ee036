"""One list of translatable snippets, and a system check that keeps it complete."""

from django.core import checks
from django.test import override_settings

from iom_site.core.editorial.checks import translatable_snippets_listed
from iom_site.core.editorial.translatable import translatable_snippet_models
from iom_site.core.models import Footer, MainMenu, Theme
from partnerships.models import Partner
from strategy.models import SDGTarget, SustainableDevelopmentGoal


def test_the_list_is_the_setting_in_its_order():
    assert translatable_snippet_models() == [
        MainMenu,
        Footer,
        Theme,
        SustainableDevelopmentGoal,
        SDGTarget,
        Partner,
    ]


def test_the_project_passes_the_check():
    assert translatable_snippets_listed() == []


@override_settings(EDITORIAL_TRANSLATABLE_SNIPPETS=["core.MainMenu", "core.Footer", "core.OrgUnit"])
def test_a_snippet_left_out_or_a_stranger_listed_is_an_error():
    errors = translatable_snippets_listed()
    assert all(isinstance(error, checks.Error) for error in errors)
    messages = [error.msg for error in errors]
    assert (
        "core.Theme is a translatable snippet missing from EDITORIAL_TRANSLATABLE_SNIPPETS"
        in messages
    )
    assert (
        "partnerships.Partner is a translatable snippet missing from EDITORIAL_TRANSLATABLE_SNIPPETS"
        in messages
    )
    assert (
        "EDITORIAL_TRANSLATABLE_SNIPPETS names core.OrgUnit, which is not a registered "
        "translatable snippet"
    ) in messages
    assert {error.id for error in errors} == {"editorial.E001", "editorial.E002"}
