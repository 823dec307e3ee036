"""Stored XSS: payloads saved in every kind of editable field (titles, rich text, every
body block, inline rows, snippets, form fields, translations) are shown as escaped text on
the public site and in the Wagtail admin, in a real Chromium that traps every dialog and
looks for any element a payload would have created."""

from django.core.exceptions import ValidationError
from django.test import Client

from wagtail.blocks import StructBlockValidationError
from wagtail_localize.models import StringTranslation

import pytest

from iom_site.core.blocks import HeadingBlock, QuoteBlock
from iom_site.core.models.structure import OrgUnit
from partnerships.models import Partner, PartnerKind

from .xss_admin import admin_views
from .xss_browser import XssTab
from .xss_content import build_site
from .xss_payloads import javascript_url, payload, url_payload
from .xss_translation import translate_site, translate_with_payloads


@pytest.fixture
def xss_site(transactional_db):
    site = build_site()
    translate_site(site)
    return site


@pytest.mark.browser
def test_public_site_shows_payloads_as_text(live_server, browser, xss_site):
    site = xss_site
    tab = XssTab(browser, live_server.url)
    try:
        for url, shown in site.shown.items():
            status = 404 if url.startswith("/fr/xss-not-found") else 200
            tab.visit(url, shown, site.hrefs[url], expect_status=status)
        # A visitor sends the form with payloads: the landing page shows the thank-you text.
        form_url = site.pages["form"].url
        tab.goto(form_url)
        tab.page.fill("#id_courriel", "visiteur@example.org")
        tab.page.select_option("#id_sujet", payload("f-choice"))
        tab.page.fill("#id_message", payload("sub-message"))
        tab.page.click("form.form button[type=submit]")
        tab.page.wait_for_load_state("networkidle")
        tab.check(f"{form_url} (sent)", [payload("thanks")])
        # Sent again with an invalid address: the form comes back with its errors, every
        # label and typed value among them.
        tab.goto(form_url)
        tab.page.fill("#id_courriel", "pas-une-adresse")
        tab.page.fill("#id_message", payload("sub-message"))
        tab.page.click("form.form button[type=submit]")
        tab.page.wait_for_load_state("networkidle")
        tab.check(f"{form_url} (errors)", [payload("f-label"), payload("sub-message")])
    finally:
        tab.close()
    assert tab.dialogs == []
    assert tab.problems == {}
    assert tab.visited == len(site.shown) + 2


@pytest.mark.browser
def test_admin_shows_payloads_as_text(live_server, browser, xss_site, django_user_model):
    site = xss_site
    form = site.pages["form"]
    response = Client().post(
        form.url,
        {
            "nom": payload("f-default"),
            "courriel": "visiteur@example.org",
            "sujet": payload("f-choice"),
            "message": payload("sub-message"),
        },
    )
    assert response.status_code == 200
    assert form.get_submission_class().objects.filter(page=form).count() == 1

    admin = django_user_model.objects.create_superuser("xss-admin", "op@example.org", "pw")
    client = Client()
    client.force_login(admin)
    cookie = {"name": "sessionid", "value": client.cookies["sessionid"].value}
    tab = XssTab(browser, live_server.url, session_cookie=cookie)
    views = admin_views(site)
    try:
        for url, shown in views:
            tab.visit(url, shown)
    finally:
        tab.close()
    assert tab.dialogs == []
    assert tab.problems == {}
    assert tab.visited == len(views)


@pytest.mark.browser
def test_the_trap_catches_an_injection(browser, live_server):
    """The checks above can fail: markup that does run is caught by all three means."""
    tab = XssTab(browser, live_server.url)
    try:
        tab.page.set_content(
            f"<p>{payload('control')}</p><a href=\"javascript:alert('xss-control')\">x</a>"
        )
        tab.page.wait_for_timeout(300)
        tab.check("control", [payload("control")])
    finally:
        tab.close()
    assert tab.dialogs
    problems = " ".join(tab.problems["control"])
    assert "trapped calls" in problems
    assert "injected" in problems
    assert "javascript:" in problems
    assert "not shown as text" in problems


def test_url_fields_refuse_javascript_addresses(homes):
    """Escaping cannot make a javascript: href safe: the fields refuse it when saved, with
    the validation the admin's forms run (block clean, model full_clean)."""
    with pytest.raises(StructBlockValidationError):
        QuoteBlock().clean({"quote": "Citation", "source": "", "source_url": javascript_url("q")})
    assert QuoteBlock().clean({"quote": "C", "source": "", "source_url": url_payload("q")})
    partner = Partner(
        locale=homes["fr"].locale,
        name="Partenaire",
        kind=PartnerKind.ACADEMIA,
        url=javascript_url("partner"),
    )
    with pytest.raises(ValidationError) as refused:
        partner.full_clean()
    assert set(refused.value.message_dict) == {"url"}


def test_fields_that_build_markup_refuse_payloads(homes):
    """A heading's level is written as the tag name and a unit's key as an element id: a
    choice and a slug, which refuse anything else."""
    with pytest.raises(StructBlockValidationError):
        HeadingBlock().clean({"text": "Titre", "level": payload("level"), "anchor": ""})
    unit = OrgUnit(locale=homes["fr"].locale, key=payload("key"), name="Unité")
    with pytest.raises(ValidationError) as refused:
        unit.full_clean(exclude=["page"])
    assert "key" in refused.value.message_dict


@pytest.mark.django_db(transaction=True)
def test_markup_in_a_po_file_is_never_published(client):
    """A translator's PO file with raw markup instead of text: wagtail-localize flags the
    strings as errors and the English page never carries the markup."""
    site = build_site()
    section = site.pages["section"]
    raw = "<img src=x onerror=alert('xss-raw')>"
    en_section, translation, _shown = translate_with_payloads(section, "en-section")
    po = translation.export_po()
    for entry in po:
        if entry.msgctxt != "slug":
            entry.msgstr = raw
    translation.import_po(po, tool_name="PO File")
    flagged = StringTranslation.objects.filter(
        context__object_id=translation.source.object_id, locale=translation.target_locale
    ).exclude(context__path="slug")
    assert flagged.count() >= 2
    assert all(string.has_error for string in flagged)
    translation.save_target(publish=True)
    response = client.get(en_section.url)
    assert response.status_code == 200
    assert b"xss-raw" not in response.content


@pytest.mark.django_db(transaction=True)
def test_text_derived_from_a_lead_is_escaped_once(client):
    """The mega-menu and the cards show a lead's text: escaped once, as typed."""
    site = build_site()
    html = client.get(site.pages["home"].url).content.decode()
    assert "&amp;lt;" not in html
