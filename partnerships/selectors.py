"""Reads that go beyond one page: the partner listing. The page models call these with
querysets of their own models: this module imports none of them, so no import cycle runs
through partnerships.models."""

from django.db.models import Prefetch

from wagtail.images import get_image_model

# The rendition the partner list shows; the template's {% image %} tag uses the same spec.
LOGO_FILTER = "max-240x120|format-webp"


def partners_by_kind(partners, headings):
    """``partners`` (the Partners of one language) as [{"kind", "heading", "partners"}] in
    the order of ``headings`` ({kind: heading}), skipping kinds without partners. Logos and
    their renditions are fetched with the partners, so the list costs the same number of
    queries at any length."""
    renditions = get_image_model().get_rendition_model().objects.filter(filter_spec=LOGO_FILTER)
    partners = partners.select_related("logo").prefetch_related(
        Prefetch("logo__renditions", queryset=renditions)
    )
    groups = {kind: [] for kind in headings}
    for partner in partners:
        # A kind since removed from the choices must not break the page.
        if partner.kind in groups:
            groups[partner.kind].append(partner)
    return [
        {"kind": kind.value, "heading": headings[kind], "partners": members}
        for kind, members in groups.items()
        if members
    ]
