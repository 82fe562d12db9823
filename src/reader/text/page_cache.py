"""The cache of fetched pages, so an article opened once reopens offline.

Each address's page is kept in `$XDG_CACHE_HOME/reader/pages` (default `~/.cache/reader/pages`)
as two files named by the SHA-256 of the address: the bytes as received, and a small JSON record
of where they came from and the charset the server declared. Files are replaced atomically, so a
reader never sees half a page. Losing the cache loses nothing but the offline copy.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from datetime import datetime, timezone
from pathlib import Path

from reader.text.fetch import Page

APP_DIR = "reader"
"""The directory name under the XDG cache directory."""


def cache_dir() -> Path:
    """`$XDG_CACHE_HOME/reader/pages`, or `~/.cache/reader/pages`."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / APP_DIR / "pages"


def _paths(address: str) -> tuple[Path, Path]:
    digest = hashlib.sha256(address.encode("utf-8", "surrogatepass")).hexdigest()
    directory = cache_dir()
    return directory / f"{digest}.html", directory / f"{digest}.json"


def cached_page(address: str) -> Page | None:
    """The page kept for `address`, or None when there is none (or it is unreadable)."""
    body, record = _paths(address)
    try:
        meta = json.loads(record.read_text(encoding="utf-8"))
        data = body.read_bytes()
    except (OSError, ValueError):
        return None
    if not isinstance(meta, dict) or meta.get("address") != address:
        return None
    url = meta.get("url")
    charset = meta.get("charset")
    return Page(
        url if isinstance(url, str) else address,
        data,
        charset if isinstance(charset, str) else None,
    )


def keep_page(address: str, page: Page) -> str | None:
    """Keep `page` as the copy of `address`; returns a warning if it could not be written."""
    body, record = _paths(address)
    meta = {
        "address": address,
        "url": page.url,
        "charset": page.charset,
        "fetched": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    }
    try:
        body.parent.mkdir(parents=True, exist_ok=True)
        _replace(body, page.data)
        _replace(record, json.dumps(meta, ensure_ascii=False).encode("utf-8"))
    except OSError as error:
        return f"the page could not be kept for offline reading: {error.strerror or error}"
    return None


def _replace(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file in the same directory."""
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
