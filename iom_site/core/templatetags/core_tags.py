from django import template
from django.utils.text import slugify

from iom_site.core.addresses import page_path

register = template.Library()


@register.simple_tag(takes_context=True)
def page_url(context, page):
    """A page's path, like Wagtail's ``pageurl``: from Wagtail's site table, read once
    per request, and always a path (the site is one public address)."""
    return page_path(page, context.get("request"))


@register.simple_tag
def section_anchor(section):
    """A section's explicit anchor, or one derived from its heading."""
    return section.get("anchor") or slugify(section.get("heading", ""))


@register.filter
def minutes(duration):
    """A timedelta as a whole number of minutes, at least 1."""
    return max(1, round(duration.total_seconds() / 60)) if duration else 1
