"""A page's hero image: the image is shared by every language (a translation may choose
another), its alternative text, caption and credit are text each language translates."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel


class HeroImageMixin(models.Model):
    """The large image at the top of a page, with what a screen reader says in its place
    and what the reader sees under it."""

    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image principale"),
        help_text=_(
            "L’image en tête de page. Placez son point d’intérêt dans la bibliothèque "
            "d’images : les recadrages le gardent visible."
        ),
    )
    hero_image_alt = models.CharField(
        max_length=255,
        blank=True,
        verbose_name=_("texte alternatif de l’image"),
        help_text=_(
            "Ce que montre l’image, pour qui ne la voit pas. Repris de la description de "
            "l’image quand vous la choisissez ; à traduire dans chaque langue."
        ),
    )
    hero_image_caption = models.CharField(
        max_length=255,
        blank=True,
        verbose_name=_("légende de l’image"),
        help_text=_("Ce que le lecteur doit savoir de l’image : lieu, date, personnes."),
    )
    hero_image_credit = models.CharField(
        max_length=255,
        blank=True,
        verbose_name=_("crédit de l’image"),
        help_text=_("L’auteur ou le détenteur des droits, par exemple « © OIM 2024 / Nom »."),
    )

    hero_image_panels = [
        MultiFieldPanel(
            [
                FieldPanel("hero_image"),
                FieldPanel("hero_image_alt"),
                FieldPanel("hero_image_caption"),
                FieldPanel("hero_image_credit"),
            ],
            heading=_("Image principale"),
        )
    ]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        # No image reaches a page without alternative text: the image's description
        # (required at upload) stands in when the editor left the field empty.
        if self.hero_image_id and not self.hero_image_alt.strip():
            self.hero_image_alt = self.hero_image.description or self.hero_image.title
