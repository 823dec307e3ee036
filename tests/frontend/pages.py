"""What the front-end tests share: the seeded site's public addresses in every language."""

from io import StringIO

from django.core.management import call_command

from wagtail.models import Page

MISSING_PAGES = ("/fr/page-inexistante/", "/en/no-such-page/", "/es/pagina-inexistente/")
SEARCH_URL = "/fr/recherche/?q=migration"


# Besides every live page: the stories of one theme (tests/news checks pages of stories),
# a goal's hub below the Agenda page in each language (tests/strategy checks them all),
# the English library filtered (its form with choices made, one result) and a filter
# that matches nothing.
EXTRA_PATHS = (
    "/fr/actualites/?theme=exemple",
    "/fr/programme-2030/odd/10/",
    "/en/2030-agenda/sdg/10/",
    "/es/agenda-2030/ods/10/",
    "/en/data-and-research/publications/?goal=10&type=rapport",
    "/fr/donnees-et-recherche/publications/?language=es",
)


def seed_site():
    """Loads the seed content with its examples (stories with images, so that the news
    pages and the home page's latest news are checked too) and returns the path of every
    live page, French first, then the extra list addresses."""
    call_command("load_seed_content", "--demo", stdout=StringIO())
    pages = Page.objects.live().filter(depth__gt=1).specific().order_by("locale__language_code")
    paths = sorted(
        (page.get_url(None) for page in pages),
        key=lambda path: ({"fr": 0, "en": 1, "es": 2}.get(path.split("/")[1], 3), path),
    )
    assert len(paths) >= 36, paths
    return paths + list(EXTRA_PATHS)


def form_page_path():
    """The engagement form, in French: the one public page with a form."""
    from partnerships.models import EngagementFormPage

    return EngagementFormPage.objects.live().get(locale__language_code="fr").get_url(None)
