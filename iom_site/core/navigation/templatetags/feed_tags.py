from django import template
from django.utils.translation import get_language

from iom_site.core.feeds import ATOM_TYPE
from iom_site.core.navigation import selectors

register = template.Library()


@register.inclusion_tag("includes/feed_links.html", takes_context=True)
def feed_links_head(context):
    """Autodiscovery: the Atom feeds of the language of the page rendered."""
    page = context.get("page")
    if getattr(page, "pk", None) and getattr(page, "path", None):
        feeds = selectors.feeds_of_language(page)
    else:
        feeds = selectors.feeds(get_language())
    return {"feeds": feeds, "type": ATOM_TYPE}
