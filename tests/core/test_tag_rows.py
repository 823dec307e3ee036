"""The rows that file a page under a tag (its themes, its SDG targets) share core's
abstract TagRow: an abstract base has no table, so the rows' tables and migrations are
what they were (makemigrations finds nothing to write), and each row keeps one row per
translation, in the editors' order, with its own editor help."""

from django.core.management import call_command

import pytest

from iom_site.core.models import TagRow
from news.models import StorySDGTarget, StoryTheme
from publications.models import PublicationRegion, PublicationSDGTarget, PublicationTheme

ROWS = (StoryTheme, StorySDGTarget, PublicationTheme, PublicationSDGTarget, PublicationRegion)


@pytest.mark.django_db
def test_the_tag_rows_need_no_migration():
    # SystemExit(1) if a model's state differs from its migrations.
    call_command("makemigrations", "news", "publications", "--check", "--dry-run", verbosity=0)


@pytest.mark.parametrize("model", ROWS)
def test_each_tag_row_is_a_translatable_ordered_row(model):
    assert issubclass(model, TagRow) and not model._meta.abstract
    assert model._meta.unique_together == (("translation_key", "locale"),)
    assert model._meta.ordering == ["sort_order"]


def test_each_tag_keeps_its_own_help():
    helps = {
        str(model._meta.get_field(name).help_text)
        for model, name in (
            (StoryTheme, "theme"),
            (PublicationTheme, "theme"),
            (StorySDGTarget, "target"),
            (PublicationSDGTarget, "target"),
        )
    }
    assert len(helps) == 4
