"""Web addresses, against a real HTTP server on loopback: the article is fetched and extracted,
kept for offline reading, and every failure and limit is one clear line (exit status 2)."""

from __future__ import annotations

import errno
import os
import shutil
import socket
import ssl
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from loopback import QuietServer, Server
from pages import NEWS, news_page, structured_page

from reader.cli import main
from reader.text import fetch
from reader.text.fetch import MAX_REDIRECTS, USER_AGENT, fetch_page
from reader.text.load import SIZE_LIMIT, LoadError, load_document
from reader.text.page_cache import cache_dir


def blocks(document: object) -> tuple[tuple[str, str], ...]:
    return tuple((p.kind, p.text) for p in document.paragraphs)  # type: ignore[attr-defined]


def run_reader(*arguments: str, home: Path) -> subprocess.CompletedProcess[str]:
    """`python -m reader ARGUMENTS` as a user runs it, with the test's private home."""
    env = {k: v for k, v in os.environ.items() if "PROXY" not in k.upper()}
    for name in ("CONFIG", "STATE", "CACHE"):
        env[f"XDG_{name}_HOME"] = str(home / name.lower())
    result = subprocess.run(
        [sys.executable, "-m", "reader", *arguments],
        capture_output=True,
        timeout=120,
        check=False,
        env=env,
    )
    return subprocess.CompletedProcess(
        result.args,
        result.returncode,
        result.stdout.decode("utf-8", "replace"),
        result.stderr.decode("utf-8", "replace"),
    )


def missing(message: str) -> None:
    """A tool the test needs is not there: a failure under CI, a skip elsewhere."""
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def need(tool: str) -> None:
    """Fail under CI (which installs every tool the tests use), skip elsewhere, when `tool` is
    missing."""
    if shutil.which(tool) is None:
        missing(f"{tool} is not installed (apt-get install {tool})")


def assert_one_line_error(result: subprocess.CompletedProcess[str], expected: str) -> None:
    assert "Traceback" not in result.stderr
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    assert result.stderr == f"reader: {expected}\n"


# --- the article ------------------------------------------------------------------------------


@pytest.mark.parametrize("charset", ["utf-8", "windows-1256"])
def test_an_address_gives_the_article(server: Server, charset: str) -> None:
    """The server declares the charset in its header only (the page has no meta)."""
    page = news_page(NEWS[5], charset, declare=False)
    url = server.page("/news/story.html", page.html, f"text/html; charset={charset}")
    document = load_document(url)
    assert blocks(document) == page.expected
    assert [t for t in page.boilerplate if t in document.text] == []
    path, headers = server.requests[0]
    assert path == "/news/story.html"
    assert headers["User-Agent"] == USER_AGENT
    assert headers["User-Agent"].startswith("reader/")


def test_every_subcommand_reads_an_address(server: Server, home: Path) -> None:
    page = structured_page()
    url = server.page("/s", page.html)
    rendered = run_reader("render", "--width", "0", url, home=home)
    assert rendered.returncode == 0, rendered.stderr
    assert len([line for line in rendered.stdout.split("\n") if line]) == len(page.expected)
    entities = run_reader("entities", "--format", "tsv", url, home=home)
    assert entities.returncode == 0, entities.stderr
    assert "هادي البحرة" in entities.stdout
    topics = run_reader("topics", url, home=home)
    assert topics.returncode == 0, topics.stderr
    assert '"topics"' in topics.stdout
    # One fetch: the later runs read the kept copy.
    assert [path for path, _ in server.requests] == ["/s"]


def test_redirects_are_followed_up_to_the_limit(server: Server) -> None:
    page = news_page(NEWS[0])
    server.page("/final", page.html)
    for hop in range(MAX_REDIRECTS):
        target = "/final" if hop == MAX_REDIRECTS - 1 else f"/hop{hop + 1}"
        server.page(f"/hop{hop}", b"", "", 302, {"Location": target})
    document = load_document(server.url("/hop0"))
    assert blocks(document) == page.expected
    assert len(server.requests) == MAX_REDIRECTS + 1


def test_more_redirects_than_the_limit_are_refused(server: Server, home: Path) -> None:
    for hop in range(MAX_REDIRECTS + 1):
        server.page(f"/r{hop}", b"", "", 301, {"Location": f"/r{hop + 1}"})
    server.page(f"/r{MAX_REDIRECTS + 1}", news_page(NEWS[0]).html)
    url = server.url("/r0")
    assert_one_line_error(run_reader("render", url, home=home), f"{url}: more than 10 redirects")
    assert len(server.requests) == MAX_REDIRECTS + 1


@pytest.mark.parametrize("target", ["file:///etc/passwd", "ftp://127.0.0.1/x", "data:text/html,x"])
def test_a_redirect_to_another_scheme_is_refused(server: Server, target: str) -> None:
    url = server.page("/go", b"", "", 302, {"Location": target})
    with pytest.raises(LoadError, match=r"refused a redirect to a (file|ftp|data): address"):
        load_document(url)


@pytest.mark.parametrize("address", ["file:///etc/passwd", "ftp://example.org/a.html"])
def test_only_http_and_https_are_opened(address: str, home: Path) -> None:
    scheme = address.split(":", 1)[0]
    assert_one_line_error(
        run_reader("render", address, home=home),
        f"{address}: reader opens http and https addresses only, not {scheme}:",
    )


# --- failures ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("status", "reason"), [(404, "Not Found"), (500, "Internal Server Error")])
def test_an_http_error_status(server: Server, home: Path, status: int, reason: str) -> None:
    url = server.page("/gone", b"<html><body>error</body></html>", status=status)
    assert_one_line_error(
        run_reader("render", url, home=home), f"{url}: the server answered {status} {reason}"
    )


@pytest.mark.parametrize("content_type", ["application/pdf", "image/png", "text/plain"])
def test_not_a_web_page(server: Server, home: Path, content_type: str) -> None:
    url = server.page("/file", b"%PDF-1.4 not html", content_type)
    assert_one_line_error(
        run_reader("topics", url, home=home),
        f"{url}: not a web page (the server sent {content_type})",
    )


def test_a_page_with_no_article(server: Server, home: Path) -> None:
    url = server.page(
        "/links", b"<!DOCTYPE html><html><body><nav><a href='/'>x</a></nav></body></html>"
    )
    assert_one_line_error(
        run_reader("render", url, home=home), f"{url}: no article found in the page"
    )


def test_connection_refused(home: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/a"  # the port was free and nothing listens now
    assert_one_line_error(
        run_reader("render", url, home=home), f"{url}: 127.0.0.1 refused the connection"
    )


def test_a_name_that_is_not_found(home: Path) -> None:
    """`.invalid` never resolves (RFC 6761), with or without a network."""
    url = "http://no-such-host.invalid/news"
    result = run_reader("render", url, home=home)
    assert result.stderr in (
        f"reader: {url}: the name no-such-host.invalid was not found\n",
        f"reader: {url}: no network (the name no-such-host.invalid could not be looked up)\n",
    )
    assert result.returncode == 2


def test_no_network(home: Path) -> None:
    """In a network namespace of its own (no interfaces up), the reader finds no route."""
    if (
        shutil.which("unshare") is None
        or subprocess.run(["unshare", "-n", "true"], capture_output=True, check=False).returncode
    ):
        pytest.skip("needs unshare -n (root): CI runs as root")
    env = {k: v for k, v in os.environ.items() if "PROXY" not in k.upper()}
    env["XDG_CACHE_HOME"] = str(home / "cache")
    url = "http://192.0.2.10/news"  # TEST-NET-1: an address, so no name lookup is involved
    result = subprocess.run(
        ["unshare", "-n", sys.executable, "-m", "reader", "render", url],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env=env,
    )
    assert result.returncode == 2, result.stderr
    assert result.stderr == f"reader: {url}: no network (192.0.2.10 cannot be reached)\n"


@pytest.fixture
def silent_server() -> Iterator[str]:
    """A server that accepts connections and reads the request, but never answers."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    stop = threading.Event()
    held: list[socket.socket] = []

    def accept() -> None:
        listener.settimeout(0.1)
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except (TimeoutError, OSError):
                continue
            held.append(connection)

    thread = threading.Thread(target=accept)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/slow"
    finally:
        stop.set()
        thread.join(timeout=5)
        for connection in held:
            connection.close()
        listener.close()


def test_a_read_timeout(silent_server: str) -> None:
    started = time.monotonic()
    with pytest.raises(LoadError) as caught:
        fetch_page(silent_server, read_timeout=0.5)
    assert str(caught.value) == f"{silent_server}: timed out waiting for 127.0.0.1"
    assert time.monotonic() - started < 5


def test_a_server_that_drips_meets_the_deadline(server: Server) -> None:
    """A byte every 50 ms never trips the read timeout; the deadline ends it."""

    def drip(request: BaseHTTPRequestHandler) -> None:
        request.send_response(200)
        request.send_header("Content-Type", "text/html")
        request.end_headers()
        for _ in range(200):
            request.wfile.write(b" " * 64)
            request.wfile.flush()
            time.sleep(0.05)

    server.routes["/drip"] = drip
    url = server.url("/drip")
    with pytest.raises(LoadError) as caught:
        fetch_page(url, read_timeout=2, deadline=1)
    assert str(caught.value) == f"{url}: timed out (the page took over 1 s)"


def test_a_declared_size_over_the_limit_is_refused_unread(server: Server) -> None:
    def huge(request: BaseHTTPRequestHandler) -> None:
        request.send_response(200)
        request.send_header("Content-Type", "text/html")
        request.send_header("Content-Length", str(SIZE_LIMIT + 1))
        request.end_headers()
        request.wfile.write(b"<html>" + b" " * 1024)

    server.routes["/huge"] = huge
    url = server.url("/huge")
    with pytest.raises(LoadError, match=r"is over 64 MB; reader opens pages up to 64 MB$"):
        load_document(url)


def test_an_undeclared_size_over_the_limit_stops_at_the_limit(server: Server) -> None:
    """No Content-Length, and more than 64 MB sent: reading stops just past the limit."""
    chunk = b"<p>" + b"x" * (1024 * 1024 - 3)
    sent: list[int] = []

    def endless(request: BaseHTTPRequestHandler) -> None:
        request.send_response(200)
        request.send_header("Content-Type", "text/html")
        request.send_header("Connection", "close")
        request.end_headers()
        for _ in range(80):
            request.wfile.write(chunk)
            sent.append(len(chunk))

    server.routes["/endless"] = endless
    url = server.url("/endless")
    with pytest.raises(LoadError, match=r"is over 64 MB; reader opens pages up to 64 MB$"):
        fetch_page(url)


def test_a_gzip_bomb_is_bounded_after_decompression(server: Server) -> None:
    """70 MB of spaces compressed to about 70 KB: the limit counts the decompressed bytes."""
    import gzip

    body = gzip.compress(b"<html><body><p>" + b" " * (70 * 1024 * 1024), compresslevel=9)
    assert len(body) < 1024 * 1024
    url = server.page("/bomb", body, "text/html", headers={"Content-Encoding": "gzip"})
    with pytest.raises(LoadError, match=r"is over 64 MB"):
        fetch_page(url)


@pytest.fixture
def tls_server(tmp_path: Path) -> Iterator[str]:
    """An https server on loopback with a self-signed certificate (which must be refused)."""
    need("openssl")
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=127.0.0.1", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = news_page(NEWS[0]).html
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    httpd = QuietServer(("127.0.0.1", 0), Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield f"https://127.0.0.1:{httpd.server_address[1]}/news"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=10)


def test_tls_certificates_are_verified(tls_server: str, home: Path) -> None:
    result = run_reader("render", tls_server, home=home)
    assert_one_line_error(
        result, f"{tls_server}: the secure connection failed: self-signed certificate"
    )


# --- cache ------------------------------------------------------------------------------------


def test_an_article_reopens_offline_from_the_cache(server: Server, home: Path) -> None:
    page = news_page(NEWS[6])
    url = server.page("/keep", page.html)
    first = run_reader("render", "--width", "0", url, home=home)
    assert first.returncode == 0, first.stderr
    kept = sorted(p.suffix for p in (home / "cache" / "reader" / "pages").iterdir())
    assert kept == [".html", ".json"]
    server.httpd.shutdown()  # the network is gone
    server.httpd.server_close()
    again = run_reader("render", "--width", "0", url, home=home)
    assert again.returncode == 0, again.stderr
    assert again.stdout == first.stdout
    refreshed = run_reader("render", "--refresh", url, home=home)
    assert refreshed.returncode == 2
    assert refreshed.stderr.startswith(f"reader: {url}: ")
    assert "refused the connection" in refreshed.stderr


def test_refresh_fetches_again(server: Server) -> None:
    url = server.page("/news", news_page(NEWS[0]).html)
    assert load_document(url).title == news_page(NEWS[0]).expected[0][1]
    server.page("/news", news_page(NEWS[1]).html)
    assert load_document(url).title == news_page(NEWS[0]).expected[0][1]  # the kept copy
    assert load_document(url, refresh=True).title == news_page(NEWS[1]).expected[0][1]
    assert load_document(url).title == news_page(NEWS[1]).expected[0][1]  # kept anew
    assert len(server.requests) == 2
    assert cache_dir().is_dir()


def test_a_failed_extraction_is_not_kept(server: Server) -> None:
    url = server.page("/later", b"<html><body><nav>menu</nav></body></html>")
    with pytest.raises(LoadError):
        load_document(url)
    server.page("/later", news_page(NEWS[2]).html)
    assert load_document(url).paragraphs  # fetched again: nothing broken was kept


def test_progress_is_shown_on_a_terminal_and_erased(server: Server, home: Path) -> None:
    """stderr on a pty: the progress line appears while the page loads and is erased after;
    stdout (a pipe) gets only the article."""
    url = server.page("/p", news_page(NEWS[7]).html)
    master, slave = os.openpty()
    env = {k: v for k, v in os.environ.items() if "PROXY" not in k.upper()}
    env["XDG_CACHE_HOME"] = str(home / "cache")
    process = subprocess.run(
        [sys.executable, "-m", "reader", "render", url],
        stdout=subprocess.PIPE,
        stderr=slave,
        timeout=120,
        check=False,
        env=env,
    )
    os.close(slave)
    written = b""
    while True:
        try:
            data = os.read(master, 65536)
        except OSError as error:
            assert error.errno == errno.EIO
            break
        if not data:
            break
        written += data
    os.close(master)
    assert process.returncode == 0
    assert written.startswith(f"\rreader: fetching {url} …".encode())
    assert b" KB" in written
    assert written.endswith(b"\r\x1b[K")
    assert b"\x1b" not in process.stdout


def test_an_address_needs_no_file_of_that_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`http:/x` (one slash) is a file name; `http://…` is always an address."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "http:").mkdir()
    (tmp_path / "http:" / "x").write_text("نص عادي\n", encoding="utf-8")
    assert load_document("http:/x").paragraphs[0].text == "نص عادي"
    assert main(["render", "http://"]) == 2


def test_fetch_module_limits_are_the_documented_ones() -> None:
    assert fetch.MAX_REDIRECTS == 10
    assert fetch.SIZE_LIMIT == 64 * 1024 * 1024
