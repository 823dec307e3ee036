"""The editorial front page: « Dernières publications » lists the newest pages under any
listing page by each page type's listing date, in the reader's language; « À la une »
puts one page forward with its image; key figures say their source and date; images
are cropped around their focal point, with caption and credit."""

import datetime
import io
import re

from django.core.exceptions import ValidationError

import pytest
from PIL import Image as PILImage

from iom_site.core.blocks import KeyFigureBlock
from tests.core.factories import SectionPageFactory, StandardPageFactory
from tests.news.conftest import publish, translate
from tests.news.factories import make_image

pytestmark = pytest.mark.django_db


def latest_block(index, heading="Dernières actualités", count=3, link_text=""):
    return {
        "type": "latest_pages",
        "value": {"heading": heading, "index": index.pk, "count": count, "link_text": link_text},
    }


def set_body(page, *blocks):
    page.body = list(blocks)
    return publish(page)


def titles(markup, section_class="latest-pages"):
    section = re.search(rf'<section class="{section_class}".*?</section>', markup, re.S)
    if section is None:
        return []
    return re.findall(r'<h3 class="card__title"><a href="[^"]+">([^<]+)</a>', section.group(0))


def test_latest_pages_lists_the_newest_stories_by_their_own_date(client, homes, news, make_story):
    make_story(title="Daté de 2023", date=datetime.date(2023, 1, 1))  # published last
    for day in (1, 2, 3):
        make_story(title=f"Mars {day}", date=datetime.date(2025, 3, day))
    make_story(title="Retiré", date=datetime.date(2025, 4, 1)).unpublish()
    set_body(homes["fr"], latest_block(news["fr"], link_text="Toutes les actualités"))

    page = client.get("/fr/").text

    assert titles(page) == ["Mars 3", "Mars 2", "Mars 1"]
    assert '<a href="/fr/actualites/">Toutes les actualités</a>' in page


def test_latest_pages_works_for_any_listing_page(client, homes):
    # A section whose standard pages have no date of their own: their first publication.
    section = publish(SectionPageFactory(parent=homes["fr"], title="Rubrique"))
    for name in ("Première", "Deuxième"):
        publish(StandardPageFactory(parent=section, title=name, body=[]))
    set_body(homes["fr"], latest_block(section, heading="Dernières pages"))

    page = client.get("/fr/").text

    assert titles(page) == ["Deuxième", "Première"]
    assert '<a href="/fr/rubrique/">Rubrique</a>' in page  # link text: the page's title


def test_latest_pages_shows_the_readers_language(client, homes, news, make_story):
    make_story(title="Article français")
    make_story("en", title="English story")
    en_home = homes["en"]
    en_home.body = [latest_block(news["fr"], heading="Latest news")]  # chosen in French
    publish(en_home)

    page = client.get("/en/").text

    assert titles(page) == ["English story"]
    assert '<a href="/en/news/">News</a>' in page


def test_latest_pages_shows_nothing_while_nothing_is_published(client, homes, news):
    set_body(homes["fr"], latest_block(news["fr"]))
    assert "Dernières actualités" not in client.get("/fr/").text


def test_latest_pages_costs_the_same_queries_for_few_or_many(homes, news, make_story, settings):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    settings.PAGE_CACHE_ENABLED = False
    images = [make_image(f"Photo {n}", 360, 240) for n in range(6)]
    set_body(homes["en"], latest_block(news["fr"], count=6))
    client = Client()

    def queries():
        client.get("/en/")
        with CaptureQueriesContext(connection) as captured:
            client.get("/en/")
        return len(captured)

    make_story("en", title="One", hero_image=images[0])
    few = queries()
    for n in range(1, 30):
        make_story("en", title=f"Story {n}", hero_image=images[n % 6])
    assert queries() == few


def test_featured_page_shows_the_page_in_the_readers_language_with_its_image(
    client, homes, news, make_story
):
    image = make_image("Quai", description="Description de l’image")
    story = make_story(
        title="Un article", hero_image=image, hero_image_alt="Un quai", hero_image_credit="© OIM"
    )
    en_story = translate(story, "en", title="A story", slug="a-story", hero_image_alt="A quay")
    featured = {
        "type": "featured_page",
        "value": {
            "page": story.pk,
            "kicker": "À la une",
            "summary": "",
            "image": None,
            "alt_text": "",
            "credit": "",
        },
    }
    set_body(homes["fr"], featured)
    en_home = homes["en"]
    en_home.body = [featured]
    publish(en_home)

    french = client.get("/fr/").text
    english = client.get("/en/").text

    assert f'<a href="{story.url}">Un article</a>' in french
    assert 'alt="Un quai"' in french and "Crédit : © OIM" in french
    assert f'<a href="{en_story.url}">A story</a>' in english and 'alt="A quay"' in english


def test_key_figures_show_their_source_and_date(client, homes):
    set_body(
        homes["fr"],
        {
            "type": "key_figures",
            "value": {
                "heading": "L’OIM en bref",
                "figures": [
                    {
                        "figure": "175",
                        "label": "Etats membres",
                        "source": "Rapport annuel",
                        "source_url": "https://www.iom.int/fr",
                        "date": "2024-12-31",
                    },
                    {"figure": "1951", "label": "année de création", "source": "Présentation"},
                ],
            },
        },
    )
    page = client.get("/fr/").text
    assert 'Source : <a href="https://www.iom.int/fr">Rapport annuel</a>' in page
    assert '<time datetime="2024-12-31">31 décembre 2024</time>' in page
    assert "Source : Présentation</small>" in page


def test_a_key_figure_without_a_source_is_refused():
    block = KeyFigureBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"figure": "175", "label": "Etats membres", "source": ""}))


def test_the_seed_key_figures_cite_iom_presentation_text_and_no_invented_date():
    import json
    from pathlib import Path

    from iom_site.core import seed

    home = json.loads((Path(seed.__file__).parent / "pages" / "accueil.json").read_text())
    figures = next(b for b in home["fields"]["body"] if b["type"] == "key_figures")["value"]
    assert [(f["figure"], f["source"], f["date"]) for f in figures["figures"]] == [
        (number, "Texte de présentation de l’OIM, rubrique « Qui sommes nous »", None)
        for number in ("1951", "175", "171")
    ]


def two_colour_png(width=1600, height=900):
    """Blue, with a yellow square at the right edge: where the focal point goes."""
    picture = PILImage.new("RGB", (width, height), "#0000FF")
    picture.paste((255, 255, 0), (width - 300, 300, width - 100, 500))
    out = io.BytesIO()
    picture.save(out, format="PNG")
    return out.getvalue()


def test_crops_keep_the_focal_point_in_view(homes):
    from django.core.files.images import ImageFile

    from wagtail.images import get_image_model
    from wagtail.models import Collection

    from iom_site.core.images import filters

    image = get_image_model()(
        title="Deux couleurs",
        description="Un carré jaune sur fond bleu",
        collection=Collection.get_first_root_node(),
        file=ImageFile(io.BytesIO(two_colour_png()), name="deux.png"),
        focal_point_x=1400,
        focal_point_y=400,
        focal_point_width=200,
        focal_point_height=200,
    )
    image.save()
    # The card shape is 3:2, narrower than the 16:9 image: the crop must move right.
    card = next(f for f in filters("card") if f.spec.startswith("fill-360x240"))
    rendition = image.get_rendition(card)
    with rendition.file.open() as handle:
        cropped = PILImage.open(handle).convert("RGB")
        width, height = cropped.size
        yellow = sum(
            1
            for x in range(0, width, 4)
            for y in range(0, height, 4)
            if cropped.getpixel((x, y))[0] > 200 and cropped.getpixel((x, y))[2] < 80
        )
    assert (width, height) == (360, 240)
    assert yellow > 50  # the square is in the crop


def test_a_section_page_shows_its_hero_image_with_caption_and_credit(client, homes):
    image = make_image("Bureau", description="La façade du bureau")
    section = SectionPageFactory(
        parent=homes["fr"],
        title="Qui sommes nous",
        hero_image=image,
        hero_image_alt="",  # left empty: the image's description stands in
        hero_image_caption="Le bureau de Genève.",
        hero_image_credit="© OIM",
    )
    publish(section)
    section.refresh_from_db()

    page = client.get(section.url).text

    assert section.hero_image_alt == "La façade du bureau"
    assert 'alt="La façade du bureau"' in page
    assert '<span class="figure__caption">Le bureau de Genève.</span>' in page
    assert "Crédit : © OIM" in page


@pytest.mark.parametrize("name", ["latest_pages", "featured_page", "key_figures"])
def test_every_front_page_block_explains_itself_and_previews_in_the_picker(
    name, homes, news, make_story, admin_client
):
    from iom_site.core.models import HomePage

    make_story(title="Un article récent")
    block = HomePage._meta.get_field("body").stream_block.child_blocks[name]
    assert block.meta.description and block.meta.icon and block.is_previewable
    for child in block.child_blocks.values():
        assert child.field.help_text if hasattr(child, "field") else True, child.name

    response = admin_client.get("/admin/block-preview/", {"id": block.definition_prefix})

    assert response.status_code == 200
    assert "/static/css/site.css" in response.text
    if name == "latest_pages":
        assert "Un article récent" in response.text  # the pages published last


def test_figures_and_images_saved_before_sources_and_credits_still_render_and_translate(
    client, homes
):
    from wagtail_localize.models import StringSegment, TranslationSource

    image = make_image("Ancienne")
    page = StandardPageFactory(
        parent=homes["fr"],
        title="Contenu ancien",
        body=[
            {
                "type": "key_figures",
                "value": {
                    "heading": "",
                    # As stored before sources existed: no "source", "source_url", "date".
                    "figures": [
                        {
                            "type": "item",
                            "id": "3f1c9a2e-0000-4000-8000-000000000175",
                            "value": {"figure": "175", "label": "Etats membres"},
                        }
                    ],
                },
            },
            {"type": "image", "value": {"image": image.pk, "alt_text": "Un bureau", "caption": ""}},
        ],
    )
    publish(page)

    assert client.get(page.url).status_code == 200
    source, _created = TranslationSource.get_or_create_from_instance(page)
    strings = set(
        StringSegment.objects.filter(source=source).values_list("string__data", flat=True)
    )
    assert {"Etats membres", "Un bureau"} <= strings
