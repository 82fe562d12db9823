"""Fetching a web page the user named, with httpx, within firm limits.

- http and https only, on every hop: a redirect to `file:` or any other scheme is refused;
- at most `MAX_REDIRECTS` redirects;
- connect and read timeouts, and a deadline for the whole transfer (a server that drips one
  byte at a time cannot hold the reader forever);
- at most `SIZE_LIMIT` bytes after decompression (the limit files have);
- TLS certificates verified, always;
- an honest User-Agent naming the program.

Each failure is a `LoadError` of one line saying which: no network, name not found, connection
refused, timeout, TLS, HTTP status, not a web page, too large, too many redirects. httpx is
imported only when an address is opened.
"""

from __future__ import annotations

import errno
import socket
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from reader import __version__
from reader.text.load import MIB, SIZE_LIMIT, LoadError, display_name

if TYPE_CHECKING:
    import httpx

MAX_REDIRECTS = 10
"""The most redirects followed for one address."""

CONNECT_TIMEOUT = 10.0
"""Seconds to wait for a connection (name lookup included)."""

READ_TIMEOUT = 20.0
"""Seconds to wait for the next bytes of an answer."""

DEADLINE = 120.0
"""Seconds the whole transfer may take, redirects included."""

USER_AGENT = f"reader/{__version__} (a terminal reader for Arabic articles; one page on request)"
"""Who is asking: the program and its version, not a browser's disguise."""

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
"""Media types read as web pages."""

Progress = Callable[[int, "int | None"], None]
"""Told the bytes received so far and the expected total (None when the server did not say)."""


@dataclass(frozen=True, slots=True)
class Page:
    """A fetched page: its bytes and what the server said about them."""

    url: str
    """The address the bytes came from, after redirects."""
    data: bytes
    charset: str | None
    """The charset the server declared in Content-Type, if any."""


def fetch_page(
    url: str,
    *,
    progress: Progress | None = None,
    connect_timeout: float = CONNECT_TIMEOUT,
    read_timeout: float = READ_TIMEOUT,
    deadline: float = DEADLINE,
) -> Page:
    """Fetch `url` (http or https) and return the page; raises `LoadError` for every failure."""
    import httpx

    shown = display_name(url)
    current = _checked_url(url, shown)
    timeout = httpx.Timeout(connect_timeout, read=read_timeout)
    ends = time.monotonic() + deadline
    headers = {"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml;q=0.9"}

    def judge_redirect(response: httpx.Response) -> None:
        # Runs before httpx builds the next request, which raises on a Location it cannot
        # parse (data:, javascript:): such a redirect is refused by its scheme's name here.
        location = response.headers.get("location")
        if response.is_redirect and location:
            _checked_url(urljoin(str(response.request.url), location.strip()), shown, True)

    hooks = {"response": [judge_redirect]}
    try:
        with httpx.Client(
            timeout=timeout, verify=True, follow_redirects=False, event_hooks=hooks
        ) as client:
            for _hop in range(MAX_REDIRECTS + 1):
                request = client.build_request("GET", current, headers=headers)
                response = client.send(request, stream=True)
                try:
                    location = response.headers.get("location")
                    if response.is_redirect and location:
                        current = _checked_url(urljoin(current, location.strip()), shown, True)
                        continue
                    return _read(response, shown, progress, ends)
                finally:
                    response.close()
            raise LoadError(f"{shown}: more than {MAX_REDIRECTS} redirects")
    except httpx.InvalidURL as error:
        raise LoadError(f"{shown}: not a valid address ({_words(error)})") from None
    except httpx.HTTPError as error:
        raise LoadError(_network_message(error, shown, httpx.URL(current).host)) from None
    except _Deadline:
        raise LoadError(f"{shown}: timed out (the page took over {deadline:g} s)") from None


class _Deadline(Exception):
    """The whole transfer took too long."""


def _checked_url(url: str, shown: str, redirected: bool = False) -> str:
    """The URL if it is http(s) with a host, else `LoadError`. The scheme is judged before
    httpx parses the rest, so `data:` or `javascript:` is refused by name."""
    import httpx

    scheme = urlsplit(url).scheme.lower()
    if scheme not in ("http", "https"):
        named = display_name(scheme or "?")
        if redirected:
            raise LoadError(
                f"{shown}: refused a redirect to a {named}: address (reader follows http and "
                "https only)"
            )
        raise LoadError(f"{shown}: reader opens http and https addresses only, not {named}:")
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, ValueError) as error:
        raise LoadError(f"{shown}: not a valid address ({_words(error)})") from None
    if not parsed.host:
        raise LoadError(f"{shown}: not a valid address (no host name)")
    return str(parsed)


def _read(response: httpx.Response, shown: str, progress: Progress | None, ends: float) -> Page:
    """Check the answer's status, type and size, then read its body within the limits."""
    if not 200 <= response.status_code < 300:
        reason = display_name(response.reason_phrase or "")
        raise LoadError(f"{shown}: the server answered {response.status_code} {reason}".rstrip())
    content_type = response.headers.get("content-type", "")
    media = content_type.split(";", 1)[0].strip().lower()
    if media and media not in HTML_TYPES:
        raise LoadError(f"{shown}: not a web page (the server sent {display_name(media)})")
    declared = response.headers.get("content-length", "")
    expected = int(declared) if declared.isdigit() else None
    if expected is not None and expected > SIZE_LIMIT:
        raise LoadError(_too_large(shown, expected))
    chunks: list[bytes] = []
    total = 0
    for chunk in response.iter_bytes():
        total += len(chunk)
        if total > SIZE_LIMIT:
            raise LoadError(_too_large(shown, None))
        chunks.append(chunk)
        if progress is not None:
            progress(total, expected)
        if time.monotonic() > ends:
            raise _Deadline
    data = b"".join(chunks)
    if not media:
        from reader.text.sniff import content_format

        if content_format(data) != "html":
            raise LoadError(f"{shown}: not a web page (the server did not say it is HTML)")
    charset = response.charset_encoding if media else None
    return Page(str(response.url), data, charset)


def _too_large(shown: str, size: int | None) -> str:
    """The size-limit message, as for files."""
    limit = SIZE_LIMIT // MIB
    described = (
        f"{round(size / MIB)} MB" if size and round(size / MIB) > limit else f"over {limit} MB"
    )
    return f"{shown} is {described}; reader opens pages up to {limit} MB"


def _network_message(error: Exception, shown: str, host: str) -> str:
    """One line saying what went wrong on the network, from the error and its causes."""
    import httpx

    host = display_name(host)
    if isinstance(error, httpx.TimeoutException):
        what = "connecting to" if isinstance(error, httpx.ConnectTimeout) else "waiting for"
        return f"{shown}: timed out {what} {host}"
    if isinstance(error, httpx.UnsupportedProtocol):
        return f"{shown}: reader opens http and https addresses only"
    for cause in _causes(error):
        if isinstance(cause, ssl.SSLCertVerificationError):
            reason = display_name(cause.verify_message or "the certificate is not trusted")
            return f"{shown}: the secure connection failed: {reason}"
        if isinstance(cause, ssl.SSLError):
            return f"{shown}: the secure connection failed ({display_name(cause.reason or '')})"
        if isinstance(cause, socket.gaierror):
            if cause.errno in (socket.EAI_AGAIN, getattr(socket, "EAI_SYSTEM", None)):
                return f"{shown}: no network (the name {host} could not be looked up)"
            return f"{shown}: the name {host} was not found"
        if isinstance(cause, OSError) and cause.errno is not None:
            if cause.errno in (errno.ENETUNREACH, errno.ENETDOWN, errno.EHOSTUNREACH):
                return f"{shown}: no network ({host} cannot be reached)"
            if cause.errno == errno.ECONNREFUSED:
                return f"{shown}: {host} refused the connection"
    if isinstance(error, httpx.ConnectError):
        return f"{shown}: cannot connect to {host} ({_words(error)})"
    return f"{shown}: the transfer failed ({_words(error)})"


def _causes(error: BaseException) -> list[BaseException]:
    """The error and the chain of errors that caused it."""
    chain: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and current not in chain:
        chain.append(current)
        current = current.__cause__ or current.__context__
    return chain


def _words(error: BaseException) -> str:
    """An error's text on one line, or its class name."""
    return display_name(" ".join(str(error).split())[:160]) or type(error).__name__
