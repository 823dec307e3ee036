"""Answers remembered for the length of one request, and only during one.

The admin's explorer asks the same question once per row of a listing (does a one-per-
language page exist in this language? which languages is each sibling in?): a memo
turns a query per row into one per request. It must forget at the request's end as well
as at its start: a memo cleared only when the next request starts lives on after the
last one, in a management command or a shell that follows it in the same thread, and
answers from the state of that request. Outside a request nothing is remembered.

(The delivery room has its own memo, set by its middleware, for the cache reads of a
public page; core proper imports none of its rooms, hence this one.)
"""

import contextvars

from django.core.signals import request_finished, request_started


class RequestMemo:
    """A dict for the current request, None outside one; ``remember(key, compute)``
    computes once per request, every time outside one."""

    def __init__(self, name):
        self.name = name
        self._memo = contextvars.ContextVar(f"request_memo:{name}", default=None)
        # weak=False: bound methods of an object that lives as long as its module.
        request_started.connect(self._start, dispatch_uid=f"{name}:start", weak=False)
        request_finished.connect(self._finish, dispatch_uid=f"{name}:finish", weak=False)

    def _start(self, **kwargs):
        self._memo.set({})

    def _finish(self, **kwargs):
        self._memo.set(None)

    def current(self):
        """The current request's dict, or None outside a request."""
        return self._memo.get()

    def remember(self, key, compute):
        memo = self._memo.get()
        if memo is None:
            return compute()
        if key not in memo:
            memo[key] = compute()
        return memo[key]
