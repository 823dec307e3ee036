"""Each cell of the matrix is in the state a translator would expect, whatever the way
the translation got there."""

from wagtail.models import Locale
from wagtail_localize.models import TranslationSource
from wagtail_localize.operations import translate_object

import pytest

from iom_site.core.editorial.translation_status.selectors import (
    State,
    translation_status,
)
from tests.core.factories import MainMenuFactory
from tests.partnerships.factories import PartnerFactory

from .conftest import fill, translation_of

pytestmark = pytest.mark.django_db


def cells_of(title):
    """{language code: Cell} of the row titled ``title``."""
    _locales, rows = translation_status()
    (row,) = [row for row in rows if row.title == title]
    return {cell.locale.language_code: cell for cell in row.cells}


def test_rows_are_the_french_tree_in_tree_order_then_the_snippets(homes, french_page):
    section = french_page("Notre travail")
    child = french_page("Sous-page", parent=section)
    later = french_page("Autre rubrique")
    partner = PartnerFactory(name="ONU-Habitat")

    locales, rows = translation_status()

    assert [locale.language_code for locale in locales] == ["en", "es"]
    titles = [row.title for row in rows]
    assert titles[:4] == [homes["fr"].title, section.title, child.title, later.title]
    assert [row.depth for row in rows[:3]] == [0, 1, 2]
    assert "Home" not in titles and "Inicio" not in titles
    assert rows[-1].title == partner.name
    assert rows[-1].kind == "snippet"


def test_nothing_translated_is_missing_in_both_languages(french_page):
    page = french_page("Sans traduction")

    cells = cells_of(page.title)

    assert cells["en"].state == State.MISSING
    assert cells["es"].state == State.MISSING


def test_a_submitted_translation_is_in_progress_at_zero_percent(french_page, locales):
    page = french_page("Soumise")

    translate_object(page, [locales["en"]])

    cells = cells_of(page.title)
    assert cells["en"].state == State.IN_PROGRESS
    assert cells["en"].percent == 0
    assert cells["es"].state == State.MISSING


def test_half_translated_strings_show_their_percentage(french_page, locales):
    page = french_page("À moitié")
    translate_object(page, [locales["en"]])
    translation = translation_of(page, locales["en"])
    total = len(translation.export_po())

    fill(translation, count=total // 2)

    assert cells_of(page.title)["en"].percent == (total // 2) * 100 // total
    assert cells_of(page.title)["en"].state == State.IN_PROGRESS


def test_every_string_translated_but_not_published_is_still_in_progress(french_page, locales):
    page = french_page("Traduite non publiée")
    translate_object(page, [locales["en"]])

    fill(translation_of(page, locales["en"]))

    cell = cells_of(page.title)["en"]
    assert cell.state == State.IN_PROGRESS
    assert cell.percent == 100


def test_translated_and_published_is_published(french_page, locales, publish):
    page = french_page("Publiée")
    translate_object(page, [locales["en"]])
    translation = translation_of(page, locales["en"])
    fill(translation)

    publish(translation)

    assert page.get_translation(locales["en"]).live
    assert cells_of(page.title)["en"].state == State.PUBLISHED


def test_a_published_draft_with_missing_strings_is_in_progress(french_page, locales, publish):
    page = french_page("Publiée incomplète")
    translate_object(page, [locales["en"]])
    translation = translation_of(page, locales["en"])
    fill(translation, count=1)

    publish(translation)

    cell = cells_of(page.title)["en"]
    assert cell.state == State.IN_PROGRESS
    assert 0 < cell.percent < 100


def test_strings_edited_after_publication_are_in_progress_until_published_again(
    french_page, locales, publish
):
    page = french_page("Retouchée")
    translate_object(page, [locales["en"]])
    translation = translation_of(page, locales["en"])
    fill(translation)
    publish(translation)

    po = translation.export_po()
    po[0].msgstr = "A better wording"
    translation.import_po(po)

    assert cells_of(page.title)["en"].state == State.IN_PROGRESS
    publish(translation)
    assert cells_of(page.title)["en"].state == State.PUBLISHED


def test_french_published_after_the_last_sync_makes_the_translation_out_of_date(
    french_page, locales, publish
):
    page = french_page("Modifiée")
    translate_object(page, [locales["en"]])
    translation = translation_of(page, locales["en"])
    fill(translation)
    publish(translation)

    page.lead = "<p>Un nouveau chapeau.</p>"
    page.save_revision().publish()
    page.refresh_from_db()

    cell = cells_of(page.title)["en"]
    assert cell.state == State.OUT_OF_DATE
    assert cell.since == page.last_published_at
    assert cell.synced_at == translation.source.last_updated_at
    assert cell.percent == 100


def test_a_french_draft_does_not_make_the_translation_out_of_date(french_page, locales, publish):
    page = french_page("Brouillon français")
    translate_object(page, [locales["en"]])
    translation = translation_of(page, locales["en"])
    fill(translation)
    publish(translation)

    page.lead = "<p>Pas encore publié.</p>"
    page.save_revision()

    assert cells_of(page.title)["en"].state == State.PUBLISHED


def test_after_sync_the_changed_strings_wait_for_translation(french_page, locales, publish):
    page = french_page("Synchronisée")
    translate_object(page, [locales["en"]])
    translation = translation_of(page, locales["en"])
    fill(translation)
    publish(translation)
    page.lead = "<p>Un nouveau chapeau.</p>"
    page.save_revision().publish()

    TranslationSource.objects.get(pk=translation.source_id).update_from_db()

    cell = cells_of(page.title)["en"]
    assert cell.state == State.IN_PROGRESS
    assert 0 < cell.percent < 100

    fill(translation)
    publish(translation)
    assert cells_of(page.title)["en"].state == State.PUBLISHED


def test_a_sync_that_changes_no_string_waits_for_publication(french_page, locales, publish):
    page = french_page("Republiée")
    translate_object(page, [locales["en"]])
    translation = translation_of(page, locales["en"])
    fill(translation)
    publish(translation)
    page.show_in_menus = False  # a synchronised field: no new string
    page.save_revision().publish()

    TranslationSource.objects.get(pk=translation.source_id).update_from_db()

    cell = cells_of(page.title)["en"]
    assert cell.state == State.IN_PROGRESS
    assert cell.percent == 100


def test_a_hand_made_translation_follows_publication_dates(homes, locales):
    # The English home page is a plain copy, not a wagtail-localize translation.
    homes["en"].save_revision().publish()
    assert cells_of(homes["fr"].title)["en"].state == State.PUBLISHED

    homes["fr"].save_revision().publish()
    homes["fr"].refresh_from_db()

    cell = cells_of(homes["fr"].title)["en"]
    assert cell.state == State.OUT_OF_DATE
    assert cell.since == homes["fr"].last_published_at

    homes["en"].save_revision().publish()
    assert cells_of(homes["fr"].title)["en"].state == State.PUBLISHED


def test_an_unpublished_hand_made_translation_is_in_progress(homes, french_page, locales):
    page = french_page("Copie manuelle")
    copy = page.copy_for_translation(locales["es"])
    copy.unpublish()

    assert cells_of(page.title)["es"].state == State.IN_PROGRESS
    assert cells_of(page.title)["es"].percent is None


def test_an_alias_is_missing(french_page, locales):
    section = french_page("Rubrique")
    child = french_page("Enfant", parent=section)

    # Translating the child without its parent makes the parent an English alias.
    translate_object(child, [locales["en"]])

    assert section.get_translation(locales["en"]).alias_of_id == section.pk
    assert cells_of(section.title)["en"].state == State.MISSING
    assert cells_of(child.title)["en"].state == State.IN_PROGRESS


def test_a_partner_is_published_as_soon_as_its_strings_are_applied(homes, locales, publish):
    partner = PartnerFactory(name="ONU-Habitat", description="Le programme.")
    assert cells_of(partner.name)["en"].state == State.MISSING

    # Snippets without draft state are saved straight away, with French fallbacks.
    translate_object(partner, [locales["en"]])
    assert cells_of(partner.name)["en"].state == State.IN_PROGRESS

    translation = translation_of(partner, locales["en"])
    fill(translation)
    publish(translation)
    assert cells_of(partner.name)["en"].state == State.PUBLISHED


def test_a_changed_partner_is_out_of_date_since_an_unknown_date(homes, locales, publish):
    partner = PartnerFactory(name="PNUD", description="Le programme.")
    translate_object(partner, [locales["en"]])
    translation = translation_of(partner, locales["en"])
    fill(translation)
    publish(translation)

    partner.description = "Le programme des Nations Unies pour le développement."
    partner.save()

    cell = cells_of(partner.name)["en"]
    assert cell.state == State.OUT_OF_DATE
    assert cell.since is None
    assert cell.synced_at == translation.source.last_updated_at


def test_a_menu_is_a_draft_until_its_translation_is_published(homes, locales, publish):
    menu = MainMenuFactory(locale=locales["fr"])
    menu.save_revision().publish()
    title = str(menu)

    translate_object(menu, [locales["es"]])
    assert not menu.get_translation(locales["es"]).live
    assert cells_of(title)["es"].state == State.IN_PROGRESS

    publish(translation_of(menu, locales["es"]))
    assert cells_of(title)["es"].state == State.PUBLISHED

    menu.refresh_from_db()
    menu.save_revision().publish()
    assert cells_of(title)["es"].state == State.OUT_OF_DATE


def test_a_stopped_translation_is_treated_as_hand_made(french_page, locales, publish):
    page = french_page("Arrêtée")
    translate_object(page, [locales["en"]])
    translation = translation_of(page, locales["en"])
    fill(translation, count=1)
    publish(translation)
    translation.enabled = False
    translation.save()

    cell = cells_of(page.title)["en"]
    assert cell.state == State.PUBLISHED
    assert cell.percent is None


def test_the_language_filter_limits_the_columns(french_page):
    french_page("Une page")

    locales, rows = translation_status(language_codes=["es"])

    assert [locale.language_code for locale in locales] == ["es"]
    assert all(len(row.cells) == 1 for row in rows)
    assert all(row.cells[0].locale == Locale.objects.get(language_code="es") for row in rows)
