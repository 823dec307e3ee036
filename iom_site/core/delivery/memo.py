"""Two small caches for the data every page reads.

- ``per_request``: in process memory for the length of one request, so the site table,
  the private-pages flag or the content version are read from Redis once per page, not
  once per template tag.
- ``per_content``: in Django's cache with the current *content version*, a token that
  every purge replaces (purge.py). Pages, their families and their cards are then read
  from Redis instead of being rebuilt by several SQL queries, and no entry is served
  once the content it was built from has changed. An entry keeps the cache tags of what
  it was built from (tags.py) and replays them when read, so a page rendered from it
  carries the same tags as one rendered from the database.

Every key carries the release (release.py): a deploy never reads what the previous code
built.
"""

import hashlib
import uuid
from contextvars import ContextVar

from django.core.cache import cache

from iom_site.core.delivery import tags
from iom_site.core.release import key as release_key

_request_memo = ContextVar("request_memo", default=None)
TIMEOUT = 60 * 60 * 24
_MISSING = object()


class RequestMemoMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request_memo.set({})
        try:
            return self.get_response(request)
        finally:
            _request_memo.reset(token)


def per_request(key, compute):
    memo = _request_memo.get()
    if memo is None:  # outside a request (commands, shell, tests calling selectors)
        return compute()
    value = memo.get(key, _MISSING)
    if value is _MISSING:
        value = memo[key] = compute()
    return value


def prefetch(keys):
    """Read these cache keys in one round trip; each is then served once from memory by
    ``cache_get`` during this request (later reads see later writes)."""
    memo = _request_memo.get()
    if memo is None:
        return
    found = cache.get_many(keys)
    for key in keys:
        memo[("cache", key)] = found.get(key)


def cache_get(key):
    memo = _request_memo.get()
    if memo is not None:
        value = memo.pop(("cache", key), _MISSING)
        if value is not _MISSING:
            return value
    return cache.get(key)


def version_key():
    return release_key("delivery", "content-version")


def content_version():
    def read():
        key = version_key()
        version = cache_get(key)
        if version is None:
            cache.add(key, uuid.uuid4().hex, None)
            version = cache.get(key)
        return version

    return per_request("content-version", read)


def bump_content_version():
    cache.set(version_key(), uuid.uuid4().hex, None)
    memo = _request_memo.get()
    if memo is not None:
        memo.pop("content-version", None)


def content_key(name):
    # Names carry visitor input (paths): hashed, any of them makes a valid key anywhere.
    digest = hashlib.blake2b(name.encode("utf-8", "surrogatepass"), digest_size=20).hexdigest()
    return release_key("delivery", "content", digest)


def per_content(name, build):
    """``build()``, kept with the content version it was built under and served while
    that version is current. ``None`` is never kept (a page not found now may be
    published in a moment without a new version).

    The key does not contain the version, so a request can read an entry in the same
    round trip as the version itself (``prefetch``); an entry of an older version is
    rebuilt and replaced when next read."""
    version = content_version()
    if version is None:  # the cache is down: build every time
        return build()
    key = content_key(name)
    found = cache_get(key)
    if found is not None and found[0] == version:
        tags.add(*found[2])
        return found[1]
    with tags.collecting() as read:
        value = build()
    if value is not None:
        cache.set(key, (version, value, sorted(read)), TIMEOUT)
    return value
