"""Keyboard journeys on the seed site in a real Chromium: the skip link, the mega-menu
(every top entry reachable, Enter or Space opens, Escape closes and gives focus back, a link
in it leads on), the mobile menu button, the language switcher and the expandable
sections of the strategy page, including a table-of-contents link that opens its section."""

import pytest
from playwright.sync_api import expect

from tests.frontend.pages import seed_site

pytestmark = pytest.mark.browser

STRUCTURE = "/fr/qui-sommes-nous/structure/"
STRATEGY = "/fr/programme-2030/strategie-migration-developpement-durable/"


def focused(page, script):
    return page.evaluate(f"(el => Boolean(el && ({script})))(document.activeElement)")


def tab_to(page, script, limit=80):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if focused(page, script):
            return
    raise AssertionError(f"Tab never reached {script}")


@pytest.mark.django_db(transaction=True)
def test_keyboard_journeys(live_server, browser):
    seed_site()
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()

    # The skip link comes first, shows itself and moves focus to the main content.
    page.goto(f"{live_server.url}{STRUCTURE}")
    page.keyboard.press("Tab")
    assert focused(page, "el.classList.contains('skip-link')")
    box = page.locator(".skip-link").bounding_box()
    assert box["y"] >= 0 and box["height"] > 0
    page.keyboard.press("Enter")
    assert focused(page, "el.id === 'contenu'")

    # Tab reaches every top entry of the main menu, link and button alike.
    page.goto(f"{live_server.url}{STRUCTURE}")
    expected = page.locator(".main-nav__link, .main-nav__toggle").count()
    assert expected >= 6
    reached = set()
    for _ in range(60):
        page.keyboard.press("Tab")
        reached.add(
            page.evaluate(
                "(() => { const all = [...document.querySelectorAll("
                "'.main-nav__link, .main-nav__toggle')];"
                " return all.indexOf(document.activeElement); })()"
            )
        )
    assert set(range(expected)) <= reached

    # Enter opens a panel whose children show at 1280 px; Escape closes and returns focus.
    page.goto(f"{live_server.url}{STRUCTURE}")
    tab_to(page, "el.classList.contains('main-nav__toggle')")
    toggle = page.locator(".main-nav__toggle").first
    panel = page.locator(f"#{toggle.get_attribute('aria-controls')}")
    assert not panel.is_visible()
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    assert panel.is_visible()
    children = panel.locator(".main-nav__children a")
    assert children.count() >= 1
    assert all(children.nth(i).is_visible() for i in range(children.count()))
    assert panel.bounding_box()["x"] + panel.bounding_box()["width"] <= 1280
    page.keyboard.press("Tab")
    assert focused(page, "el.closest('.main-nav__panel') !== null")
    page.keyboard.press("Escape")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not panel.is_visible()
    assert focused(page, "el.classList.contains('main-nav__toggle')")
    page.keyboard.press("Space")
    assert panel.is_visible()
    tab_to(page, "el.closest('.main-nav__children') !== null", limit=5)
    target = page.evaluate("document.activeElement.href")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == target
    assert page.locator("h1").count() == 1

    # The language switcher, by keyboard, keeps the page.
    page.goto(f"{live_server.url}{STRUCTURE}")
    tab_to(page, "el.getAttribute('hreflang') === 'en'")
    assert focused(page, "el.getAttribute('lang') === 'en'")
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/who-we-are/structure/")
    assert page.locator("html").get_attribute("lang") == "en"

    # Enter on a section's summary opens it; a table-of-contents link opens its section.
    page.goto(f"{live_server.url}{STRATEGY}")
    sections = page.locator("details.expandable")
    assert sections.count() >= 3
    assert not any(sections.nth(i).evaluate("d => d.open") for i in range(sections.count()))
    tab_to(page, "el.tagName === 'SUMMARY'")
    page.keyboard.press("Enter")
    assert sections.first.evaluate("d => d.open")
    assert sections.first.locator(".rich-text").is_visible()
    page.keyboard.press("Enter")
    assert not sections.first.evaluate("d => d.open")
    last_id = sections.last.get_attribute("id")
    page.locator(f".toc a[href='#{last_id}']").focus()
    page.keyboard.press("Enter")
    # expect() polls from Playwright's own world: a string predicate would be eval'd in
    # the page, which the site's CSP (no 'unsafe-eval') rightly refuses.
    expect(page.locator(f"#{last_id}")).to_have_attribute("open", "")
    page.goto(f"{live_server.url}{STRATEGY}#{sections.nth(1).get_attribute('id')}")
    assert sections.nth(1).evaluate("d => d.open")
    context.close()

    # On a phone the menu hides behind a disclosure button.
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(f"{live_server.url}/fr/")
    nav = page.locator("#main-nav")
    assert not nav.is_visible()
    tab_to(page, "el.classList.contains('menu-toggle')")
    page.keyboard.press("Enter")
    assert page.locator(".menu-toggle").get_attribute("aria-expanded") == "true"
    assert nav.is_visible()
    page.keyboard.press("Enter")
    assert not nav.is_visible()
    context.close()
