"""The editorial roles of DESIGN.md (« Roles and permissions »), as data, and how to apply them.

Migrations apply them (core.0004), so every environment has the same groups. To change a
role, edit it here and add a migration that calls ``apply_roles`` again: it resets each
group to what is written here. It only uses the app registry it is given, so it runs on a
migration's historical models as well as on the live ones.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext_noop

EDITORS = "Communications editors"
MODERATORS = "Moderators"
TRANSLATORS = "Translators"
# Wagtail creates « Editors » and « Moderators » with rights over the whole tree. « Moderators »
# is kept (its name is ours too) and reset below; « Editors » would be a back door, so it goes.
WAGTAIL_DEFAULT_GROUPS_TO_DELETE = ("Editors",)
# Wagtail names both its default workflow and its task so.
WAGTAIL_DEFAULT_WORKFLOW = gettext_noop("Moderators approval")

# Stored as written here; the admin shows them in the reader's language (editorial's
# workflow_names), hence gettext_noop: the catalogues hold their French and Spanish.
REVIEW_WORKFLOW = gettext_noop("Review")
REVIEW_TASK = gettext_noop("Moderators review")
COMMUNICATION = "Communication"
TRANSLATION = "Traduction"
ROOT_COLLECTION = None

# Wagtail adds these permissions to snippets having the matching mixin's field
# (wagtail.snippets.models.create_extra_permissions).
SNIPPET_FEATURE_FIELDS = {"publish": "live", "lock": "locked", "unlock": "locked"}
# Snippets with drafts that go through the Review workflow like pages do.
WORKFLOW_SNIPPETS = ("core.mainmenu", "core.footer")

SOURCE_LANGUAGE = settings.LANGUAGE_CODE
TARGET_LANGUAGES = tuple(
    code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES if code != SOURCE_LANGUAGE
)
ALL_PAGE_RIGHTS = (
    "add_page",
    "change_page",
    "publish_page",
    "bulk_delete_page",
    "lock_page",
    "unlock_page",
)


def media(*actions):
    """Image and document permissions for the given actions."""
    return tuple(
        f"{app_label}.{action}_{model_name}"
        for app_label, model_name in (("wagtailimages", "image"), ("wagtaildocs", "document"))
        for action in actions
    )


@dataclass(frozen=True)
class Role:
    name: str
    # Model-wide permissions, as "app_label.codename".
    permissions: tuple = ()
    # Actions on every translatable snippet; core.permissions limits them to the languages
    # whose page tree the person may edit.
    snippet_actions: tuple = ()
    # Language code -> page permission codenames, granted on that language's home page.
    pages: dict = field(default_factory=dict)
    # Collection name (None: the root collection) -> "app_label.codename" permissions.
    collections: dict = field(default_factory=dict)

    def model_permissions(self):
        return (*self.permissions, *snippet_permissions(self.snippet_actions))


def snippet_permissions(actions):
    labels = (label.lower().split(".") for label in settings.EDITORIAL_TRANSLATABLE_SNIPPETS)
    return tuple(
        f"{app_label}.{action}_{model_name}"
        for app_label, model_name in labels
        for action in actions
    )


ROLES = (
    Role(
        EDITORS,
        permissions=("wagtailadmin.access_admin",),
        snippet_actions=("add", "change"),
        # "lock" lets them lock (and unlock) the pages they locked themselves. In their
        # collection, « change » includes deleting (Wagtail's collection permission rule).
        pages={SOURCE_LANGUAGE: ("add_page", "change_page", "lock_page")},
        collections={
            ROOT_COLLECTION: media("choose"),
            COMMUNICATION: media("add", "change", "choose"),
        },
    ),
    Role(
        MODERATORS,
        permissions=(
            "wagtailadmin.access_admin",
            "wagtail_localize.submit_translation",
            "wagtailredirects.add_redirect",
            "wagtailredirects.change_redirect",
            "wagtailredirects.delete_redirect",
            # Answers to the site's forms hold personal data: moderators only (wagtail_hooks).
            "wagtailforms.view_formsubmission",
            "wagtailforms.delete_formsubmission",
            # Skipped while wagtail.contrib.search_promotions is not installed.
            "wagtailsearchpromotions.add_searchpromotion",
            "wagtailsearchpromotions.change_searchpromotion",
            "wagtailsearchpromotions.delete_searchpromotion",
        ),
        snippet_actions=("add", "change", "delete", "publish", "lock", "unlock"),
        pages=dict.fromkeys((SOURCE_LANGUAGE, *TARGET_LANGUAGES), ALL_PAGE_RIGHTS),
        collections={ROOT_COLLECTION: media("add", "change", "choose")},
    ),
    Role(
        TRANSLATORS,
        permissions=("wagtailadmin.access_admin",),
        snippet_actions=("change",),
        pages=dict.fromkeys(TARGET_LANGUAGES, ("change_page",)),
        # Choose only, but for documents in « Traduction »: a translator uploads there the
        # file of their language of a publication (publications.0002). In Wagtail,
        # whoever may add a document may also change and delete their own uploads, so
        # images stay choose-only; moderators file translated images in « Traduction ».
        collections={
            ROOT_COLLECTION: media("choose"),
            TRANSLATION: (*media("choose"), "wagtaildocs.add_document"),
        },
    ),
)


def apply_roles(apps, roles=ROLES):
    """Create or reset the groups, their collections and the Review workflow."""
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS_TO_DELETE).delete()
    homes = home_pages(apps)
    collections = ensure_collections(apps, [COMMUNICATION, TRANSLATION])
    for role in roles:
        group, _created = Group.objects.get_or_create(name=role.name)
        group.permissions.set(
            [perm for perm in (permission(apps, name) for name in role.model_permissions()) if perm]
        )
        GroupPagePermission.objects.filter(group=group).delete()
        GroupPagePermission.objects.bulk_create(
            GroupPagePermission(
                group=group,
                page_id=homes[code].pk,
                permission=permission(apps, f"wagtailcore.{codename}"),
            )
            for code, codenames in role.pages.items()
            for codename in codenames
        )
        GroupCollectionPermission.objects.filter(group=group).delete()
        GroupCollectionPermission.objects.bulk_create(
            GroupCollectionPermission(
                group=group, collection=collections[name], permission=permission(apps, perm)
            )
            for name, perms in role.collections.items()
            for perm in perms
        )
    ensure_review_workflow(apps, homes)


def home_pages(apps):
    """{language code: home page}: the pages core.0002 created, one per content language."""
    HomePage = apps.get_model("core", "HomePage")
    homes = {
        home.locale.language_code: home
        for home in HomePage.objects.select_related("locale").order_by("path")
    }
    missing = {SOURCE_LANGUAGE, *TARGET_LANGUAGES} - homes.keys()
    if missing:
        raise LookupError(f"No home page for {sorted(missing)}: core.0002 creates them.")
    return homes


def permission(apps, name):
    """The Permission "app_label.codename", created if its model defines it but Django has
    not made it yet (it does so after the last migration). None if the app is not installed
    or the model has no such permission (only draftable snippets are published, say)."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    app_label, codename = name.split(".")
    action, model_name = codename.rsplit("_", 1)
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError:
        return None
    content_type, _created = ContentType.objects.get_or_create(
        app_label=app_label, model=model._meta.model_name
    )
    existing = Permission.objects.filter(content_type=content_type, codename=codename).first()
    if existing is not None:
        return existing
    declared = dict(model._meta.permissions)
    field_names = {field.name for field in model._meta.get_fields()}
    if not (
        codename in declared
        or action in model._meta.default_permissions
        or SNIPPET_FEATURE_FIELDS.get(action) in field_names
    ):
        return None
    label = declared.get(codename) or f"Can {action} {model._meta.verbose_name_raw}"
    return Permission.objects.create(content_type=content_type, codename=codename, name=label)


def ensure_collections(apps, names):
    """{name: collection} for the root and the named collections under it."""
    Collection = apps.get_model("wagtailcore", "Collection")
    root = Collection.objects.filter(depth=1).first()
    if root is None:
        root = Collection.objects.create(name="Root", path="0001", depth=1, numchild=0)
    collections = {ROOT_COLLECTION: root}
    for name in names:
        collection = Collection.objects.filter(depth=2, name=name).first()
        if collection is None:
            collection = add_child_collection(Collection, root, name)
        collections[name] = collection
    return collections


def add_child_collection(Collection, parent, name):
    # Historical models have no treebeard methods: write the materialised path by hand
    # (four base-36 digits per level, as Wagtail's own migrations do).
    last = (
        Collection.objects.filter(depth=parent.depth + 1, path__startswith=parent.path)
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    step = int(last[-4:], 36) + 1 if last else 1
    collection = Collection.objects.create(
        name=name, path=parent.path + base36(step).zfill(4), depth=parent.depth + 1, numchild=0
    )
    Collection.objects.filter(pk=parent.pk).update(
        numchild=Collection.objects.filter(
            depth=parent.depth + 1, path__startswith=parent.path
        ).count()
    )
    return collection


def base36(number):
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    text = ""
    while number:
        number, remainder = divmod(number, 36)
        text = digits[remainder] + text
    return text or "0"


def ensure_review_workflow(apps, homes):
    """The Review workflow: one task, approved by Moderators, on every language tree and on
    the navigation snippets. Wagtail's default workflow on the root page is switched off."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")

    task = GroupApprovalTask.objects.filter(name=REVIEW_TASK).first()
    if task is None:
        task_type, _created = ContentType.objects.get_or_create(
            app_label="wagtailcore", model="groupapprovaltask"
        )
        task = GroupApprovalTask.objects.create(name=REVIEW_TASK, content_type=task_type)
    task.active = True
    task.save()
    task.groups.set([Group.objects.get(name=MODERATORS)])

    workflow, _created = Workflow.objects.update_or_create(
        name=REVIEW_WORKFLOW, defaults={"active": True}
    )
    WorkflowTask.objects.get_or_create(
        workflow=workflow, task_id=task.pk, defaults={"sort_order": 0}
    )
    for home in homes.values():
        WorkflowPage.objects.update_or_create(page_id=home.pk, defaults={"workflow": workflow})
    for label in WORKFLOW_SNIPPETS:
        app_label, model_name = label.split(".")
        content_type, _created = ContentType.objects.get_or_create(
            app_label=app_label, model=model_name
        )
        WorkflowContentType.objects.update_or_create(
            content_type=content_type, defaults={"workflow": workflow}
        )

    for default in Workflow.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW):
        WorkflowPage.objects.filter(workflow=default).delete()
        default.active = False
        default.save()
