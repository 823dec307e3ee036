"""With the database unreachable, a real server answers a friendly, localised 503 with
Retry-After, and logs one line for the whole incident rather than a traceback a request."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def server_without_database():
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "iom_site.settings.test",
        # Nothing listens on port 1 of loopback: every connection is refused at once.
        "DATABASE_URL": "postgres://postgres@127.0.0.1:1/unreachable",
    }
    process = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "gunicorn", "iom_site.wsgi", "-b", f"127.0.0.1:{port}", "-w", "1"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2)
            break
        except OSError:  # not listening yet
            time.sleep(0.3)
    yield f"http://127.0.0.1:{port}", process
    process.terminate()
    process.wait(timeout=20)


def get(url, language):
    request = urllib.request.Request(url, headers={"Accept-Language": language})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


def test_unreachable_database_gives_a_localised_503_and_one_log_line(server_without_database):
    base, process = server_without_database
    status, headers, body = get(f"{base}/healthz", "fr")
    assert status == 200  # liveness needs no database

    for path, lang, text in (
        ("/fr/", "fr", "Service momentanément indisponible"),
        ("/en/", "en", "Service temporarily unavailable"),
        ("/es/", "es", "Servicio no disponible temporalmente"),
        ("/fr/qui-sommes-nous/", "fr", "Service momentanément indisponible"),
    ):
        status, headers, body = get(base + path, lang)
        assert status == 503, body[:500]
        assert headers["Retry-After"] == "30"
        assert f'<html lang="{lang}"' in body
        assert text in body
        assert "Traceback" not in body

    status, _headers, _body = get(f"{base}/readyz", "fr")
    assert status == 503

    process.terminate()
    output = process.communicate(timeout=20)[0]
    assert output.count("Database unreachable, answering 503") == 1, output[-3000:]
    assert "Traceback" not in output
