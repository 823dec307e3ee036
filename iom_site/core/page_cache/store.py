"""Where cached pages live: one entry per public path, plus one generation token per
language. Purging a page deletes its entry; purging a whole language (a menu or footer
change shows on all its pages) replaces that language's token, which retires every entry
stored under the old one at once without listing them."""

import hashlib
import uuid
from urllib.parse import parse_qsl

from django.conf import settings
from django.core.cache import cache

PREFIX = "pagecache"
# Links shared on social media and newsletters carry these; the page is the same.
TRACKING_PARAMS = frozenset(
    {"utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content", "fbclid", "gclid"}
)
MAX_PATH_LENGTH = 512


def languages():
    return [code for code, _name in settings.LANGUAGES]


def language_of(path):
    """The language prefix of ``path`` ("fr" for "/fr/qui-sommes-nous/"), or None."""
    prefix = path[1:].partition("/")[0]
    return prefix if prefix in languages() and path.startswith(f"/{prefix}/") else None


def only_tracking(query_string):
    if not query_string:
        return True
    try:
        names = {name for name, _value in parse_qsl(query_string, keep_blank_values=True)}
    except ValueError:
        return False
    return names <= TRACKING_PARAMS


def _digest(path):
    # Paths are visitor input: hashed, any of them makes a valid key for every backend.
    return hashlib.blake2b(path.encode("utf-8", "surrogatepass"), digest_size=20).hexdigest()


def entry_key(path):
    return f"{PREFIX}:page:{_digest(path)}"


def token_key(path):
    return f"{PREFIX}:token:{_digest(path)}"


def generation_key(language):
    return f"{PREFIX}:gen:{language}"


def lookup(path, language):
    """(entry, stamp): the cached entry for ``path`` if it is current (else None), and the
    stamp to store a fresh render under. One cache round trip on a hit.

    The stamp is read before rendering: a purge that lands while the page renders changes
    the page's token or its language's generation, so the render, stored under the old
    stamp, is never served."""
    keys = [entry_key(path), token_key(path), generation_key(language)]
    found = cache.get_many(keys)
    entry, token, generation = (found.get(key) for key in keys)
    if generation is None:
        # First use, eviction or a Redis restart: a new random generation, so no entry
        # stored under one that vanished can pass for current.
        cache.add(keys[2], uuid.uuid4().hex, None)
        generation = cache.get(keys[2])
    stamp = (token, generation)
    if entry is None or token is None or entry["stamp"] != stamp:
        return None, stamp
    return entry, stamp


def etag_of(content):
    return '"' + hashlib.blake2b(content, digest_size=16).hexdigest() + '"'


def save(path, stamp, response, etag):
    """Keep ``response`` (a rendered 200, headers final) for ``path`` under ``stamp``."""
    token, generation = stamp
    if token is None:
        # Tokens are made only for pages worth keeping (never for a crawler's 404s). If
        # one appeared since the lookup, a purge ran during the render: keep nothing.
        token = uuid.uuid4().hex
        if not cache.add(token_key(path), token, settings.PAGE_CACHE_TIMEOUT):
            return
    if generation is not None:
        headers = [
            (name, value)
            for name, value in response.items()
            if name.lower() not in ("x-request-id", "x-page-cache", "content-length")
        ]
        entry = {"stamp": (token, generation), "etag": etag, "headers": headers}
        entry["content"] = response.content
        cache.set(entry_key(path), entry, settings.PAGE_CACHE_TIMEOUT)


def purge_paths(paths):
    """Retire the cached pages at these paths (and any render of them in progress)."""
    paths = set(paths)
    if paths:
        # A token outliving the entries it guards is enough: they expire together.
        tokens = {token_key(path): uuid.uuid4().hex for path in paths}
        cache.set_many(tokens, settings.PAGE_CACHE_TIMEOUT)
        cache.delete_many([entry_key(path) for path in paths])


def purge_languages(language_codes):
    """Retire every cached page of these languages."""
    if language_codes:
        cache.set_many({generation_key(code): uuid.uuid4().hex for code in language_codes}, None)
