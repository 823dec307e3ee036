"""Every admin URL, for every role, on a French and an English object, answers as
tests/security/authorization_table.py says (issue 15, « What to add »).

The URL patterns come from Django's resolver (everything under admin/: Wagtail's,
wagtail-localize's and the project's), so a library upgrade that adds an endpoint fails
here until someone decides, in the table, who may open it. GET only: the table says who
may *see* each view; tests/editorial/test_permission_matrix.py and the per-point tests
cover what POSTs change.

To review the table after an upgrade: ``AUTHORIZATION_TABLE_WRITE=1 pytest
tests/security/test_authorization_matrix.py`` writes what every role gets now to
tests/security/authorization_table.observed.py (not committed); compare it with the
table, check each difference, and copy the lines you agree with.
"""

import os
import re
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.messages import ERROR, get_messages
from django.urls import URLResolver, get_resolver

from wagtail.documents import get_document_model
from wagtail.models import GroupPagePermission, Locale, Revision
from wagtail_localize.models import Translation, TranslationSource

import pytest

from iom_site.core.editorial.roles import EDITORS, TRANSLATORS

from .authorization_table import COLUMNS, TABLE, parse_row

pytestmark = pytest.mark.django_db
LANGUAGES = ("fr", "en")
MISSING = "999999"  # an id no object has


def admin_routes():
    """[(route, URL name)] of every pattern under admin/, in the resolver's order."""
    found = []

    def walk(patterns, prefix, namespace):
        for pattern in patterns:
            route = prefix + str(pattern.pattern).lstrip("^").rstrip("$")
            if isinstance(pattern, URLResolver):
                inner = pattern.namespace
                walk(
                    pattern.url_patterns,
                    route,
                    f"{namespace}:{inner}" if namespace and inner else inner or namespace,
                )
            elif route.startswith("admin/"):
                found.append((route, f"{namespace}:{pattern.name}" if namespace else pattern.name))

    walk(get_resolver().url_patterns, "", None)
    return found


PARAMETER = re.compile(r"<(?:(\w+):)?(\w+)>|\(\?P<(\w+)>[^)]*\)|\([^)]*\)")


def parameters(route):
    return [m.group(2) or m.group(3) or "" for m in PARAMETER.finditer(route)]


# ---------------------------------------------------------------- the objects


def make_translator(language, homes):
    """A translator of one language: the Translators role, its page rights on one tree."""
    source = Group.objects.get(name=TRANSLATORS)
    group = Group.objects.create(name=f"{TRANSLATORS} ({language})")
    group.permissions.set(source.permissions.all())
    for grant in GroupPagePermission.objects.filter(group=source, page=homes[language]):
        GroupPagePermission.objects.create(
            group=group, page=grant.page, permission=grant.permission
        )
    for grant in source.collection_permissions.all():
        group.collection_permissions.create(
            collection=grant.collection, permission=grant.permission
        )
    return make(f"translator-{language}", group)


def make(username, group=None, **extra):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "x", **extra)
    if group is not None:
        user.groups.add(group)
    return user


@pytest.fixture
def objects(world, homes, people, client):
    """The world of tests/editorial (a page, a section and a footer in French and English,
    images), translated through wagtail-localize, with revisions and a document."""
    from tests.editorial.test_translation_workflow import submit

    fr_page = world["pages"]["fr"]
    # A second French page, translated by wagtail-localize (the world's English page is
    # a plain copy): its translation gives the translation editor's routes an object.
    from tests.core.factories import StandardPageFactory

    source = StandardPageFactory(parent=homes["fr"], title="Source", slug="source")
    source.save_revision().publish()
    client.force_login(people["operator"])
    assert submit(client, source, "en").status_code == 302
    client.logout()
    en_translated = source.get_translation(Locale.objects.get(language_code="en"))
    for language in LANGUAGES:
        for instance in (world["pages"][language], world["footers"][language]):
            instance.save_revision()
            instance.save_revision()
    document = get_document_model().objects.create(title="Rapport", file="documents/r.pdf")
    return {
        "page": {"fr": fr_page, "en": world["pages"]["en"]},
        "section": world["sections"],
        "footer": world["footers"],
        "image": world["images"]["Communication"],
        "document": document,
        "translation": {
            "fr": None,
            "en": Translation.objects.get(
                source__object_id=source.translation_key, target_locale__language_code="en"
            ),
        },
        "translated_page": {"fr": source, "en": en_translated},
        "source": TranslationSource.objects.get(object_id=source.translation_key),
        "user": people["editor"],
        "group": Group.objects.get(name=EDITORS),
    }


def snippet_model(namespace):
    match = re.fullmatch(r"wagtailsnippets_(\w+?)_(\w+)", namespace or "")
    return match.groups() if match else None


def revisions(instance):
    ids = list(Revision.objects.for_instance(instance).order_by("pk").values_list("pk", flat=True))
    return [str(ids[0]), str(ids[-1])] if ids else [MISSING, MISSING]


def value_for(name, namespace, language, objects):
    """The URL parameter ``name`` for the object in ``language``; None when the
    parameter names no language-specific object."""
    page = objects["page"][language]
    snippet = snippet_model(namespace)
    if name in ("page_id", "parent_page_id", "page_to_move_id", "page_pk"):
        page = objects["translated_page"][language] if "localize" in (namespace or "") else page
        return str(page.pk)
    if name == "destination_id":
        return str(objects["section"][language].pk)
    if name == "pk" and snippet == ("core", "footer"):
        return str(objects["footer"][language].pk)
    if name == "pk" and (namespace or "").startswith("wagtailadmin_pages"):
        return str(page.pk)
    if name in ("revision_id", "revision_id_a", "revision_id_b"):
        instance = objects["footer"][language] if snippet else page
        first, last = revisions(instance)
        return last if name == "revision_id_b" else first
    if name == "translation_id":
        translation = objects["translation"][language]
        return str(translation.pk) if translation else MISSING
    return None


def plain_value(name, namespace, objects):
    """Parameters that name no language-specific object."""
    snippet = snippet_model(namespace)
    namespace = namespace or ""
    if name in ("image_id",) or (name == "pk" and namespace.startswith("wagtailimages")):
        return str(objects["image"].pk)
    if name in ("document_id", "doc_id") or (name == "pk" and namespace.startswith("wagtaildocs")):
        return str(objects["document"].pk)
    if name == "pk" and namespace.startswith("wagtailusers_users"):
        return str(objects["user"].pk)
    if name == "pk" and namespace.startswith("wagtailusers_groups"):
        return str(objects["group"].pk)
    if name == "translation_source_id":
        return str(objects["source"].pk)
    if name in ("app_label", "content_type_app_name", "app_name"):
        return snippet[0] if snippet else "core"
    if name in ("model_name", "content_type_model_name"):
        return snippet[1] if snippet else "footer"
    return MISSING


def language_specific(route, name, objects):
    namespace = name.rpartition(":")[0] if name else None
    return any(
        value_for(parameter, namespace, "fr", objects) is not None
        for parameter in parameters(route)
    )


def url_for(route, name, language, objects):
    namespace = name.rpartition(":")[0] if name else None

    def fill(match):
        parameter = match.group(2) or match.group(3) or ""
        value = value_for(parameter, namespace, language, objects) if language else None
        return value if value is not None else plain_value(parameter, namespace, objects)

    return "/" + PARAMETER.sub(fill, route).replace("\\", "")


# ---------------------------------------------------------------- the answers


def answer(response):
    """ok, login, no (403 or a redirect with an error message), go (another redirect),
    or the status code."""
    status = response.status_code
    if status in (301, 302):
        if response["Location"].startswith("/admin/login/"):
            return "login"
        errors = [m for m in get_messages(response.wsgi_request) if m.level == ERROR]
        return "no" if errors else "go"
    if status == 403:
        return "no"
    if 200 <= status < 300:
        return "ok"
    return str(status)


def users(homes, people):
    """{column: the person signed in (None: anonymous)}; editors and moderators are the
    groups' members of tests/editorial, translators get one language each."""
    return {
        "anonymous": None,
        "translator-en": make_translator("en", homes),
        "translator-es": make_translator("es", homes),
        "editor": people["editor"],
        "moderator": people["moderator"],
        "admin": people["operator"],
    }


SIGN_OUT = {"admin/logout/"}
DELIBERATE_ERRORS = {"admin/error_test/", "admin/failwhale/"}
OBSERVED = Path(__file__).with_name("authorization_table.observed.py")


@pytest.mark.parametrize("role", COLUMNS)
def test_every_admin_url_answers_each_role_as_the_table_says(role, objects, homes, people):
    from django.test import Client

    # Wagtail's logout view signs the person out even as it refuses a GET: last.
    routes = sorted(admin_routes(), key=lambda item: item[0] in SIGN_OUT)
    user = users(homes, people)[role]
    client = Client(raise_request_exception=False)
    if user is not None:
        client.force_login(user)
    observed = {}
    for route, name in routes:
        languages = LANGUAGES if language_specific(route, name, objects) else (None,)
        cells = []
        for language in languages:
            response = client.get(url_for(route, name, language, objects))
            # Only Wagtail's own error test views may fail, on purpose.
            assert response.status_code < 500 or route in DELIBERATE_ERRORS, (
                role,
                route,
                language,
                response.status_code,
            )
            cells.append(answer(response))
        observed[route] = "/".join(cells)

    if os.environ.get("AUTHORIZATION_TABLE_WRITE"):
        write_observed(role, observed)
        return
    unlisted = sorted(set(observed) - set(TABLE))
    assert unlisted == [], "admin URLs missing from authorization_table.py (fail closed)"
    stale = sorted(set(TABLE) - set(observed))
    assert stale == [], "authorization_table.py names URLs that no longer exist"
    column = COLUMNS.index(role)
    wrong = {
        route: (parse_row(TABLE[route])[column], got)
        for route, got in observed.items()
        if parse_row(TABLE[route])[column] != got
    }
    assert wrong == {}, "expected (table) vs observed answers"


def write_observed(role, observed):
    """Merges this role's column into the observed file (one role per test)."""
    rows = {}
    if OBSERVED.exists():
        namespace = {}
        exec(OBSERVED.read_text(), namespace)  # noqa: S102 - our own generated file
        rows = {route: parse_row(row) for route, row in namespace["TABLE"].items()}
    for route, cell in observed.items():
        row = rows.setdefault(route, ["?"] * len(COLUMNS))
        row[COLUMNS.index(role)] = cell
    lines = ["TABLE = {"]
    lines += [f"    {route!r}: {' | '.join(row)!r}," for route, row in rows.items()]
    lines.append("}")
    OBSERVED.write_text("\n".join(lines) + "\n")
