"""A real HTTP server on loopback for the tests: routes set per test, requests logged."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Handler = Callable[[BaseHTTPRequestHandler], None]
"""A route: writes the whole answer (status, headers, body) to the request."""


class QuietServer(ThreadingHTTPServer):
    """A threaded HTTP server that does not print the tracebacks of clients that hang up (the
    reader does, on purpose, at a limit or a refused certificate)."""

    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass


@dataclass
class Server:
    """A loopback HTTP server: `routes` maps a path to its handler; `requests` logs each
    request's path and headers."""

    httpd: ThreadingHTTPServer
    routes: dict[str, Handler] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)

    @property
    def base(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    def url(self, path: str) -> str:
        return self.base + path

    def page(
        self,
        path: str,
        body: bytes,
        content_type: str = "text/html; charset=utf-8",
        status: int = 200,
        headers: dict[str, str] | None = None,
    ) -> str:
        """Serve `body` at `path`; returns its address."""

        def handle(request: BaseHTTPRequestHandler) -> None:
            request.send_response(status)
            if content_type:
                request.send_header("Content-Type", content_type)
            request.send_header("Content-Length", str(len(body)))
            for key, value in (headers or {}).items():
                request.send_header(key, value)
            request.end_headers()
            request.wfile.write(body)

        self.routes[path] = handle
        return self.url(path)
