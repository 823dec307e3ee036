"""Workaround: wagtail-localize's PO files leave out the link addresses.

``Translation.export_po`` writes string segments only; the addresses of links (a rich
text's ``href``, a URL block) are *overridable segments* that can be changed in the
editor alone, so a translator working by file kept every ``/fr/…`` address. ``install()``
wraps ``export_po`` and ``import_po``:

- the download adds one entry per link: ``msgctxt`` its content path, ``msgid`` the French
  address, ``msgstr`` the address set for this language (empty while it follows the
  French), a « Lien » comment and the ``iom-link`` flag;
- the upload sets those addresses (``SegmentOverride``, as the editor does) before handing
  the rest of the file to wagtail-localize. A value that is not an address (``/…``,
  ``http(s)://…``, ``mailto:``, ``tel:``, ``#…``) is ignored; an empty one leaves the link
  as it is.

``french_links(translation)`` lists the links of a translation that still point at a
French address (shown in the editor and counted in the translation status report).
"""

import json
import re
from contextvars import ContextVar
from dataclasses import dataclass
from functools import wraps

from django.db import transaction

import polib

LINK_FLAG = "iom-link"
LINK_COMMENT = "Lien : remplacez l’adresse française par celle de la page dans votre langue."
ADDRESS = re.compile(r"^(?:/|https?://|mailto:|tel:|#)", re.IGNORECASE)
IN_PO_VIEW = ContextVar("iom_po_links_in_view", default=False)
FRENCH_ADDRESS = re.compile(r"^(?:https?://[^/]+)?/fr(?:[/?#]|$)", re.IGNORECASE)


@dataclass(frozen=True)
class Link:
    path: str
    source_url: str
    url: str  # what the translation uses: the override, else the French address

    @property
    def is_french(self):
        return bool(FRENCH_ADDRESS.match(self.url))


def is_address(value):
    return isinstance(value, str) and bool(ADDRESS.match(value.strip()))


def links(translation):
    """[Link] of a translation, in page order: the overridable segments holding an address."""
    from wagtail_localize.models import OverridableSegment

    segments = (
        OverridableSegment.objects.filter(source_id=translation.source_id)
        .select_related("context")
        .annotate_override_json(translation.target_locale_id)
        .order_by("order")
    )
    found = []
    for segment in segments:
        source_url = segment.data
        if not is_address(source_url):
            continue
        url = json.loads(segment.override_json) if segment.override_json else source_url
        found.append(Link(segment.context.path, source_url, url))
    return found


def french_links(translation):
    return [link for link in links(translation) if link.is_french]


def export_links(translation, po):
    for link in links(translation):
        po.append(
            polib.POEntry(
                msgid=link.source_url,
                msgctxt=link.path,
                msgstr="" if link.url == link.source_url else link.url,
                tcomment=LINK_COMMENT,
                flags=[LINK_FLAG],
            )
        )
    return po


def import_links(translation, po, user=None):
    """Sets the link addresses the file gives; returns the entries left for strings."""
    from wagtail_localize.models import SegmentOverride

    by_path = {link.path: link for link in links(translation)}
    rest = polib.POFile(wrapwidth=po.wrapwidth)
    rest.metadata = po.metadata
    for entry in po:
        link = by_path.get(entry.msgctxt)
        if entry.obsolete or link is None or entry.msgid != link.source_url:
            rest.append(entry)
            continue
        value = entry.msgstr.strip()
        if not value or not is_address(value) or value == link.url:
            continue
        from wagtail_localize.models import TranslationContext

        context = TranslationContext.objects.get(
            object_id=translation.source.object_id, path=link.path
        )
        SegmentOverride.objects.update_or_create(
            context=context,
            locale_id=translation.target_locale_id,
            defaults={
                "data_json": json.dumps(value),
                "last_translated_by": user,
                "has_error": False,
                "field_error": "",
            },
        )
    return rest


def in_po_view(view):
    @wraps(view)
    def wrapped(*args, **kwargs):
        token = IN_PO_VIEW.set(True)
        try:
            return view(*args, **kwargs)
        finally:
            IN_PO_VIEW.reset(token)

    return wrapped


def install():
    """Idempotent. wagtail-localize's admin URLs look the views up when the URLconf loads,
    after EditorialConfig.ready()."""
    from wagtail_localize.models import Translation
    from wagtail_localize.views import edit_translation

    if getattr(Translation.export_po, "exports_links", False):
        return
    original_export, original_import = Translation.export_po, Translation.import_po
    edit_translation.download_pofile = in_po_view(edit_translation.download_pofile)
    edit_translation.upload_pofile = in_po_view(edit_translation.upload_pofile)

    def export_po(self):
        po = original_export(self)
        return export_links(self, po) if IN_PO_VIEW.get() else po

    def import_po(self, po, delete=False, user=None, translation_type="manual", tool_name=""):
        if not IN_PO_VIEW.get():
            return original_import(
                self,
                po,
                delete=delete,
                user=user,
                translation_type=translation_type,
                tool_name=tool_name,
            )
        if po.metadata.get("X-WagtailLocalize-TranslationID") not in (None, str(self.uuid)):
            return []
        with transaction.atomic():
            rest = import_links(self, po, user=user)
            return original_import(
                self,
                rest,
                delete=delete,
                user=user,
                translation_type=translation_type,
                tool_name=tool_name,
            )

    export_po.exports_links = True
    Translation.export_po = export_po
    Translation.import_po = import_po
