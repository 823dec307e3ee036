"""Workaround: the fields of Wagtail's link chooser have English labels in every language.

The « Lien externe », « Ancre », « E-mail » and « Téléphone » tabs of the page and
rich-text link chooser (wagtail/admin/forms/choosers.py) declare ``link_text``,
``email_address``, ``subject``, ``body`` and ``phone_number`` without a label, so Django
derives « Link text », « Email address »… from the field names, outside gettext: a French
editor read « Link text » under « URL ». ``install()`` gives those fields labels from the
project's catalogues.

Upstream: no issue found (Wagtail 8.0). Delete this module and its ``install()`` call
(editorial/apps.py) when Wagtail labels these fields itself.
"""

from django.utils.translation import gettext_lazy as _

LABELS = {
    "link_text": _("Texte du lien"),
    "email_address": _("Adresse e-mail"),
    "subject": _("Objet"),
    "body": _("Message"),
    "phone_number": _("Numéro de téléphone"),
}


def install():
    """Idempotent: sets the labels on the form classes' declared fields."""
    from wagtail.admin.forms import choosers

    for form_class in (
        choosers.ExternalLinkChooserForm,
        choosers.AnchorLinkChooserForm,
        choosers.EmailLinkChooserForm,
        choosers.PhoneLinkChooserForm,
    ):
        for name, field in form_class.base_fields.items():
            if name in LABELS and field.label is None:
                field.label = LABELS[name]
