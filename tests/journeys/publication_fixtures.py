"""The world of the publication journey: the site skeleton with its roles and Review
workflow, « Données et recherche » and its publications library in French and English,
the goal 10 and its target 10.7 in both languages, a moderator and an English translator
who sign in through the admin's login form, and the two PDF files to upload."""

from django.apps import apps

import pytest

from iom_site.core.editorial.roles import MODERATORS, TRANSLATORS, apply_roles
from iom_site.core.seed.site_setup import ensure_site
from tests.core.factories import StandardPageFactory
from tests.editorial.conftest import make_user
from tests.news.conftest import publish, translate
from tests.publications.factories import PublicationIndexPageFactory, pdf_bytes
from tests.strategy.factories import SDGTargetFactory, SustainableDevelopmentGoalFactory


@pytest.fixture
def publication_world(transactional_db, settings, tmp_path):
    # Whether a publish reaches cached copies is the delivery tests' question.
    settings.PAGE_CACHE_ENABLED = False
    homes = ensure_site()
    apply_roles(apps)  # the database was flushed since the migrations made them
    data = publish(
        StandardPageFactory(
            parent=homes["fr"], title="Données et recherche", slug="donnees-et-recherche"
        )
    )
    translate(data, "en", title="Data and research", slug="data-and-research")
    library = publish(PublicationIndexPageFactory(parent=data))
    en_library = translate(library, "en", title="Publications", slug="publications")
    goal = SustainableDevelopmentGoalFactory(number=10, title="Inégalités réduites")
    target = SDGTargetFactory(
        goal=goal, code="10.7", description="Faciliter la migration ordonnée et sûre"
    )
    en_locale = en_library.locale
    en_goal = goal.copy_for_translation(en_locale)
    en_goal.title = "Reduced inequalities"
    en_goal.save()
    en_target = target.copy_for_translation(en_locale)
    en_target.goal = en_goal
    en_target.description = "Facilitate orderly and safe migration"
    en_target.save()
    files = {}
    for language, text in (("fr", "Rapport en francais"), ("en", "Report in English")):
        path = tmp_path / f"rapport-{language}.pdf"
        path.write_bytes(pdf_bytes(text))
        files[language] = path
    return {
        "library": library,
        "en_library": en_library,
        "files": files,
        "moderator": make_user("moderatrice", MODERATORS),
        "translator": make_user("translator", TRANSLATORS),
    }
