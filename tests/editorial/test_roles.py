"""The groups, their rights and the Review workflow exist straight after migrate: no fixture
here creates them (core.0004 does)."""

from django.contrib.auth.models import Group, Permission

from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
)

import pytest

from iom_site.core.editorial.roles import EDITORS, MODERATORS, TRANSLATORS

pytestmark = pytest.mark.django_db


def perms(group):
    return {
        f"{app_label}.{codename}"
        for app_label, codename in group.permissions.values_list(
            "content_type__app_label", "codename"
        )
    }


def page_perms(group):
    return {
        (language, codename)
        for language, codename in GroupPagePermission.objects.filter(group=group).values_list(
            "page__locale__language_code", "permission__codename"
        )
    }


def collection_perms(group):
    return set(
        GroupCollectionPermission.objects.filter(group=group).values_list(
            "collection__name", "permission__codename"
        )
    )


def test_the_three_groups_exist_and_wagtails_editors_group_is_gone():
    assert set(Group.objects.values_list("name", flat=True)) == {EDITORS, MODERATORS, TRANSLATORS}


def test_communications_editors_add_and_change_french_pages_only():
    group = Group.objects.get(name=EDITORS)
    assert page_perms(group) == {("fr", "add_page"), ("fr", "change_page"), ("fr", "lock_page")}
    assert perms(group) == {
        "wagtailadmin.access_admin",
        "core.add_mainmenu",
        "core.change_mainmenu",
        "core.add_footer",
        "core.change_footer",
        "core.add_theme",
        "core.change_theme",
        "strategy.add_sustainabledevelopmentgoal",
        "strategy.change_sustainabledevelopmentgoal",
        "strategy.add_sdgtarget",
        "strategy.change_sdgtarget",
        "partnerships.add_partner",
        "partnerships.change_partner",
    }
    assert collection_perms(group) == {
        ("Root", "choose_image"),
        ("Root", "choose_document"),
        ("Communication", "add_image"),
        ("Communication", "change_image"),
        ("Communication", "choose_image"),
        ("Communication", "add_document"),
        ("Communication", "change_document"),
        ("Communication", "choose_document"),
    }


def test_moderators_have_every_page_right_in_every_tree():
    group = Group.objects.get(name=MODERATORS)
    rights = {"add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page"}
    rights |= {"unlock_page"}
    assert page_perms(group) == {(code, right) for code in ("fr", "en", "es") for right in rights}
    granted = perms(group)
    assert "wagtail_localize.submit_translation" in granted
    assert {
        "core.publish_footer",
        "core.lock_footer",
        "core.delete_theme",
        "partnerships.delete_partner",
    } - granted == set()
    assert {"wagtailredirects.add_redirect", "wagtailforms.view_formsubmission"} <= granted
    # Snippets without drafts have no publish permission to hand out.
    assert not Permission.objects.filter(codename="publish_partner").exists()
    assert ("Root", "change_image") in collection_perms(group)


def test_translators_change_english_and_spanish_pages_only():
    group = Group.objects.get(name=TRANSLATORS)
    assert page_perms(group) == {("en", "change_page"), ("es", "change_page")}
    assert perms(group) == {
        "wagtailadmin.access_admin",
        "core.change_mainmenu",
        "core.change_footer",
        "core.change_theme",
        "strategy.change_sustainabledevelopmentgoal",
        "strategy.change_sdgtarget",
        "partnerships.change_partner",
    }
    # Wagtail lets whoever may add or change an image delete it: translators only choose,
    # but for the file of their language of a publication, which they upload into
    # « Traduction » (publications.0002).
    assert collection_perms(group) == {
        (name, codename)
        for name in ("Root", "Traduction")
        for codename in ("choose_image", "choose_document")
    } | {("Traduction", "add_document")}


def test_only_moderators_may_submit_translations():
    holders = Group.objects.filter(permissions__codename="submit_translation")
    assert list(holders.values_list("name", flat=True)) == [MODERATORS]


def test_team_collections_sit_under_the_root():
    assert set(Collection.objects.filter(depth=2).values_list("name", flat=True)) >= {
        "Communication",
        "Traduction",
    }


def test_the_review_workflow_guards_every_tree_and_the_navigation_snippets():
    workflow = Workflow.objects.get(name="Review")
    assert workflow.active
    assert set(
        WorkflowPage.objects.filter(workflow=workflow).values_list(
            "page__locale__language_code", flat=True
        )
    ) == {"fr", "en", "es"}
    assert set(
        WorkflowContentType.objects.filter(workflow=workflow).values_list(
            "content_type__model", flat=True
        )
    ) == {"mainmenu", "footer"}
    task = workflow.tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == [MODERATORS]
    assert not Workflow.objects.filter(name="Moderators approval", active=True).exists()
