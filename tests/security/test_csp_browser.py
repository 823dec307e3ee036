"""In a real Chromium, the strict Content-Security-Policy of the public site is violated
nowhere: every page of the seeded site in three languages, the form page and a 404."""

from io import StringIO

from django.core.management import call_command

from wagtail.models import Page

import pytest

pytestmark = pytest.mark.browser

COLLECT = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(event.violatedDirective + " " + (event.blockedURI || "inline"));
});
"""


@pytest.mark.django_db(transaction=True)
def test_no_csp_violation_on_public_pages(live_server, browser):
    call_command("load_seed_content", stdout=StringIO())
    urls = [page.url for page in Page.objects.live().filter(depth__gte=2).order_by("path")]
    urls += ["/fr/page-introuvable/", "/en/missing-page/"]
    context = browser.new_context()
    context.add_init_script(COLLECT)
    page = context.new_page()
    violations = {}
    for url in urls:
        response = page.goto(f"{live_server.url}{url}")
        assert "script-src 'self'" in response.headers["content-security-policy"]
        page.wait_for_load_state("load")
        found = page.evaluate("window.__cspViolations")
        if found:
            violations[url] = found
    context.close()
    assert len(urls) >= 39
    assert violations == {}
