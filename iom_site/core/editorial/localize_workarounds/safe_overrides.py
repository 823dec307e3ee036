"""Workaround: wagtail-localize saves a translator's override of a link as typed.

In the translation editor, link addresses (rich-text links, URL and e-mail blocks) are
« overridable segments »: the translator may give another address for their language.
``edit_override`` stores whatever arrives, and publishing writes it into the page without
the field's validation: ``javascript:alert(5)`` reached the published HTML (issue 15,
point 7; the CSP stopped it running).

- At save: ``SafeOverrideMiddleware`` (MIDDLEWARE) answers 400, storing nothing, when an
  override names a scheme other than http, https, mailto or tel, or when the source is an
  e-mail address and the override is not one.
- At render, in case such a value got in another way (defence in depth, ``install()``):
  a rich-text link whose address has another scheme is written as a plain ``<a>``, a URL
  block's value with another scheme and an e-mail block's value that is not an address
  read as empty, so templates never print them.
"""

import io
import json
import re

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.http import JsonResponse, QueryDict

from iom_site.core.route_middleware import RouteMiddleware

SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# Browsers drop ASCII whitespace and control characters anywhere in a URL's scheme:
# "java\tscript:" runs as "javascript:".
IGNORED = re.compile(r"[\x00-\x20\x7f]+")
SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")


def unsafe_url(value):
    """True when the browser would follow ``value`` with a scheme other than the safe ones."""
    if not isinstance(value, str):
        return False
    compact = IGNORED.sub("", value).lower()
    match = SCHEME.match(compact)
    return bool(match) and match.group(1) not in SAFE_SCHEMES


def is_email(value):
    try:
        validate_email(value)
    except ValidationError:
        return False
    return True


def override_error(source_value, value):
    """Why the override cannot be saved, or None."""
    if unsafe_url(value):
        return "Only http, https, mailto and tel addresses are allowed."
    if isinstance(source_value, str) and is_email(source_value) and not is_email(value):
        return "Enter a valid e-mail address."
    return None


def _put_data(request):
    content_type = request.META.get("CONTENT_TYPE", "")
    if content_type.startswith("multipart/form-data"):
        data, _files = request.parse_file_upload(request.META, io.BytesIO(request.body))
        return data
    return QueryDict(request.body, encoding=request.encoding)


class SafeOverrideMiddleware(RouteMiddleware):
    routes = frozenset({"edit_override"})
    namespace = "wagtail_localize"
    methods = frozenset({"PUT"})

    def guard(self, request, match, view_func, view_args, view_kwargs):
        from wagtail_localize.models import OverridableSegment

        segment = OverridableSegment.objects.filter(
            pk=view_kwargs["overridable_segment_id"]
        ).first()
        if segment is None:
            return None  # the view answers 404
        value = _put_data(request).get("value", "")
        error = override_error(json.loads(segment.data_json), value)
        if error:
            return JsonResponse({"value": [error]}, status=400)
        return None


def install():
    """Idempotent: rich-text links, URL and e-mail blocks never render an unsafe address."""
    from wagtail import blocks
    from wagtail.rich_text.rewriters import LinkRewriter

    original_tag_type = LinkRewriter.get_tag_type_from_attrs
    if not getattr(original_tag_type, "refuses_unsafe_urls", False):

        def get_tag_type_from_attrs(self, attrs):
            if "linktype" not in attrs and unsafe_url(attrs.get("href")):
                # No rule has this type: Wagtail writes the link as a bare <a>.
                return "unsafe-url"
            return original_tag_type(self, attrs)

        get_tag_type_from_attrs.refuses_unsafe_urls = True
        LinkRewriter.get_tag_type_from_attrs = get_tag_type_from_attrs

    original_to_python = blocks.URLBlock.to_python
    if not getattr(original_to_python, "refuses_unsafe_urls", False):

        def to_python(self, value):
            value = original_to_python(self, value)
            return "" if unsafe_url(value) else value

        to_python.refuses_unsafe_urls = True
        blocks.URLBlock.to_python = to_python

    original_email = blocks.EmailBlock.to_python
    if not getattr(original_email, "refuses_unsafe_urls", False):

        def email_to_python(self, value):
            value = original_email(self, value)
            return value if not value or is_email(value) else ""

        email_to_python.refuses_unsafe_urls = True
        blocks.EmailBlock.to_python = email_to_python
