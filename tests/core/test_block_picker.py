"""The block picker (issue 14, point 9): every body block says what it is for and shows
a preview, with the site's own media when there is some and without when there is none."""

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model

import pytest
import wagtail_factories

from iom_site.core.models import StandardPage

pytestmark = pytest.mark.django_db


def body_blocks():
    return StandardPage._meta.get_field("body").stream_block.child_blocks


def preview(admin_client, block):
    return admin_client.get("/admin/block-preview/", {"id": block.definition_prefix})


def test_every_block_explains_itself_and_previews_even_on_an_empty_site(homes, admin_client):
    for name, block in body_blocks().items():
        assert block.meta.description, name
        assert block.is_previewable, name
        assert preview(admin_client, block).status_code == 200, name


def test_image_and_document_previews_show_the_site_media(homes, admin_client):
    wagtail_factories.ImageFactory(title="Port", description="Des bateaux au port")
    document = get_document_model()(title="Rapport annuel")
    document.file.save("rapport.pdf", ContentFile(b"%PDF-1.4\n"), save=True)
    image = preview(admin_client, body_blocks()["image"]).content.decode()
    assert 'alt="Des bateaux au port"' in image
    assert "Rapport annuel" in preview(admin_client, body_blocks()["document"]).content.decode()
