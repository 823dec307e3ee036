"""Reads that go beyond one page: the partner listing."""

from django.db.models import Prefetch

from wagtail.images import get_image_model

from .models import PARTNER_KIND_HEADINGS, Partner, PartnerKind

# The rendition the partner list shows; the template's {% image %} tag uses the same spec.
LOGO_FILTER = "max-240x120|format-webp"


def partners_by_kind(locale_id):
    """The partners of one language, as [{"kind", "heading", "partners"}] in the order of
    PartnerKind, skipping kinds without partners. Logos and their renditions are fetched
    with the partners, so the list costs the same number of queries at any length."""
    renditions = get_image_model().get_rendition_model().objects.filter(filter_spec=LOGO_FILTER)
    partners = (
        Partner.objects.filter(locale_id=locale_id)
        .select_related("logo")
        .prefetch_related(Prefetch("logo__renditions", queryset=renditions))
    )
    groups = {kind: [] for kind in PartnerKind}
    for partner in partners:
        # A kind since removed from the choices must not break the page.
        if partner.kind in groups:
            groups[partner.kind].append(partner)
    return [
        {"kind": kind.value, "heading": PARTNER_KIND_HEADINGS[kind], "partners": members}
        for kind, members in groups.items()
        if members
    ]
