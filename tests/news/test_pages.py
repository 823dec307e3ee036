"""The news page lists its language's stories newest first, a page at a time with plain
links, in a fixed number of queries however many stories there are; a story shows its
date, hero image with caption and credit, lead, text, themes, SDG targets and what to
read next."""

import datetime
import html
import json
import re

from django.test import Client

from wagtail.models import Page

import pytest

from news.models import NewsIndexPage, StoryPage
from tests.core.factories import SectionPageFactory
from tests.frontend.test_html import problems_in
from tests.news.conftest import publish
from tests.news.factories import StorySDGTargetFactory, StoryThemeFactory, make_image
from tests.strategy.factories import SDGTargetFactory

pytestmark = pytest.mark.django_db

# The count, the page of stories, their renditions: the page itself, its family and its
# language's feeds come with routing, as for every page.
INDEX_QUERY_BUDGET = 3


def card_titles(response):
    return re.findall(r'<h3 class="card__title"><a href="[^"]+">([^<]+)</a>', response.text)


def test_the_news_page_lists_live_stories_newest_first(client, news, make_story):
    make_story(title="Plus ancien", date=datetime.date(2024, 5, 1))
    make_story(title="Plus récent", date=datetime.date(2025, 6, 1))
    draft = make_story(title="Brouillon retiré", date=datetime.date(2025, 7, 1))
    draft.unpublish()
    make_story("en", title="English story")

    response = client.get("/fr/actualites/")

    assert response.status_code == 200
    assert card_titles(response) == ["Plus récent", "Plus ancien"]
    assert '<time datetime="2025-06-01">1 juin 2025</time>' in response.text
    assert "2 articles" in response.text


def test_the_news_page_says_so_when_nothing_is_published(client, news):
    response = client.get("/fr/actualites/")
    assert response.status_code == 200
    assert "Aucun article n’est encore publié ici." in response.text
    assert 'href="/fr/actualites/feed/"' in response.text


def test_pages_of_stories_are_plain_links_and_a_wrong_page_is_a_404(client, news, make_story):
    for day in range(1, 16):
        make_story(title=f"Article du {day}", date=datetime.date(2025, 1, day))

    first = client.get("/fr/actualites/")
    second = client.get("/fr/actualites/?page=2")

    assert card_titles(first)[0] == "Article du 15" and len(card_titles(first)) == 12
    assert card_titles(second) == ["Article du 3", "Article du 2", "Article du 1"]
    assert '<nav class="pagination" aria-label="Pages des actualités">' in first.text
    assert 'rel="next" href="?page=2"' in first.text
    assert '<span aria-current="page"><span class="visually-hidden">Page </span>2</span>' in (
        second.text
    )
    assert "– page 2" in second.text.split("</title>")[0]
    for wrong in ("3", "0", "abc", "2.0"):
        assert client.get(f"/fr/actualites/?page={wrong}").status_code == 404, wrong
    for response in (first, second):  # the pagination is valid HTML too
        assert problems_in(response.text) == []


def test_the_news_page_takes_the_same_queries_for_3_or_60_stories(news, make_story, settings):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.PAGE_CACHE_ENABLED = False  # renders, not cached copies, are counted
    # Twelve different images: card images read one by one would show as more queries.
    images = [make_image(f"Photo {n}", 360, 240) for n in range(12)]
    client = Client()

    def queries(path):
        client.get(path)  # renditions are made on the first view
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
        assert response.status_code == 200
        return len(captured), response

    def add(first, last):
        for n in range(first, last):
            make_story(title=f"Article {n}", hero_image=images[n % 12], hero_image_alt=f"Alt {n}")

    add(0, 3)
    few, response = queries("/fr/actualites/")
    assert len(card_titles(response)) == 3 and response.text.count("<picture>") == 3
    add(3, 60)
    many, response = queries("/fr/actualites/")
    assert len(card_titles(response)) == 12 and response.text.count("<picture>") == 12
    last, response = queries("/fr/actualites/?page=5")
    assert len(card_titles(response)) == 12

    assert few == many == last
    assert many <= INDEX_QUERY_BUDGET


def test_a_story_shows_its_date_image_caption_credit_themes_targets_and_related(
    client, news, make_story
):
    from iom_site.core.models import Theme

    image = make_image("Port", 1600, 900, focal=(1200, 450, 200, 200))
    theme = Theme.objects.create(name="Migration de travail", slug="migration-de-travail")
    target = SDGTargetFactory(code="10.7", description="Faciliter la migration ordonnée")
    older = make_story(title="Un article plus ancien", date=datetime.date(2024, 1, 1))
    StoryThemeFactory(page=older, theme=theme)
    story = make_story(
        title="Une histoire de retour",
        date=datetime.date(2025, 3, 10),
        hero_image=image,
        hero_image_alt="Un quai au lever du jour",
        hero_image_caption="Le port au matin.",
        hero_image_credit="© OIM 2025 / Nom",
    )
    StoryThemeFactory(page=story, theme=theme)
    StorySDGTargetFactory(page=story, target=target)
    publish(story)

    response = client.get(story.url)
    page = response.text

    assert response.status_code == 200
    assert "<h1>Une histoire de retour</h1>" in page
    assert '<time datetime="2025-03-10">10 mars 2025</time>' in page
    picture = re.search(r"<picture>.*?</picture>", page, re.S).group(0)
    # AVIF for the browsers that read it, WebP in the <img> for the others.
    assert 'type="image/avif"' in picture and ".format-webp.webp 1600w" in picture
    assert "fill-640x360-c50" in picture and "1600w" in picture
    assert 'sizes="(min-width: 72rem) 72rem, 100vw"' in picture
    assert 'alt="Un quai au lever du jour"' in picture
    # The ratio, before the CSS scales it.
    assert 'height="360"' in picture and 'width="640"' in picture
    assert 'fetchpriority="high"' in picture and 'loading="lazy"' not in picture
    assert "Le port au matin." in page and "Crédit : © OIM 2025 / Nom" in page
    assert 'href="/fr/actualites/?theme=migration-de-travail">Migration de travail</a>' in page
    assert "Cible 10.7" in page and "Faciliter la migration ordonnée" in page
    # Without a choice of pages to read next: the latest stories of the same themes.
    assert "À lire aussi" in page and "Un article plus ancien" in page
    assert '<a href="/fr/">Accueil</a>' in page and '<a href="/fr/actualites/">' in page


def test_the_pages_chosen_to_read_next_show_in_the_storys_language(client, homes, news, make_story):
    from tests.news.conftest import translate

    section = publish(SectionPageFactory(parent=homes["fr"], title="Notre travail"))
    en_section = translate(section, "en", title="Our work", slug="our-work")
    untranslated = publish(SectionPageFactory(parent=homes["fr"], title="Sans traduction"))
    story = make_story(title="Article", related_pages=[])
    story.related_pages = [
        {"type": "page", "value": section.pk},
        {"type": "page", "value": untranslated.pk},
    ]
    publish(story)
    en_story = translate(story, "en", title="Story", slug="story")

    french = client.get(story.url).text
    english = client.get(en_story.url).text

    assert "Notre travail" in french and "Sans traduction" in french
    assert f'href="{en_section.url}">Our work</a>' in english
    assert "Sans traduction" not in english  # no French page offered on the English site


def test_the_theme_filter_lists_the_theme_and_an_unknown_theme_is_a_404(client, news, make_story):
    from iom_site.core.models import Theme

    theme = Theme.objects.create(name="Climat", slug="climat")
    tagged = make_story(title="Article sur le climat")
    StoryThemeFactory(page=tagged, theme=theme)
    publish(tagged)
    make_story(title="Autre article")

    response = client.get("/fr/actualites/?theme=climat")

    assert card_titles(response) == ["Article sur le climat"]
    assert "Actualités – Climat" in html.unescape(re.sub(r"<[^>]+>", "", response.text))
    assert client.get("/fr/actualites/?theme=inconnu").status_code == 404


def test_a_story_carries_newsarticle_json_ld_with_absolute_addresses(
    client, news, make_story, public_base_url
):
    image = make_image("Quai", 1600, 900)
    story = make_story(
        title="Un article",
        date=datetime.date(2025, 3, 10),
        hero_image=image,
        hero_image_alt="Un quai",
        hero_image_credit="© OIM",
    )

    page = client.get(story.url).text
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    article = next(d for d in map(json.loads, scripts) if d.get("@type") == "NewsArticle")

    assert article["headline"] == "Un article"
    assert article["datePublished"] == "2025-03-10"
    assert article["inLanguage"] == "fr"
    assert article["url"] == f"{public_base_url}/fr/actualites/{story.slug}/"
    assert article["mainEntityOfPage"]["@id"] == article["url"]
    assert article["image"]["url"].startswith(f"{public_base_url}/media/images/")
    assert (article["image"]["width"], article["image"]["height"]) == (1200, 675)
    assert article["image"]["creditText"] == "© OIM"
    assert article["publisher"]["logo"]["url"].startswith(f"{public_base_url}/static/")
    assert article["dateModified"].startswith(str(story.last_published_at.date()))
    # Shared on social networks, the story shows its own image, cropped to 1200 × 630.
    assert re.search(r'<meta property="og:image" content="[^"]+quai[^"]*fill-1200x630', page)


def test_the_news_page_and_stories_sit_where_the_design_puts_them(homes, news):
    assert NewsIndexPage.can_exist_under(homes["fr"])
    assert not NewsIndexPage.can_create_at(homes["fr"])  # one per language
    assert StoryPage.allowed_parent_page_models() == [NewsIndexPage]
    assert StoryPage.allowed_subpage_models() == []
    assert [p.url for p in news.values()] == ["/fr/actualites/", "/en/news/", "/es/noticias/"]


def test_every_field_of_the_new_types_tells_the_editor_what_it_is_for():
    from news.models import StorySDGTarget, StoryTheme

    own = {"title", "slug", "seo_title", "search_description", "show_in_menus"}
    for model in (NewsIndexPage, StoryPage, StoryTheme, StorySDGTarget):
        fields = [
            field
            for field in model._meta.get_fields()
            if getattr(field, "editable", False)
            and field.concrete
            and field.model is model
            and field.name not in own
            and not field.auto_created
            and field.name not in {"page", "sort_order", "locale", "translation_key"}
        ]
        missing = [field.name for field in fields if not field.help_text]
        assert missing == [], model.__name__
        assert model.__doc__ and model.__doc__.strip()


def test_a_story_under_a_view_restriction_is_not_listed(client, news, make_story):
    from wagtail.models import PageViewRestriction

    hidden = make_story(title="Article privé")
    make_story(title="Article public")
    PageViewRestriction.objects.create(
        page=Page.objects.get(pk=hidden.pk), restriction_type="password", password="x"
    )

    assert card_titles(client.get("/fr/actualites/")) == ["Article public"]
