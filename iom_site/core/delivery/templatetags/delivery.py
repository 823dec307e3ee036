"""``{% fragment "content" page %}…{% endfragment %}``: a part of a page, rendered once
per content version, language and address, then read back in one cache round trip.

base.html wraps every page type's parts in one (so each page type gets them for free):
its head (style sheet and script, whose hashed names cost a lookup each), its meta tags
(canonical, hreflang, SEO and social tags, feeds; after the page type's own head
block, whose JSON-LD comes first), its header (language
switcher and menu), its breadcrumbs, its content block (header, body and listings) and
its footer. With the page cache off, or missed, the page is then assembled from kept
fragments instead of rendering its blocks, cards and chrome again. Every entry lives in
the content cache (memo.py): any purge starts a new content version, so no fragment
outlives a change to what it shows, and the tags it was built with are replayed when it
is read, so the page carries them as if it had rendered the fragment itself.

A fragment is rendered afresh, and not kept, for what is not the same for every
visitor: previews and revisions, signed-in people, anything but GET and HEAD (a form's
submission), addresses with a query string (a listing's filters and pages), a render
that used the CSRF token (a form), and anything outside a page (search, error pages).
"""

from django import template
from django.core.cache import cache
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from iom_site.core.delivery import tags
from iom_site.core.delivery.memo import cache_get, content_key, content_version

register = template.Library()
TIMEOUT = 60 * 60 * 24


@register.tag("fragment")
def do_fragment(parser, token):
    bits = token.split_contents()
    if len(bits) != 3:
        raise template.TemplateSyntaxError(f"{bits[0]} takes a name and a page")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(nodelist, parser.compile_filter(bits[1]), parser.compile_filter(bits[2]))


def _same_for_everyone(request, page):
    if request is None or getattr(request, "is_preview", False):
        return False
    if request.method not in ("GET", "HEAD"):
        return False
    if request.META.get("QUERY_STRING"):
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    # Outside a page (search, error pages) ``page`` is missing: the template engine
    # gives an empty string.
    return bool(getattr(page, "pk", None) and page.live and page.live_revision_id)


def fragment_key(name, language_code, path):
    """Named by the address, so that views.serve reads it in the same round trip as
    the page itself (the page's id is checked on reading)."""
    return content_key(f"fragment:{name}:{language_code}:{path}")


#: The fragments of base.html, which views.serve reads before routing, with the page.
PREFETCHED = ("head", "meta", "header", "crumbs", "content", "footer")


class FragmentNode(template.Node):
    def __init__(self, nodelist, name, page):
        self.nodelist = nodelist
        self.name = name
        self.page = page

    def render(self, context):
        request = context.get("request")
        page = self.page.resolve(context)
        version = content_version() if getattr(page, "pk", None) else None
        if version is None or not _same_for_everyone(request, page):
            return self.nodelist.render(context)
        key = fragment_key(self.name.resolve(context), get_language(), request.path)
        found = cache_get(key)
        if found is not None and found[:2] == (version, page.pk):
            tags.add(*found[3])
            return mark_safe(found[2])  # noqa: S308 - HTML this template rendered
        with tags.collecting() as read:
            html = self.nodelist.render(context)
        if not _used_csrf(request):
            cache.set(key, (version, page.pk, str(html), sorted(read)), TIMEOUT)
        return html


def _used_csrf(request):
    """Whether this request's render asked for a CSRF token so far (Django's get_token
    marks the request, with one flag or the other depending on whether the visitor
    already had a cookie). Asked after the fragment: a token rendered earlier in the
    page counts too, which only costs keeping this fragment."""
    return bool(
        request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or request.META.get("CSRF_COOKIE_USED")
    )
