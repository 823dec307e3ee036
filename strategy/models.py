"""The 2030 Agenda: the Agenda and institutional-strategy pages, and the Sustainable
Development Goals and their targets as translatable snippets that pages cite."""

import html

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, re_path
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.fields import RichTextField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from iom_site.core.addresses import page_path
from iom_site.core.blocks import RICH_TEXT_FEATURES
from iom_site.core.models import BasePage
from iom_site.core.models.pages import SingletonPerLocaleMixin, body_field, lead_field
from iom_site.core.subroutes import SubRoute
from strategy import selectors

hex_colour = RegexValidator(r"^#[0-9A-Fa-f]{6}$", _("Une couleur au format #RRGGBB."))
target_code = RegexValidator(
    r"^[1-9][0-9]?\.[0-9a-z]{1,3}$", _("Un code de cible comme « 10.7 » ou « 10.c ».")
)


def _relative_luminance(hex_value):
    """WCAG 2.x relative luminance of a #RRGGBB colour."""
    channels = [int(hex_value[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first, second):
    lighter, darker = sorted((_relative_luminance(first), _relative_luminance(second)))[::-1]
    return (lighter + 0.05) / (darker + 0.05)


class SustainableDevelopmentGoal(TranslatableMixin, index.Indexed, models.Model):
    """One of the 17 Sustainable Development Goals, in the UN's official colour."""

    number = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(17)],
        verbose_name=_("numéro"),
        help_text=_("Le numéro de l’objectif, de 1 à 17."),
    )
    title = models.CharField(
        max_length=255,
        verbose_name=_("intitulé"),
        help_text=_("L’intitulé court officiel, par exemple « Inégalités réduites »."),
    )
    colour = models.CharField(
        max_length=7,
        validators=[hex_colour],
        verbose_name=_("couleur"),
        help_text=_("La couleur officielle de l’objectif, au format #RRGGBB."),
    )

    panels = [FieldPanel("number"), FieldPanel("title"), FieldPanel("colour")]
    override_translatable_fields = [SynchronizedField("number"), SynchronizedField("colour")]
    search_fields = [index.SearchField("title"), index.FilterField("locale_id")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["number"]
        verbose_name = _("objectif de développement durable")
        verbose_name_plural = _("objectifs de développement durable")
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "number"], name="strategy_unique_goal_number_per_locale"
            )
        ]

    def __str__(self):
        return f"{self.number}. {self.title}"

    @property
    def text_colour(self):
        """Black or white, whichever contrasts more with the goal's colour: the UN's
        white lettering falls short of WCAG AA (4.5:1) on ten of the seventeen colours."""
        if contrast_ratio(self.colour, "#000000") >= contrast_ratio(self.colour, "#FFFFFF"):
            return "#000000"
        return "#FFFFFF"


class SDGTargetManager(models.Manager):
    # A target is shown with its goal's number and colour, in its language, wherever it
    # appears (the sdg_targets block loads its targets through this manager): joins,
    # not a query per target.
    def get_queryset(self):
        return super().get_queryset().select_related("goal", "locale")


class SDGTarget(TranslatableMixin, index.Indexed, models.Model):
    """A target of a goal (for example 10.7) that the site's pages can say they serve."""

    goal = models.ForeignKey(
        SustainableDevelopmentGoal,
        on_delete=models.CASCADE,
        related_name="targets",
        verbose_name=_("objectif"),
        help_text=_("L’objectif dont relève la cible."),
    )
    code = models.CharField(
        max_length=8,
        validators=[target_code],
        verbose_name=_("code"),
        help_text=_("Le code officiel de la cible, par exemple « 10.7 » ou « 10.c »."),
    )
    description = models.TextField(
        verbose_name=_("description"), help_text=_("Le texte officiel de la cible.")
    )

    objects = SDGTargetManager()

    panels = [FieldPanel("goal"), FieldPanel("code"), FieldPanel("description")]
    override_translatable_fields = [SynchronizedField("code")]
    search_fields = [
        index.SearchField("code"),
        index.SearchField("description"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["goal__number", "code"]
        verbose_name = _("cible d’ODD")
        verbose_name_plural = _("cibles d’ODD")
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "code"], name="strategy_unique_target_code_per_locale"
            )
        ]

    def __str__(self):
        return f"{self.code} {Truncator(self.description).chars(60)}"

    @property
    def localized_draft(self):
        # Templates ask each target for its localized version, and Wagtail answers with
        # a Locale query every time. The joined locale settles the usual case (target
        # and page in the same language) without one.
        if self.locale.language_code == get_supported_content_language_variant(get_language()):
            return self
        return super().localized_draft

    def clean(self):
        super().clean()
        if self.goal_id and self.code and not self.code.startswith(f"{self.goal.number}."):
            raise ValidationError(
                {
                    "code": _(
                        "Le code d’une cible de l’objectif %(number)s commence par « %(number)s. »."
                    )
                    % {"number": self.goal.number}
                }
            )


class IntroSummaryMixin:
    """Cards and meta descriptions fall back to the page's introduction."""

    @property
    def summary(self):
        return super().summary or Truncator(html.unescape(strip_tags(self.intro))).words(40)


#: The path segment of the goals' hubs below the Agenda page, in each language
#: (/fr/programme-2030/odd/10/, /en/2030-agenda/sdg/10/, /es/agenda-2030/ods/10/).
HUB_SEGMENTS = {"fr": "odd", "en": "sdg", "es": "ods"}


#: The goals' abbreviation in each language, as the UN writes it (« ODD 5 », "SDG 5",
#: « ODS 5 »): visitors search for a goal by it. Not prose to translate, hence no catalogue.
GOAL_ABBREVIATIONS = {"fr": "ODD", "en": "SDG", "es": "ODS"}


def hub_path(agenda_path, language_code, number):
    """The address of goal ``number``'s hub below the Agenda page at ``agenda_path``."""
    return f"{agenda_path}{HUB_SEGMENTS[language_code]}/{number}/"


class AgendaPage(RoutablePageMixin, SingletonPerLocaleMixin, IntroSummaryMixin, BasePage):
    """The « 2030 AGENDA » page: how migration serves sustainable development. Below its
    text it leads to the institutional strategy and lists the goals and targets of the
    2030 Agenda with the pages of the site that serve each target. Below it, each goal
    has a hub of its own (odd/<number>/): what the site publishes on its targets."""

    intro = lead_field(_("Le premier paragraphe, mis en avant sous le titre."))
    body = body_field()

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["core.HomePage"]
    subpage_types = ["strategy.StrategyPage"]

    class Meta:
        verbose_name = _("page Programme 2030")

    def hub_url(self, number):
        url = page_path(self)
        # The language is the address's prefix: no Locale to read.
        return hub_path(url, url.split("/")[1], number)

    def display_data(self):
        goals = selectors.sdg_index(
            SDGTarget.objects.filter(locale_id=self.locale_id), self.locale_id
        )
        for entry in goals:
            entry.url = self.hub_url(entry.goal.number)
        return {
            "strategy_page": selectors.first_live_public(StrategyPage.objects.child_of(self)),
            "sdg_goals": goals,
        }

    @re_path(r"^(?P<segment>[a-z]+)/(?P<number>[0-9]{1,2})/$", name="sdg_hub")
    def sdg_hub(self, request, segment, number):
        """One goal's hub: its targets, each with the pages, stories and publications of
        the site that tag it. 404 for a goal that does not exist in the page's language
        or another language's segment (/fr/programme-2030/sdg/10/)."""
        if segment != HUB_SEGMENTS.get(page_path(self).split("/")[1]):
            raise Http404
        number = int(number)
        hub = selectors.goal_hub(
            SustainableDevelopmentGoal.objects.filter(locale_id=self.locale_id, number=number),
            SDGTarget.objects.filter(locale_id=self.locale_id),
            self.locale_id,
        )
        if hub is None:
            raise Http404
        subroute = self.hub_subroute(hub.goal, versions=self.hub_versions(number))
        targets = [
            {
                "target": item.target,
                "items": [
                    {
                        "title": tagged.title,
                        "url": page_path(tagged),
                        "kind": tagged.specific_class._meta.verbose_name,
                    }
                    for tagged in item.pages
                ],
            }
            for item in hub.targets
        ]
        context = {
            "page": self,
            "self": self,
            "request": request,
            "subroute": subroute,
            "goal": hub.goal,
            "targets": targets,
        }
        return TemplateResponse(request, "strategy/sdg_hub.html", context)

    def hub_subroute(self, goal, versions=None):
        """The SubRoute of ``goal``'s hub (in the active language, the page's): its title,
        address and description, and the words a visitor may search it by besides its
        title, the goal's abbreviation and number (« ODD 5 », "SDG 5", « ODS 5 »)."""
        number = goal.number
        agenda_path = page_path(self)
        code = agenda_path.split("/")[1]
        return SubRoute(
            title=gettext("Objectif %(number)s : %(title)s")
            % {"number": number, "title": goal.title},
            url=hub_path(agenda_path, code, number),
            versions=versions or {},
            description=gettext(
                "Les pages, actualités et publications du site qui servent les cibles de "
                "l’objectif %(number)s du Programme 2030, %(title)s, cible par cible."
            )
            % {"number": number, "title": goal.title},
            keywords=f"{GOAL_ABBREVIATIONS.get(code, '')} {number}".strip(),
        )

    @classmethod
    def search_subroutes(cls, pages):
        """[(page, SubRoute)] of the goals' hubs below the live, public Agenda pages
        ``pages`` (one language), for the site search (core's search room): one query
        whatever the number of goals."""
        goals = SustainableDevelopmentGoal.objects.filter(
            locale_id__in={page.locale_id for page in pages}
        ).order_by("number")
        by_locale = {}
        for goal in goals:
            by_locale.setdefault(goal.locale_id, []).append(goal)
        return [
            (page, page.hub_subroute(goal))
            for page in pages
            for goal in by_locale.get(page.locale_id, [])
        ]

    def hub_versions(self, number):
        """{language code: (address, available)} of goal ``number``'s hub: in each
        language where the Agenda page is live and the goal exists; elsewhere, the
        Agenda page of that language, else its home page, marked unavailable."""
        agendas = selectors.live_translations(
            AgendaPage.objects.filter(translation_key=self.translation_key)
        )
        languages = selectors.goal_languages(
            SustainableDevelopmentGoal.objects.filter(number=number)
        )
        versions = {}
        for code in HUB_SEGMENTS:
            agenda = agendas.get(code)
            if agenda is not None and code in languages:
                versions[code] = (hub_path(page_path(agenda), code, number), True)
            else:
                versions[code] = (page_path(agenda) if agenda else f"/{code}/", False)
        return versions

    @classmethod
    def sitemap_subroutes(cls, pages):
        """The goals' hubs below the live Agenda pages ``pages`` (every language), each
        with its versions in the other languages (for sitemap.xml)."""
        numbers = selectors.hub_numbers(SustainableDevelopmentGoal.objects.all())
        families = {}
        for page in pages:
            families.setdefault(page.translation_key, []).append(page)
        entries = []
        for page in pages:
            code = page.locale.language_code
            if code not in HUB_SEGMENTS:
                continue
            for number in numbers.get(code, []):
                alternates = [
                    (
                        other.locale.language_code,
                        hub_path(page_path(other), other.locale.language_code, number),
                    )
                    for other in families[page.translation_key]
                    if other.locale.language_code in HUB_SEGMENTS
                    and number in numbers.get(other.locale.language_code, [])
                ]
                entries.append(
                    {
                        "loc": hub_path(page_path(page), code, number),
                        "lastmod": page.last_published_at,
                        "alternates": alternates,
                    }
                )
        return entries


class StrategySection(TranslatableMixin, Orderable):
    """One approach of the strategy: a heading the reader unfolds to read its text."""

    page = ParentalKey("strategy.StrategyPage", on_delete=models.CASCADE, related_name="sections")
    anchor = models.SlugField(
        max_length=80,
        verbose_name=_("ancre"),
        help_text=_(
            "Identifiant stable de la section dans l’adresse (#ancre), le même dans toutes les langues : il n’est pas traduit. Lettres minuscules, chiffres et tirets."
        ),
    )
    heading = models.CharField(
        max_length=255,
        verbose_name=_("titre"),
        help_text=_("Le titre toujours visible de la section, sans deux-points final."),
    )
    body = RichTextField(
        features=RICH_TEXT_FEATURES,
        verbose_name=_("texte"),
        help_text=_("Le texte affiché quand le lecteur déplie la section."),
    )

    panels = [FieldPanel("heading"), FieldPanel("anchor"), FieldPanel("body")]
    # Links to #anchor must work in every language: translators neither see nor
    # override it.
    override_translatable_fields = [SynchronizedField("anchor", overridable=False)]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("section")
        verbose_name_plural = _("sections")


class StrategyPageForm(WagtailAdminPageForm):
    """The strategy page's edit form: it refuses two sections with the same anchor."""

    def clean(self):
        cleaned_data = super().clean()
        # The sections arrive in an inline formset, which the page's own clean() never
        # sees: the check that anchors are unique has to live here.
        seen = set()
        for form in self.formsets["sections"].forms:
            if not form.is_valid() or form.cleaned_data.get("DELETE"):
                continue
            anchor = form.cleaned_data.get("anchor")
            if anchor in seen:
                form.add_error(
                    "anchor", _("Chaque section doit avoir une ancre unique sur la page.")
                )
            seen.add(anchor)
        return cleaned_data


class StrategyPage(SingletonPerLocaleMixin, IntroSummaryMixin, BasePage):
    """The institutional strategy on migration and sustainable development: an
    introduction, its approaches as sections the reader unfolds (with a table of
    contents), then further blocks such as the unit's contact details."""

    intro = lead_field(_("Les paragraphes qui présentent la stratégie, sous le titre."))
    sections_heading = models.CharField(
        max_length=255,
        blank=True,
        verbose_name=_("titre des sections"),
        help_text=_(
            "Le titre au-dessus des sections, par exemple « Une approche globale de la migration et du développement »."
        ),
    )
    body = body_field()

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        FieldPanel("sections_heading"),
        InlinePanel("sections", heading=_("Sections dépliables"), label=_("section")),
        FieldPanel("body"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("sections_heading"),
        index.RelatedFields("sections", [index.SearchField("heading"), index.SearchField("body")]),
        index.SearchField("body"),
    ]

    parent_page_types = ["strategy.AgendaPage"]
    subpage_types = []
    base_form_class = StrategyPageForm
    display_prefetch = ("sections",)

    class Meta:
        verbose_name = _("page de stratégie")
