"""The delivery room: the only code that knows about caching (docs/architecture.md).

- ``tags``: what a render read (pages, snippets, images, documents, "children of page
  X", listings of a type), collected while it runs and sent as cache tags.
- ``middleware`` + ``store``: the full-page cache for anonymous visitors, its entries
  indexed by tag; ``purge``: a change purges its tags there and at the edge
  (``edge``: Varnish xkey, Fastly Surrogate-Key, Cloudflare Cache-Tag).
- ``signals``: which tags each publish, move, deletion, privacy or snippet change purges.
- ``memo`` + ``routing`` + ``views``: Wagtail's page view, with the page and what it
  shows read from the content cache when it can.
- ``release``: every key carries the release, so a deploy starts from empty caches.
"""
