"""A per-address limit on form submissions, counted in Django's cache (the project's
``Throttle``, iom_site/core/ops/throttling.py).

Settings (with defaults): ``ENGAGEMENT_FORM_RATE_LIMIT`` (5) submissions per
``ENGAGEMENT_FORM_RATE_WINDOW`` (600) seconds for one client address. The address is
``REMOTE_ADDR``: behind a proxy, TrustedProxyMiddleware puts the client's address there.
"""

from django.conf import settings

from iom_site.core.ops.throttling import Throttle

DEFAULT_LIMIT = 5
DEFAULT_WINDOW = 10 * 60


class SubmissionThrottle(Throttle):
    def __init__(self, request, scope="engagement-form"):
        super().__init__(
            request,
            scope=f"partnerships:{scope}",
            limit=getattr(settings, "ENGAGEMENT_FORM_RATE_LIMIT", DEFAULT_LIMIT),
            window=getattr(settings, "ENGAGEMENT_FORM_RATE_WINDOW", DEFAULT_WINDOW),
        )
