"""The public form of the « Engagez-vous » page, built from the fields editors define."""

import django.forms
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.forms.forms import FormBuilder

# A field real visitors never see; robots that fill every input give themselves away.
HONEYPOT_FIELD = "website"

# WCAG 1.3.5 asks for autocomplete on inputs about the visitor; clean names are
# synchronised across translations, so the same keys hold in every language.
AUTOCOMPLETE = {"nom": "name", "courriel": "email", "organisation": "organization"}


class EngagementFormBuilder(FormBuilder):
    """Django itself renders aria-invalid and aria-describedby (help text, errors)."""

    def create_checkbox_field(self, field, options):
        options.setdefault(
            "error_messages",
            {"required": _("Cochez cette case pour pouvoir envoyer votre message.")},
        )
        return super().create_checkbox_field(field, options)

    @property
    def formfields(self):
        fields = super().formfields
        for name, field in fields.items():
            autocomplete = AUTOCOMPLETE.get(name)
            if autocomplete is None and isinstance(field, django.forms.EmailField):
                autocomplete = "email"
            if autocomplete:
                field.widget.attrs["autocomplete"] = autocomplete
        return fields
