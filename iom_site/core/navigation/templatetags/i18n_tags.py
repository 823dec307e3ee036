from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info

from iom_site.core.addresses import absolute, page_path
from iom_site.core.navigation import selectors

register = template.Library()


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to the current page in each language, each named in its own language. Where
    the page has no translation, the link goes to the nearest translated ancestor and
    says the page is not available in that language."""
    request = context.get("request")
    page = context.get("page")
    current = get_language()
    subroute = context.get("subroute")
    if subroute is not None:
        versions = subroute.versions
    elif page is not None and getattr(page, "pk", None):
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


OG_LOCALES = {"fr": "fr_FR", "en": "en_GB", "es": "es_ES"}


@register.inclusion_tag("includes/i18n_head.html", takes_context=True)
def i18n_head(context):
    """Canonical URL and hreflang alternates: only live, real translations, absolute URLs,
    French as x-default."""
    request = context.get("request")
    page = context.get("page")
    if request is None or page is None or not getattr(page, "pk", None):
        return {}
    subroute = context.get("subroute")
    versions = subroute.versions if subroute is not None else selectors.language_versions(page)
    alternates = [
        (code, absolute(url))
        for code, _name in settings.LANGUAGES
        if (url := versions[code][0]) and versions[code][1]
    ]
    own = page.locale.language_code
    x_default = dict(alternates).get(settings.LANGUAGE_CODE)
    return {
        "canonical": absolute(subroute.url if subroute else page_path(page, request)),
        "alternates": alternates if len(alternates) > 1 else [],
        "x_default": x_default if len(alternates) > 1 else None,
        "og_locale": OG_LOCALES.get(own, own),
        "og_alternates": [OG_LOCALES[code] for code, _url in alternates if code != own],
    }
