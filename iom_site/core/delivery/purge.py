"""A change purges its tags: from the page cache (store.py), the content cache (a new
content version), and the edge (edge.py: Varnish xkey, Fastly, Cloudflare).

Purges run at once and again when the transaction commits: a visitor whose render read
the data before the commit cannot leave a stale page behind. The edge is told once, on
commit (it could fetch the old page again before then).
"""

from django.db import transaction

from . import edge, store
from .memo import bump_content_version


def purge_tags(tags):
    tags = set(tags)
    if not tags:
        return

    def run(at_edge):
        # Pages, families and cards kept under the content version are rebuilt too.
        bump_content_version()
        store.purge_tags(tags)
        if at_edge:
            edge.purge(tags)

    run(at_edge=False)
    transaction.on_commit(lambda: run(at_edge=True))
