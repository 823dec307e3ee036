"""Listings of pages below a listing page (news, publications, any parent): the latest
ones for the « Dernières publications » block and feeds, and numbered pages of them. Each
costs a fixed number of queries, whatever the number of pages listed."""

from datetime import date, datetime, time

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import EmptyPage, InvalidPage, Paginator
from django.db.models import F, Subquery
from django.db.models.functions import Substr
from django.http import Http404
from django.utils import timezone

from wagtail.models import Page

from iom_site.core.images import attach_card_images, image_fields
from iom_site.core.visibility import public

# Beyond this many page types below one listing page, their types are read from the
# children first (one query) instead of trying each type the parent allows.
MAX_TYPES_TRIED = 2


def localized(page, locale_id, specific=False):
    """The live version of ``page`` in the language ``locale_id``, or None; with
    ``specific``, as its page type with its card images (one query)."""
    if page is None:
        return None
    if not specific and page.locale_id == locale_id:
        return page if page.live else None
    model = page.specific_class if specific else Page
    pages = model.objects.live().filter(translation_key=page.translation_key, locale_id=locale_id)
    if specific:
        pages = pages.select_related(*image_fields(model))
    return pages.first()


def localized_many(pages, locale_id):
    """{translation key: live version in the language ``locale_id``} of ``pages`` (None
    entries ignored), in one query at most."""
    pages = [page for page in pages if page is not None]
    if all(page.locale_id == locale_id for page in pages):
        return {page.translation_key: page for page in pages if page.live}
    keys = {page.translation_key for page in pages}
    return {
        page.translation_key: page
        for page in Page.objects.live().filter(translation_key__in=keys, locale_id=locale_id)
    }


def _child_models(index, children):
    # Any page type that says which field dates it (BasePage does): asked by attribute,
    # so that this module, which blocks reach, imports no models module (no cycle).
    allowed = [
        model
        for model in index.specific_class.allowed_subpage_models()
        if getattr(model, "listing_date_field", None)
    ]
    if len(allowed) <= MAX_TYPES_TRIED:
        return allowed
    type_ids = set(children.values_list("content_type_id", flat=True).distinct())
    return [m for m in allowed if ContentType.objects.get_for_model(m).pk in type_ids]


def _newest_first(pages, model):
    pages = public(pages.live()).order_by(F(model.listing_date_field).desc(nulls_last=True), "-pk")
    return pages.select_related(*image_fields(model))


def listed_children(parent, model):
    """The live, public pages of ``model`` right below ``parent``, newest first by the
    page type's listing date."""
    return _newest_first(model.objects.child_of(parent), model)


def _children_of_translation(index, locale_id, model=Page):
    """The pages of ``model`` below the live version of ``index`` in ``locale_id``, in
    one query with that version's title and address: translations of a page sit at its
    depth in their own tree, so its children's paths start with a path of its length."""
    parents = Page.objects.live().filter(translation_key=index.translation_key, locale_id=locale_id)
    return (
        model.objects.filter(locale_id=locale_id, depth=index.depth + 1)
        .annotate(parent_path=Substr("path", 1, len(index.path)))
        .filter(parent_path__in=parents.values("path"))
        .annotate(
            index_title=Subquery(parents.values("title")[:1]),
            index_url_path=Subquery(parents.values("url_path")[:1]),
        )
    )


def sort_key(value):
    """Dates and times of different page types in one order (a date counts as its
    midnight)."""
    if value is None:
        return datetime.min.replace(tzinfo=timezone.get_current_timezone())
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return timezone.make_aware(datetime.combine(value, time.min))
    return value


def latest_children(index, locale_id, limit, image_shape="card"):
    """(the listing page in that language, its ``limit`` latest children, card images
    attached) for ``index`` chosen in any language: two queries, one more when it allows
    many page types. (None, []) when it has no live version there or nothing below."""
    if index is None:
        return None, []
    same_language = index.locale_id == locale_id
    if same_language and not index.live:
        return None, []
    pages = []
    children = index.get_children() if same_language else _children_of_translation(index, locale_id)
    for model in _child_models(index, children.live()):
        if same_language:
            found = listed_children(index, model)
        else:
            found = _newest_first(_children_of_translation(index, locale_id, model), model)
        pages += list(found[:limit])
    pages.sort(key=lambda page: (sort_key(page.listing_date), page.pk), reverse=True)
    pages = pages[:limit]
    if not pages:
        return None, []
    attach_card_images(pages, image_shape)
    if same_language:
        return index, pages
    first = pages[0]
    # Enough of the listing page for its link (core_tags.page_url): title and address.
    parent = Page(
        title=first.index_title, url_path=first.index_url_path, locale_id=locale_id, live=True
    )
    return parent, pages


def paginate(queryset, page_number, per_page):
    """One page of ``queryset`` from the ``?page=`` parameter: the first page when it is
    absent; a 404 when it is not a page number of this list (no silent first page for a
    mistyped link)."""
    paginator = Paginator(queryset, per_page, allow_empty_first_page=True)
    if page_number in (None, ""):
        page_number = 1
    try:
        number = int(page_number)
        if str(number) != str(page_number).strip():
            raise ValueError(page_number)
        page = paginator.page(number)
    except (ValueError, EmptyPage, InvalidPage) as error:
        raise Http404("no such page of this list") from error
    # Links to the first and last pages and two either side of this one; "…" between.
    page.page_links = list(paginator.get_elided_page_range(number, on_each_side=2, on_ends=1))
    page.ellipsis = paginator.ELLIPSIS
    return page


#: Cards of a section or standard page per page of its list.
CHILD_CARDS_PER_PAGE = 24


def _live_children(page):
    return public(page.get_children().live()).specific()


def first_child_cards(page):
    """The live public children of ``page`` on the first page of its cards, as their
    page types, and one more when there are more (``child_cards`` then paginates): one
    query, however many children."""
    return list(_live_children(page)[: CHILD_CARDS_PER_PAGE + 1])


def child_cards(page, first, page_number):
    """{"cards", "cards_page"} for the request's ``?page=``: ``first`` (from
    ``first_child_cards``, kept with the page) when they all fit on one page, else that
    page of the children with its numbered links (a 404 for a page that does not exist)."""
    if page_number in (None, "") and len(first) <= CHILD_CARDS_PER_PAGE:
        return {"cards": first, "cards_page": None}
    cards_page = paginate(_live_children(page), page_number, CHILD_CARDS_PER_PAGE)
    return {"cards": list(cards_page.object_list), "cards_page": cards_page}
