"""Cache tags: what a render read, as Drupal and the CDNs name it.

While a page renders (``collecting()``), every object it loads and every listing it runs
leaves a tag:

- ``p<id>``: a page it loaded (itself, ancestors, translations, cards, links);
- ``c<id>`` / ``t<id>``: the children / the descendants of page <id>, asked for as such
  (``get_children()``, ``child_of``, ``get_descendants()``, ``descendant_of``);
- ``l<app.model>``: a listing of a page type or snippet model that is not narrowed to
  given rows (the latest stories, every partner), which any new row of it may join;
- ``s<app.model>-<id>``, ``i<id>``, ``d<id>``: a snippet, an image (or one of its
  renditions), a document;
- ``a<translation key>``: the addresses of a page's live translations, as a language
  switcher or hreflang shows them (routing tags a page's family so: its translations
  are read for their address, not their content);
- ``menu-<lang>``, ``footer-<lang>``: the chrome of its language, on every page.

Nothing here is told what a page type shows: a new page type that lists content gets
its tags, and so its purges, from the queries it runs. ``purge_tags_for_*`` in
``signals`` say which tags a change makes stale.
"""

import functools
from contextlib import contextmanager
from contextvars import ContextVar

from django.db.models import QuerySet
from django.db.models.expressions import Col
from django.db.models.lookups import Lookup
from django.db.models.signals import post_init
from django.db.models.sql.where import WhereNode

from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage, AbstractRendition
from wagtail.models import Page
from wagtail.query import PageQuerySet

_collected = ContextVar("delivery_tags", default=None)


@contextmanager
def collecting():
    """Collect the tags of what runs inside; yields the set. Nested collections add
    theirs to the enclosing one."""
    outer = _collected.get()
    tags = set()
    token = _collected.set(tags)
    try:
        yield tags
    finally:
        _collected.reset(token)
        if outer is not None:
            outer |= tags


@contextmanager
def ignoring():
    """Record nothing of what runs inside (the caller tags it itself)."""
    token = _collected.set(None)
    try:
        yield
    finally:
        _collected.reset(token)


def add(*tags):
    """Record tags in the collection running now (a value read from a cache replays the
    tags it was built with)."""
    current = _collected.get()
    if current is not None:
        current.update(tags)


def page_tag(pk):
    return f"p{pk}"


def address_tag(translation_key):
    """The addresses of a page's live translations (language switchers, hreflang)."""
    return f"a{str(translation_key).replace('-', '')[:16]}"


def children_tag(pk):
    return f"c{pk}"


def subtree_tag(pk):
    return f"t{pk}"


def list_tag(model):
    return f"l{model._meta.label_lower}"


def object_tag(instance):
    """The tag of one tracked object, or None for objects nobody tags."""
    kind = _kind(type(instance))
    if kind is None or instance.pk is None:
        return None
    if kind == "page":
        return page_tag(instance.pk)
    if kind == "image":
        return f"i{instance.pk}"
    if kind == "rendition":
        return f"i{instance.image_id}"
    if kind == "document":
        return f"d{instance.pk}"
    return f"s{instance._meta.label_lower}-{instance.pk}"


def chrome_tags(language_code):
    return [f"menu-{language_code}", f"footer-{language_code}"]


@functools.cache
def _kind(model):
    if issubclass(model, Page):
        return "page"
    if issubclass(model, AbstractRendition):
        return "rendition"
    if issubclass(model, AbstractImage):
        return "image"
    if issubclass(model, AbstractDocument):
        return "document"
    if getattr(model, "snippet_viewset", None) is not None:
        return "snippet"
    return None


def _instance_loaded(sender, instance, **kwargs):
    current = _collected.get()
    if current is None:
        return
    tag = object_tag(instance)
    if tag is not None:
        current.add(tag)


def _narrowed_to_rows(where, model):
    """Whether a query's conditions name rows by primary key (a ``get``, an ``in_bulk``,
    a prefetch of chosen rows): such a listing cannot grow."""
    for child in where.children:
        if isinstance(child, WhereNode):
            if not child.negated and child.connector == "AND" and _narrowed_to_rows(child, model):
                return True
        elif (
            isinstance(child, Lookup)
            and isinstance(child.lhs, Col)
            and child.lhs.target.primary_key
            and child.lookup_name in ("exact", "in")
        ):
            return True
    return False


def _listing_evaluated(queryset):
    current = _collected.get()
    if current is None or queryset._result_cache is not None:
        return
    model = queryset.model
    if model is Page or _kind(model) not in ("page", "snippet", "image", "document"):
        return
    if not _narrowed_to_rows(queryset.query.where, model):
        current.add(list_tag(model))


def _wrap(owner, name, tag_of):
    original = getattr(owner, name)
    if getattr(original, "_delivery_tags", False):
        return

    @functools.wraps(original)
    def wrapper(self, *args, **kwargs):
        if _collected.get() is not None:
            tag = tag_of(self, *args)
            if tag is not None:
                add(tag)
        return original(self, *args, **kwargs)

    wrapper._delivery_tags = True
    setattr(owner, name, wrapper)


def _pk_of(page):
    return getattr(page, "pk", None)


def connect():
    """Hook instance loads and querysets (once per process)."""
    post_init.connect(_instance_loaded, dispatch_uid="delivery-tags-post-init")
    _wrap(QuerySet, "_fetch_all", lambda qs: _listing_evaluated(qs))
    _wrap(Page, "get_children", lambda page: children_tag(page.pk) if page.pk else None)
    _wrap(
        Page,
        "get_descendants",
        lambda page, *args: subtree_tag(page.pk) if page.pk else None,
    )
    _wrap(
        PageQuerySet,
        "child_of_q",
        lambda qs, other: children_tag(other.pk) if _pk_of(other) else None,
    )
    _wrap(
        PageQuerySet,
        "descendant_of_q",
        lambda qs, other, *args: subtree_tag(other.pk) if _pk_of(other) else None,
    )
