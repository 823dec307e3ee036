"""Images need their alt text at upload and land in the team's collection; documents keep
to the allowed formats."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, UploadedFile

import pytest
from PIL import Image as PILImage

pytestmark = pytest.mark.django_db


def png(name="photo.png"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), "#0033a0").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def collection(name):
    return Collection.objects.get(name=name)


def test_an_image_without_alt_text_is_refused_at_upload(people, client_for):
    data = {"title": "Photo", "file": png(), "collection": collection("Communication").pk}

    response = client_for("editor").post(reverse("wagtailimages:add"), data)

    assert response.status_code == 200
    assert "description" in response.context["form"].errors
    assert not get_image_model().objects.exists()


def test_an_image_with_alt_text_is_saved_in_the_editors_collection(people, client_for):
    data = {
        "title": "Photo",
        "file": png(),
        "description": "Une femme devant un bureau de l’OIM",
        "collection": collection("Communication").pk,
    }

    response = client_for("editor").post(reverse("wagtailimages:add"), data)

    assert response.status_code == 302
    image = get_image_model().objects.get()
    assert image.default_alt_text == "Une femme devant un bureau de l’OIM"
    assert image.collection.name == "Communication"


def test_editors_upload_into_their_collection_whatever_they_ask(people, client_for):
    data = {
        "title": "Photo",
        "file": png(),
        "description": "Texte",
        "collection": collection("Traduction").pk,
    }
    client_for("editor").post(reverse("wagtailimages:add"), data)
    # Communication is the only collection they may add to: Wagtail files it there.
    assert get_image_model().objects.get().collection.name == "Communication"


def test_translators_cannot_upload_images(people, client_for):
    data = {"title": "Foto", "file": png(), "description": "Texto"}
    response = client_for("translator").post(reverse("wagtailimages:add"), data)
    assert response.status_code in (302, 403)
    assert not get_image_model().objects.exists()


def test_the_multiple_uploader_asks_for_the_alt_text_before_saving_the_image(people, client_for):
    client = client_for("editor")
    response = client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": png(), "collection": collection("Communication").pk},
    )

    assert response.json()["success"]
    assert not get_image_model().objects.exists()
    upload = UploadedFile.objects.get()
    url = reverse("wagtailimages:create_multiple_from_uploaded_image", args=[upload.pk])
    prefix = f"uploaded-image-{upload.pk}"
    response = client.post(
        url,
        {
            f"{prefix}-title": "Photo",
            f"{prefix}-description": "Des bureaux à Genève",
            f"{prefix}-collection": collection("Communication").pk,
            f"{prefix}-tags": "",
        },
    )
    assert response.json()["success"]
    assert get_image_model().objects.get().description == "Des bureaux à Genève"


@pytest.mark.parametrize(("name", "accepted"), [("rapport.pdf", True), ("outil.exe", False)])
def test_documents_keep_to_the_allowed_formats(people, client_for, name, accepted):
    data = {
        "title": "Rapport",
        "file": SimpleUploadedFile(name, b"%PDF-1.4 contenu", content_type="application/pdf"),
        "collection": collection("Communication").pk,
    }
    client_for("editor").post(reverse("wagtaildocs:add"), data)
    assert get_document_model().objects.exists() is accepted
