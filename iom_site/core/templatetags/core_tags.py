from django import template
from django.utils.text import slugify

register = template.Library()


@register.simple_tag
def section_anchor(section):
    """A section's explicit anchor, or one derived from its heading."""
    return section.get("anchor") or slugify(section.get("heading", ""))
