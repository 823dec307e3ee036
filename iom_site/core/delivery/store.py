"""Where cached pages live: one entry per public path, indexed by the cache tags of what
its render read (tags.py). Purging a tag deletes every entry indexed under it, however
many (a menu change: one call, whatever the number of pages).

A render that a purge overtakes is never kept: each purge takes the next number of a
purge counter and marks its tags with it; a render remembers the counter when it starts
(read in the same round trip as the lookup), and its entry is dropped when one of its
tags was marked since. Index first, entry second, marks checked last; a purge marks
first and reads the index second: whichever order they interleave in, no stale entry
survives.

Every key carries the release (``iom_site.core.release``).

With ``PAGE_CACHE_LOCAL_SECONDS`` (production: 1), each worker also keeps the entries it
served in its own memory that long (a micro-cache, as nginx's is used): a burst on one
page costs no Redis round trip. A purge empties the purging worker's copies at once;
another worker serves its copy at most that many seconds after the purge.
"""

import hashlib
import logging
import time
from urllib.parse import parse_qsl

from django.conf import settings
from django.core.cache import cache

from iom_site.core.release import key as release_key

logger = logging.getLogger(__name__)

# Links shared on social media and newsletters carry these; the page is the same.
TRACKING_PARAMS = frozenset(
    {"utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content", "fbclid", "gclid"}
)
MAX_PATH_LENGTH = 512
# The micro-cache: entry key -> (expiry on the monotonic clock, entry), a few hundred at
# most (emptied when full: the hottest pages come back at once).
_local = {}
LOCAL_MAX_ENTRIES = 500


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


def _digest(text):
    # Paths and tags are visitor or editor input: hashed, any of them makes a valid key.
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=20).hexdigest()


def entry_key(path):
    return release_key("delivery", "page", _digest(path))


def index_key(tag):
    return release_key("delivery", "tag", _digest(tag))


def mark_key(tag):
    return release_key("delivery", "purged", _digest(tag))


def counter_key():
    return release_key("delivery", "purges")


def _timeout():
    return settings.PAGE_CACHE_TIMEOUT


def lookup(path):
    """(entry, started): the cached entry for ``path`` (or None), and the purge counter
    to store a fresh render under. One cache round trip."""
    keys = [entry_key(path), counter_key()]
    seconds = settings.PAGE_CACHE_LOCAL_SECONDS
    if seconds:
        kept = _local.get(keys[0])
        if kept is not None and kept[0] > time.monotonic():
            return kept[1], 0
    found = cache.get_many(keys)
    entry = found.get(keys[0])
    if entry is not None and seconds:
        if len(_local) >= LOCAL_MAX_ENTRIES:
            _local.clear()
        _local[keys[0]] = (time.monotonic() + seconds, entry)
    return entry, found.get(keys[1]) or 0


def forget_local():
    """Empty this worker's micro-cache (a purge does)."""
    _local.clear()


def etag_of(content):
    return '"' + hashlib.blake2b(content, digest_size=16).hexdigest() + '"'


def save(path, started, response, etag, tags):
    """Keep ``response`` (a rendered 200, headers final) for ``path``, indexed by
    ``tags``, unless a purge of one of them ran since ``started``."""
    key = entry_key(path)
    _index_add({index_key(tag) for tag in tags}, key)
    headers = [
        (name, value)
        for name, value in response.items()
        if name.lower() not in ("x-request-id", "x-page-cache", "content-length")
    ]
    entry = {"etag": etag, "headers": headers, "content": response.content}
    cache.set(key, entry, _timeout())
    marks = cache.get_many([mark_key(tag) for tag in tags])
    if any(mark > started for mark in marks.values()):
        cache.delete(key)
        return False
    return True


def purge_tags(tags):
    """Delete every entry indexed under one of ``tags``, and mark them purged so that a
    render in progress is not kept either."""
    tags = set(tags)
    if not tags:
        return
    forget_local()
    cache.add(counter_key(), 0, None)
    try:
        number = cache.incr(counter_key())
    except ValueError:  # evicted between the two calls
        cache.set(counter_key(), 1, None)
        number = 1
    cache.set_many({mark_key(tag): number for tag in tags}, _timeout())
    _index_pop({index_key(tag) for tag in tags})


def purge_everything():
    """Retire every entry of this release (sites, languages changed)."""
    purge_tags([EVERYTHING])


#: A tag every entry carries.
EVERYTHING = "all"


# The tag index: Redis sets when the cache is Redis (atomic adds), else sets kept in the
# cache itself (the in-memory cache of tests and single-process development).


def _redis():
    try:
        from django_redis import get_redis_connection
        from django_redis.cache import RedisCache
    except ImportError:
        return None
    if not isinstance(cache, RedisCache) and not isinstance(
        getattr(cache, "_wrapped", None), RedisCache
    ):
        return None
    return get_redis_connection("default")


def _index_add(index_keys, entry):
    client = _redis()
    if client is not None:
        pipe = client.pipeline(transaction=False)
        for key in index_keys:
            raw = cache.make_key(key)
            pipe.sadd(raw, entry)
            pipe.expire(raw, _timeout() * 2)
        try:
            pipe.execute()
        except Exception:  # Redis down: the entry will not be kept either
            logger.warning("page cache: tag index unavailable", exc_info=True)
        return
    found = cache.get_many(list(index_keys))
    cache.set_many(
        {key: found.get(key, frozenset()) | {entry} for key in index_keys}, _timeout() * 2
    )


def _index_pop(index_keys):
    client = _redis()
    if client is not None:
        raw = [cache.make_key(key) for key in index_keys]
        pipe = client.pipeline(transaction=False)
        pipe.sunion(raw)
        pipe.delete(*raw)
        try:
            members, _deleted = pipe.execute()
        except Exception:
            logger.warning("page cache: tag index unavailable", exc_info=True)
            return
        entries = [member.decode() for member in members]
    else:
        found = cache.get_many(list(index_keys))
        entries = set().union(*found.values()) if found else set()
        cache.delete_many(list(index_keys))
    if entries:
        cache.delete_many(list(entries))
