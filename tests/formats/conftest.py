"""Fixtures for the format tests: a private home (XDG directories, the page cache among them)
and a real HTTP server on loopback, started and stopped by the tests, whose routes each test
sets."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from loopback import QuietServer, Server


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private home: XDG directories inside the test's temporary directory, no proxies."""
    for name in ("CONFIG", "STATE", "CACHE"):
        monkeypatch.setenv(f"XDG_{name}_HOME", str(tmp_path / name.lower()))
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


@pytest.fixture
def server() -> Iterator[Server]:
    """A threaded HTTP server on 127.0.0.1 (a free port), shut down after the test."""
    state: dict[str, Server] = {}

    class RequestHandler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            served = state["server"]
            served.requests.append((self.path, dict(self.headers.items())))
            route = served.routes.get(self.path)
            if route is None:
                self.send_error(404, "Not Found")
                return
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                route(self)

        def log_message(self, format: str, *args: object) -> None:
            pass  # quiet: the tests read `requests`

    httpd = QuietServer(("127.0.0.1", 0), RequestHandler)
    served = Server(httpd)
    state["server"] = served
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield served
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=10)
