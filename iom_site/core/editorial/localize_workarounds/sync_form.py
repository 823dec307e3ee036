"""Workaround: « Sync translated pages » offers « Publish immediately ».

wagtail-localize's update form (views/update_translations.py, ``UpdateTranslationsForm``)
has a « Publish immediately » box that publishes every translation at once, with French
text wherever a segment is not translated yet: French under /en/ and /es/. ``install()``
puts in its place a form without that field; whatever a request posts for it, the view
reads ``False`` and leaves the translations as drafts (editorial's translation_sync also
saves the updated translations as draft revisions when the French is published).
"""


def install():
    """Idempotent: the view looks the form class up at call time."""
    from wagtail_localize.views import update_translations

    original = update_translations.UpdateTranslationsForm
    if getattr(original, "never_publishes", False):
        return

    class UpdateTranslationsForm(original):
        never_publishes = True

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.fields.pop("publish_translations", None)

        def clean(self):
            cleaned_data = super().clean()
            cleaned_data["publish_translations"] = False
            return cleaned_data

    update_translations.UpdateTranslationsForm = UpdateTranslationsForm
