"""Tag purges at the edge, in batches (settings.DELIVERY_EDGE, docs/deployment.md):

- Varnish with varnish-modules' xkey: ``PURGE`` with ``xkey-purge: <tags>`` to the
  purge URL (docs/varnish.vcl answers it with ``xkey.purge``);
- Fastly: ``POST /service/<id>/purge`` with ``Surrogate-Key: <tags>`` (256 a call);
- Cloudflare: ``POST /zones/<zone>/purge_cache`` with ``{"tags": [...]}`` (30 a call).

A failure is logged, never raised: the edge being down must not fail a publish (the
edge's short lifetimes heal what a lost purge left).
"""

import json
import logging
import urllib.request

from django.conf import settings

logger = logging.getLogger(__name__)

VARNISH_HEADER_BUDGET = 4000  # characters of tags per PURGE request
FASTLY_BATCH = 256
CLOUDFLARE_BATCH = 30
TIMEOUT = 5


def _config():
    return getattr(settings, "DELIVERY_EDGE", {}) or {}


def _batches(tags, size):
    tags = sorted(tags)
    for start in range(0, len(tags), size):
        yield tags[start : start + size]


def _header_batches(tags, budget):
    batch, length = [], 0
    for tag in sorted(tags):
        if batch and length + len(tag) + 1 > budget:
            yield batch
            batch, length = [], 0
        batch.append(tag)
        length += len(tag) + 1
    if batch:
        yield batch


def purge(tags):
    config = _config()
    for name, send in (
        ("varnish", _varnish),
        ("fastly_service", _fastly),
        ("cloudflare_zone", _cloudflare),
    ):
        if config.get(name):
            try:
                send(config, tags)
            except Exception:
                logger.exception("edge purge (%s) failed for %d tag(s)", name, len(tags))


def _send(method, url, headers, body=None):
    request = urllib.request.Request(url, data=body, headers=headers, method=method)  # noqa: S310
    with urllib.request.urlopen(request, timeout=TIMEOUT) as response:  # noqa: S310
        return response.status


def _varnish(config, tags):
    for batch in _header_batches(tags, VARNISH_HEADER_BUDGET):
        _send("PURGE", config["varnish"], {"xkey-purge": " ".join(batch)})


def _fastly(config, tags):
    url = f"https://api.fastly.com/service/{config['fastly_service']}/purge"
    for batch in _batches(tags, FASTLY_BATCH):
        headers = {"Fastly-Key": config["fastly_token"], "Surrogate-Key": " ".join(batch)}
        _send("POST", url, headers)


def _cloudflare(config, tags):
    url = f"https://api.cloudflare.com/client/v4/zones/{config['cloudflare_zone']}/purge_cache"
    for batch in _batches(tags, CLOUDFLARE_BATCH):
        headers = {
            "Authorization": f"Bearer {config['cloudflare_token']}",
            "Content-Type": "application/json",
        }
        _send("POST", url, headers, json.dumps({"tags": batch}).encode())
