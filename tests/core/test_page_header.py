"""Every page type's template shows its title and lead through the shared header."""

from django.apps import apps
from django.template.loader import get_template

from wagtail.models import Page

from tests.core.factories import StandardPageFactory


def page_templates():
    return sorted(
        {
            model.template
            for model in apps.get_models()
            if issubclass(model, Page) and model is not Page and hasattr(model, "template")
        }
        | {
            model.landing_page_template
            for model in apps.get_models()
            if issubclass(model, Page) and hasattr(model, "landing_page_template")
        }
    )


def test_no_page_template_writes_its_own_h1():
    templates = page_templates()
    assert "core/standard_page.html" in templates
    for name in templates:
        source = get_template(name).template.source
        assert "<h1" not in source, name
        assert '{% include "includes/page_header.html"' in source, name


def test_the_header_shows_title_and_lead(client, homes):
    page = StandardPageFactory(
        parent=homes["fr"], title="Nos « projets »", lead="<p>Le <b>chapeau</b></p>"
    )
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert "<h1>Nos « projets »</h1>" in html
    assert '<div class="lead"><p>Le <b>chapeau</b></p></div>' in html
