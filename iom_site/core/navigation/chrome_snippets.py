"""The live menu snippet and footer of a language, and the pages their links choose:
both snippets come with the menu's pages (columns of each of its rows) or in a query of
their own, then one query for every page they link (selectors builds the menu and the
footer from them).

The links' StreamFields are read raw (page ids): iterating them as blocks would load
the chosen pages once per field, before the query for their versions in the language
shown."""

from types import SimpleNamespace

from django.db.models import OuterRef, Q, Subquery

from wagtail.models import Locale, Page

#: The fields each snippet shows.
FIELDS = {"menu": ("extra_links",), "footer": ("contact", "links", "legal")}
LINKED = ("page", "under")  # a link's page, and the menu entry it goes under


def _models():
    from iom_site.core.models import Footer, MainMenu

    return {"menu": MainMenu, "footer": Footer}


class ChromeSnippets:
    """The live MainMenu and Footer of ``language_code`` (``menu``, ``footer``: their
    fields, or None): taken from a row that carries ``annotations()`` (the menu's
    pages do), else read the first time either is asked for."""

    def __init__(self, language_code):
        self.language_code = language_code
        self._found = self._linked = None

    def __getitem__(self, kind):
        if self._found is None:
            self._found = _read(self.language_code)
        return self._found[kind]

    def take(self, row):
        """Keep the snippets a row of the language carries (its ``annotations()``)."""
        if self._found is None:
            self._found = _snippets(vars(row))

    def linked_pages(self):
        """The pages both snippets' links choose (``LinkedPages``), one query for both."""
        if self._linked is None:
            menu, footer = self["menu"], self["footer"]
            streams = [menu.extra_links] if menu else []
            streams += [footer.links] if footer else []
            self._linked = LinkedPages(streams, self.language_code)
        return self._linked


def annotations(locale_ref):
    """Each snippet's fields as subqueries on the row whose ``locale_ref`` is the
    language's Locale id: the first live one, as ``.first()`` would choose it, or NULL."""
    found = {}
    for kind, model in _models().items():
        live = model.objects.filter(locale=OuterRef(locale_ref), live=True).order_by("pk")
        for name in ("pk", *FIELDS[kind]):
            found[f"snippet_{kind}_{name}"] = Subquery(live.values(name)[:1])
    return found


def _snippets(row):
    return {
        kind: None
        if row is None or row[f"snippet_{kind}_pk"] is None
        else SimpleNamespace(**{name: row[f"snippet_{kind}_{name}"] for name in FIELDS[kind]})
        for kind in FIELDS
    }


def _read(language_code):
    # Without the menu's pages (a language with none in the menu): the Locale's row.
    found = annotations("pk")
    row = (
        Locale.objects.filter(language_code=language_code).annotate(**found).values(*found).first()
    )
    return _snippets(row)


def raw_links(stream):
    """The links of a StreamField of LinkBlocks as stored: {"page": id, "under": id,
    "external_url", "title"}."""
    return [dict(block["value"] or {}) for block in stream.raw_data]


class LinkedPages:
    """The pages the links of ``streams`` choose, and their live versions in
    ``language_code``, in one query."""

    def __init__(self, streams, language_code):
        ids = {
            link.get(name) for stream in streams for link in raw_links(stream) for name in LINKED
        }
        ids.discard(None)
        ids.discard("")
        self.chosen, self.localized = {}, {}
        if not ids:
            return
        keys = Page.objects.filter(pk__in=ids).values("translation_key")
        rows = Page.objects.filter(
            Q(pk__in=ids)
            | Q(live=True, locale__language_code=language_code, translation_key__in=keys)
        ).select_related("locale")
        for page in rows:
            if page.pk in ids:
                self.chosen[page.pk] = page
            if page.live and page.locale.language_code == language_code:
                self.localized[str(page.translation_key)] = page

    def page(self, page_id):
        """The chosen page (None when none is chosen or it is gone)."""
        return self.chosen.get(page_id) if page_id else None

    def version(self, page):
        """The live version of a chosen page in the language, or None."""
        return self.localized.get(str(page.translation_key))
