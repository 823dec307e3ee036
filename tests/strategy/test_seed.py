"""The strategy seed: the SDGs and the two pages, verbatim from the French source text,
their English and Spanish versions from the seed catalogues, and a second run that
changes nothing. The strategy step runs on its own, after the site skeleton core's step
creates: the whole command is core's to test (tests/seed/test_seed_site.py)."""

import html
import re
from pathlib import Path

from wagtail.models import Revision

import pytest

from iom_site.core.seed import translation as seed_translation
from iom_site.core.seed.loading import seed_run
from iom_site.core.seed.site_setup import ensure_site
from strategy import seed as strategy_seed
from strategy.models import AgendaPage, SDGTarget, StrategyPage, SustainableDevelopmentGoal

pytestmark = pytest.mark.django_db

SEED_FILE = Path(__file__).parents[1] / "data" / "programme-2030.fr.txt"
MIGRATION_TARGETS = ["3.c", "4.b", "5.2", "8.7", "8.8", "10.7", "10.c", "16.2", "17.18"]


def seed(owned=None):
    """The strategy step as the seed command runs it; returns its log. What it owns is
    added to ``owned``."""
    lines = []
    ensure_site()
    with seed_run() as objects:
        strategy_seed.load(lines.append)
    if owned is not None:
        owned += objects
    return "\n".join(lines) + "\n"


def translate_strategy_objects(owned):
    """Core's translation step, for this app's objects only; returns how many changed."""
    catalogues = {code: seed_translation.load_catalogues(code) for code in ("en", "es")}
    changed = 0
    for instance in seed_translation.french_objects(owned):
        for code, by_app in catalogues.items():
            catalogue = seed_translation.catalogue_for(by_app, instance._meta.app_label)
            changed += seed_translation.translate(instance, code, catalogue)
    return changed


def visible_text(markup):
    markup = re.sub(r"<(script|style)\b.*?</\1>", " ", markup, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


def strategy_part_of_the_seed():
    """The « 2030 AGENDA » body and the strategy, as lines of text: the "-" markers
    go, and section headings lose their trailing " :" as the design asks."""
    lines = SEED_FILE.read_text(encoding="utf-8").splitlines()
    lines = lines[lines.index("- 2030 AGENDA") + 1 :]
    text = [line.removeprefix("- ").removesuffix(" :") for line in lines if line != "-"]
    return [line for line in text if line]


def test_seed_loads_the_goals_and_the_targets_migration_touches():
    seed()
    goals = dict(SustainableDevelopmentGoal.objects.values_list("number", "colour"))
    assert len(goals) == 17
    assert goals[10] == "#DD1367" and goals[17] == "#19486A"
    assert SustainableDevelopmentGoal.objects.get(number=10).title == "Inégalités réduites"
    target = SDGTarget.objects.get(code="10.7")
    assert target.goal.number == 10
    assert target.description.startswith("Faciliter la migration et la mobilité")
    assert sorted(SDGTarget.objects.values_list("code", flat=True)) == sorted(MIGRATION_TARGETS)


def test_seeded_pages_hold_every_line_of_the_source_verbatim(client):
    seed()
    agenda = AgendaPage.objects.get(slug="programme-2030")
    strategy = StrategyPage.objects.get(slug="strategie-migration-developpement-durable")
    assert agenda.url == "/fr/programme-2030/"
    assert strategy.url == "/fr/programme-2030/strategie-migration-developpement-durable/"
    assert agenda.show_in_menus

    agenda_html = client.get(agenda.url).content.decode()
    strategy_html = client.get(strategy.url).content.decode()
    site_text = visible_text(agenda_html) + " " + visible_text(strategy_html)

    missing = [line for line in strategy_part_of_the_seed() if line not in site_text]
    assert missing == []
    assert "<cite>Pacte mondial pour des migrations sûres, ordonnées et régulières</cite>" in (
        agenda_html
    )
    assert re.findall(r'<details class="expandable" id="([^"]+)">', strategy_html) == [
        "approche-pangouvernementale",
        "approche-ensemble-de-la-societe",
        "migrants-acteurs-du-developpement",
    ]
    assert '<a href="mailto:migration4development@iom.int" itemprop="email">' in strategy_html


def test_seeded_agenda_page_tags_the_migration_targets_and_lists_itself(client):
    seed()
    agenda = AgendaPage.objects.get(slug="programme-2030")
    (targets_block,) = [block for block in agenda.body if block.block_type == "sdg_targets"]
    assert [target.code for target in targets_block.value["targets"]] == MIGRATION_TARGETS

    page = client.get(agenda.url).content.decode()
    start = page.index('<section class="sdg-index"')
    index = page[start : page.index("</section>", start)]
    assert index.count('<a href="/fr/programme-2030/">2030 AGENDA</a>') == len(MIGRATION_TARGETS)


def test_running_the_seed_again_changes_nothing():
    seed()
    revisions = Revision.objects.count()
    snippets = (
        list(SustainableDevelopmentGoal.objects.values()),
        list(SDGTarget.objects.values()),
    )

    out = seed()

    assert Revision.objects.count() == revisions
    assert (
        list(SustainableDevelopmentGoal.objects.values()),
        list(SDGTarget.objects.values()),
    ) == snippets
    assert "SDGs: 17 goals, 9 targets (26 unchanged)" in out
    assert "unchanged /accueil/programme-2030/\n" in out
    assert "unchanged /accueil/programme-2030/strategie-migration-developpement-durable/" in out


def test_seed_catalogues_translate_every_string_into_english_and_spanish(
    client, django_capture_on_commit_callbacks
):
    owned = []
    seed(owned)
    # wagtail-localize publishes a translation once the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        assert translate_strategy_objects(owned) > 0  # raises MissingSeedTranslations on a gap

    english = client.get("/en/2030-agenda/migration-sustainable-development-strategy/")
    spanish = client.get("/es/agenda-2030/")
    assert english.status_code == spanish.status_code == 200
    english_html = english.content.decode()
    assert "IOM Institutional Strategy on Migration and Sustainable Development" in english_html
    assert re.findall(r'<details class="expandable" id="([^"]+)">', english_html) == [
        "approche-pangouvernementale",
        "approche-ensemble-de-la-societe",
        "migrants-acteurs-du-developpement",
    ]
    spanish_html = spanish.content.decode()
    assert "Reducción de las desigualdades" in spanish_html
    assert '<a href="/es/agenda-2030/">AGENDA 2030</a>' in spanish_html

    revisions = Revision.objects.count()
    owned = []
    seed(owned)
    with django_capture_on_commit_callbacks(execute=True):
        assert translate_strategy_objects(owned) == 0
    assert Revision.objects.count() == revisions
