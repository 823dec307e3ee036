"""Partnerships: the partners snippet, the partnerships and « where we work » pages and
the « Engagez-vous » form."""

import logging
from smtplib import SMTPException

import django.forms
from django.conf import settings
from django.db import models
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.mail import send_mail
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import (
    AbstractFormField,
    EmailFormMixin,
    FormMixin,
    validate_to_address,
)
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from iom_site.core.models import BasePage
from iom_site.core.models.pages import (
    LEAD_FEATURES,
    SingletonPerLocaleMixin,
    body_field,
    lead_field,
)

from .blocks import RegionsStreamBlock
from .forms import HONEYPOT_FIELD, EngagementFormBuilder
from .selectors import partners_by_kind
from .throttling import SubmissionThrottle

logger = logging.getLogger(__name__)


class PartnerKind(models.TextChoices):
    MEMBER_STATE = "member_state", _("État membre")
    UNITED_NATIONS = "united_nations", _("Entité des Nations Unies")
    INTERGOVERNMENTAL = "intergovernmental", _("Organisation intergouvernementale")
    CIVIL_SOCIETY = "civil_society", _("Société civile")
    PRIVATE_SECTOR = "private_sector", _("Secteur privé")
    ACADEMIA = "academia", _("Milieu universitaire")


# Headings of the partner groups on the page, where the labels above read as singulars.
PARTNER_KIND_HEADINGS = {
    PartnerKind.MEMBER_STATE: _("États membres"),
    PartnerKind.UNITED_NATIONS: _("Système des Nations Unies"),
    PartnerKind.INTERGOVERNMENTAL: _("Organisations intergouvernementales"),
    PartnerKind.CIVIL_SOCIETY: _("Société civile"),
    PartnerKind.PRIVATE_SECTOR: _("Secteur privé"),
    PartnerKind.ACADEMIA: _("Milieu universitaire"),
}


class Partner(TranslatableMixin, index.Indexed, models.Model):
    """An organisation IOM works with, listed on the « Partenariats » page of the same
    language. Translate each partner so that it appears on the English and Spanish pages."""

    name = models.CharField(
        max_length=255,
        verbose_name=_("nom"),
        help_text=_(
            "Le nom officiel dans la langue de la page, avec le sigle s’il est d’usage, "
            "par exemple « Programme des Nations Unies pour le développement (PNUD) »."
        ),
    )
    kind = models.CharField(
        max_length=32,
        choices=PartnerKind.choices,
        verbose_name=_("type"),
        help_text=_("Le type de partenaire : la page regroupe les partenaires par type."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("logo"),
        help_text=_(
            "Logo du partenaire, facultatif. Son texte alternatif est le nom du partenaire."
        ),
    )
    url = models.URLField(
        blank=True,
        verbose_name=_("site web"),
        help_text=_("Adresse du site du partenaire, de préférence dans la langue de la page."),
    )
    description = models.TextField(
        blank=True,
        verbose_name=_("description"),
        help_text=_("Une ou deux phrases factuelles sur le partenaire ou le partenariat."),
    )
    sort_order = models.PositiveSmallIntegerField(
        default=0,
        verbose_name=_("ordre"),
        help_text=_(
            "Position dans son groupe : les plus petits nombres d’abord, puis l’ordre alphabétique."
        ),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("logo"),
        FieldPanel("url"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]
    # A translator may still point a translation at the partner's site in its language.
    override_translatable_fields = [SynchronizedField("url"), SynchronizedField("sort_order")]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("kind"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order", "name"]
        verbose_name = _("partenaire")
        verbose_name_plural = _("partenaires")

    def __str__(self):
        return self.name


class PartnershipsPage(SingletonPerLocaleMixin, BasePage):
    """The « Partenariats » page: an introduction, free content, then the partners of this
    language (the « Partenaires » snippets), grouped by type."""

    lead = lead_field(_("Présentation des partenariats de l’OIM, affichée sous le titre."))
    body = body_field()

    content_panels = [*BasePage.content_panels, FieldPanel("lead"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("lead"), index.SearchField("body")]

    parent_page_types = ["core.SectionPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("page des partenariats")

    def display_data(self):
        partners = Partner.objects.filter(locale_id=self.locale_id)
        return {"partner_groups": partners_by_kind(partners, PARTNER_KIND_HEADINGS)}


class WhereWeWorkPage(SingletonPerLocaleMixin, BasePage):
    """The « Où travaillons-nous » page: the headquarters and the regional offices, region
    by region, entered as structured entries rather than free text."""

    lead = lead_field(_("Présentation de la présence de l’OIM dans le monde."))
    regions = StreamField(
        RegionsStreamBlock(),
        blank=True,
        verbose_name=_("régions et bureaux"),
        help_text=_(
            "Une entrée par région (ou pour le siège), avec ses bureaux, dans l’ordre d’affichage."
        ),
    )

    content_panels = [*BasePage.content_panels, FieldPanel("lead"), FieldPanel("regions")]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("lead"),
        index.SearchField("regions"),
    ]

    parent_page_types = ["core.SectionPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("page « Où travaillons-nous »")


class FormField(TranslatableMixin, AbstractFormField):
    """One field of the « Engagez-vous » form, translated with its page."""

    page = ParentalKey(
        "partnerships.EngagementFormPage", on_delete=models.CASCADE, related_name="form_fields"
    )

    panels = [
        FieldPanel("label", help_text=_("Le libellé affiché au-dessus du champ.")),
        FieldPanel("help_text", help_text=_("Une aide facultative affichée sous le libellé.")),
        FieldPanel("required", help_text=_("Cocher si le champ doit être rempli.")),
        FieldPanel(
            "field_type",
            classname="formbuilder-type",
            required_on_save=True,
            help_text=_("Le type de saisie : texte, courriel, case à cocher…"),
        ),
        FieldPanel(
            "choices",
            classname="formbuilder-choices",
            help_text=_("Pour les listes et les cases : un choix par ligne."),
        ),
        FieldPanel(
            "default_value",
            classname="formbuilder-default",
            help_text=_("Valeur proposée d’avance, facultative."),
        ),
    ]
    # Submissions are keyed by clean_name: every language must use the same keys.
    override_translatable_fields = [SynchronizedField("clean_name", overridable=False)]

    class Meta(TranslatableMixin.Meta, AbstractFormField.Meta):
        verbose_name = _("champ du formulaire")
        verbose_name_plural = _("champs du formulaire")


class EngagementFormPage(EmailFormMixin, FormMixin, BasePage):
    """The « Engagez-vous » page: a contact form whose answers are kept under « Formulaires »
    in the admin and sent by email to the team."""

    lead = lead_field(_("Texte d’introduction affiché au-dessus du formulaire."))
    thank_you_text = RichTextField(
        blank=True,
        features=LEAD_FEATURES,
        verbose_name=_("message de remerciement"),
        help_text=_("Le texte affiché une fois le formulaire envoyé."),
    )
    to_address = models.CharField(
        max_length=255,
        blank=True,
        validators=[validate_to_address],
        verbose_name=_("destinataires"),
        help_text=_(
            "Les adresses qui reçoivent chaque message, séparées par des virgules. "
            "Vide : l’adresse de contact du site (réglage CONTACT_FORM_RECIPIENTS)."
        ),
    )
    from_address = models.EmailField(
        max_length=255,
        blank=True,
        verbose_name=_("expéditeur"),
        help_text=_("L’adresse d’envoi des courriels. Vide : l’adresse d’envoi du site."),
    )
    subject = models.CharField(
        max_length=255,
        blank=True,
        verbose_name=_("objet du courriel"),
        help_text=_("L’objet des courriels envoyés à l’équipe. Vide : le titre de la page."),
    )

    form_builder = EngagementFormBuilder

    content_panels = [
        FormSubmissionsPanel(),
        *BasePage.content_panels,
        FieldPanel("lead"),
        InlinePanel("form_fields", heading=_("Champs du formulaire"), label=_("champ")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("to_address"), FieldPanel("from_address")]),
                FieldPanel("subject"),
            ],
            heading=_("Envoi par courriel"),
        ),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("lead")]
    override_translatable_fields = [
        SynchronizedField("to_address"),
        SynchronizedField("from_address"),
    ]

    parent_page_types = ["core.SectionPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("page de formulaire « Engagez-vous »")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["honeypot_field"] = HONEYPOT_FIELD
        return context

    def serve(self, request, *args, **kwargs):
        if request.method != "POST":
            return super().serve(request, *args, **kwargs)

        throttle = SubmissionThrottle(request)
        if throttle.exceeded():
            form = self.get_form(request.POST, page=self, user=request.user)
            response = self.render_form(request, form, status=429, rate_limited=True)
            response["Retry-After"] = str(throttle.window)
            return response

        if request.POST.get(HONEYPOT_FIELD):
            throttle.record()
            logger.info("Engagement form: honeypot filled, submission discarded")
            return self.render_landing_page(request, None, *args, **kwargs)

        form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
        if not form.is_valid():
            return self.render_form(request, form)
        throttle.record()
        submission = self.process_form_submission(form)
        return self.render_landing_page(request, submission, *args, **kwargs)

    def render_form(self, request, form, status=200, rate_limited=False):
        context = self.get_context(request)
        context["form"] = form
        context["rate_limited"] = rate_limited
        return TemplateResponse(request, self.get_template(request), context, status=status)

    def recipients(self):
        if self.to_address:
            return [address.strip() for address in self.to_address.split(",") if address.strip()]
        return list(settings.CONTACT_FORM_RECIPIENTS)

    def process_form_submission(self, form):
        submission = self.get_submission_class().objects.create(
            form_data=form.cleaned_data, page=self
        )
        try:
            self.send_mail(form)
        except (SMTPException, OSError):
            # The answer is kept in the admin: a mail outage must not lose it or fail the visitor.
            logger.exception("Engagement form: notification email could not be sent")
        return submission

    def send_mail(self, form):
        reply_to = [
            value
            for name, value in form.cleaned_data.items()
            if value and isinstance(form.fields[name], django.forms.EmailField)
        ][:1]
        send_mail(
            self.subject or self.title,
            self.render_email(form),
            self.recipients(),
            self.from_address,
            reply_to=reply_to or None,
        )
