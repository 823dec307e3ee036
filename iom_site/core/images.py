"""The shapes images take on the site, as Wagtail rendition specs: one list, read by the
``{% responsive_picture %}`` tag and by listings that fetch their cards' renditions in one
query. ``fill`` crops keep the image's focal point in view; ``-c50`` lets the crop come
halfway closer to it when the image is much larger than the shape."""

from wagtail.images import get_image_model
from wagtail.images.models import Filter

FORMATS = "format-{avif,webp}"
SHAPES = {
    # The top of a story or a section: 16:9, up to the width of the content column.
    "wide": (
        "fill-{640x360,1024x576,1600x900}-c50",
        "(min-width: 72rem) 72rem, 100vw",
    ),
    # Cards of listings and of the home page: 3:2, a third of the column at most.
    "card": (
        "fill-{360x240,720x480}-c50",
        "(min-width: 48rem) 22rem, 100vw",
    ),
    # The home page's featured item: 3:2, half the column.
    "feature": (
        "fill-{480x320,960x640}-c50",
        "(min-width: 48rem) 36rem, 100vw",
    ),
    # A publication's cover, beside its description: its own proportions, never cropped.
    "cover": (
        "width-{240,480,720}",
        "(min-width: 48rem) 16rem, 60vw",
    ),
    # An image in a page's text: its own proportions, never cropped.
    "content": (
        "width-{480,800,1200}",
        "(min-width: 72rem) 72rem, 100vw",
    ),
}


def filters(shape):
    size, _sizes = SHAPES[shape]
    return [Filter(spec=spec) for spec in Filter.expand_spec([size, FORMATS])]


def sizes(shape):
    return SHAPES[shape][1]


IMAGE_FIELDS = ("listing_image", "hero_image")


def image_fields(model):
    """The card image fields a page type has (for ``select_related``)."""
    names = {field.name for field in model._meta.fields}
    return [name for name in IMAGE_FIELDS if name in names]


def attach_card_images(pages, shape="card"):
    """Give each page's card image (listing image, else hero image) the renditions of
    ``shape``, fetched in one query for all of them (two if the images were not selected
    with the pages), so that ``{% responsive_picture page.card_image shape %}`` reads
    nothing more, whether Wagtail's rendition cache is warm or not."""
    missing = {}
    for page in pages:
        for name in image_fields(type(page)):
            field = type(page)._meta.get_field(name)
            image_id = getattr(page, field.attname)
            if image_id and not field.is_cached(page):
                missing.setdefault(image_id, []).append((page, field))
    if missing:
        for image in get_image_model().objects.filter(pk__in=missing):
            for page, field in missing[image.pk]:
                field.set_cached_value(page, image)
    # Pages that share an image hold one instance of it each: every one gets the renditions.
    images = {}
    for page in pages:
        if (image := page.card_image) is not None:
            images.setdefault(image.pk, []).append(image)
    if not images:
        return pages
    specs = [f.spec for f in filters(shape)]
    _attach_renditions(images, {"filter_spec__in": specs})
    return pages


def attach_renditions(images):
    """Give ``images`` every rendition they have, in one query, so that whatever size a
    template, the share image or the JSON-LD asks for reads nothing more (Wagtail creates
    one that does not exist yet, as it would have)."""
    found = {}
    for image in images:
        if image is not None:
            found.setdefault(image.pk, []).append(image)
    if found:
        _attach_renditions(found, {})


def _attach_renditions(images, conditions):
    """``images``: {image id: [instances]}; the renditions ``conditions`` select."""
    renditions = {}
    Rendition = get_image_model().get_rendition_model()
    image_field = Rendition._meta.get_field("image")
    for rendition in Rendition.objects.filter(image_id__in=images, **conditions):
        image_field.set_cached_value(rendition, images[rendition.image_id][0])
        renditions.setdefault(rendition.image_id, []).append(rendition)
    for image_id, instances in images.items():
        for image in instances:
            # Where Wagtail looks for prefetched renditions (Image.prefetch_renditions).
            image.prefetched_renditions = list(renditions.get(image_id, []))
