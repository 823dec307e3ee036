"""With the database unreachable, a real server answers a friendly, localised 503 with
Retry-After, and logs one line for the whole incident rather than a traceback a request."""

from tests.helpers.servers import get, gunicorn, output_of


def test_unreachable_database_gives_a_localised_503_and_one_log_line():
    env = {
        "DJANGO_SETTINGS_MODULE": "iom_site.settings.test",
        # Nothing listens on port 1 of loopback: every connection is refused at once.
        "DATABASE_URL": "postgres://postgres@127.0.0.1:1/unreachable",
    }
    with gunicorn(env) as (base, process):
        status, _headers, _body = get(f"{base}/healthz")
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
        assert get(f"{base}/readyz")[0] == 503
        output = output_of(process)
    assert output.count("Database unreachable, answering 503") == 1, output[-3000:]
    assert "Traceback" not in output
