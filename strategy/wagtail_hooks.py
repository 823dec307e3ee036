from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from strategy.models import SDGTarget, SustainableDevelopmentGoal


class SustainableDevelopmentGoalViewSet(SnippetViewSet):
    model = SustainableDevelopmentGoal
    icon = "tag"
    menu_label = _("Objectifs (ODD)")
    list_display = ["number", "title", "locale"]
    search_fields = ["title"]


class SDGTargetViewSet(SnippetViewSet):
    model = SDGTarget
    icon = "tag"
    menu_label = _("Cibles des ODD")
    list_display = ["code", "goal", "locale"]
    search_fields = ["code", "description"]


register_snippet(SustainableDevelopmentGoalViewSet)
register_snippet(SDGTargetViewSet)
