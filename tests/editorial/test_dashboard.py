"""The dashboard: pages awaiting the moderator's review, one's own drafts, and for
translators and moderators the translations whose French source changed since."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

import pytest

from iom_site.core.editorial.dashboard import outdated_translations
from iom_site.core.editorial.translation_sync import PREFILL_TOOL
from tests.core.factories import StandardPageFactory

from .admin_actions import page_form

pytestmark = pytest.mark.django_db


def panel(html, panel_id):
    """The HTML of one dashboard panel ('' if it is not shown)."""
    match = re.search(rf'<section[^>]*id="{panel_id}-section".*?</section>', html, re.S)
    return match.group(0) if match else ""


def dashboard(client):
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return response.content.decode()


def submit(client, page):
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    return client.post(url, page_form(page, title="À relire", **{"action-submit": "1"}))


def test_moderators_see_the_pages_awaiting_their_review(world, client_for):
    submit(client_for("editor"), world["pages"]["fr"])

    assert "À relire" in panel(dashboard(client_for("moderator")), "awaiting-review")
    assert panel(dashboard(client_for("translator")), "awaiting-review") == ""
    assert panel(dashboard(client_for("editor")), "awaiting-review") == ""


def test_everyone_sees_their_own_drafts_and_only_theirs(world, client_for):
    page = world["pages"]["fr"]
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    client_for("editor").post(url, page_form(page, title="Brouillon de l’éditeur"))

    assert "Brouillon de l’éditeur" in panel(dashboard(client_for("editor")), "own-drafts")
    assert panel(dashboard(client_for("moderator")), "own-drafts") == ""


def make_translations(homes, count):
    """`count` French pages translated into English and Spanish through wagtail-localize,
    then changed and synced again: every translation is out of date."""
    targets = Locale.objects.exclude(language_code="fr")
    for _ in range(count):
        number = homes["fr"].get_children().count()
        page = StandardPageFactory(parent=homes["fr"], title=f"Source {number}")
        source, _created = TranslationSource.get_or_create_from_instance(page)
        for locale in targets:
            Translation.objects.create(source=source, target_locale=locale).save_target()
        page.title = f"Source {number} modifiée"
        page.save_revision().publish()
        source.update_from_db()


def test_translators_and_moderators_see_translations_whose_source_changed(world, client_for):
    make_translations(world["homes"], 1)

    translator_panel = panel(dashboard(client_for("translator")), "outdated-translations")
    english = Translation.objects.get(target_locale__language_code="en")
    english_page = english.source.get_source_instance().get_translation(english.target_locale)
    assert reverse("wagtailadmin_pages:edit", args=[english_page.pk]) in translator_panel
    assert re.search(r"Source \d+ modifiée", translator_panel)
    assert "outdated-translations" in dashboard(client_for("moderator"))
    assert panel(dashboard(client_for("editor")), "outdated-translations") == ""


def translate_every_segment(translation, tool_name=""):
    for segment in translation.source.stringsegment_set.select_related("string"):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            context=segment.context,
            locale=translation.target_locale,
            defaults={"data": f"[{segment.string.data}]", "tool_name": tool_name},
        )


def test_an_up_to_date_and_fully_translated_translation_is_not_listed(world, people):
    make_translations(world["homes"], 1)
    assert len(outdated_translations(people["moderator"])) == 2
    for translation in Translation.objects.all():
        translate_every_segment(translation)
        translation.save_target()
    assert outdated_translations(people["moderator"]) == []


def test_a_translation_with_segments_to_do_stays_listed_after_it_caught_up(world, people):
    make_translations(world["homes"], 1)
    english, spanish = Translation.objects.order_by("target_locale__language_code")
    translate_every_segment(english)
    # Carried over from the previous French (translation_sync): still to review.
    translate_every_segment(spanish, tool_name=PREFILL_TOOL)
    for translation in (english, spanish):
        translation.save_target()
    listed = [translation for translation, _url in outdated_translations(people["moderator"])]
    assert listed == [spanish]


def test_a_translator_sees_only_the_languages_they_translate(world, people):
    make_translations(world["homes"], 1)
    Locale.objects.create(language_code="de")  # a language nobody was given
    languages = {
        translation.target_locale.language_code
        for translation, _url in outdated_translations(people["translator"])
    }
    assert languages == {"en", "es"}


def count_queries(function):
    with CaptureQueriesContext(connection) as queries:
        function()
    return len(queries)


def test_the_outdated_translations_panel_costs_the_same_queries_for_one_or_many(world, people):
    from django.contrib.auth import get_user_model

    def fresh_moderator():
        # A new user object each time: nothing cached from the previous call.
        return get_user_model().objects.get(pk=people["moderator"].pk)

    make_translations(world["homes"], 1)
    one = count_queries(lambda: outdated_translations(fresh_moderator()))
    make_translations(world["homes"], 4)
    assert len(outdated_translations(fresh_moderator())) == 10
    many = count_queries(lambda: outdated_translations(fresh_moderator()))
    assert many == one
    assert one <= 5
