"""Factories for the news pages, and images with a focal point for the pages that carry
them. Stream content is raw block data, the shape it is stored in."""

import datetime
import io

from django.core.files.images import ImageFile

from wagtail.images import get_image_model
from wagtail.models import Collection

import factory
import wagtail_factories
from PIL import Image as PILImage

from iom_site.core.models import Theme
from news.models import NewsIndexPage, StoryPage, StorySDGTarget, StoryTheme


def png(width=1600, height=900, colour="#0033A0"):
    out = io.BytesIO()
    PILImage.new("RGB", (width, height), colour).save(out, format="PNG")
    return out.getvalue()


def make_image(title="Photo", width=1600, height=900, focal=None, description=None):
    """An image with its description (its alt text) and, if given, a focal point
    (x, y, width, height) in pixels."""
    image = get_image_model()(
        title=title,
        description=description or f"Description de {title}",
        collection=Collection.get_first_root_node(),
        file=ImageFile(io.BytesIO(png(width, height)), name=f"{title.lower()}.png"),
    )
    if focal is not None:
        (
            image.focal_point_x,
            image.focal_point_y,
            image.focal_point_width,
            image.focal_point_height,
        ) = focal
    image.save()
    return image


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "Actualités"
    slug = "actualites"
    lead = "<p>Les articles, du plus récent au plus ancien.</p>"

    class Meta:
        model = NewsIndexPage


class StoryPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Article {n}")
    date = factory.Sequence(lambda n: datetime.date(2025, 1, 1) + datetime.timedelta(days=n))
    lead = "<p>Le chapeau de l’article.</p>"
    body = factory.LazyFunction(
        lambda: [{"type": "paragraph", "value": "<p>Le texte de l’article.</p>"}]
    )

    class Meta:
        model = StoryPage


class StoryThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StoryTheme


class StorySDGTargetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StorySDGTarget


class ThemeFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Thème {n}")
    slug = factory.Sequence(lambda n: f"theme-{n}")

    class Meta:
        model = Theme
