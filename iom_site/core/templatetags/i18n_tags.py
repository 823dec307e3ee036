from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info

from iom_site.core import selectors

register = template.Library()


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to the current page in each language, each named in its own language. Where
    the page has no translation, the link goes to the nearest translated ancestor and
    says the page is not available in that language."""
    request = context.get("request")
    page = context.get("page")
    current = get_language()
    if page is not None and getattr(page, "pk", None):
        versions = selectors.language_versions(page)
    else:
        path = request.path if request is not None else "/"
        versions = {code: (translate_url(path, code), True) for code, _ in settings.LANGUAGES}
    options = []
    for code, _name in settings.LANGUAGES:
        url, available = versions[code]
        options.append(
            {
                "code": code,
                "name": get_language_info(code)["name_local"].capitalize(),
                "url": url,
                "current": code == current,
                "available": available,
            }
        )
    return {"options": options}
