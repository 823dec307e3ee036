"""The editorial room's admin: core's snippets, per-language snippet rights, form answers
for moderators only, dashboard panels, content checks, the translation status report and
the review of translations. The permission policies and wagtail-localize patches are in
place before this module is imported (EditorialConfig.ready)."""

from django.templatetags.static import static
from django.utils.html import format_html

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from iom_site.core.editorial import confirmations, editor_safety, permissions, workflow_names
from iom_site.core.editorial.content_checks import use_content_checks
from iom_site.core.editorial.dashboard import OutdatedTranslationsPanel, OwnDraftsPanel
from iom_site.core.editorial.localize_workarounds import listing_buttons, submit_for_review
from iom_site.core.editorial.translation_status import menu as translation_status
from iom_site.core.editorial.viewsets import FooterViewSet, MainMenuViewSet, ThemeViewSet

register_snippet(MainMenuViewSet)
register_snippet(FooterViewSet)
register_snippet(ThemeViewSet)

# Negative order: before wagtail-localize's hook, which swaps in its translation editor.
hooks.register("before_edit_page", permissions.check_page_action, order=-10)
hooks.register("before_edit_snippet", permissions.check_snippet_edit, order=-10)
hooks.register("before_create_snippet", permissions.check_snippet_create, order=-10)
hooks.register("before_delete_snippet", permissions.check_snippet_delete, order=-10)
hooks.register("before_move_page", permissions.check_page_move)
hooks.register("filter_form_submissions_for_user", permissions.form_submissions_for_moderators)

hooks.register("construct_wagtail_userbar", use_content_checks)
hooks.register("insert_editor_js", editor_safety.editor_js)
hooks.register("after_create_page", confirmations.menu_hint)
hooks.register("after_edit_page", confirmations.menu_hint)

hooks.register("register_admin_urls", translation_status.admin_urls)
hooks.register("register_reports_menu_item", translation_status.reports_menu_item)

hooks.register("register_admin_urls", submit_for_review.admin_urls)
hooks.register("register_page_listing_more_buttons", submit_for_review.listing_button)
# wagtail-localize's row buttons, batched (localize_workarounds/listing_buttons.py).
listing_buttons.replace_wagtail_localize_hook()


@hooks.register("construct_homepage_panels")
def add_editorial_panels(request, panels):
    panels.extend([OwnDraftsPanel(), OutdatedTranslationsPanel()])


@hooks.register("insert_editor_js")
def hero_image_alt_js():
    # A hero image's alt text starts as the image's description (core/models/images.py).
    return format_html('<script src="{}" defer></script>', static("js/admin/hero-image-alt.js"))


# After Wagtail's own (order 0): the history names the Review workflow in its reader's
# language (workflow_names.py).
hooks.register("register_log_actions", workflow_names.translate_log_messages, order=100)
