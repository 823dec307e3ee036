from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info

register = template.Library()


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to the current page in each language (the page's live translation
    when there is one), each named in its own language."""
    request = context.get("request")
    page = context.get("page")
    current = get_language()
    versions = {}
    if page is not None and getattr(page, "pk", None):
        translations = page.get_translations(inclusive=True).live().select_related("locale")
        versions = {p.locale.language_code: p for p in translations}
    options = []
    for code, _name in settings.LANGUAGES:
        if code in versions:
            url = versions[code].get_url(request)
        elif request is not None and page is None:
            url = translate_url(request.path, code)
        else:
            url = f"/{code}/"
        options.append(
            {
                "code": code,
                "name": get_language_info(code)["name_local"].capitalize(),
                "url": url,
                "current": code == current,
            }
        )
    return {"options": options}
