"""axe-core (WCAG 2.0, 2.1 and 2.2 A and AA rules) finds nothing on any page of the seed
site in French, English and Spanish, in light and dark colour schemes, on the form with
its errors shown and on the 404 page; and no page scrolls sideways at 320 px, nor at
640 px (a 1280 px screen zoomed to 200 %)."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.frontend.pages import MISSING_PAGES, SEARCH_URL, form_page_path, seed_site

pytestmark = pytest.mark.browser

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
    "resultTypes": ["violations"],
}


def axe_failures(page, label, axe):
    failures = []
    for violation in axe.run(page, options=AXE_OPTIONS).response["violations"]:
        targets = [node["target"] for node in violation["nodes"]][:5]
        failures.append(f"{label}: {violation['id']} ({violation['impact']}) {targets}")
    return failures


def addresses(live_server, browser_page):
    paths = list(seed_site()) + list(MISSING_PAGES)
    if browser_page.request.get(f"{live_server.url}{SEARCH_URL}").status == 200:
        paths.append(SEARCH_URL)
    return paths


def overflow(page, width):
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    return f"{page.url} à {width} px : {scroll_width} px" if scroll_width > width else None


@pytest.mark.django_db(transaction=True)
def test_every_page_passes_axe_and_reflows_without_sideways_scroll(live_server, browser):
    # One test, one seeding (the bulk of the cost); every failure is collected and printed.
    axe = Axe()
    failures, overflowing, checked = [], [], 0
    for scheme in ("light", "dark"):
        context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
        page = context.new_page()
        if scheme == "light":
            paths = addresses(live_server, page)
        for path in paths:
            response = page.goto(f"{live_server.url}{path}")
            assert response.status == (404 if path in MISSING_PAGES else 200), path
            failures += axe_failures(page, f"[{scheme}] {path}", axe)
            checked += 1

        # The form, submitted empty: its error summary and messages tied to the fields.
        page.goto(f"{live_server.url}{form_page_path()}")
        page.locator("form.form button[type=submit]").click()
        page.wait_for_load_state()
        assert page.locator(".error-summary").is_visible()
        assert page.locator("[aria-invalid=true]").count() >= 3
        failures += axe_failures(page, f"[{scheme}] formulaire avec erreurs", axe)
        checked += 1
        context.close()

    context = browser.new_context(viewport={"width": 320, "height": 800})
    page = context.new_page()
    for width in (320, 640):
        page.set_viewport_size({"width": width, "height": 800})
        for path in paths:
            page.goto(f"{live_server.url}{path}", wait_until="domcontentloaded")
            overflowing.append(overflow(page, width))
    # The mobile menu, opened with a section unfolded, fits too.
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(f"{live_server.url}/fr/")
    page.locator(".menu-toggle").click()
    page.locator(".main-nav__toggle").first.click()
    assert page.locator(".main-nav__panel.is-open").is_visible()
    overflowing.append(overflow(page, 320))
    context.close()

    print(f"axe : {checked} pages vérifiées")  # noqa: T201
    for failure in failures:
        print(failure)  # noqa: T201
    assert not failures, "\n".join(failures)
    overflowing = [entry for entry in overflowing if entry]
    assert not overflowing, "\n".join(overflowing)
