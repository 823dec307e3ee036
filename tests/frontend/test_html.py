"""Every public page is well-formed HTML with unique ids and one h1, no inline script or
style (a strict Content-Security-Policy is coming), and stays light: the heaviest page with
its CSS and JavaScript weighs at most 60 KB before compression."""

import re
from pathlib import Path

from django.conf import settings

import html5lib
import pytest

from tests.frontend.pages import MISSING_PAGES, SEARCH_URL, form_page_path, seed_site

CSS = Path(settings.BASE_DIR) / "static" / "css" / "site.css"
JS = Path(settings.BASE_DIR) / "static" / "js" / "site.js"
PAGE_BUDGET = 60 * 1024
ID = re.compile(r"""\sid\s*=\s*["']([^"']+)["']""")


def rendered_pages(client):
    """(path, status, html) for every page a visitor can reach, errors shown included."""
    for path in seed_site():
        response = client.get(path)
        yield path, response.status_code, response.content.decode()
    form = form_page_path()
    response = client.post(form, {})
    yield f"{form} (POST vide)", response.status_code, response.content.decode()
    for path in MISSING_PAGES:
        response = client.get(path)
        yield path, response.status_code, response.content.decode()
    response = client.get(SEARCH_URL)
    if response.status_code == 200:
        yield SEARCH_URL, 200, response.content.decode()


def problems_in(html):
    problems = []
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    try:
        document = parser.parse(html)
    except html5lib.html5parser.ParseError as error:
        return [f"HTML invalide : {error}"]
    ids = [element.get("id") for element in document.iter() if element.get("id")]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        problems.append(f"ids en double : {duplicates}")
    for element in document.iter():
        if not isinstance(element.tag, str):
            continue
        if element.get("style") is not None:
            problems.append(f"attribut style= sur <{element.tag}>")
        if any(name.startswith("on") for name in element.attrib):
            problems.append(f"gestionnaire d’événement en ligne sur <{element.tag}>")
        if element.tag == "script":
            if element.get("type") == "application/ld+json":
                continue
            if not element.get("src"):
                problems.append("<script> en ligne")
            elif element.get("defer") is None and element.get("type") != "module":
                problems.append(f"script bloquant : {element.get('src')}")
    levels = [
        int(element.tag[1])
        for element in document.iter()
        if isinstance(element.tag, str) and re.fullmatch(r"h[1-6]", element.tag)
    ]
    for previous, level in zip([0, *levels], levels, strict=False):
        if level > previous + 1:
            problems.append(f"titre h{level} après h{previous}")
    if len(document.findall(".//h1")) != 1:
        problems.append(f"{len(document.findall('.//h1'))} titres h1")
    return problems


@pytest.mark.django_db(transaction=True)
def test_every_page_is_valid_light_html_with_unique_ids(client):
    # One test, one seeding: loading the seed site is most of the cost.
    failures, statuses, weights = [], {}, {}
    assets = CSS.stat().st_size + JS.stat().st_size
    for path, status, html in rendered_pages(client):
        statuses[path] = status
        failures += [f"{path}: {problem}" for problem in problems_in(html)]
        if path not in MISSING_PAGES:
            weights[path] = len(html.encode()) + assets
    assert all(statuses[path] == 404 for path in MISSING_PAGES)
    assert all(status == 200 for path, status in statuses.items() if path not in MISSING_PAGES)
    heaviest = max(weights, key=weights.get)
    print(f"page la plus lourde : {heaviest}, {weights[heaviest]} octets")  # noqa: T201
    assert weights[heaviest] <= PAGE_BUDGET, (heaviest, weights[heaviest])
    assert not failures, "\n".join(failures)


def test_the_checker_catches_what_it_looks_for():
    broken = (
        "<!DOCTYPE html><html lang=fr><head><title>t</title></head><body>"
        '<h1 id="a">x</h1><p id="a" style="color:red">y</div>'
        "<script>alert(1)</script></body></html>"
    )
    problems = " ".join(problems_in(broken))
    assert "HTML invalide" in problems
    fixed = broken.replace("</div>", "</p>")
    problems = " ".join(problems_in(fixed))
    assert "ids en double : ['a']" in problems
    assert "style=" in problems
    assert "<script> en ligne" in problems
    assert "titre h1 après h0" not in problems
    skipping = fixed.replace("<h1", "<h3").replace("</h1>", "</h3>")
    assert "titre h3 après h0" in " ".join(problems_in(skipping))


def test_assets_stay_small_and_use_system_fonts():
    css = CSS.read_text()
    assert CSS.stat().st_size <= 30 * 1024
    assert JS.stat().st_size <= 15 * 1024
    assert "@font-face" not in css
    assert "@import" not in css
    assert "prefers-color-scheme: dark" in css
    assert "prefers-reduced-motion" in css
    assert "@media print" in css
    for number, colour in enumerate(SDG_COLOURS, start=1):
        assert re.search(rf"\.sdg-{number} \{{ --sdg: {colour};", css), number


def test_templates_served_to_visitors_have_no_inline_script_or_style():
    root = Path(settings.BASE_DIR) / "templates"
    offenders = []
    for template in root.rglob("*.html"):
        relative = template.relative_to(root).as_posix()
        if relative.startswith(("wagtailadmin/", "core/translation_status/", "core/previews/")):
            continue
        text = template.read_text()
        if re.search(r"\sstyle=", text) or re.search(r"<script(?![^>]*\bsrc=)", text):
            offenders.append(relative)
    assert not offenders


SDG_COLOURS = (
    *("#e5243b", "#dda63a", "#4c9f38", "#c5192d", "#ff3a21", "#26bde2", "#fcc30b", "#a21942"),
    *("#fd6925", "#dd1367", "#fd9d24", "#bf8b2e", "#3f7e44", "#0a97d9", "#56c02b", "#00689d"),
    "#19486a",
)
