"""Documents are served by Django: office files download as attachments, PDFs open inline,
and files outside the allow-list cannot be uploaded."""

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model
from wagtail.documents.forms import get_document_form

import pytest

pytestmark = pytest.mark.django_db
Document = get_document_model()


def make(name, content=b"data"):
    document = Document(title=name)
    document.file.save(name, ContentFile(content), save=True)
    return document


def test_office_file_downloads_as_attachment(client):
    document = make("rapport.docx")
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")


def test_pdf_opens_inline(client):
    document = make("strategie.pdf", b"%PDF-1.4\n")
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("inline")


@pytest.mark.parametrize("name", ["page.html", "image.svg", "script.js", "archive.zip"])
def test_upload_form_refuses_files_outside_the_allow_list(name):
    from django.core.files.uploadedfile import SimpleUploadedFile

    Form = get_document_form(Document)
    form = Form(
        data={"title": name, "collection": 1},
        files={"file": SimpleUploadedFile(name, b"<script>alert(1)</script>")},
        user=None,
    )
    assert not form.is_valid()
    assert "file" in form.errors
