"""The SDG snippets: official colours readable, codes that match their goal, one goal
number and one target code per language, and their admin listings."""

import json
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.urls import reverse

import pytest

from strategy.models import SustainableDevelopmentGoal, contrast_ratio

from .factories import SDGTargetFactory, SustainableDevelopmentGoalFactory

pytestmark = pytest.mark.django_db

SDG_DATA = json.loads(
    (Path(__file__).parents[2] / "strategy" / "seed" / "sdgs.fr.json").read_text(encoding="utf-8")
)


@pytest.mark.parametrize("goal", SDG_DATA["goals"], ids=lambda goal: str(goal["number"]))
def test_text_on_every_official_colour_passes_wcag_aa(goal):
    sdg = SustainableDevelopmentGoal(number=goal["number"], colour=goal["colour"])
    assert contrast_ratio(sdg.colour, sdg.text_colour) >= 4.5


def test_text_colour_is_black_on_light_goals_and_white_on_dark_ones():
    assert SustainableDevelopmentGoal(colour="#FCC30B").text_colour == "#000000"
    assert SustainableDevelopmentGoal(colour="#19486A").text_colour == "#FFFFFF"


def test_a_target_code_must_belong_to_its_goal():
    goal = SustainableDevelopmentGoalFactory(number=10)
    with pytest.raises(ValidationError, match="commence par « 10. »"):
        SDGTargetFactory.build(goal=goal, code="8.7").full_clean()
    with pytest.raises(ValidationError, match="10.7"):
        SDGTargetFactory.build(goal=goal, code="10-7").full_clean()
    SDGTargetFactory.build(goal=goal, code="10.c").full_clean()


def test_a_goal_number_is_unique_within_a_language(homes):
    SustainableDevelopmentGoalFactory(number=10)
    SustainableDevelopmentGoalFactory(number=10, locale=homes["en"].locale)
    with pytest.raises(IntegrityError):
        SustainableDevelopmentGoal.objects.create(
            number=10, title="Doublon", colour="#DD1367", locale=homes["fr"].locale
        )


def test_snippet_listings_show_goals_and_targets(admin_client):
    target = SDGTargetFactory(goal=SustainableDevelopmentGoalFactory(number=10), code="10.7")
    goals = admin_client.get(reverse("wagtailsnippets_strategy_sustainabledevelopmentgoal:list"))
    targets = admin_client.get(reverse("wagtailsnippets_strategy_sdgtarget:list"))
    assert goals.status_code == targets.status_code == 200
    assert target.goal.title in goals.content.decode()
    assert "10.7" in targets.content.decode()
