"""A full-page cache for anonymous visitors (README « Performance »).

``middleware`` answers from the cache and fills it; ``store`` owns the keys; ``purge``
decides which pages a change affects and purges them here and at the edge (CDN/Varnish).
"""
