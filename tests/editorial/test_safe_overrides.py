"""A translator's override of a link never puts a script address in a page (issue 15,
point 7): the override route refuses it, and an address that got in anyway is never
rendered."""

import json

from django.test.client import encode_multipart
from django.urls import reverse

from wagtail.models import Locale
from wagtail_localize.models import OverridableSegment, SegmentOverride, Translation

import pytest

from iom_site.core.seed.translation import repair_child_counts
from tests.core.factories import StandardPageFactory

from .test_translation_workflow import submit

pytestmark = pytest.mark.django_db

BODY = [
    {
        "type": "paragraph",
        "value": '<p>Voir <a href="https://www.iom.int/">le site</a> ou '
        '<a href="mailto:info@iom.int">écrire</a>.</p>',
    },
    {
        "type": "quote",
        "value": {"quote": "Une citation.", "source": "Source", "source_url": "https://un.org/"},
    },
    {"type": "contact", "value": {"unit": "Unité", "text": "", "email": "unite@iom.int"}},
]
HOSTILE = [
    "javascript:alert(5)",
    "JavaScript:alert(5)",
    " java\tscript:alert(5)",
    "data:text/html,<script>alert(5)</script>",
    "vbscript:msgbox(5)",
]


@pytest.fixture
def translation(homes, people, client):
    page = StandardPageFactory(
        parent=homes["fr"], title="Liens", slug="liens", body=json.dumps(BODY)
    )
    page.save_revision().publish()
    client.force_login(people["moderator"])
    assert submit(client, page, "en").status_code == 302
    client.logout()
    return Translation.objects.get(
        source__object_id=page.translation_key, target_locale__language_code="en"
    )


def segments(translation):
    """{source value: overridable segment}"""
    return {
        json.loads(segment.data_json): segment
        for segment in OverridableSegment.objects.filter(source=translation.source)
    }


def override(client, translation, segment, value):
    url = reverse("wagtail_localize:edit_override", args=[translation.pk, segment.pk])
    return client.put(
        url,
        encode_multipart("BoUnDaRy", {"value": value}),
        content_type="multipart/form-data; boundary=BoUnDaRy",
    )


@pytest.mark.parametrize("value", HOSTILE)
@pytest.mark.parametrize(
    "source", ["https://www.iom.int/", "mailto:info@iom.int", "https://un.org/", "unite@iom.int"]
)
def test_the_override_route_refuses_script_addresses(source, value, translation, client_for):
    segment = segments(translation)[source]
    response = override(client_for("translator"), translation, segment, value)
    assert response.status_code == 400
    assert not SegmentOverride.objects.filter(context=segment.context).exists()


def test_the_override_route_accepts_addresses(translation, client_for):
    client = client_for("translator")
    found = segments(translation)
    for source, value in [
        ("https://www.iom.int/", "https://www.iom.int/en/"),
        ("mailto:info@iom.int", "mailto:info-en@iom.int"),
        ("https://un.org/", "https://un.org/en/"),
        ("unite@iom.int", "unit@iom.int"),
    ]:
        response = override(client, translation, found[source], value)
        assert response.status_code in (200, 201), response.content
    assert SegmentOverride.objects.filter(locale__language_code="en").count() == 4


def test_an_override_e_mail_must_be_an_address(translation, client_for):
    segment = segments(translation)["unite@iom.int"]
    response = override(client_for("translator"), translation, segment, "pas une adresse")
    assert response.status_code == 400


def test_a_script_address_that_got_in_is_never_rendered(
    translation, client, django_capture_on_commit_callbacks
):
    """Defence in depth: overrides written around the route (say, by a script) and
    published."""
    english = Locale.objects.get(language_code="en")
    for segment in segments(translation).values():
        SegmentOverride.objects.create(
            locale=english, context=segment.context, data_json=json.dumps("javascript:alert(5)")
        )
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    repair_child_counts()  # wagtail-localize's page creation leaves the parent's count stale
    page = translation.get_target_instance()
    assert page.live
    html = client.get(page.url).content.decode()
    assert "Une citation." in html
    assert "javascript:" not in html.lower()
