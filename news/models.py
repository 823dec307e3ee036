"""News and stories: one news page per language (« Actualités ») lists the stories
published under it, newest first, and offers them as an Atom feed."""

import datetime

from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from iom_site.core import jsonld
from iom_site.core.addresses import page_path, public_url
from iom_site.core.feeds import FeedMixin
from iom_site.core.images import attach_card_images
from iom_site.core.listings import listed_children, localized_many, paginate
from iom_site.core.models import BasePage, HeroImageMixin, TagRow, Theme, tag_field
from iom_site.core.models.pages import SingletonPerLocaleMixin, body_field, lead_field

RELATED_COUNT = 3


class NewsIndexPage(FeedMixin, SingletonPerLocaleMixin, BasePage):
    """« Actualités » : the stories of one language, newest first, a page at a time,
    with an Atom feed at ``feed/``. One per language, below the home page."""

    lead = lead_field(_("Une ou deux phrases qui présentent les actualités, affichées en tête."))

    content_panels = [*BasePage.content_panels, FieldPanel("lead")]
    search_fields = [*BasePage.search_fields, index.SearchField("lead")]

    parent_page_types = ["core.HomePage"]
    subpage_types = ["news.StoryPage"]
    per_page = 12

    class Meta:
        verbose_name = _("page des actualités")
        verbose_name_plural = _("pages des actualités")

    def stories(self):
        return listed_children(self, StoryPage)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        stories = self.stories()
        theme = None
        slug = request.GET.get("theme")
        if slug:
            theme = Theme.objects.filter(slug=slug, locale_id=self.locale_id).first()
            if theme is None:
                raise Http404("no such theme in this language")
            stories = stories.filter(themes__theme=theme)
        page_obj = paginate(stories, request.GET.get("page"), self.per_page)
        page_obj.object_list = attach_card_images(list(page_obj.object_list))
        context.update(stories=page_obj, paginator=page_obj.paginator, theme=theme)
        return context

    def feed_items(self):
        return list(self.stories().prefetch_related("themes__theme")[: self.feed_length])

    def feed_categories(self, item):
        return [row.theme.name for row in item.themes.all()]


def related_pages_field():
    return StreamField(
        [
            (
                "page",
                blocks.PageChooserBlock(
                    label=_("page"),
                    help_text=_("Une page du site (montrée dans la langue du lecteur)."),
                ),
            )
        ],
        blank=True,
        max_num=RELATED_COUNT,
        verbose_name=_("à lire aussi"),
        help_text=_(
            "Jusqu’à trois pages à proposer après l’article. Sans choix, les derniers "
            "articles des mêmes thèmes sont proposés."
        ),
    )


class StoryPage(HeroImageMixin, BasePage):
    """A story or news item: its date, a hero image with its caption and credit, a lead,
    the text, the themes and Sustainable Development Goal targets it is filed under, and
    what to read next."""

    date = models.DateField(
        default=datetime.date.today,
        verbose_name=_("date"),
        help_text=_(
            "La date de l’article, montrée aux lecteurs ; les listes sont triées par elle."
        ),
    )
    lead = lead_field(_("Le chapeau : l’essentiel de l’article en une ou deux phrases."))
    body = body_field()
    related_pages = related_pages_field()

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("date"),
        FieldPanel("lead"),
        *HeroImageMixin.hero_image_panels,
        FieldPanel("body"),
        InlinePanel("themes", label=_("Thèmes"), heading=_("Thèmes")),
        InlinePanel("sdg_targets", label=_("Cibles des ODD"), heading=_("Cibles des ODD")),
        FieldPanel("related_pages"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("lead"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []
    listing_date_field = "date"

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    @property
    def index_url(self):
        """The address of the news page above (its path, without a query)."""
        return page_path(self).rstrip("/").rsplit("/", 1)[0] + "/"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            story_themes=[row.theme for row in self.themes.select_related("theme")],
            story_targets=[row.target for row in self.sdg_targets.select_related("target__goal")],
        )
        context["related"] = self.related_content(context["story_themes"])
        return context

    def related_content(self, themes):
        """The pages chosen to read next, in this story's language; without a choice,
        the latest other stories of the same themes."""
        chosen = [block.value for block in self.related_pages if block.value is not None]
        if chosen:
            versions = localized_many(chosen, self.locale_id)
            ids = [versions[p.translation_key].pk for p in chosen if p.translation_key in versions]
            pages = Page.objects.filter(pk__in=ids).specific().in_bulk()
            related = [pages[pk] for pk in ids if pk in pages]
        elif themes:
            related = list(
                StoryPage.objects.live()
                .sibling_of(self, inclusive=False)
                .filter(themes__theme__in=themes)
                .distinct()
                .order_by("-date", "-pk")[:RELATED_COUNT]
            )
        else:
            related = []
        return attach_card_images(related)

    def structured_data(self):
        """schema.org NewsArticle, for search engines' news results."""
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": self.title,
            "description": self.summary,
            "datePublished": self.date.isoformat(),
            "inLanguage": self.locale.language_code,
            "url": public_url(self),
            "mainEntityOfPage": {"@type": "WebPage", "@id": public_url(self)},
            "author": jsonld.author(),
            "publisher": jsonld.publisher(),
        }
        if self.last_published_at:
            data["dateModified"] = self.last_published_at.isoformat()
        if self.hero_image_id:
            rendition = self.hero_image.get_rendition("fill-1200x675-c50")
            data["image"] = jsonld.image_object(rendition, self.hero_image_alt)
            if self.hero_image_credit:
                data["image"]["creditText"] = self.hero_image_credit
        return [data]


class StoryTheme(TagRow):
    """A theme a story is filed under; translated with the story (the theme in the
    story's language)."""

    page = ParentalKey(StoryPage, on_delete=models.CASCADE, related_name="themes")
    theme = tag_field(
        Theme, _("thème"), _("Un thème de l’article ; les lecteurs y trouvent les autres articles.")
    )

    panels = [FieldPanel("theme")]

    class Meta(TagRow.Meta):
        verbose_name = _("thème de l’article")
        verbose_name_plural = _("thèmes de l’article")


class StorySDGTarget(TagRow):
    """A Sustainable Development Goal target a story serves: the goal's pages and the
    2030 Agenda page find the story through it (Wagtail's reference index)."""

    page = ParentalKey(StoryPage, on_delete=models.CASCADE, related_name="sdg_targets")
    target = tag_field(
        "strategy.SDGTarget",
        _("cible"),
        _("Une cible des objectifs de développement durable que sert l’article."),
    )

    panels = [FieldPanel("target")]

    class Meta(TagRow.Meta):
        verbose_name = _("cible d’ODD de l’article")
        verbose_name_plural = _("cibles d’ODD de l’article")
