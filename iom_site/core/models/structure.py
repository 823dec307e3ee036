"""The organisational structure as data: units, their heads and whom they report to."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from iom_site.core import jsonld

from .base import BasePage
from .pages import SingletonPerLocaleMixin, lead_field


class OrgUnit(TranslatableMixin, Orderable):
    """One unit of the organisation chart, translated with its page."""

    page = ParentalKey("core.StructurePage", on_delete=models.CASCADE, related_name="units")
    key = models.SlugField(
        max_length=80,
        verbose_name=_("identifiant"),
        help_text=_(
            "Identifiant stable, le même dans toutes les langues : sert d’ancre (#identifiant) "
            "et de référence pour « rend compte à »."
        ),
    )
    name = models.CharField(
        max_length=255, verbose_name=_("nom"), help_text=_("Nom de l’unité ou du bureau.")
    )
    head_title = models.CharField(
        max_length=255,
        blank=True,
        verbose_name=_("titre du ou de la responsable"),
        help_text=_("Le titre de la personne qui dirige l’unité, par exemple « Chef de Cabinet »."),
    )
    description = models.TextField(
        blank=True,
        verbose_name=_("description"),
        help_text=_("Ce que fait l’unité, en une ou deux phrases."),
    )
    reports_to = models.SlugField(
        max_length=80,
        blank=True,
        verbose_name=_("rend compte à"),
        help_text=_(
            "L’identifiant de l’unité dont elle relève. Vide pour le sommet de l’organigramme."
        ),
    )

    panels = [
        FieldPanel("key"),
        FieldPanel("name"),
        FieldPanel("head_title"),
        FieldPanel("description"),
        FieldPanel("reports_to"),
    ]
    override_translatable_fields = [SynchronizedField("key"), SynchronizedField("reports_to")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("unité")
        verbose_name_plural = _("unités")


class StructurePageForm(WagtailAdminPageForm):
    """The structure page's edit form: unit identifiers are unique and « rend compte à »
    names a unit of the chart. The rows arrive in an inline formset, which the page's own
    clean() does not see while the admin form is validated."""

    def clean(self):
        cleaned_data = super().clean()
        rows = [
            form
            for form in self.formsets["units"].forms
            if form.is_valid() and form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        keys = [form.cleaned_data.get("key") for form in rows]
        for form in rows:
            key, parent = form.cleaned_data.get("key"), form.cleaned_data.get("reports_to")
            if keys.count(key) > 1:
                form.add_error("key", _("Chaque unité doit avoir un identifiant unique."))
            if parent and parent not in keys:
                form.add_error("reports_to", _("Aucune unité n’a cet identifiant."))
        return cleaned_data


class StructurePage(SingletonPerLocaleMixin, BasePage):
    """The organisational structure: an introduction and the organisation chart, built
    from the units listed below (each says whom it reports to)."""

    CHART_ANCHOR = "structure-organisationnelle"

    lead = lead_field(_("Présentation de la structure organisationnelle."))
    chart_heading = models.CharField(
        max_length=255,
        default="Structure organisationnelle",
        verbose_name=_("titre de l’organigramme"),
        help_text=_("Le titre affiché au-dessus de l’organigramme et dans le menu."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("lead"),
        FieldPanel("chart_heading"),
        InlinePanel("units", heading=_("Unités de l’organigramme"), label=_("unité")),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("lead"),
        index.RelatedFields("units", [index.SearchField("name"), index.SearchField("description")]),
    ]

    parent_page_types = ["core.SectionPage"]
    subpage_types = []
    base_form_class = StructurePageForm
    display_prefetch = ("units",)

    class Meta:
        verbose_name = _("page de structure")

    def clean(self):
        super().clean()
        units = list(self.units.all())
        keys = [unit.key for unit in units]
        duplicates = {key for key in keys if keys.count(key) > 1}
        if duplicates:
            raise ValidationError(
                _("Chaque unité doit avoir un identifiant unique : %(keys)s")
                % {"keys": ", ".join(sorted(duplicates))}
            )
        unknown = {
            unit.reports_to for unit in units if unit.reports_to and unit.reports_to not in keys
        }
        if unknown:
            raise ValidationError(
                _("« Rend compte à » désigne une unité inconnue : %(keys)s")
                % {"keys": ", ".join(sorted(unknown))}
            )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        chart = self.org_chart()
        url = self.get_full_url(request)
        context["org_chart"] = chart
        context["org_json_ld"] = jsonld.script(
            jsonld.organization(jsonld.org_unit(u, c, url) for u, c in chart)
        )
        return context

    def org_chart(self):
        """The units as a tree: [(unit, [(child, [...]), ...]), ...], roots first."""
        units = list(self.units.all())
        children = {}
        for unit in units:
            children.setdefault(unit.reports_to or None, []).append(unit)
        known = {unit.key for unit in units}

        def branch(parent_key, seen):
            return [
                (unit, branch(unit.key, seen | {unit.key}))
                for unit in children.get(parent_key, [])
                if unit.key not in seen
            ]

        roots = [u for u in units if not u.reports_to or u.reports_to not in known]
        return [(unit, branch(unit.key, {unit.key})) for unit in roots]
