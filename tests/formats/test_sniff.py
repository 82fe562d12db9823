"""Choosing the format: an EPUB's signature, then the extension, then the content; every real
plain text still opens as plain text."""

from __future__ import annotations

from pathlib import Path

import pytest
from pages import NEWS, news_page

from reader.text.sniff import content_format, extension_format, guess_format, is_address


def test_every_shared_text_is_still_text(texts: Path) -> None:
    names = sorted(p.name for p in texts.glob("*.txt"))
    assert len(names) >= 20
    for name in names:
        head = (texts / name).read_bytes()[:4096]
        assert content_format(head) == "text", name
        assert guess_format(name, head) == "text", name


@pytest.mark.parametrize(
    ("head", "found"),
    [
        (b"<!DOCTYPE html><html>", "html"),
        (b"\xef\xbb\xbf\n  <!doctype HTML>\n<html lang=ar>", "html"),
        (b'<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="x">', "html"),
        (b"<!-- saved from url=(0014)about:internet -->\n<html>", "html"),
        (b"<body dir=rtl><p>x", "html"),
        (b"# \xd8\xb9\xd9\x86\xd9\x88\xd8\xa7\xd9\x86\n\ntext", "markdown"),
        (b"### heading", "markdown"),
        (b"#hashtag is not a heading", "text"),
        (b"<p>a fragment is text</p>", "text"),
        (b"\xd9\x86\xd8\xb5 <html> \xd9\x86\xd8\xb5", "text"),
        (b"PK\x03\x04" + bytes(26) + b"mimetypeapplication/epub+zip", "epub"),
        (b"PK\x03\x04" + bytes(26) + b"word/document.xml", "text"),
    ],
)
def test_content(head: bytes, found: str) -> None:
    assert content_format(head) == found


def test_the_extension_wins_except_over_an_epub_signature() -> None:
    page = news_page(NEWS[0]).html
    assert guess_format("page.txt", page) == "text"
    assert guess_format("page.HTM", page) == "html"
    assert guess_format("notes.markdown", b"plain words") == "markdown"
    assert (
        guess_format("book.html", b"PK\x03\x04" + bytes(26) + b"mimetypeapplication/epub+zip")
        == "epub"
    )
    assert guess_format(None, page) == "html"
    assert extension_format("dir.md/file") is None
    assert extension_format(".bashrc") is None


def test_addresses() -> None:
    assert is_address("https://example.org/a")
    assert is_address("HTTP://example.org")
    assert is_address("file:///etc/passwd")
    assert not is_address("http:/x")
    assert not is_address("notes.md")
    assert not is_address("/tmp/http://x")
