"""Media on S3-compatible storage: what production settings choose, and a real round trip.

The round trip runs against moto's S3 server, started as its own process on loopback: the
site talks to it over HTTP exactly as it would to AWS, MinIO or any S3-compatible store.
"""

import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from io import BytesIO
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile

from wagtail.documents import get_document_model
from wagtail.images import get_image_model

import boto3
import pytest
from PIL import Image as PILImage

from tests.helpers.servers import free_port

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "iom_site.settings.production",
    "DJANGO_SECRET_KEY": "k3y-" + "x9Y!" * 16,
    "DJANGO_ALLOWED_HOSTS": "iom.example",
    "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
    "PUBLIC_BASE_URL": "https://iom.example",
}
CREDENTIALS = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"}


def run_production(code, env):
    """Runs `code` under production settings with exactly `env` as the AWS configuration."""
    environment = {
        key: value
        for key, value in os.environ.items()
        # The machine's own AWS variables, if any, must not leak into what is tested.
        if not key.startswith("AWS_") and key != "DJANGO_ALLOW_ASYNC_UNSAFE"
    }
    environment.update(PRODUCTION, **env)
    return subprocess.run(  # noqa: S603
        [sys.executable, *code],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def production_storages(env):
    result = run_production(
        [
            "-c",
            "import json, django; django.setup(); from django.conf import settings; "
            "print(json.dumps(settings.STORAGES))",
        ],
        env,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def s3_endpoint():
    port = free_port()
    process = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    endpoint = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(endpoint, timeout=2)
            break
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                raise
            time.sleep(0.2)
    yield endpoint
    process.terminate()
    process.wait(timeout=20)


@pytest.fixture(scope="module")
def bucket(s3_endpoint):
    """A new bucket for this module's tests; returns (name, boto3 client)."""
    client = boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    name = f"iom-media-{uuid.uuid4().hex[:12]}"
    client.create_bucket(Bucket=name)
    # The policy docs/deployment.md recommends: anyone may read renditions (they are in
    # public pages); originals and documents stay private.
    client.put_bucket_policy(Bucket=name, Policy=json.dumps(public_renditions_policy(name)))
    return name, client


def public_renditions_policy(bucket_name, location="media"):
    return {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "PublicRenditions",
                "Effect": "Allow",
                "Principal": "*",
                "Action": "s3:GetObject",
                "Resource": f"arn:aws:s3:::{bucket_name}/{location}/images/*",
            }
        ],
    }


def anonymous_get(url):
    """Status, headers and body of a GET without credentials, as a browser makes it."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - loopback
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def keys_in(bucket):
    name, client = bucket
    return sorted(item["Key"] for item in client.list_objects_v2(Bucket=name).get("Contents", []))


def png(width=640, height=400):
    buffer = BytesIO()
    PILImage.new("RGB", (width, height), (0, 92, 169)).save(buffer, format="PNG")
    return buffer.getvalue()


def files_under(folder):
    return [path for path in Path(folder).rglob("*") if path.is_file()]


def test_production_keeps_media_on_local_disk_without_a_bucket():
    storages = production_storages({})
    assert storages["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert storages["staticfiles"]["BACKEND"] == (
        "whitenoise.storage.CompressedManifestStaticFilesStorage"
    )


def test_production_puts_media_on_s3_when_a_bucket_is_named():
    storages = production_storages(
        {
            "AWS_STORAGE_BUCKET_NAME": "iom-media",
            "AWS_S3_ENDPOINT_URL": "https://s3.example.org",
            "AWS_S3_REGION_NAME": "eu-west-3",
            "AWS_S3_CUSTOM_DOMAIN": "media.iom.example",
            "AWS_LOCATION": "/site/",
            **CREDENTIALS,
        }
    )
    default = storages["default"]
    assert default["BACKEND"] == "storages.backends.s3.S3Storage"
    options = default["OPTIONS"]
    assert options["bucket_name"] == "iom-media"
    assert options["endpoint_url"] == "https://s3.example.org"
    assert options["region_name"] == "eu-west-3"
    assert options["custom_domain"] == "media.iom.example"
    assert options["location"] == "site"
    # Image URLs live in cached pages: they must not be signed URLs that expire.
    assert options["querystring_auth"] is False
    assert options["file_overwrite"] is False
    # Static files stay with whitenoise whatever happens to media.
    assert storages["staticfiles"]["BACKEND"] == (
        "whitenoise.storage.CompressedManifestStaticFilesStorage"
    )


def test_production_with_a_bucket_and_no_keys_leaves_credentials_to_the_iam_role():
    options = production_storages({"AWS_STORAGE_BUCKET_NAME": "iom-media"})["default"]["OPTIONS"]
    assert options["access_key"] is None
    assert options["secret_key"] is None


@pytest.mark.parametrize(
    ("env", "message"),
    [
        (
            {"AWS_ACCESS_KEY_ID": "AKIAEXAMPLE"},
            "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY go together: set both, or neither "
            "to use the server's IAM role",
        ),
        (
            {"AWS_SECRET_ACCESS_KEY": "secret"},
            "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY go together: set both, or neither "
            "to use the server's IAM role",
        ),
        (
            {"AWS_S3_CUSTOM_DOMAIN": "https://media.iom.example", **CREDENTIALS},
            "AWS_S3_CUSTOM_DOMAIN is a host name such as media.example.org, without https://",
        ),
    ],
)
def test_production_refuses_an_inconsistent_bucket_configuration_in_one_line(env, message):
    result = run_production(["manage.py", "check"], {"AWS_STORAGE_BUCKET_NAME": "iom-media", **env})
    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == [f"Configuration error: {message}"]


def bucket_env(bucket, s3_endpoint, **extra):
    return {
        "AWS_STORAGE_BUCKET_NAME": bucket[0],
        "AWS_S3_ENDPOINT_URL": s3_endpoint,
        "AWS_S3_REGION_NAME": "us-east-1",
        "AWS_LOCATION": "media",
        **CREDENTIALS,
        **extra,
    }


@pytest.fixture(scope="module")
def s3_storages(bucket, s3_endpoint):
    """STORAGES as production settings build them for the loopback S3 server."""
    return production_storages(bucket_env(bucket, s3_endpoint))


@pytest.fixture
def s3_media(s3_storages, settings, tmp_path):
    """Production's storage configuration in this process; returns the (empty) MEDIA_ROOT.

    MEDIA_ROOT moves to a new folder so that the tests can see nothing lands on disk.
    """
    settings.STORAGES = s3_storages
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.mark.django_db
def test_an_uploaded_image_and_its_rendition_live_in_the_bucket(s3_media, bucket, s3_endpoint):
    media_root = s3_media
    image = get_image_model().objects.create(
        title="Carte des bureaux",
        description="Carte des bureaux de l'OIM en Afrique de l'Ouest",
        file=ImageFile(BytesIO(png()), name="carte-des-bureaux.png"),
    )
    rendition = image.get_rendition("fill-320x200|format-webp")

    keys = keys_in(bucket)
    assert image.file.name.startswith("original_images/carte-des-bureaux")
    assert f"media/{image.file.name}" in keys
    assert f"media/{rendition.file.name}" in keys
    assert (image.width, image.height) == (640, 400)
    assert (rendition.width, rendition.height) == (320, 200)

    # What a visitor's browser does with the <img src>: fetch it from the bucket.
    assert rendition.url == f"{s3_endpoint}/{bucket[0]}/media/{rendition.file.name}"
    status, headers, body = anonymous_get(rendition.url)
    assert status == 200
    assert body[:4] == b"RIFF"
    assert body[8:12] == b"WEBP"
    assert headers["Cache-Control"] == "public, max-age=86400"
    # The original upload (full size, with its metadata) is not for the public.
    assert anonymous_get(image.file.url)[0] == 403

    assert files_under(media_root) == []


@pytest.mark.django_db
def test_rendition_urls_use_the_custom_domain(bucket, s3_endpoint, settings, tmp_path):
    settings.STORAGES = production_storages(
        bucket_env(bucket, s3_endpoint, AWS_S3_CUSTOM_DOMAIN="media.iom.example")
    )
    media_root = settings.MEDIA_ROOT = tmp_path / "media"
    image = get_image_model().objects.create(
        title="Partenaires",
        description="Logos des partenaires",
        file=ImageFile(BytesIO(png(200, 200)), name="partenaires.png"),
    )
    rendition = image.get_rendition("max-100x100|format-webp")

    assert rendition.url == f"https://media.iom.example/media/{rendition.file.name}"
    assert f"media/{rendition.file.name}" in keys_in(bucket)
    assert files_under(media_root) == []


@pytest.mark.django_db
def test_two_uploads_with_the_same_name_stay_two_files(s3_media, bucket):
    first, second = (
        get_image_model().objects.create(
            title=title,
            description=title,
            file=ImageFile(BytesIO(png(100 + index, 100)), name="photo.png"),
        )
        for index, title in enumerate(["Atelier", "Forum"])
    )
    assert first.file.name != second.file.name
    assert {f"media/{first.file.name}", f"media/{second.file.name}"} <= set(keys_in(bucket))
    assert first.file.read() != second.file.read()


@pytest.mark.django_db
def test_documents_are_served_by_the_site_from_the_bucket(s3_media, bucket, client):
    media_root = s3_media
    content = "pays;projets\nSénégal;12\nNiger;7\n".encode()
    document = get_document_model().objects.create(
        title="Projets par pays", file=ContentFile(content, name="projets-par-pays.csv")
    )
    assert f"media/{document.file.name}" in keys_in(bucket)

    # Visitors get the site's own address, never the bucket's: privacy checks apply there.
    assert document.url == f"/documents/{document.pk}/projets-par-pays.csv"
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == content
    assert response["Content-Disposition"].startswith("attachment")
    # The bucket itself does not hand the file to anyone who guesses its address.
    assert anonymous_get(document.file.url)[0] == 403
    assert files_under(media_root) == []
