"""The admin actions of the permission matrix, each as: prepare the content it needs, perform
it through the admin's own views as a signed-in person, and tell whether it took effect."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.messages import ERROR, get_messages
from django.urls import reverse

from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Revision, Site, TaskState, Workflow, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail_localize.models import Translation

from iom_site.core.models import Footer, MainMenu, StandardPage

NEW_TITLE = "Titre modifié"


def page_form(page=None, **fields):
    """POST data for a StandardPage's edit or add form."""
    data = {
        "title": page.title if page else "Nouvelle page",
        "slug": page.slug if page else "nouvelle-page",
        "lead": rich_text("<p>Chapeau.</p>"),
        "body": streamfield([]),
        "comments": inline_formset([]),
    }
    data.update(fields)
    return nested_form_data(data)


def snapshot():
    """Everything an admin action of the matrix could change."""
    User = get_user_model()
    return {
        "pages": list(
            Page.objects.order_by("pk").values_list(
                "pk", "path", "title", "draft_title", "live", "has_unpublished_changes", "locked"
            )
        ),
        "revisions": list(Revision.objects.order_by("pk").values_list("pk", flat=True)),
        "workflow_states": list(WorkflowState.objects.values_list("pk", "status")),
        "task_states": list(TaskState.objects.values_list("pk", "status")),
        "translations": list(Translation.objects.values_list("pk", flat=True)),
        "footers": list(Footer.objects.values_list("pk", "legal", "live", "latest_revision")),
        "menus": list(MainMenu.objects.values_list("pk", "live", "latest_revision")),
        "images": list(get_image_model().objects.values_list("pk", "title")),
        "sites": list(Site.objects.values_list("pk", "hostname", "site_name")),
        "users": list(User.objects.values_list("pk", "username", "is_superuser")),
        "groups": list(Group.objects.values_list("pk", "name")),
        "workflows": list(Workflow.objects.values_list("pk", "name", "active")),
    }


def refused(response):
    """Wagtail refuses with a 403, or with a redirect and an error message."""
    if response.status_code == 403:
        return True
    errors = [m for m in get_messages(response.wsgi_request) if m.level == ERROR]
    return response.status_code == 302 and bool(errors)


class Action:
    """One cell type of the matrix; `language` picks the French or English content."""

    per_language = True

    def prepare(self, world, people, language):
        pass

    def perform(self, client, world, language):
        raise NotImplementedError

    def succeeded(self, world, language):
        raise NotImplementedError


class Create(Action):
    def perform(self, client, world, language):
        home = world["homes"][language]
        url = reverse("wagtailadmin_pages:add", args=["core", "standardpage", home.pk])
        return client.post(url, page_form(title=NEW_TITLE, slug="nouvelle-page"))

    def succeeded(self, world, language):
        return StandardPage.objects.filter(
            draft_title=NEW_TITLE, locale__language_code=language
        ).exists()


class Edit(Action):
    extra = {}

    def perform(self, client, world, language):
        page = world["pages"][language]
        url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        return client.post(url, page_form(page, title=NEW_TITLE, **self.extra))

    def succeeded(self, world, language):
        page = Page.objects.get(pk=world["pages"][language].pk)
        return page.draft_title == NEW_TITLE


class Publish(Edit):
    extra = {"action-publish": "action-publish"}

    def succeeded(self, world, language):
        page = Page.objects.get(pk=world["pages"][language].pk)
        return page.live and page.title == NEW_TITLE


class SubmitForModeration(Edit):
    extra = {"action-submit": "action-submit"}

    def succeeded(self, world, language):
        return Page.objects.get(pk=world["pages"][language].pk).workflow_in_progress


class Unpublish(Action):
    def perform(self, client, world, language):
        page = world["pages"][language]
        return client.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]))

    def succeeded(self, world, language):
        return not Page.objects.get(pk=world["pages"][language].pk).live


class Delete(Action):
    def perform(self, client, world, language):
        page = world["pages"][language]
        return client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]))

    def succeeded(self, world, language):
        return not Page.objects.filter(pk=world["pages"][language].pk).exists()


class Move(Action):
    def perform(self, client, world, language):
        page, section = world["pages"][language], world["sections"][language]
        return client.post(reverse("wagtailadmin_pages:move_confirm", args=[page.pk, section.pk]))

    def succeeded(self, world, language):
        page = Page.objects.get(pk=world["pages"][language].pk)
        return page.get_parent().pk == world["sections"][language].pk


class Approve(Action):
    def prepare(self, world, people, language):
        page = world["pages"][language]
        page.save_revision(user=people["operator"])
        page.get_workflow().start(page, people["operator"])

    def perform(self, client, world, language):
        page = Page.objects.get(pk=world["pages"][language].pk)
        task_state = page.current_workflow_task_state
        url = reverse(
            "wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]
        )
        return client.post(url, {"comment": "Bon pour publication."})

    def succeeded(self, world, language):
        page = Page.objects.get(pk=world["pages"][language].pk)
        return not page.workflow_in_progress and not page.has_unpublished_changes


class Translate(Action):
    def perform(self, client, world, language):
        page = world["pages"][language]
        spanish = Locale.objects.get(language_code="es")
        url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
        return client.post(url, {"locales": [spanish.pk]})

    def succeeded(self, world, language):
        return Translation.objects.filter(
            source__object_id=world["pages"][language].translation_key,
            target_locale__language_code="es",
        ).exists()


class EditSnippet(Action):
    def perform(self, client, world, language):
        footer = world["footers"][language]
        url = reverse("wagtailsnippets_core_footer:edit", args=[footer.pk])
        data = nested_form_data(
            {"contact": rich_text("<p>Genève</p>"), "links": streamfield([]), "legal": "Modifié"}
        )
        return client.post(url, data)

    def succeeded(self, world, language):
        footer = Footer.objects.get(pk=world["footers"][language].pk)
        return footer.latest_revision is not None and (
            footer.latest_revision.content["legal"] == "Modifié"
        )


class DeleteImage(Action):
    """The French cell is an image of the Communication collection, the English one of the
    Traduction collection."""

    collections = {"fr": "Communication", "en": "Traduction"}

    def perform(self, client, world, language):
        image = world["images"][self.collections[language]]
        return client.post(reverse("wagtailimages:delete", args=[image.pk]))

    def succeeded(self, world, language):
        image = world["images"][self.collections[language]]
        return not get_image_model().objects.filter(pk=image.pk).exists()


class EditSettings(Action):
    per_language = False

    def perform(self, client, world, language):
        site = Site.objects.get(is_default_site=True)
        data = {
            "hostname": "example.org",
            "port": "80",
            "site_name": "Autre",
            "root_page": str(site.root_page_id),
            "is_default_site": "on",
        }
        return client.post(reverse("wagtailsites:edit", args=[site.pk]), data)

    def succeeded(self, world, language):
        return Site.objects.filter(hostname="example.org").exists()


class AddUser(Action):
    per_language = False

    def perform(self, client, world, language):
        data = {
            "username": "intrus",
            "email": "intrus@example.org",
            "first_name": "In",
            "last_name": "Trus",
            "password1": "un-long-mot-de-passe-1",
            "password2": "un-long-mot-de-passe-1",
            "is_active": "on",
            "is_superuser": "on",
        }
        return client.post(reverse("wagtailusers_users:add"), data)

    def succeeded(self, world, language):
        return get_user_model().objects.filter(username="intrus").exists()


class AddGroup(Action):
    per_language = False

    def perform(self, client, world, language):
        return client.post(reverse("wagtailusers_groups:add"), {"name": "Intrus"})

    def succeeded(self, world, language):
        return Group.objects.filter(name="Intrus").exists()


class EditWorkflow(Action):
    per_language = False

    def perform(self, client, world, language):
        workflow = Workflow.objects.get(name="Review")
        return client.post(reverse("wagtailadmin_workflows:disable", args=[workflow.pk]))

    def succeeded(self, world, language):
        return not Workflow.objects.get(name="Review").active


ACTIONS = {
    "create": Create(),
    "edit": Edit(),
    "publish": Publish(),
    "unpublish": Unpublish(),
    "delete": Delete(),
    "move": Move(),
    "submit for moderation": SubmitForModeration(),
    "approve": Approve(),
    "translate": Translate(),
    "snippet edit": EditSnippet(),
    "image delete": DeleteImage(),
    "settings": EditSettings(),
    "users": AddUser(),
    "groups": AddGroup(),
    "workflows": EditWorkflow(),
}
