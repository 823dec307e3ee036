"""The reads behind the Agenda page: the strategy card and the index of targets."""

from wagtail.models import PageViewRestriction

import pytest

from strategy import selectors
from strategy.models import SDGTarget, StrategyPage

from .factories import (
    AgendaPageFactory,
    SDGTargetFactory,
    StrategyPageFactory,
    SustainableDevelopmentGoalFactory,
)

pytestmark = pytest.mark.django_db


def test_targets_come_in_official_order():
    goal10 = SustainableDevelopmentGoalFactory(number=10)
    goal17 = SustainableDevelopmentGoalFactory(number=17)
    for goal, code in [(goal17, "17.18"), (goal10, "10.c"), (goal17, "17.2"), (goal10, "10.10")]:
        SDGTargetFactory(goal=goal, code=code)
    SDGTargetFactory(goal=goal10, code="10.7")
    SDGTargetFactory(goal=goal10, code="10.a")

    index = selectors.sdg_index(
        SDGTarget.objects.filter(locale_id=goal10.locale_id), goal10.locale_id
    )

    assert [entry.goal.number for entry in index] == [10, 17]
    assert [[item.target.code for item in entry.targets] for entry in index] == [
        ["10.7", "10.10", "10.a", "10.c"],
        ["17.2", "17.18"],
    ]


def test_a_language_without_targets_has_an_empty_index(homes):
    SDGTargetFactory()
    spanish = homes["es"].locale_id
    assert selectors.sdg_index(SDGTarget.objects.filter(locale_id=spanish), spanish) == []


def test_strategy_card_only_for_a_live_public_strategy_page(homes):
    agenda = AgendaPageFactory(parent=homes["fr"], body=[])

    def strategy_page_under(agenda):
        return selectors.first_live_public(StrategyPage.objects.child_of(agenda))

    assert strategy_page_under(agenda) is None
    strategy = StrategyPageFactory(parent=agenda)
    assert strategy_page_under(agenda) == strategy
    PageViewRestriction.objects.create(page=agenda, restriction_type=PageViewRestriction.LOGIN)
    assert strategy_page_under(agenda) is None
