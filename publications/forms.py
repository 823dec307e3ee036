"""The library's filters: plain GET parameters (``?type=rapport&year=2024&goal=10
&theme=…&language=en&page=2``), read by a form. A value that cannot be one (a type that
does not exist, a year that is not a number) is a form error: the page answers 400 and
says which filter is wrong; a well-formed value that matches nothing lists nothing."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

PUBLICATION_TYPES = [
    ("rapport", _("Rapport")),
    ("note-orientation", _("Note d’orientation")),
    ("guide", _("Guide")),
    ("fiche-information", _("Fiche d’information")),
]
FILTERS = ("type", "year", "goal", "theme", "language")


class PublicationFilterForm(forms.Form):
    type = forms.ChoiceField(choices=PUBLICATION_TYPES, required=False, label=_("Type"))
    year = forms.IntegerField(min_value=1951, max_value=2100, required=False, label=_("Année"))
    goal = forms.IntegerField(
        min_value=1, max_value=17, required=False, label=_("Objectif de développement durable")
    )
    theme = forms.SlugField(max_length=80, required=False, label=_("Thème"))
    language = forms.ChoiceField(
        choices=settings.LANGUAGES,  # each language's own name (the admin's are translated)
        required=False,
        label=_("Disponible en"),
    )

    @classmethod
    def from_query(cls, query):
        """The form bound to the filters of ``query`` (a QueryDict); ``page`` and
        tracking parameters are not filters. An empty value means « all »."""
        return cls({name: query.get(name, "") for name in FILTERS})

    def active(self):
        """{name: value} of the filters given (the form is valid)."""
        return {name: value for name, value in self.cleaned_data.items() if value not in ("", None)}
