from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from wagtail.documents.forms import BaseDocumentForm


class AllowedFormatsDocumentForm(BaseDocumentForm):
    """WAGTAILDOCS_DOCUMENT_FORM_BASE. The upload says which files it takes before the
    editor tries one it refuses (WAGTAILDOCS_EXTENSIONS, WAGTAILDOCS_MAX_UPLOAD_SIZE),
    on the single and the multiple uploader alike."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            self.fields["file"].help_text = allowed_formats_text()


def allowed_formats_text():
    extensions = ", ".join(ext.upper() for ext in settings.WAGTAILDOCS_EXTENSIONS)
    return _("Formats acceptés : %(formats)s. Taille maximale : %(size)s.") % {
        "formats": extensions,
        "size": filesizeformat(settings.WAGTAILDOCS_MAX_UPLOAD_SIZE),
    }
