"""Turning whatever arrives in ?q= and ?page= into something safe to search with."""

import re

MAX_QUERY_LENGTH = 200
# Wagtail's database backend builds one nested expression per word and overflows
# Python's stack past about 160 words.
MAX_QUERY_WORDS = 32
WORD = re.compile(r"\w+")


def clean_query(raw):
    """(shown, terms): the query as the visitor typed it, trimmed to a sane size, and the
    words to search for. Only letters and digits reach the backend, lower-cased, so no
    operator or quote of any backend's syntax (FTS5 MATCH, tsquery) can be injected."""
    shown = " ".join((raw or "").split())[:MAX_QUERY_LENGTH]
    words = WORD.findall(shown.lower())[:MAX_QUERY_WORDS]
    terms = " ".join(words)[:MAX_QUERY_LENGTH].strip()
    return shown, terms


def clean_page(raw):
    """The requested page number, 1 for anything that is not a positive integer."""
    try:
        number = int(str(raw).strip()[:9])
    except (TypeError, ValueError):
        return 1
    return max(number, 1)
