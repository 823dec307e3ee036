"""Factories for the publications library: pages, their inline rows, and PDF documents."""

import datetime

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model
from wagtail.models import Collection

import factory
import wagtail_factories

from publications.models import (
    PublicationIndexPage,
    PublicationPage,
    PublicationRegion,
    PublicationSDGTarget,
    PublicationTheme,
)


def pdf_bytes(text="Rapport"):
    """A small, valid one-page PDF that says ``text``."""
    stream = f"BT /F1 24 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def make_document(title="Rapport", filename="rapport.pdf", text=None):
    document = get_document_model()(title=title, collection=Collection.get_first_root_node())
    content = pdf_bytes(text or title)
    document.file.save(filename, ContentFile(content), save=False)
    document.file_size = len(content)  # what the upload form records
    document.save()
    return document


class PublicationIndexPageFactory(wagtail_factories.PageFactory):
    title = "Publications"
    slug = "publications"
    lead = "<p>Les publications de l’OIM, de la plus récente à la plus ancienne.</p>"

    class Meta:
        model = PublicationIndexPage


class PublicationPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Publication {n}")
    publication_type = "rapport"
    publication_date = factory.Sequence(
        lambda n: datetime.date(2024, 1, 1) + datetime.timedelta(days=n)
    )
    lead = "<p>Le résumé de la publication.</p>"

    class Meta:
        model = PublicationPage


class PublicationThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PublicationTheme


class PublicationSDGTargetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PublicationSDGTarget


class PublicationRegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PublicationRegion
