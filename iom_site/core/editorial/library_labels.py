"""Wagtail's and wagtail-localize's msgids whose wording the project corrects.

Listed here (with gettext_noop, which changes nothing at run time) so that makemessages
puts them in the project's catalogues (locale/), which Django reads before any app's: the
French, English and Spanish in locale/pending/labels.json then win over the libraries'.
A msgid must stay exactly the library's; tests/editorial/test_admin_labels.py checks that
each one is still in a library's catalogue and that the project's French reads as meant.
Delete an entry when the library's own translation says the same.
"""

from django.utils.translation import gettext_noop

# A Locale is a language here: Wagtail's and wagtail-localize's French (and Spanish) call
# it a « région » (« Régions » in the settings menu).
LANGUAGES_NOT_REGIONS = (
    gettext_noop("Locale"),
    gettext_noop("locale"),
    gettext_noop("Locales"),
    gettext_noop("Locale: "),
    gettext_noop("Available in %(translations_total)s locales"),
    gettext_noop("Switch locales"),
    gettext_noop("{} locales"),
    gettext_noop("Add a locale"),
    gettext_noop("Add locale"),
    gettext_noop("Locale '%(object)s' created."),
    gettext_noop("Locale '%(object)s' updated."),
    gettext_noop("Locale '%(object)s' deleted."),
    gettext_noop("The locale could not be saved due to errors."),
    gettext_noop("Delete locale"),
    gettext_noop("Are you sure you want to delete this locale?"),
    gettext_noop("This locale cannot be deleted because there are no other locales."),
    gettext_noop(
        "This locale cannot be deleted because there are pages and/or other objects using it."
    ),
    gettext_noop("This locale's language code is not supported"),
    gettext_noop("This locale cannot be synced into itself."),
    gettext_noop("Synchronise content from another locale"),
    gettext_noop(
        "Choose a locale to synchronise content from. Any existing and future content authored in the selected locale will be automatically copied to this one."
    ),
)

# Wagtail's French is wrong: « Status » left in English, a submission announced as
# « planifié(e) pour la publication », « n'est pas en attente » turned into « est en
# attente », « Any » untranslated, « approver » for « approuver ». Submissions say
# « relecture », as the rest of the project's admin does.
WRONG_IN_WAGTAIL = (
    gettext_noop("Status: "),
    gettext_noop("%(model_name)s '%(object)s' has been submitted for moderation."),
    gettext_noop("%(model_name)s '%(object)s' created and submitted for moderation."),
    gettext_noop("Page '%(page_title)s' has been submitted for moderation."),
    gettext_noop("Page '%(page_title)s' created and submitted for moderation."),
    gettext_noop("The page '%(page_title)s' is not currently awaiting moderation."),
    gettext_noop("Any"),
    gettext_noop("Only reviewers can edit and approve the %(model_name)s"),
)

# Sentences around a workflow's or a task's name (editorial/workflow_names.py), reworded so
# that the name reads as one.
AROUND_WORKFLOW_NAMES = (
    gettext_noop("Submit to %(workflow_name)s"),
    gettext_noop("Resubmit to %(task_name)s"),
    gettext_noop("Sent to %(task_name)s %(started_at)s"),
    gettext_noop("Awaiting"),
)

MSGIDS = (*LANGUAGES_NOT_REGIONS, *WRONG_IN_WAGTAIL, *AROUND_WORKFLOW_NAMES)
