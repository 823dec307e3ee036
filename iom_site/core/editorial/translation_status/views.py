"""The translation status page in the admin, and its CSV export."""

import csv

from django import forms
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .permissions import SUBMIT_TRANSLATION, user_can_view_translation_status
from .selectors import (
    State,
    count_states,
    filter_by_state,
    locales_by_role,
    translation_status,
)

ROWS_PER_PAGE = 50

# Spreadsheets run a cell starting with one of these as a formula (CSV injection).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value):
    """The value as text, quoted with an apostrophe if a spreadsheet would run it."""
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_TRIGGERS) else text


class StatusFilterForm(forms.Form):
    language = forms.ChoiceField(label=gettext_lazy("Langue"), required=False)
    state = forms.ChoiceField(label=gettext_lazy("État"), required=False)

    def __init__(self, *args, target_locales, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [("", _("Toutes les langues"))] + [
            (locale.language_code, locale.get_display_name()) for locale in target_locales
        ]
        self.fields["state"].choices = [("", _("Tous les états")), *State.choices]

    def filters(self):
        """(language codes, states) to show; empty means all."""
        self.is_valid()  # an unknown value drops that filter only
        language = self.cleaned_data.get("language")
        state = self.cleaned_data.get("state")
        return ([language] if language else []), ([State(state)] if state else [])


class TranslationStatusView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "core/translation_status/index.html"
    page_title = gettext_lazy("État des traductions")
    header_icon = "site"

    def dispatch(self, request, *args, **kwargs):
        # Wagtail turns a PermissionDenied raised in an admin view into a redirect to
        # the dashboard; readers without the right get a plain 403 instead.
        if not user_can_view_translation_status(request.user):
            return TemplateResponse(request, "core/translation_status/forbidden.html", status=403)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get(self, request, *args, **kwargs):
        source_locale, target_locales = locales_by_role()
        form = StatusFilterForm(request.GET or None, target_locales=target_locales)
        language_codes, states = form.filters() if form.is_bound else ([], [])
        # Action links bring the translator back to the same filtered page.
        page_query = request.GET.copy()
        page_query.pop("format", None)
        next_url = f"{request.path}?{page_query.urlencode()}" if page_query else request.path
        locales, rows = translation_status(
            locales=(source_locale, target_locales),
            language_codes=language_codes,
            can_submit=request.user.has_perm(SUBMIT_TRANSLATION),
            next_url=next_url,
        )
        shown = filter_by_state(rows, states)
        if request.GET.get("format") == "csv":
            return self.csv_response(locales, shown)  # the export has every row
        csv_query = page_query.copy()
        csv_query["format"] = "csv"
        csv_query.pop("p", None)
        # A page of rows at a time: at 1,000 pages × 3 languages the whole table was
        # 1.5 MB of HTML. The summary above still counts every row.
        rows_page = Paginator(shown, ROWS_PER_PAGE).get_page(request.GET.get("p"))
        return self.render_to_response(
            self.get_context_data(
                form=form,
                locales=locales,
                rows=rows_page.object_list,
                items=rows_page,
                shown_rows=len(shown),
                total_rows=len(rows),
                summary=count_states(locales, rows),
                states=State.choices,
                colspan=2 + len(locales),
                csv_url=f"{request.path}?{csv_query.urlencode()}",
            )
        )

    def csv_response(self, locales, rows):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
        response["Content-Disposition"] = f'attachment; filename="etat-traductions-{stamp}.csv"'
        response.write("\ufeff")  # the BOM that tells Excel the file is UTF-8
        writer = csv.writer(response)
        header = [_("Type"), _("Contenu"), _("Lien")]
        for locale in locales:
            code = locale.language_code.upper()
            header += [
                _("État (%(language)s)") % {"language": code},
                _("Pourcentage traduit (%(language)s)") % {"language": code},
                _("Source modifiée le (%(language)s)") % {"language": code},
                _("Action (%(language)s)") % {"language": code},
                _("Lien de l’action (%(language)s)") % {"language": code},
            ]
        writer.writerow([csv_safe(value) for value in header])
        absolute = self.request.build_absolute_uri
        for row in rows:
            line = [row.type_label, row.title, absolute(row.edit_url)]
            for cell in row.cells:
                line += [
                    cell.state.label,
                    "" if cell.percent is None else cell.percent,
                    cell.since and date_format(timezone.localtime(cell.since), "Y-m-d H:i"),
                    cell.action_label,
                    cell.url and absolute(cell.url),
                ]
            writer.writerow([csv_safe(value) for value in line])
        return response


translation_status_view = TranslationStatusView.as_view()
