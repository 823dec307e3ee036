"""Snippet rights follow the language: Communications editors change French snippets only,
Translators English and Spanish ones only, Moderators all. Refused requests change nothing,
through the snippet views and through wagtail-localize's translation editor alike."""

from django.urls import reverse

from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

import pytest

from partnerships.models import Partner, PartnerKind
from strategy.models import SustainableDevelopmentGoal
from tests.partnerships.factories import PartnerFactory
from tests.strategy.factories import SustainableDevelopmentGoalFactory

from .admin_actions import refused

pytestmark = pytest.mark.django_db


def partner_data(name):
    return {
        "name": name,
        "kind": PartnerKind.UNITED_NATIONS,
        "logo": "",
        "url": "https://www.example.org/",
        "description": "",
        "sort_order": "0",
    }


@pytest.mark.parametrize(
    ("role", "language", "allowed"),
    [
        ("editor", "fr", True),
        ("editor", "en", False),
        ("translator", "fr", False),
        ("translator", "es", True),
        ("moderator", "es", True),
    ],
)
def test_snippets_without_drafts_are_changed_in_ones_own_languages_only(
    world, client_for, role, language, allowed
):
    goal = SustainableDevelopmentGoalFactory(
        number=10, locale=Locale.objects.get(language_code=language)
    )
    url = reverse("wagtailsnippets_strategy_sustainabledevelopmentgoal:edit", args=[goal.pk])
    data = {"number": "10", "title": "Nouveau titre", "colour": "#DD1367"}

    response = client_for(role).post(url, data)

    goal.refresh_from_db()
    if allowed:
        assert response.status_code == 302 and not refused(response)
        assert goal.title == "Nouveau titre"
    else:
        assert refused(response)
        assert goal.title == "Objectif numéro 10"


@pytest.mark.parametrize("role", ["editor", "translator"])
def test_the_edit_form_of_a_snippet_in_another_language_is_not_even_shown(world, client_for, role):
    footer = world["footers"]["en" if role == "editor" else "fr"]
    response = client_for(role).get(reverse("wagtailsnippets_core_footer:edit", args=[footer.pk]))
    assert refused(response)


def test_editors_create_french_partners_but_not_english_ones(world, client_for):
    add = reverse("wagtailsnippets_partnerships_partner:add")
    client = client_for("editor")

    refused_response = client.post(add + "?locale=en", partner_data("Partner"))
    created_response = client.post(add + "?locale=fr", partner_data("Partenaire"))

    assert refused(refused_response)
    assert not Partner.objects.filter(name="Partner").exists()
    assert created_response.status_code == 302
    assert Partner.objects.get(name="Partenaire").locale.language_code == "fr"


def test_translators_neither_create_nor_delete_snippets(world, client_for):
    partner = PartnerFactory(locale=Locale.objects.get(language_code="en"))
    client = client_for("translator")

    add = reverse("wagtailsnippets_partnerships_partner:add") + "?locale=en"
    delete = reverse("wagtailsnippets_partnerships_partner:delete", args=[partner.pk])
    assert refused(client.post(add, partner_data("Partner")))
    assert refused(client.post(delete))
    assert Partner.objects.filter(pk=partner.pk).exists()
    assert Partner.objects.count() == 1


def test_copying_a_snippet_of_another_language_is_refused(world, client_for):
    partner = PartnerFactory(locale=Locale.objects.get(language_code="en"))
    url = reverse("wagtailsnippets_partnerships_partner:copy", args=[partner.pk])
    response = client_for("editor").post(url, partner_data("Copie"))
    assert refused(response)
    assert not Partner.objects.filter(name="Copie").exists()


def test_an_editor_cannot_publish_the_french_footer(world, client_for):
    footer = world["footers"]["fr"]
    url = reverse("wagtailsnippets_core_footer:edit", args=[footer.pk])
    data = {
        "contact": '{"blocks": [], "entityMap": {}}',
        "links-count": "0",
        "legal": "Publié ?",
        "action-publish": "action-publish",
    }
    response = client_for("editor").post(url, data)
    assert refused(response)
    footer.refresh_from_db()
    assert footer.legal == "© OIM"
    assert footer.latest_revision is None


@pytest.fixture
def synced_footer(world):
    """The English footer as wagtail-localize's translation of the French one."""
    source, _created = TranslationSource.get_or_create_from_instance(world["footers"]["fr"])
    translation = Translation.objects.create(
        source=source, target_locale=Locale.objects.get(language_code="en")
    )
    translation.save_target(publish=True)
    segment = source.stringsegment_set.get(string__data="© OIM")
    return translation, segment


@pytest.mark.parametrize(("role", "allowed"), [("editor", False), ("translator", True)])
def test_the_translation_editor_checks_the_language_too(synced_footer, client_for, role, allowed):
    translation, segment = synced_footer
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])

    response = client_for(role).put(
        url, "value=%C2%A9+IOM", content_type="application/x-www-form-urlencoded"
    )

    exists = StringTranslation.objects.filter(
        translation_of_id=segment.string_id, locale=translation.target_locale, data="© IOM"
    ).exists()
    if allowed:
        assert response.status_code == 201
        assert exists
    else:
        assert response.status_code == 403
        assert not exists


def test_editors_cannot_open_the_english_footer_in_the_translation_editor(
    synced_footer, world, client_for
):
    footer = world["footers"]["en"]
    response = client_for("editor").get(
        reverse("wagtailsnippets_core_footer:edit", args=[footer.pk])
    )
    assert refused(response)
    translator_view = client_for("translator").get(
        reverse("wagtailsnippets_core_footer:edit", args=[footer.pk])
    )
    assert translator_view.status_code == 200
    assert "editTranslation" in translator_view.content.decode() or (
        "translation-editor" in translator_view.content.decode()
    )


def test_listings_offer_only_ones_languages(world, people):
    from wagtail.permissions import policy_registry

    for language in ("fr", "en"):
        SustainableDevelopmentGoalFactory(
            number=3, locale=Locale.objects.get(language_code=language)
        )
    policy = policy_registry.get_by_type(SustainableDevelopmentGoal)
    editable = policy.instances_user_has_permission_for(people["translator"], "change")
    assert set(editable.values_list("locale__language_code", flat=True)) == {"en"}
    assert policy.instances_user_has_permission_for(people["moderator"], "change").count() == 2
