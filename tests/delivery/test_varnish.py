"""The edge purge against a real Varnish (Debian's varnish and varnish-modules, for the
xkey vmod) running docs/varnish.vcl on loopback in front of the live test server: a
publish takes exactly the pages that showed the change out of Varnish, by their cache
tags, in one PURGE; a menu change takes out its language and leaves the others.

Skipped only where varnishd or the xkey vmod is missing, and never when REQUIRE_VARNISH=1
(CI installs both: .ci/run)."""

import os
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from tests.delivery.conftest import publish
from tests.helpers.imports import ROOT

VARNISHD = shutil.which("varnishd") or "/usr/sbin/varnishd"
XKEY = list(Path("/usr/lib").glob("*/varnish/vmods/libvmod_xkey.so"))

pytestmark = pytest.mark.django_db(transaction=True)


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _test_vcl(backend_host, backend_port):
    """docs/varnish.vcl with its two app servers pointed at the live server (no probe:
    the documented one asks for the production Host)."""
    vcl = (ROOT / "docs" / "varnish.vcl").read_text()
    for address in ("10.0.1.11", "10.0.1.12"):
        vcl = vcl.replace(f'.host = "{address}";', f'.host = "{backend_host}";')
    vcl = vcl.replace('.port = "8000";', f'.port = "{backend_port}";')
    vcl = vcl.replace(".probe = liveness;", "")
    start = vcl.index("probe liveness {")
    return vcl[:start] + vcl[vcl.index("}", start) + 1 :]


@pytest.fixture
def varnish(live_server, tmp_path, settings):
    if not (os.path.exists(VARNISHD) and XKEY):
        if os.environ.get("REQUIRE_VARNISH") == "1":
            pytest.fail("varnishd or the xkey vmod (varnish-modules) is missing")
        pytest.skip("varnishd or varnish-modules not installed")
    host, port = live_server.thread.host, live_server.thread.port
    vcl = tmp_path / "test.vcl"
    vcl.write_text(_test_vcl(host, port))
    listen = _free_port()
    process = subprocess.Popen(  # noqa: S603 - fixed arguments
        [
            VARNISHD,
            "-F",
            "-j",
            "none",
            "-n",
            str(tmp_path / "varnish"),
            "-a",
            f"127.0.0.1:{listen}",
            "-T",
            "none",
            "-f",
            str(vcl),
            "-s",
            "malloc,32m",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{listen}"
    for _ in range(100):
        try:
            with socket.create_connection(("127.0.0.1", listen), timeout=0.2):
                break
        except OSError:
            if process.poll() is not None:
                pytest.fail(f"varnishd did not start: {process.stderr.read().decode()}")
            time.sleep(0.1)
    settings.DELIVERY_EDGE = {"varnish": base + "/"}
    yield base
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


def get(base, path):
    request = urllib.request.Request(  # noqa: S310 - loopback
        base + path, headers={"Host": "localhost", "X-Forwarded-Proto": "https"}
    )
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
        return response.headers, response.read().decode()


def edge_state(base, path):
    return get(base, path)[0]["X-Edge-Cache"]


def warm(base, *paths):
    for path in paths:
        get(base, path)
        assert edge_state(base, path) == "hit", path


def test_varnish_drops_exactly_what_a_publish_changed_by_its_tags(varnish, tree):
    page, deep, section = tree["page"], tree["deep"], tree["section"]
    en_page = tree["en_page"]
    warm(varnish, page.url, deep.url, section.url, en_page.url)
    headers, _body = get(varnish, page.url)
    assert "xkey" not in headers  # tags are for caches, not for visitors

    # A body edit of a page: the page and the section whose cards list it.
    page.lead = "<p>Un engagement renouvelé.</p>"
    publish(page)
    headers, body = get(varnish, page.url)
    assert headers["X-Edge-Cache"] == "miss" and "Un engagement renouvelé." in body
    assert edge_state(varnish, section.url) == "miss"
    assert edge_state(varnish, deep.url) == "hit"
    assert edge_state(varnish, en_page.url) == "hit"

    # A title in the French menu: every French page, in one purge; English stays.
    warm(varnish, page.url, section.url)
    section.title = "Agir ensemble"
    publish(section)
    headers, body = get(varnish, deep.url)
    assert headers["X-Edge-Cache"] == "miss" and ">Agir ensemble</a>" in body
    assert edge_state(varnish, page.url) == "miss"
    assert edge_state(varnish, en_page.url) == "hit"


def test_varnish_drops_a_page_unpublished_from_its_listing_and_menu(varnish, tree):
    page, section, deep = tree["page"], tree["section"], tree["deep"]
    en_section = tree["en_section"]
    warm(varnish, page.url, section.url, deep.url, en_section.url)
    page.unpublish()
    request = urllib.request.Request(  # noqa: S310 - loopback
        varnish + page.url, headers={"Host": "localhost", "X-Forwarded-Proto": "https"}
    )
    with pytest.raises(urllib.error.HTTPError) as gone:
        urllib.request.urlopen(request, timeout=10)  # noqa: S310
    assert gone.value.code == 404
    _headers, body = get(varnish, section.url)
    assert "Engagement" not in body  # neither in its cards nor in the menu
    headers, body = get(varnish, deep.url)  # the French menu listed it
    assert headers["X-Edge-Cache"] == "miss" and "Engagement" not in body
    assert edge_state(varnish, en_section.url) == "hit"
