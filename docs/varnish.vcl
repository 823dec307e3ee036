vcl 4.1;
# Varnish 7 in front of the app servers (docs/deployment.md, « Edge cache »).
# Validated with `varnishd -C -f docs/varnish.vcl` (Varnish 7.1.1, Debian 12, with
# Debian's varnish-modules for the xkey vmod); tests/delivery/test_varnish.py runs it.
#
# The rules mirror the app's own page cache (iom_site/core/delivery): only anonymous
# GET/HEAD of public pages under /fr/, /en/ and /es/ (and static files) are shared; the
# app marks each of those responses `Cache-Control: public, max-age=0, s-maxage=300,
# must-revalidate` with an ETag (and `Surrogate-Control: max-age=300,
# stale-while-revalidate=60` for shared caches alone), and Varnish keeps them for 300 s
# (it reads Surrogate-Control's max-age first) and serves them stale for 60 s while it
# fetches them again. Each response names what it shows in
# an `xkey` header (cache tags: p<page id>, c<page id> for "children of", menu-fr, ...).
# On publish, unpublish, move, delete, a privacy change or a snippet/image/document
# save, the app sends `PURGE /` with `xkey-purge: <tags>` to FRONTEND_CACHE_PURGE_URL
# (this Varnish), from an app server: every object carrying one of them goes, whatever
# its address (one request for a whole language's menu).

import directors;
import std;
import xkey;

# /healthz, not /readyz: readiness fails when the shared PostgreSQL or Redis does, which
# is the same answer from every app server; taking them all out of rotation would turn a
# Redis outage (which the app survives, uncached) into a full outage. /healthz removes
# only a server whose process is dead or stuck. The Host must be one of
# DJANGO_ALLOWED_HOSTS, or Django answers 400 and every backend looks sick.
probe liveness {
    .request =
        "GET /healthz HTTP/1.1"
        "Host: iom.example"
        "X-Forwarded-Proto: https"
        "Connection: close";
    .interval = 5s;
    .timeout = 2s;
    .window = 5;
    .threshold = 3;
}

# One block per app server (gunicorn, gunicorn.conf.py). TLS ends in front of Varnish (the
# CDN, or hitch/nginx on this machine), which must set X-Forwarded-Proto: https and pass
# the public Host name through.
backend app1 {
    .host = "10.0.1.11";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 35s;  # a little above gunicorn's 30 s worker timeout
    .between_bytes_timeout = 10s;
    # To give the app the visitor's address in REMOTE_ADDR (the form throttle and the
    # admin-login lockout count per address), send PROXY protocol and start gunicorn with
    # `--proxy-protocol v2 --proxy-allow-from <this Varnish's address>`. Both or neither:
    # gunicorn without the flag cannot parse what Varnish sends with it.
    # .proxy_header = 2;
    .probe = liveness;
}
backend app2 {
    .host = "10.0.1.12";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 35s;
    .between_bytes_timeout = 10s;
    # .proxy_header = 2;
    .probe = liveness;
}

# Who may PURGE: the app servers (they send Wagtail's purges) and this machine.
acl purgers {
    "127.0.0.1";
    "::1";
    "10.0.1.11";
    "10.0.1.12";
}

sub vcl_init {
    new apps = directors.round_robin();
    apps.add_backend(app1);
    apps.add_backend(app2);
}

sub vcl_recv {
    set req.backend_hint = apps.backend();

    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "PURGE not allowed from this address"));
        }
        if (req.http.xkey-purge) {
            # Removes every object tagged with one of these keys (space-separated).
            set req.http.n-gone = xkey.purge(req.http.xkey-purge);
            return (synth(200, "Invalidated " + req.http.n-gone + " objects"));
        }
        # Removes every variant kept under this Host + path.
        return (purge);
    }

    # Forms, logins, uploads and anything unusual go straight through, cookies intact.
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }

    # Static files: hashed names (whitenoise's manifest), so cookies never matter.
    if (req.url ~ "^/static/") {
        unset req.http.Cookie;
        return (hash);
    }

    # Outside the language prefixes: the admins, documents (privacy checks need the
    # session), "/" (redirected by the language cookie), probes, sitemap and robots.
    if (req.url !~ "^/(fr|en|es)/" || req.url ~ "^/(admin|django-admin)/") {
        return (pass);
    }
    # Search results and private-page password forms are per request.
    if (req.url ~ "^/(fr|en|es)/(recherche|search|busqueda)/" || req.url ~ "^/(fr|en|es)/_util/") {
        return (pass);
    }
    # Plain HTTP goes to the app, which redirects it (DJANGO_SECURE_SSL_REDIRECT): it must
    # never be served a copy cached for HTTPS (the cache key is Host + path).
    if (req.http.X-Forwarded-Proto != "https") {
        return (pass);
    }
    # Signed-in editors see the Wagtail user bar; flash messages are personal.
    if (req.http.Cookie ~ "(^|;\s*)(sessionid|messages)=") {
        return (pass);
    }
    if (req.http.Authorization) {
        return (pass);
    }

    # Campaign parameters do not change the page (the app ignores them too): drop them so
    # that a newsletter link shares the cached copy.
    if (req.url ~ "[?&](utm_[a-z]+|fbclid|gclid)=") {
        set req.url = regsuball(req.url, "(utm_[a-z]+|fbclid|gclid)=[^&]*", "");
        set req.url = regsuball(req.url, "&{2,}", "&");
        set req.url = regsub(req.url, "\?&", "?");
        set req.url = regsub(req.url, "[?&]+$", "");
    }
    # Any other query string (pagination, filters) is rendered per request by the app.
    if (req.url ~ "\?") {
        return (pass);
    }

    # Other cookies (csrftoken, the language cookie, analytics) do not change a public
    # page: drop them for the lookup, as the app's page cache does. They are kept aside
    # for the pages the app does not share (vcl_backend_fetch).
    if (req.http.Cookie) {
        set req.http.X-Kept-Cookie = req.http.Cookie;
        unset req.http.Cookie;
    }
    return (hash);
}

sub vcl_backend_fetch {
    # A page already known as not shareable (the form page, which carries a CSRF token)
    # gets the visitor's cookies back, so that Django reuses their csrftoken instead of
    # issuing a new one on every visit (which would fail a form left open in another tab).
    if (bereq.uncacheable && bereq.http.X-Kept-Cookie) {
        set bereq.http.Cookie = bereq.http.X-Kept-Cookie;
    }
    unset bereq.http.X-Kept-Cookie;
}

sub vcl_backend_response {
    # Keep only what the app marked shareable; everything else (signed-in pages, the form
    # page with its CSRF token, 404s, redirects) is remembered as "pass" for 2 min, so that
    # requests for it neither queue behind each other nor lose their cookies.
    if (beresp.http.Set-Cookie
        || beresp.http.Cache-Control !~ "(public|s-maxage)"
        || beresp.http.Cache-Control ~ "(private|no-cache|no-store)") {
        return (pass(120s));
    }

    # Hashed static files never change under the same name.
    if (bereq.url ~ "^/static/.+\.[0-9a-f]{12}\.[a-z0-9]+$" && beresp.status == 200) {
        set beresp.ttl = 365d;
    }

    # stale-while-revalidate (60 s) gives the grace Varnish serves a page in while it
    # fetches it again; if every app server is down, serve what we have for up to 6
    # hours. Purges still remove pages immediately: grace only stretches pages nobody
    # changed, and the short s-maxage heals a purge that never arrived in minutes.
    if (std.healthy(bereq.backend)) {
        set beresp.grace = 60s;
    } else {
        set beresp.grace = 6h;
    }
    set beresp.keep = 0s;

    # The app does not compress HTML; whitenoise already serves .gz/.br static files.
    if (!beresp.http.Content-Encoding
        && beresp.http.Content-Type ~ "^(text/|application/(json|javascript|xml|ld\+json|manifest\+json)|image/svg\+xml)") {
        set beresp.do_gzip = true;
    }
    return (deliver);
}

sub vcl_deliver {
    # Cache tags are for caches: visitors do not see them.
    unset resp.http.xkey;
    unset resp.http.Surrogate-Key;
    unset resp.http.Cache-Tag;
    unset resp.http.Surrogate-Control;
    unset resp.http.CDN-Cache-Control;
    # For operators: was this an edge hit? (The app's own X-Page-Cache says hit/miss/bypass
    # for its Redis page cache.)
    if (obj.uncacheable) {
        set resp.http.X-Edge-Cache = "pass";
    } elsif (obj.hits > 0) {
        set resp.http.X-Edge-Cache = "hit";
    } else {
        set resp.http.X-Edge-Cache = "miss";
    }
}
