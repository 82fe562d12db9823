"""Opening a web address: the cached copy if there is one (unless a refresh is asked for), else
the page fetched and kept; then the article extracted from it like a saved page."""

from __future__ import annotations

import dataclasses

from reader.text.document import Document
from reader.text.fetch import Progress, fetch_page
from reader.text.html_blocks import html_document
from reader.text.page_cache import cached_page, keep_page


def load_address(
    address: str, *, refresh: bool = False, progress: Progress | None = None
) -> Document:
    """The article at `address`; raises `LoadError` (one line) when it cannot be had."""
    page = None if refresh else cached_page(address)
    fetched = page is None
    if page is None:
        page = fetch_page(address, progress=progress)
    document = html_document(page.data, address, charset=page.charset)
    if fetched:
        warning = keep_page(address, page)
        if warning:
            document = dataclasses.replace(document, warnings=(*document.warnings, warning))
    return document
