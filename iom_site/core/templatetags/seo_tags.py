"""What search engines and social networks read in every page's <head>: the meta
description, Open Graph and Twitter card, and schema.org JSON-LD (Organization and WebSite
with its SearchAction on the home page, BreadcrumbList below it). Canonical, hreflang and
og:locale come from ``{% i18n_head %}``. Every absolute address is on
``settings.PUBLIC_BASE_URL``, never on the Host or scheme of the request (a poisoned
Host must not reach a cached page). The breadcrumb trail comes from the template
(``{% breadcrumb_trail page as trail %}`` of the navigation room): core reads no room."""

from django import template
from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from iom_site.core import jsonld
from iom_site.core.addresses import absolute, page_path

register = template.Library()

DEFAULT_IMAGE = "images/og-default.png"
DEFAULT_IMAGE_SIZE = (1200, 630)


def description(page):
    """The page's search description, falling back to its summary."""
    if page is None:
        return ""
    return (getattr(page, "search_description", "") or getattr(page, "summary", "") or "").strip()


def _image(request, page):
    # The share image, else the page's own (its card image: listing, else hero image).
    image = None
    if page is not None:
        image = getattr(page, "social_image", None) or getattr(page, "card_image", None)
    if image is not None:
        rendition = image.get_rendition("fill-1200x630")
        return absolute(rendition.url), rendition.width, rendition.height
    return absolute(static(DEFAULT_IMAGE)), *DEFAULT_IMAGE_SIZE


def breadcrumb_list(request, ancestors, page, subroute=None):
    trail = [(crumb.title, page_path(crumb, request)) for crumb in (*ancestors, page)]
    if subroute is not None:
        trail.append((subroute.title, subroute.url))
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": title,
                "item": absolute(url),
            }
            for position, (title, url) in enumerate(trail, start=1)
        ],
    }


def website(request, home_url, page_language):
    with translation.override(page_language):
        search_url = absolute(reverse("site_search"))
    return {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": str(settings.WAGTAIL_SITE_NAME),
        "url": home_url,
        "inLanguage": page_language,
        "potentialAction": {
            "@type": "SearchAction",
            "target": {
                "@type": "EntryPoint",
                "urlTemplate": f"{search_url}?q={{search_term_string}}",
            },
            "query-input": "required name=search_term_string",
        },
    }


@register.simple_tag(takes_context=True)
def seo_meta(context, ancestors=()):
    """The values of includes/seo_head.html for the page (or the non-page view) rendered;
    ``ancestors``: the page's, home first, for its BreadcrumbList."""
    request = context.get("request")
    if request is None:
        return {}
    page = context.get("page")
    if page is not None and not getattr(page, "pk", None):
        page = None
    site_name = str(settings.WAGTAIL_SITE_NAME)
    # A view below the page (an SDG hub): its own title and address; the trail the
    # template passed ends with the page.
    subroute = context.get("subroute") if page is not None else None
    if subroute is not None:
        ancestors = [crumb for crumb in ancestors if crumb.pk != page.pk]
        title = subroute.title
        url = request.build_absolute_uri(subroute.url)
        text = subroute.description or description(page)
    elif page is not None:
        title = page.seo_title or page.title
        url = absolute(page_path(page, request))
        text = description(page)
    else:
        title = context.get("seo_title") or site_name
        url = absolute(request.path)
        text = context.get("seo_description") or ""
    is_home = page is not None and page.depth == 2
    image_url, width, height = _image(request, page)
    data = []
    if is_home:
        data = [jsonld.organization(), website(request, url, page.locale.language_code)]
    elif page is not None and page.depth > 2:
        data = [breadcrumb_list(request, ancestors, page, subroute)]
    if subroute is None and page is not None and hasattr(page, "structured_data"):
        data += page.structured_data()
    return {
        "title": title,
        "site_name": site_name,
        "description": text,
        "social_description": (getattr(page, "social_text", "") or text) if page else text,
        "url": url,
        "type": "website" if is_home or page is None else "article",
        "image": image_url,
        "image_width": width,
        "image_height": height,
        "image_alt": _("OIM – Migration et développement durable"),
        "jsonld": [jsonld.script(item) for item in data],
    }
