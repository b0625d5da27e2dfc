"""``Server-Timing`` of each response: time in Django and number of SQL queries (``SERVER_TIMING=true``).

``make bench`` reads it; the browser's developer tools show it too.
"""

import time

from django.db import connections


class ServerTimingMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        count = [0]

        def counter(execute, sql, params, many, context):
            count[0] += 1
            return execute(sql, params, many, context)

        started = time.perf_counter()
        with connections["default"].execute_wrapper(counter):
            response = self.get_response(request)
        elapsed = (time.perf_counter() - started) * 1000
        response["Server-Timing"] = f"app;dur={elapsed:.2f}, sql;desc={count[0]}"
        return response
