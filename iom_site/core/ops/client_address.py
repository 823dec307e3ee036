"""The visitor's address behind trusted proxies (README « Deployment »).

The form throttle and the admin-login lockout count per address. Behind a load balancer
or Varnish, ``REMOTE_ADDR`` is the proxy's; each trusted proxy appends the address it
received the request from to ``X-Forwarded-For``. With ``DJANGO_TRUSTED_PROXY_COUNT = N``
the N-th address from the right is the visitor's: the ones to its left were written by
the client and are not trusted.
"""

import ipaddress
from contextlib import suppress

from django.conf import settings


class TrustedProxyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.count = settings.TRUSTED_PROXY_COUNT

    def __call__(self, request):
        if self.count:
            forwarded = [
                part.strip()
                for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
                if part.strip()
            ]
            if len(forwarded) >= self.count:
                candidate = forwarded[-self.count]
                # A malformed header keeps the proxy's own address.
                with suppress(ValueError):
                    request.META["REMOTE_ADDR"] = str(ipaddress.ip_address(candidate))
        return self.get_response(request)
