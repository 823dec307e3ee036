"""In a real Chromium: switching language from a deep page lands on the same page in the
other language; a page without a translation says so and leads to its nearest ancestor."""

from io import StringIO

from django.core.management import call_command

import pytest

from tests.core.factories import StandardPageFactory

pytestmark = pytest.mark.browser


@pytest.mark.django_db(transaction=True)
def test_switching_language_keeps_the_page(live_server, browser_page):
    call_command("load_seed_content", stdout=StringIO())
    page = browser_page
    page.goto(f"{live_server.url}/fr/qui-sommes-nous/structure/")
    assert page.locator("h1").inner_text() == "Structure"

    page.locator(".language-switcher a[hreflang='en']").click()
    page.wait_for_url("**/en/who-we-are/structure/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h2#structure-organisationnelle").inner_text() == "Organizational structure"

    page.locator(".language-switcher a[hreflang='es']").click()
    page.wait_for_url("**/es/quienes-somos/estructura/")
    assert page.locator("h1").inner_text() == "Estructura"

    # A French page nobody has translated yet.
    from iom_site.core.seed.loading import find_page

    StandardPageFactory(parent=find_page("agir"), title="Nouvelle page", body=[])
    page.goto(f"{live_server.url}/fr/agir/nouvelle-page/")
    english = page.locator(".language-switcher a[hreflang='en']")
    assert "(page not yet translated)" in english.inner_text()
    english.click()
    page.wait_for_url("**/en/take-action/")
    assert page.locator("html").get_attribute("lang") == "en"
