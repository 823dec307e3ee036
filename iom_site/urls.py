from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.auth import views as auth_views
from django.urls import include, path, re_path

from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from iom_site.core import sitemaps as core_sitemaps
from iom_site.core.delivery import views as delivery_views
from iom_site.core.ops import favicon, health
from iom_site.core.search import urls as search_urls

# Outside the language prefix: the admin, documents and machine-read files.
urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", core_sitemaps.sitemap, name="sitemap"),
    path("robots.txt", core_sitemaps.robots_txt, name="robots_txt"),
    path("favicon.ico", favicon.favicon, name="favicon"),
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Every page lives under /fr/, /en/ or /es/; "/" is redirected by LocaleMiddleware
# (language cookie, then Accept-Language, then French).
urlpatterns += i18n_patterns(
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        wagtail_views.authenticate_with_password,
        name="wagtailcore_authenticate_with_password",
    ),
    # Wagtail sends anonymous visitors of login-restricted pages and documents here (its
    # own route, which wagtail.urls would add): without it they got a 500 (issue 15, 5).
    path(
        "_util/login/",
        auth_views.LoginView.as_view(template_name="wagtailcore/login.html"),
        name="wagtailcore_login",
    ),
    path("", include(search_urls)),
    re_path(wagtail_urls.serve_pattern, delivery_views.serve, name="wagtail_serve"),
    prefix_default_language=True,
)

handler404 = "iom_site.core.delivery.views.page_not_found"
handler500 = "iom_site.core.ops.errors.server_error"
