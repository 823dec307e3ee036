"""English translations whose every string is a payload, brought in through
wagtail-localize as a translator's PO upload is: submit, export the PO file, fill it,
import it, publish."""

import re

from django.utils.html import escape

from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.operations import translate_object

from iom_site.core.seed.translation import repair_child_counts

from .xss_payloads import payload

# Strings that are part of an address (the slug) or an element id (anchors), not text.
NOT_SHOWN = re.compile(r"(^slug$|anchor$|listing_title$|listing_summary$)")
LINK_OPENING = re.compile(r'<a id="a\d+">')


def translated_string(msgid, value):
    """The payload as a translator writes it in a PO file: text, hence HTML-escaped as
    wagtail-localize's strings are; the source's links are kept, as the import requires."""
    links = "".join(f"{opening}lien</a>" for opening in LINK_OPENING.findall(msgid))
    return escape(value) + links


def translate_with_payloads(instance, tag, language_code="en"):
    """Translate ``instance``, every string a payload marked ``xss-<tag><n>``; returns the
    translated object, the Translation and the payloads of the strings a reader sees."""
    locale = Locale.objects.get(language_code=language_code)
    translate_object(instance, [locale])
    source = TranslationSource.objects.get_for_instance(instance)
    translation = Translation.objects.get(source=source, target_locale=locale)
    po = translation.export_po()
    shown = []
    for number, entry in enumerate(po):
        if entry.msgctxt == "slug":
            entry.msgstr = f"{entry.msgid}-{language_code}"
            continue
        value = payload(f"{tag}{number}")
        entry.msgstr = translated_string(entry.msgid, value)
        if not NOT_SHOWN.search(entry.msgctxt or ""):
            shown.append(value)
    translation.import_po(po, tool_name="PO File")
    translation.save_target(publish=True)
    repair_child_counts()
    return source.get_translated_instance(locale), translation, shown


def translate_site(site):
    """The SDG goal and target, the section page and the page with every block, in
    English; the English pages must show every translated payload."""
    for name in ("goal", "target"):
        site.snippets[f"en-{name}"] = translate_with_payloads(site.snippets[name], f"en-{name}")[0]
    for name in ("section", "standard"):
        page, translation, shown = translate_with_payloads(site.pages[name], f"en-{name}")
        site.pages[f"en-{name}"] = page
        site.translations[name] = translation
        site.expect(page, shown)
