"""A middleware that acts before the views of a few named routes only.

Six of the project's guards (translation rights, publish rights, safe overrides,
snippet history, private documents, password throttling) run as Django's
``process_view`` on routes they name: the route test is written once here, and each
guard says which routes it watches and what it does there."""


class RouteMiddleware:
    #: URL names watched (a set, or a dict keyed by them).
    routes = frozenset()
    #: The URL namespace they must be in; None: any.
    namespace = None
    #: HTTP methods watched; None: every one.
    methods = None

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if (
            match is None
            or match.url_name not in self.routes
            or (self.namespace is not None and match.namespace != self.namespace)
            or (self.methods is not None and request.method not in self.methods)
        ):
            return None
        return self.guard(request, match, view_func, view_args, view_kwargs)

    def guard(self, request, match, view_func, view_args, view_kwargs):
        """None to let the view run, or a response (or raise) instead."""
        raise NotImplementedError
