from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from iom_site.core.navigation import selectors

register = template.Library()

# {(template name, language): (template, data, html)}: the last rendering of the menu and
# footer in this process. Both are the same on every page of a language, and the menu is
# the largest loop of every page; rendering it again only when its data changed saves
# about a tenth of an uncached page's time.
_rendered = {}


def _render_once(context, name, data):
    """``name`` rendered with ``data``, reusing this process's last rendering when the data
    and the template are the same. The template object is compared by identity: with the
    cached loader (production) it is the same object for the life of the process; without
    it (DEBUG), each request parses a new one, so an edited template shows at once."""
    language = get_language()
    compiled = context.template.engine.get_template(name)
    entry = _rendered.get((name, language))
    if entry is not None and entry[0] is compiled and entry[1] == data:
        return entry[2]
    html = mark_safe(compiled.render(context.new(data)))  # noqa: S308 - a rendered template
    _rendered[(name, language)] = (compiled, data, html)
    return html


def _chrome(context):
    """The menu and footer of the language, read together once per request."""
    request = context.get("request")
    language = get_language()
    kept = getattr(request, "navigation_chrome", None)
    if kept is None or kept[0] != language:
        kept = (language, selectors.chrome(language))
        if request is not None:
            request.navigation_chrome = kept
    return kept[1]


@register.simple_tag(takes_context=True)
def main_menu(context):
    menu = _chrome(context)["menu"]
    return _render_once(context, "includes/main_menu.html", {"menu": menu})


@register.simple_tag(takes_context=True)
def site_footer(context):
    footer = _chrome(context)["footer"]
    return _render_once(context, "includes/footer.html", {"footer": footer})


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page):
    """The page's ancestors, then the page; below a page (``subroute`` in the context,
    see core's subroutes.py), the page is a crumb too and the view is the current one."""
    subroute = context.get("subroute")
    crumbs = selectors.breadcrumbs(page)
    # The request goes along: links read Wagtail's site table once for the request.
    request = context.get("request")
    if subroute is not None:
        return {"crumbs": [*crumbs, page], "current": subroute.title, "request": request}
    return {"crumbs": crumbs, "current": page.title, "request": request}


@register.simple_tag(takes_context=True)
def breadcrumb_trail(context, page):
    """The page's ancestors below the root, home first (and the page itself, below a
    view of it: ``subroute``); none outside a saved page."""
    if not getattr(page, "pk", None):
        return []
    trail = selectors.breadcrumbs(page)
    return [*trail, page] if context.get("subroute") is not None else trail


@register.simple_tag
def menu_preview(snippet):
    """A MainMenu snippet's preview: the live menu of its language, its hand-added links
    replaced by this version's."""
    language = snippet.locale.language_code
    entries = _without_extra_links(selectors.main_menu(language))
    selectors.add_extra_links(entries, snippet.extra_links, language)
    return entries


def _without_extra_links(entries):
    """A copy of menu entries without the links a MainMenu added: theirs is the empty key,
    pages have their translation key and organisation units none."""
    return [
        {**entry, "children": _without_extra_links(entry["children"])}
        for entry in entries
        if entry.get("key") != ""
    ]
