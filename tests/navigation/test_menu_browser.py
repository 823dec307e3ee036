"""The mega-menu by keyboard in a real Chromium: Tab to a top entry's button, Enter opens
its panel, Escape closes it and gives focus back; every link in it resolves."""

import pytest

from tests.core.factories import SectionPageFactory, StandardPageFactory

pytestmark = pytest.mark.browser


@pytest.mark.django_db(transaction=True)
def test_mega_menu_opens_and_closes_by_keyboard(live_server, homes, browser_page):
    section = SectionPageFactory(parent=homes["fr"], title="Agir", lead="<p>Agir avec l’OIM.</p>")
    StandardPageFactory(parent=section, title="Engagez-vous")
    StandardPageFactory(parent=section, title="Travailler avec nous")
    page = browser_page
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{live_server.url}/fr/")

    toggle = page.locator(".main-nav__toggle").first
    panel = page.locator("#panel-1")
    assert toggle.is_visible()
    assert not panel.is_visible()

    # Tab from the top of the page until the toggle has focus.
    for _ in range(15):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('main-nav__toggle')"):
            break
    assert toggle.evaluate("el => el === document.activeElement")

    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    assert panel.is_visible()
    assert panel.get_by_text("Agir avec l’OIM.").is_visible()

    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Engagez-vous"
    page.keyboard.press("Escape")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not panel.is_visible()
    assert toggle.evaluate("el => el === document.activeElement")

    page.keyboard.press("Space")
    assert panel.is_visible()

    hrefs = panel.locator("a").evaluate_all("links => links.map(a => a.href)")
    assert len(hrefs) == 2
    for href in hrefs:
        assert page.request.get(href).status == 200


@pytest.mark.django_db(transaction=True)
def test_menu_links_are_plain_links_without_javascript(live_server, homes, browser):
    section = SectionPageFactory(parent=homes["fr"], title="Agir")
    StandardPageFactory(parent=section, title="Engagez-vous")
    context = browser.new_context(java_script_enabled=False, viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(f"{live_server.url}/fr/")
    link = page.get_by_role("link", name="Engagez-vous")
    assert link.is_visible()
    link.click()
    assert page.url.endswith("/fr/agir/engagez-vous/")
    context.close()
