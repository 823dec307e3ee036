"""Every search, the admin's included, with at most ``MAX_QUERY_WORDS`` words.

Wagtail's database backends (modelsearch) build one nested SQL expression per word and
overflow Python's stack past about 160 words (RecursionError, a 500 in the admin's page,
snippet, image and document searches: wagtail/wagtail#4701). The public search trims its
query itself (forms.clean_query); this caps it in the backend, for every caller: the
words after the first ``MAX_QUERY_WORDS`` are dropped.

``BACKEND: "iom_site.core.search.capped"`` picks the database's own backend, as
``wagtail.search.backends.database`` does, with the cap; the PostgreSQL backend of
search/postgres.py has it too.
"""

import copy

from modelsearch.backends import database

from iom_site.core.search.forms import MAX_QUERY_LENGTH, MAX_QUERY_WORDS


def cap_query(query):
    """The query with at most ``MAX_QUERY_WORDS`` words, whether a string or a query
    object (the admin's page search parses its text into PlainText, Phrase, And…)."""
    capped, _left = _cap(query, MAX_QUERY_WORDS)
    return query if capped is None else capped


def _cap_text(text, budget):
    words = text.split()[:budget]
    return " ".join(words)[: 4 * MAX_QUERY_LENGTH], budget - len(words)


def _cap(query, budget):
    """(capped query or None when nothing fits, words left)."""
    if isinstance(query, str):
        return _cap_text(query, budget)
    if hasattr(query, "query_string"):  # PlainText, Phrase, Fuzzy
        if len(query.query_string.split()) <= budget:
            return query, budget - len(query.query_string.split())
        text, budget = _cap_text(query.query_string, budget)
        capped = copy.copy(query)
        capped.query_string = text
        return (capped if text else None), budget
    if hasattr(query, "subqueries"):  # And, Or
        kept = []
        for subquery in query.subqueries:
            if budget <= 0:
                break
            capped, budget = _cap(subquery, budget)
            if capped is not None:
                kept.append(capped)
        if not kept:
            return None, budget
        capped = copy.copy(query)
        capped.subqueries = kept
        return capped, budget
    if hasattr(query, "subquery"):  # Boost, Not
        inner, budget = _cap(query.subquery, budget)
        if inner is None:
            return None, budget
        capped = copy.copy(query)
        capped.subquery = inner
        return capped, budget
    return query, budget  # MatchAll


class CappedQueryMixin:
    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        return super()._search(query_compiler_class, cap_query(query), model_or_queryset, **kwargs)


_classes = {}


def SearchBackend(params):  # Wagtail looks this name up in the module
    backend_class = type(database.SearchBackend(params))
    if not issubclass(backend_class, CappedQueryMixin):
        if backend_class not in _classes:
            _classes[backend_class] = type(
                f"Capped{backend_class.__name__}", (CappedQueryMixin, backend_class), {}
            )
        backend_class = _classes[backend_class]
    return backend_class(params)
