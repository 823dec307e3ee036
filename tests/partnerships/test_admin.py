"""The partners snippet and the form answers in the Wagtail admin."""

from django.urls import reverse

import pytest

from partnerships.models import Partner, PartnerKind

from .factories import EngagementFormPageFactory, PartnerFactory

pytestmark = pytest.mark.django_db


def test_admin_lists_and_filters_partners(admin_client, homes):
    PartnerFactory(name="ONU-Habitat", kind=PartnerKind.UNITED_NATIONS)
    PartnerFactory(name="Université de Genève", kind=PartnerKind.ACADEMIA)

    response = admin_client.get(
        reverse("wagtailsnippets_partnerships_partner:list"), {"kind": PartnerKind.ACADEMIA}
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "Université de Genève" in html
    assert "ONU-Habitat" not in html


def test_admin_creates_a_partner_in_the_french_locale(admin_client, homes):
    response = admin_client.post(
        reverse("wagtailsnippets_partnerships_partner:add") + "?locale=fr",
        {
            "name": "ONU-Habitat",
            "kind": PartnerKind.UNITED_NATIONS,
            "logo": "",
            "url": "https://unhabitat.org/",
            "description": "",
            "sort_order": "0",
        },
    )

    assert response.status_code == 302
    partner = Partner.objects.get(name="ONU-Habitat")
    assert partner.locale.language_code == "fr"


def test_admin_shows_form_submissions(admin_client, client, sections):
    page = EngagementFormPageFactory(parent=sections["fr"]["agir"])
    client.post(
        page.url,
        {
            "nom": "Awa Diop",
            "courriel": "awa@example.org",
            "message": "Bonjour.",
            "consentement": "on",
        },
    )

    response = admin_client.get(reverse("wagtailforms:list_submissions", args=[page.pk]))

    assert response.status_code == 200
    assert "Awa Diop" in response.content.decode()
