"""Many pages fast, for the tests of admin views at scale: page rows written in bulk at
their tree positions (treebeard's materialised paths), then their page type's own rows
(multi-table inheritance, which Django's bulk_create refuses) with every field at its
default. A thousand children take about a second; one by one, minutes."""

from django.contrib.contenttypes.models import ContentType
from django.db import connection

from wagtail.models import Page

from iom_site.core.models import StandardPage


def add_many_children(parent, count, title="Page {n}", model=StandardPage):
    parent = Page.objects.get(pk=parent.pk)
    start = parent.numchild
    content_type = ContentType.objects.get_for_model(model)
    pages = [
        Page(
            title=title.format(n=n),
            draft_title=title.format(n=n),
            slug=f"page-{start + n}",
            content_type=content_type,
            locale_id=parent.locale_id,
            path=Page._get_path(parent.path, parent.depth + 1, start + n + 1),
            depth=parent.depth + 1,
            numchild=0,
            url_path=f"{parent.url_path}page-{start + n}/",
            live=True,
            has_unpublished_changes=False,
        )
        for n in range(count)
    ]
    Page.objects.bulk_create(pages, batch_size=500)
    created = Page.objects.filter(path__in=[page.path for page in pages]).values_list(
        "pk", flat=True
    )
    fields = [f for f in model._meta.local_concrete_fields if f.name != "page_ptr"]
    defaults = [f.get_db_prep_save(f.get_default(), connection) for f in fields]
    names = [
        connection.ops.quote_name("page_ptr_id"),
        *(connection.ops.quote_name(f.column) for f in fields),
    ]
    placeholders = ", ".join(["%s"] * len(names))
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {connection.ops.quote_name(model._meta.db_table)} "  # noqa: S608 (quoted names from the model)
            f"({', '.join(names)}) VALUES ({placeholders})",
            [[pk, *defaults] for pk in created],
        )
    Page.objects.filter(pk=parent.pk).update(numchild=start + count)
    return Page.objects.child_of(parent)
