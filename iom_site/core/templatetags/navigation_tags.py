from django import template
from django.utils.translation import get_language

from iom_site.core import selectors

register = template.Library()


@register.inclusion_tag("includes/main_menu.html")
def main_menu():
    return {"menu": selectors.main_menu(get_language())}


@register.inclusion_tag("includes/footer.html")
def site_footer():
    return {"footer": selectors.footer(get_language())}


@register.inclusion_tag("includes/breadcrumbs.html")
def breadcrumbs(page):
    return {"crumbs": selectors.breadcrumbs(page), "page": page}
