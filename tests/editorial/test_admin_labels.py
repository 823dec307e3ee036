"""The admin's labels in its reader's language (issue 14, point 8): the Review workflow's
names, the libraries' msgids the project rewords, the translation editor's dates."""

import datetime
import json
from pathlib import Path

from django.apps import apps
from django.template import Context, Template
from django.utils import timezone
from django.utils.translation import gettext, override

import wagtail
import wagtail_localize
from wagtail.models import GroupApprovalTask, Task, Workflow
from wagtail_localize.models import StringTranslation

import polib
import pytest

from iom_site.core.editorial.library_labels import MSGIDS
from iom_site.core.editorial.localize_workarounds.editor_language import (
    editor_labels,
    get_comment,
)
from iom_site.core.editorial.roles import REVIEW_TASK, REVIEW_WORKFLOW, apply_roles
from iom_site.core.editorial.workflow_names import DisplayName

NAMES = {
    "fr": ("Relecture", "Relecture par les modérateurs"),
    "en": ("Review", "Moderators review"),
    "es": ("Revisión", "Revisión por los moderadores"),
}


@pytest.fixture
def review(homes):
    apply_roles(apps)
    return Workflow.objects.get(name=REVIEW_WORKFLOW)


@pytest.mark.django_db
@pytest.mark.parametrize("language", NAMES)
def test_the_review_workflow_and_its_task_read_in_the_admins_language(review, language):
    task = GroupApprovalTask.objects.get(name=REVIEW_TASK)
    template = Template("{{ workflow.name }} / {{ task.name }} / {{ base_task.name }}")
    with override(language):
        shown = template.render(
            Context({"workflow": review, "task": task, "base_task": Task.objects.get(pk=task.pk)})
        )
        submit = gettext("Submit to %(workflow_name)s") % {"workflow_name": review.name}
    workflow_name, task_name = NAMES[language]
    assert shown == f"{workflow_name} / {task_name} / {task_name}"
    assert workflow_name in submit


@pytest.mark.django_db
def test_the_stored_names_stay_those_of_the_roles(review):
    assert isinstance(review.name, DisplayName)
    assert review.name == "Review"
    assert Workflow.objects.filter(name="Review").exists()
    # The workflow admin's form shows « Relecture » to a French admin, and saves it back.
    review.name = "Relecture"
    review.save()
    assert Workflow.objects.filter(pk=review.pk).values_list("name", flat=True).get() == "Review"


@pytest.mark.django_db
def test_a_name_an_administrator_types_shows_as_typed(review):
    other = Workflow.objects.create(name="Juridique")
    with override("en"):
        assert str(Workflow.objects.get(pk=other.pk).name) == "Juridique"
        assert type(Workflow.objects.get(pk=other.pk).name) is str


def library_msgids():
    msgids = set()
    for package in (wagtail, wagtail_localize):
        for path in Path(package.__file__).parent.glob("**/locale/en/LC_MESSAGES/django.po"):
            msgids.update(entry.msgid for entry in polib.pofile(str(path)))
    return msgids


def test_every_reworded_msgid_is_still_a_librarys():
    missing = set(MSGIDS) - library_msgids()
    assert not missing, f"no longer in Wagtail or wagtail-localize: {sorted(missing)}"


@pytest.mark.parametrize(
    ("language", "msgid", "reads"),
    [
        ("fr", "Locales", "Langues"),
        ("fr", "Locale: ", "Langue\u00a0: "),
        ("fr", "Status: ", "Statut\u00a0: "),
        ("es", "Locales", "Idiomas"),
        ("en", "Locales", "Locales"),
    ],
)
def test_languages_are_languages_not_regions(language, msgid, reads):
    with override(language):
        assert gettext(msgid) == reads


@pytest.mark.parametrize(
    ("language", "reads"),
    [
        ("fr", "Pied de page «\u00a0Bas\u00a0» a été soumis(e) à la relecture."),
        ("en", "Footer 'Bas' has been submitted for moderation."),
        ("es", "Footer «Bas» se ha enviado a revisión."),
    ],
)
def test_a_snippet_submitted_for_review_is_said_to_be_so(language, reads):
    message = "%(model_name)s '%(object)s' has been submitted for moderation."
    with override(language):
        model_name = "Pied de page" if language == "fr" else "Footer"
        assert gettext(message) % {"model_name": model_name, "object": "Bas"} == reads


@pytest.mark.parametrize(
    ("language", "reads"),
    [
        ("fr", "Traduit avec seed catalogue le 1 décembre 2026"),
        ("en", "Translated with seed catalogue on Dec. 1, 2026"),
        ("es", "Traducido con seed catalogue el 1 de diciembre de 2026"),
    ],
)
def test_the_translation_editors_dates_are_in_the_admins_language(language, reads):
    assert StringTranslation.get_comment is get_comment
    translation = StringTranslation(
        tool_name="seed catalogue",
        updated_at=datetime.datetime(2026, 12, 1, 12, tzinfo=datetime.UTC),
    )
    with override(language), timezone.override("Europe/Zurich"):
        assert translation.get_comment() == reads


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "fr",
            {
                "Français to Anglais translation": "Traduction : Français → Anglais",
                "More actions": "Plus d’actions",
                "Publier dansAnglais": "Publier en Anglais",
                "Utiliser la version Français": "Comme dans la version source (Français)",
            },
        ),
        # English needs no swap: the editor's own texts are right.
        ("en", {}),
    ],
)
def test_the_translation_editors_english_labels_get_the_admins_language(language, expected):
    from django.conf import settings

    names = dict(settings.WAGTAIL_CONTENT_LANGUAGES)
    with override(language):
        props = {
            "sourceLocale": {"displayName": str(names["fr"])},
            "locale": {"displayName": str(names["en"])},
            "object": {"lastPublishedDate": None},
        }
        context = {"props": json.dumps(props), "instance": object()}
        assert editor_labels(context) == expected


@pytest.mark.parametrize(
    ("language", "reads"),
    [
        (
            "fr",
            "Le workflow «\u00a0Relecture\u00a0» a été commencé. "
            "La prochaine étape est «\u00a0Relecture par les modérateurs\u00a0»",
        ),
        ("en", "'Review' started. Next step 'Moderators review'"),
        ("es", "'Revisión' iniciado. Siguiente paso 'Revisión por los moderadores'"),
    ],
)
def test_the_history_names_the_workflow_in_the_admins_language(language, reads):
    from wagtail.models import PageLogEntry

    # As Wagtail stores it when a page enters the workflow.
    data = {"workflow": {"id": 1, "title": "Review", "next": {"id": 2, "title": REVIEW_TASK}}}
    entry = PageLogEntry(action="wagtail.workflow.start", data=data)
    with override(language):
        assert entry.message == reads
    assert entry.data == data


@pytest.mark.parametrize(
    ("language", "labels"),
    [
        ("fr", ["Texte du lien", "Adresse e-mail", "Objet", "Message"]),
        ("en", ["Link text", "Email address", "Subject", "Message"]),
        ("es", ["Texto del enlace", "Dirección de correo electrónico", "Asunto", "Mensaje"]),
    ],
)
def test_the_link_choosers_fields_are_labelled_in_the_admins_language(language, labels):
    from wagtail.admin.forms.choosers import EmailLinkChooserForm, ExternalLinkChooserForm

    with override(language):
        external = ExternalLinkChooserForm()
        email = EmailLinkChooserForm()
        shown = [
            str(external["link_text"].label),
            str(email["email_address"].label),
            str(email["subject"].label),
            str(email["body"].label),
        ]
    assert shown == labels


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "labels"),
    [("fr", ["Langue source", "Langue cible"]), ("en", ["Source language", "Target language"])],
)
def test_the_translations_reports_language_filters_are_labelled(language, labels):
    from wagtail_localize.views.report import TranslationsReportFilterSet

    with override(language):
        form = TranslationsReportFilterSet({}).form
        assert [str(form[name].label) for name in ("source_locale", "target_locale")] == labels
