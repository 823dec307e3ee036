"""The default seed invents no story and no picture; `--demo` adds example stories, in
three languages, each marked « Exemple » with an illustration drawn by the command,
idempotently; production refuses it."""

from io import StringIO

from django.core.management import CommandError, call_command

from wagtail.images import get_image_model
from wagtail.models import Revision

import pytest

from news.models import StoryPage

pytestmark = pytest.mark.django_db(transaction=True)

MARKS = {"fr": "Exemple : ", "en": "Example: ", "es": "Ejemplo: "}


def test_the_default_seed_has_no_story_and_demo_adds_marked_examples_once(settings):
    settings.PAGE_CACHE_ENABLED = False
    call_command("load_seed_content", stdout=StringIO())
    assert StoryPage.objects.count() == 0
    assert get_image_model().objects.count() == 0

    call_command("load_seed_content", "--demo", stdout=StringIO())
    stories = StoryPage.objects.live().select_related("locale")
    assert stories.count() == 12  # four in each language
    for story in stories:
        assert story.title.startswith(MARKS[story.locale.language_code]), story.title
    images = list(get_image_model().objects.all())
    assert len(images) == 3 and all(image.title.startswith("Exemple") for image in images)
    assert all(image.has_focal_point() for image in images)

    revisions = Revision.objects.count()
    call_command("load_seed_content", "--demo", stdout=StringIO())
    assert Revision.objects.count() == revisions
    assert get_image_model().objects.count() == 3


def test_production_refuses_the_demo_content(settings):
    settings.SEED_DEMO_ALLOWED = False
    with pytest.raises(CommandError, match="never loaded in production"):
        call_command("load_seed_content", "--demo", stdout=StringIO())
    assert StoryPage.objects.count() == 0


@pytest.mark.django_db(transaction=False)
def test_the_production_settings_refuse_demo_with_one_readable_line(tmp_path):
    from tests.ops.test_settings import VALID, manage

    result = manage(
        "load_seed_content",
        "--demo",
        **VALID,
        DATABASE_URL=f"sqlite:///{tmp_path / 'untouched.sqlite3'}",
    )
    assert result.returncode != 0
    assert result.stderr.strip().splitlines()[-1] == (
        "CommandError: --demo is refused here: example content is never loaded in production"
    )
    assert not (tmp_path / "untouched.sqlite3").exists()
