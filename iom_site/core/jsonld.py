"""schema.org JSON-LD, written so that no page text can close the script element."""

import json

from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from iom_site.core.addresses import absolute

IOM_URL = "https://www.iom.int"


def script(data):
    payload = json.dumps(data, ensure_ascii=False)
    # "<", ">" and "&" escaped as JSON unicode escapes: the data stays identical, the HTML inert.
    payload = payload.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))  # noqa: S308


def organization(sub_organizations=()):
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": _("Organisation internationale pour les migrations (OIM)"),
        "alternateName": _("OIM"),
        "url": IOM_URL,
        "email": "migration4development@iom.int",
    }
    if sub_organizations:
        data["subOrganization"] = list(sub_organizations)
    return data


def author():
    """The IOM as the author of a page's content (a reference, not the full entity)."""
    return {"@type": "Organization", "name": str(organization()["name"]), "url": IOM_URL}


def publisher():
    """The IOM as publisher: the author with the site's logo."""
    logo = {"@type": "ImageObject", "url": absolute(static("images/og-default.png"))}
    return {**author(), "logo": logo}


def image_object(rendition, caption):
    """An image rendition at its absolute public address, with its size and caption."""
    return {
        "@type": "ImageObject",
        "url": absolute(rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "caption": caption,
    }


def org_unit(unit, children, page_url):
    data = {
        "@type": "Organization",
        "name": unit.name,
        "url": f"{page_url}#{unit.key}",
    }
    if unit.description:
        data["description"] = unit.description
    if unit.head_title:
        data["employee"] = {"@type": "Person", "jobTitle": unit.head_title}
    if children:
        data["subOrganization"] = [org_unit(u, c, page_url) for u, c in children]
    return data
