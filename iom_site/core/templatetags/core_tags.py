from django import template
from django.utils.text import slugify

from iom_site.core import routing

register = template.Library()


@register.simple_tag
def page_url(page):
    """A page's address, like Wagtail's ``pageurl`` but from the routing table this
    request has already read, instead of one site lookup per link."""
    return routing.page_url(page)


@register.simple_tag
def section_anchor(section):
    """A section's explicit anchor, or one derived from its heading."""
    return section.get("anchor") or slugify(section.get("heading", ""))


@register.filter
def minutes(duration):
    """A timedelta as a whole number of minutes, at least 1."""
    return max(1, round(duration.total_seconds() / 60)) if duration else 1
