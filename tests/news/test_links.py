"""What ties a story to the rest of the site: its SDG targets (found through Wagtail's
reference index, as the goals' pages and the Agenda page read them), its translations
(text, alt text, caption and credit translated; the image shared unless overridden;
themes and targets in the translation's language), search, sitemap and hreflang."""

from wagtail_localize.models import StringSegment, TranslationSource

import pytest

from iom_site.core.seed.translation import translate as localize
from strategy import selectors as strategy_selectors
from tests.news.conftest import publish, translate
from tests.news.factories import StorySDGTargetFactory, StoryThemeFactory, make_image
from tests.strategy.factories import SDGTargetFactory

pytestmark = pytest.mark.django_db


def translate_snippet(snippet, language_code, **fields):
    from wagtail.models import Locale

    copy = snippet.copy_for_translation(Locale.objects.get(language_code=language_code))
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save()
    return copy


@pytest.fixture
def target():
    return SDGTargetFactory(code="10.7", description="Faciliter la migration ordonnée")


def test_a_story_is_found_by_its_sdg_target_through_the_reference_index(news, make_story, target):
    from wagtail.models import ReferenceIndex

    story = make_story(title="Article qui sert 10.7")
    StorySDGTargetFactory(page=story, target=target)
    publish(story)

    pages = {ref.object_id for ref in ReferenceIndex.get_references_to(target)}
    assert pages == {str(story.pk)}
    index = strategy_selectors.sdg_index(
        type(target).objects.filter(locale_id=target.locale_id), target.locale_id
    )
    tagged = [page.title for item in index[0].targets for page in item.pages]
    assert tagged == ["Article qui sert 10.7"]


def test_a_translation_translates_text_alt_caption_and_credit_and_shares_the_image(
    news, make_story, target, django_capture_on_commit_callbacks
):
    from iom_site.core.models import Theme

    theme = Theme.objects.create(name="Climat", slug="climat")
    image = make_image("Port")
    story = make_story(
        title="Un article",
        hero_image=image,
        hero_image_alt="Un quai au lever du jour",
        hero_image_caption="Le port au matin.",
        hero_image_credit="© OIM 2025 / Nom",
    )
    StoryThemeFactory(page=story, theme=theme)
    StorySDGTargetFactory(page=story, target=target)
    publish(story)

    source, _created = TranslationSource.get_or_create_from_instance(story)
    strings = set(
        StringSegment.objects.filter(source=source).values_list("string__data", flat=True)
    )
    assert {"Un quai au lever du jour", "Le port au matin.", "© OIM 2025 / Nom"} <= strings
    overridable = {segment.context.path for segment in source.overridablesegment_set.all()}
    assert "hero_image" in overridable  # shared by default, a translator may choose another

    en_theme = translate_snippet(theme, "en", name="Climate")
    en_goal = translate_snippet(target.goal, "en", title="Reduced inequalities")
    en_target = translate_snippet(
        target, "en", goal=en_goal, description="Facilitate orderly migration"
    )
    # As a translator does it: the French page's PO file, filled in, uploaded, published.
    with django_capture_on_commit_callbacks(execute=True):  # it publishes on commit
        localize(
            story,
            "en",
            {
                "Un article": "A story",
                story.slug: "a-story",
                "Le chapeau de l’article.": "The story’s lead.",
                "Le texte de l’article.": "The story’s text.",
                "Un quai au lever du jour": "A quay at sunrise",
                "Le port au matin.": "The port in the morning.",
                "© OIM 2025 / Nom": "© IOM 2025 / Name",
            },
        )
    en_story = story.get_translation(en_theme.locale)
    assert en_story.live

    assert (en_story.hero_image_alt, en_story.hero_image_caption) == (
        "A quay at sunrise",
        "The port in the morning.",
    )
    assert en_story.hero_image_id == image.pk
    assert [row.theme for row in en_story.themes.all()] == [en_theme]
    assert [row.target for row in en_story.sdg_targets.all()] == [en_target]
    index = strategy_selectors.sdg_index(
        type(en_target).objects.filter(locale_id=en_target.locale_id), en_target.locale_id
    )
    assert [p.title for item in index[0].targets for p in item.pages] == ["A story"]


def test_a_translated_story_has_reciprocal_hreflang_and_its_breadcrumbs(client, news, make_story):
    story = make_story(title="Un article", slug="un-article")
    en_story = translate(story, "en", title="A story", slug="a-story")

    french = client.get(story.url).text
    english = client.get(en_story.url).text

    assert 'hreflang="en" href="http://testserver/en/news/a-story/"' in french
    assert 'hreflang="fr" href="http://testserver/fr/actualites/un-article/"' in english
    assert '<a href="/en/news/">News</a>' in english


def test_stories_are_in_the_sitemap_and_found_by_search(client, news, make_story):
    story = make_story(title="Les transferts de fonds des migrants", slug="transferts")
    sitemap = client.get("/sitemap.xml").text
    assert f"<loc>http://testserver{story.url}</loc>" in sitemap
    assert "<loc>http://testserver/fr/actualites/</loc>" in sitemap

    results = client.get("/fr/recherche/?q=transferts").text
    assert f'href="{story.url}"' in results
