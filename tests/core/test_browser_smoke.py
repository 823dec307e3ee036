"""A real Chromium opens the home page in each language."""

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.django_db(transaction=True)
def test_home_page_in_three_languages(live_server, homes, browser_page):
    for code, heading in (("fr", "Accueil"), ("en", "Home"), ("es", "Inicio")):
        response = browser_page.goto(f"{live_server.url}/{code}/")
        assert response.status == 200
        assert browser_page.locator("html").get_attribute("lang") == code
        assert browser_page.locator("h1").inner_text() == heading
        assert browser_page.locator("main").is_visible()
