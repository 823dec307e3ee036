"""A per-address limit on form submissions, counted in Django's cache.

Settings (with defaults): ``ENGAGEMENT_FORM_RATE_LIMIT`` (5) submissions per
``ENGAGEMENT_FORM_RATE_WINDOW`` (600) seconds for one client address. The address is
``REMOTE_ADDR``: behind a proxy, the proxy must pass the client's address there.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache

DEFAULT_LIMIT = 5
DEFAULT_WINDOW = 10 * 60


class SubmissionThrottle:
    def __init__(self, request, scope="engagement-form"):
        address = request.META.get("REMOTE_ADDR", "")
        # Hashed so the cache never holds visitors' addresses in clear.
        digest = hashlib.sha256(address.encode()).hexdigest()[:32]
        self.key = f"partnerships:throttle:{scope}:{digest}"
        self.limit = getattr(settings, "ENGAGEMENT_FORM_RATE_LIMIT", DEFAULT_LIMIT)
        self.window = getattr(settings, "ENGAGEMENT_FORM_RATE_WINDOW", DEFAULT_WINDOW)

    def exceeded(self):
        return cache.get(self.key, 0) >= self.limit

    def record(self):
        if cache.add(self.key, 1, self.window):
            return
        try:
            cache.incr(self.key)
        except ValueError:
            # The window expired between add() and incr(): this hit opens a new one.
            cache.set(self.key, 1, self.window)
