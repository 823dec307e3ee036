"""The admin views where the payloads of tests/security/xss_content are shown to editors,
and which of them each view must show (as text or as a form value)."""

from django.urls import reverse

from .xss_payloads import marker, payload, url_payload


def snippet_urls(snippet):
    name = f"wagtailsnippets_{snippet._meta.app_label}_{snippet._meta.model_name}"
    # The listing of the snippet's own language: it would show the admin's language first.
    listing = f"{reverse(f'{name}:list')}?locale={snippet.locale.language_code}"
    return listing, reverse(f"{name}:edit", args=[snippet.pk])


def shown(*fields):
    return [payload(field) for field in fields]


def admin_views(site):
    """[(url, payloads shown)] for the explorer, every page's edit view, a draft preview
    (public templates under the admin's permissive policy), snippets, images, documents,
    form submissions and wagtail-localize's translation editor."""
    pages, snippets = site.pages, site.snippets

    def edit(name):
        return reverse("wagtailadmin_pages:edit", args=[pages[name].pk])

    views = [
        (reverse("wagtailadmin_explore", args=[pages["home"].pk]), shown("section-title")),
        (
            reverse("wagtailadmin_explore", args=[pages["section"].pk]),
            shown("title", "form-title"),
        ),
        (edit("home"), shown("home-title", "home-intro", "home-seo")),
        (edit("section"), shown("section-title", "section-lead")),
        (
            edit("standard"),
            shown(
                "title",
                "seo-title",
                "seo",
                "share",
                "card-title",
                "card-summary",
                "lead",
                "heading",
                "paragraph",
                "quote",
                "quote-source",
                "exp-heading",
                "exp-body",
                "kf-figure",
                "card-text",
                "contact-unit",
                "img-alt",
                "img-caption",
            ),
        ),
        (
            reverse("wagtailadmin_pages:view_draft", args=[pages["standard"].pk]),
            shown("title", "lead", "heading", "paragraph", "quote", "target"),
        ),
        (
            edit("structure"),
            shown("structure-lead", "chart", "unit-name", "unit-head", "unit-desc"),
        ),
        (edit("partnerships"), []),
        (edit("where"), shown("region", "office", "city", "country", "role")),
        (
            edit("form"),
            shown("form-title", "form-lead", "f-label", "f-help", "f-default", "thanks"),
        ),
        (edit("agenda"), shown("agenda-intro", "agenda-sdg")),
        (edit("strategy"), shown("strategy-intro", "sections", "section-heading", "section-body")),
        (reverse("wagtailforms:index"), shown("form-title")),
        (
            reverse("wagtailforms:list_submissions", args=[pages["form"].pk]),
            shown("f-label", "f-default", "f-choice", "sub-message"),
        ),
        # Listings of images and snippets cut long titles: the marker is enough there.
        (reverse("wagtailimages:index"), [marker("image-title")]),
        (
            reverse("wagtailimages:edit", args=[snippets["image"].pk]),
            shown("image-title", "image-desc"),
        ),
        (reverse("wagtaildocs:index"), shown("doc-title")),
        (reverse("wagtaildocs:edit", args=[snippets["document"].pk]), shown("doc-title")),
    ]
    snippet_shown = {
        "menu": (shown(), [*shown("menu-title"), url_payload("menu-url")]),
        "footer": (
            shown(),
            [*shown("footer-contact", "footer-link", "legal"), url_payload("footer-url")],
        ),
        "partner": (
            shown("partner"),
            [*shown("partner", "partner-desc"), url_payload("partner-url")],
        ),
        "goal": (shown("goal"), shown("goal")),
        # Targets are listed by code and goal.
        "target": (shown("goal"), shown("target")),
    }
    for name, (in_listing, in_edit) in snippet_shown.items():
        listing, edit_url = snippet_urls(snippets[name])
        views += [(listing, in_listing), (edit_url, in_edit)]
    # A translated page's edit view is wagtail-localize's editor: it lists each French
    # string beside its translation, written as the segment's HTML source (entities
    # shown as typed), so the markers are looked for rather than the payloads.
    en_markers = [value.split("'", 1)[0] for value in site.shown[pages["en-standard"].url]]
    views.append(
        (
            reverse("wagtailadmin_pages:edit", args=[pages["en-standard"].pk]),
            [marker("title"), marker("heading"), marker("target"), *en_markers],
        )
    )
    return views
