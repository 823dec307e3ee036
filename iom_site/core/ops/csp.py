"""Content-Security-Policy: the strict policy of settings.CONTENT_SECURITY_POLICY for the
public site, and a looser one for the Wagtail admin, whose editor needs inline scripts and
styles; previews get the public one, framable by the admin only. Also sets the Permissions-Policy and Cross-Origin-Resource-Policy headers."""

from django.conf import settings

from csp.middleware import CSPMiddleware
from csp.utils import default_config

ADMIN_PREFIXES = ("/admin/", "/django-admin/")

PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
        "interest-cohort",
    )
)


def preview_directives():
    """The public policy, framable by the admin alone: a preview shows the page exactly as
    visitors get it (same scripts, same styles) inside the editor's preview panel, its
    mobile/tablet/desktop sizes and the content checks, and nowhere else."""
    directives = dict(settings.CONTENT_SECURITY_POLICY["DIRECTIVES"])
    directives["frame-ancestors"] = ["'self'"]
    return directives


class SiteCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None:
            if getattr(request, "is_dummy", False):
                # Wagtail renders a preview through the whole middleware chain with a
                # stand-in request for the page's public address (Page.make_preview_request).
                parts.config = default_config(preview_directives())
            elif request.path_info.startswith(ADMIN_PREFIXES):
                parts.config = default_config(settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"])
        return parts

    def process_response(self, request, response):
        response = super().process_response(request, response)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        response.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response
