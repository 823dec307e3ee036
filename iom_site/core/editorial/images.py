from django.utils.translation import gettext_lazy as _

from wagtail.images.forms import BaseImageForm


class AltTextImageForm(BaseImageForm):
    """WAGTAILIMAGES_IMAGE_FORM_BASE. An image's description is its alt text
    (Image.default_alt_text): required at upload, so no image reaches a page without one.
    The multiple uploader then asks for it before the image is saved."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "description" in self.fields:
            field = self.fields["description"]
            field.required = True
            field.label = _("Texte alternatif")
            field.help_text = _(
                "Ce que l’image montre, pour qui ne la voit pas (lecteurs d’écran, image non chargée)."
            )
