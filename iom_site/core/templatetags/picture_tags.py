"""``{% responsive_picture image "wide" alt=… %}``: Wagtail's ``<picture>`` (AVIF, then
WebP) for one of the site's image shapes (core/images.py), with srcset, sizes, width and
height, lazily loaded unless told otherwise."""

from django import template

from wagtail.images.models import Picture
from wagtail.images.shortcuts import get_renditions_or_not_found

from iom_site.core import images

register = template.Library()


@register.simple_tag
def responsive_picture(image, shape, alt="", loading="lazy", **attrs):
    if not image:
        return ""
    renditions = get_renditions_or_not_found(image, images.filters(shape))
    attributes = {
        "alt": alt,
        "sizes": images.sizes(shape),
        "decoding": "async",
        **({"loading": loading} if loading else {}),
        **attrs,
    }
    return Picture(renditions, attributes)
