"""Counting attempts per client address in Django's cache, and the throttle on the
passwords of restricted pages and documents.

``Throttle`` is the counter the engagement form uses too (partnerships/throttling.py):
hits per (scope, key) within a window, the address hashed so the cache never holds it in
clear. The address is ``REMOTE_ADDR``, which TrustedProxyMiddleware rewrites behind
trusted proxies.

``PasswordGuessThrottleMiddleware``: Wagtail's password forms of page view restrictions
(``/<lang>/_util/authenticate_with_password/<restriction>/<page>/``) and collection view
restrictions (``/documents/authenticate_with_password/<restriction>/``) accept unlimited
guesses. After ``RESTRICTED_PASSWORD_GUESS_LIMIT`` wrong passwords for one restriction from
one address within ``RESTRICTED_PASSWORD_GUESS_WINDOW`` seconds, that address gets a 429
page for that restriction until the window ends; a right password clears the count.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.template.response import TemplateResponse

from iom_site.core.route_middleware import RouteMiddleware

PASSWORD_VIEWS = {
    "wagtailcore_authenticate_with_password": "page",
    "wagtaildocs_authenticate_with_password": "document",
}


class Throttle:
    def __init__(self, request, scope, limit, window, key=""):
        address = request.META.get("REMOTE_ADDR", "")
        digest = hashlib.sha256(f"{address}|{key}".encode()).hexdigest()[:32]
        self.key = f"throttle:{scope}:{digest}"
        self.limit = limit
        self.window = window

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

    def reset(self):
        cache.delete(self.key)


class PasswordGuessThrottleMiddleware(RouteMiddleware):
    routes = PASSWORD_VIEWS
    methods = frozenset({"POST"})

    def guard(self, request, match, view_func, view_args, view_kwargs):
        restriction = view_kwargs.get("page_view_restriction_id") or view_kwargs.get(
            "restriction_id"
        )
        window = settings.RESTRICTED_PASSWORD_GUESS_WINDOW
        throttle = Throttle(
            request,
            scope=f"password:{PASSWORD_VIEWS[match.url_name]}",
            limit=settings.RESTRICTED_PASSWORD_GUESS_LIMIT,
            window=window,
            key=str(restriction),
        )
        if throttle.exceeded():
            response = TemplateResponse(
                request, "429_password.html", {"minutes": max(1, window // 60)}, status=429
            )
            response["Retry-After"] = str(window)
            response["Cache-Control"] = "private, no-store"
            return response
        response = view_func(request, *view_args, **view_kwargs)
        # Wagtail redirects on the right password and shows the form again otherwise.
        if response.status_code in (301, 302, 303):
            throttle.reset()
        else:
            throttle.record()
        return response
