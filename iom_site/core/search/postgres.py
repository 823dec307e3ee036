"""Wagtail's PostgreSQL search backend, with every search word of four letters or more
matched as a prefix of the indexed stems.

The French stemmer reduces "migrants" to "migr" but "migration" to "migrat"; as a prefix,
"migr" finds both. The words come from forms.clean_query: letters and digits only."""

import re

from django.contrib.postgres.search import SearchQuery

from modelsearch.backends.database.postgres.postgres import (
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.backends.database.postgres.query import Lexeme
from modelsearch.query import PlainText

from iom_site.core.search.capped import CappedQueryMixin

MIN_PREFIX_LENGTH = 4


class StemPrefixQueryCompiler(PostgresSearchQueryCompiler):
    def build_tsquery_content(self, query, config=None, invert=False):
        if not isinstance(query, PlainText):
            return super().build_tsquery_content(query, config=config, invert=invert)
        lexemes = None
        for term in re.split(r"[\s\-]+", query.query_string):
            if not term:
                continue
            lexeme = Lexeme(term, invert=invert, prefix=len(term) >= MIN_PREFIX_LENGTH)
            if lexemes is None:
                lexemes = lexeme
            elif query.operator == "and":
                lexemes &= lexeme
            else:
                lexemes |= lexeme
        if lexemes is None:
            return None
        return SearchQuery(lexemes, search_type="raw", config=config)


class IOMPostgresSearchBackend(CappedQueryMixin, PostgresSearchBackend):
    query_compiler_class = StemPrefixQueryCompiler


SearchBackend = IOMPostgresSearchBackend
