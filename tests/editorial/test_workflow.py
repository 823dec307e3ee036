"""The Review workflow end to end, and scheduled publishing."""

from datetime import timedelta
from unittest import mock

from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page, Revision, WorkflowState

import pytest

from .admin_actions import page_form

pytestmark = pytest.mark.django_db


def edit(client, page, **fields):
    return client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]), page_form(page, **fields)
    )


def act(client, page, action, comment):
    page = Page.objects.get(pk=page.pk)
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    return client.post(url, {"comment": comment})


def mail_to(user):
    return [message for message in mail.outbox if user.email in message.to]


def test_editor_submits_moderator_rejects_editor_fixes_moderator_approves(
    world, people, client_for
):
    page = world["pages"]["fr"]
    editor, moderator = people["editor"], people["moderator"]

    response = edit(client_for("editor"), page, title="Titre proposé", **{"action-submit": "1"})
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.workflow_in_progress
    assert page.title == "Page de test"  # nothing published yet
    assert mail_to(moderator), "moderators are told a page awaits their review"
    assert not mail_to(people["translator"])

    mail.outbox.clear()
    response = act(client_for("moderator"), page, "reject", "Le titre est trop vague.")
    assert response.status_code == 302
    state = WorkflowState.objects.get(requested_by=editor)
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    page.refresh_from_db()
    assert page.title == "Page de test"
    [rejection] = mail_to(editor)
    assert "Le titre est trop vague." in rejection.body

    mail.outbox.clear()
    response = edit(client_for("editor"), page, title="Titre corrigé", **{"action-submit": "1"})
    assert response.status_code == 302
    assert Page.objects.get(pk=page.pk).workflow_in_progress
    assert mail_to(moderator)

    mail.outbox.clear()
    response = act(client_for("moderator"), page, "approve", "Parfait.")
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live
    assert page.title == "Titre corrigé"
    assert not page.has_unpublished_changes
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert mail_to(editor), "the submitter is told the page was approved"
    public = client_for("editor").get(page.url)
    assert "Titre corrigé" in public.content.decode()


def test_a_translator_submits_an_english_page_to_the_same_review(world, people, client_for):
    page = world["pages"]["en"]

    edit(client_for("translator"), page, title="Reviewed title", **{"action-submit": "1"})

    page.refresh_from_db()
    assert page.workflow_in_progress
    assert page.title != "Reviewed title"
    assert mail_to(people["moderator"])


def scheduled_revision(page):
    return Revision.page_revisions.filter(object_id=str(page.pk)).exclude(approved_go_live_at=None)


def publish_scheduled(at=None):
    """Run the cron job now, or as if the clock read `at`."""
    if at is None:
        call_command("publish_scheduled")
        return
    with mock.patch("django.utils.timezone.now", return_value=at):
        call_command("publish_scheduled")


def test_a_page_scheduled_through_review_goes_live_only_once_its_time_has_come(
    world, people, client_for
):
    page = world["pages"]["fr"]
    go_live_at = timezone.localtime() + timedelta(days=2)
    edit(
        client_for("editor"),
        page,
        title="Annonce programmée",
        go_live_at=go_live_at.strftime("%Y-%m-%d %H:%M"),
        **{"action-submit": "1"},
    )
    act(client_for("moderator"), page, "approve", "")
    page.refresh_from_db()
    assert page.title == "Page de test", "approved, but scheduled: the live page is unchanged"
    assert scheduled_revision(page).exists()

    publish_scheduled()
    page.refresh_from_db()
    assert page.title == "Page de test", "publish_scheduled leaves it before its time"

    publish_scheduled(at=go_live_at + timedelta(minutes=1))
    page.refresh_from_db()
    assert page.title == "Annonce programmée"
    assert not scheduled_revision(page).exists()


def test_a_draft_whose_go_live_time_is_past_is_published_by_publish_scheduled(world):
    page = world["pages"]["fr"]
    page.unpublish()
    page.go_live_at = timezone.now() + timedelta(hours=1)
    page.save_revision().publish()  # in the future: scheduled, not live
    page.refresh_from_db()
    assert not page.live
    publish_scheduled()
    page.refresh_from_db()
    assert not page.live

    # Its go-live time is now in the past.
    publish_scheduled(at=page.go_live_at + timedelta(seconds=1))
    page.refresh_from_db()
    assert page.live


def test_a_live_page_past_its_expiry_is_unpublished_by_publish_scheduled(world):
    page = world["pages"]["fr"]
    Page.objects.filter(pk=page.pk).update(expire_at=timezone.now() + timedelta(hours=1))
    publish_scheduled()
    assert Page.objects.get(pk=page.pk).live

    Page.objects.filter(pk=page.pk).update(expire_at=timezone.now() - timedelta(minutes=1))
    publish_scheduled()
    page.refresh_from_db()
    assert not page.live
    assert page.expired


def test_the_footer_goes_through_the_same_review(world, people, client_for):
    from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

    from iom_site.core.models import Footer

    footer = world["footers"]["fr"]
    data = nested_form_data(
        {"contact": rich_text("<p>Genève</p>"), "links": streamfield([]), "legal": "© OIM 2030"}
    )
    data["action-submit"] = "1"
    url = reverse("wagtailsnippets_core_footer:edit", args=[footer.pk])

    assert client_for("editor").post(url, data).status_code == 302
    footer = Footer.objects.get(pk=footer.pk)
    assert footer.workflow_in_progress
    assert footer.legal == "© OIM", "the live footer is unchanged while in review"
    assert mail_to(people["moderator"])

    task_state = footer.current_workflow_task_state
    approve = reverse(
        "wagtailsnippets_core_footer:workflow_action", args=[footer.pk, "approve", task_state.pk]
    )
    client_for("moderator").post(approve, {"comment": ""})

    footer.refresh_from_db()
    assert footer.legal == "© OIM 2030"
    assert "© OIM 2030" in client_for("moderator").get(world["pages"]["fr"].url).content.decode()
