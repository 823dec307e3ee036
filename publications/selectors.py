"""Reads of the publications library that go beyond one page: which languages have a
file of their own, the filtered listing and the choices of its filters. Each costs a
fixed number of queries, whatever the number of publications.

The page models call these with querysets of their own models: this module imports
none of them, so no import cycle runs through publications.models.

« A file of its own »: a publication's document is synchronised from the French source
to its translations (wagtail-localize copies it) until a translator overrides it with
the file of their language. So a language has its own file when its version carries a
document and, for a translation, a document other than the source's."""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import CharField, Exists, F, OuterRef, Q, Subquery, Value
from django.db.models.functions import Cast, Coalesce, ExtractYear

SOURCE_LANGUAGE = settings.LANGUAGE_CODE
# Each language's own name (LANGUAGES): WAGTAIL_CONTENT_LANGUAGES names them in the admin's
# language, for editors.
LANGUAGE_NAMES = dict(settings.LANGUAGES)


@dataclass(frozen=True)
class LanguageFile:
    """The file of one language of a publication, and the page of that language."""

    language: str
    document: object  # a wagtaildocs Document
    page_id: int

    @property
    def language_name(self):
        """The language's own name (« Français », « English »), as it calls itself."""
        return LANGUAGE_NAMES.get(self.language, self.language)


def own_files(versions):
    """{language code: LanguageFile} of the languages that have a file of their own,
    in the site's language order, from ``versions``: the live versions of one
    publication, with their documents and locales selected."""
    by_language = {page.locale.language_code: page for page in versions}
    source = by_language.get(SOURCE_LANGUAGE)
    source_document = source.document_id if source is not None else None
    files = {}
    for code in LANGUAGE_NAMES:
        page = by_language.get(code)
        if page is None or not page.document_id:
            continue
        if code != SOURCE_LANGUAGE and page.document_id == source_document:
            continue  # the French file, synchronised: not a file of this language
        files[code] = LanguageFile(code, page.document, page.pk)
    return files


def files_by_publication(queryset, translation_keys):
    """{translation key: {language: LanguageFile}} for many publications, one query:
    ``queryset`` is every publication page (the model's manager)."""
    versions = {}
    rows = (
        queryset.live()
        .filter(translation_key__in=set(translation_keys))
        .select_related("document", "locale")
        .only("pk", "translation_key", "document", "locale__language_code")
    )
    for page in rows:
        versions.setdefault(page.translation_key, []).append(page)
    return {key: own_files(pages) for key, pages in versions.items()}


def with_file_in(listing, all_publications, language):
    """The publications of ``listing`` that have a file of their own in ``language``:
    the French version carries one, or the version in that language carries another."""
    source_document = Subquery(
        all_publications.filter(
            live=True,
            translation_key=OuterRef("translation_key"),
            locale__language_code=SOURCE_LANGUAGE,
        ).values("document_id")[:1]
    )
    if language == SOURCE_LANGUAGE:
        return listing.annotate(source_document=source_document).filter(
            source_document__isnull=False
        )
    versions = all_publications.filter(
        live=True,
        translation_key=OuterRef("translation_key"),
        locale__language_code=language,
        document__isnull=False,
    ).filter(~Q(document_id=Coalesce(OuterRef("source_document"), Value(0))))
    return listing.annotate(source_document=source_document).filter(Exists(versions))


@dataclass(frozen=True)
class GoalChoice:
    number: int
    title: str


@dataclass(frozen=True)
class ThemeChoice:
    slug: str
    name: str


def filter_choices(listing, goals, themes):
    """The options of the library's filters, in one query (a union of three): the years
    of publication in ``listing``, newest first; the goals (a SustainableDevelopmentGoal
    queryset in its language) and the themes (a Theme queryset) that a publication of
    ``listing`` is filed under, by number and by name."""
    pages = listing.order_by()
    rows = (
        pages.annotate(
            kind=Value("year"),
            key=Cast(ExtractYear("publication_date"), CharField()),
            label=Value(""),
        )
        .values_list("kind", "key", "label")
        .union(
            goals.filter(Exists(pages.filter(sdg_targets__target__goal=OuterRef("pk"))))
            .order_by()
            .annotate(kind=Value("goal"), key=Cast("number", CharField()), label=F("title"))
            .values_list("kind", "key", "label"),
            themes.filter(Exists(pages.filter(themes__theme=OuterRef("pk"))))
            .order_by()
            .annotate(kind=Value("theme"), key=F("slug"), label=F("name"))
            .values_list("kind", "key", "label"),
        )
    )
    years, goal_choices, theme_choices = set(), [], []
    for kind, key, label in rows:
        if kind == "year":
            if key is not None:  # an undated publication has no year to offer
                years.add(int(key))
        elif kind == "goal":
            goal_choices.append(GoalChoice(int(key), label))
        else:
            theme_choices.append(ThemeChoice(key, label))
    return {
        "year_choices": sorted(years, reverse=True),
        "goal_choices": sorted(goal_choices, key=lambda goal: goal.number),
        "theme_choices": sorted(theme_choices, key=lambda theme: theme.name.casefold()),
    }
