"""Saved web pages: the article comes out block for block, the chrome does not, the declared
charset is honoured, and nothing on the page is fetched or run."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest
from loopback import Server
from pages import NEWS, news_page, structured_page

from reader.text.document import Document
from reader.text.html_blocks import html_document
from reader.text.load import LoadError, load_document


def blocks(document: Document) -> tuple[tuple[str, str], ...]:
    return tuple((p.kind, p.text) for p in document.paragraphs)


@pytest.mark.parametrize("charset", ["utf-8", "windows-1256"])
@pytest.mark.parametrize("name", NEWS)
def test_a_news_page_gives_its_article_and_nothing_else(
    tmp_path: Path, name: str, charset: str
) -> None:
    page = news_page(name, charset)
    path = tmp_path / "page.html"
    path.write_bytes(page.html)
    document = load_document(str(path))
    assert blocks(document) == page.expected
    assert document.title == page.expected[0][1]
    assert document.source_format == "html"
    assert document.encoding == ("cp1256" if charset == "windows-1256" else "utf-8")
    assert page.boilerplate  # the check below looks for something
    leaked = [text for text in page.boilerplate if text in document.text]
    assert leaked == []
    for paragraph in document.paragraphs:
        assert document.text[paragraph.start : paragraph.end] == paragraph.text


def test_the_page_is_really_in_windows_1256(tmp_path: Path) -> None:
    """The windows-1256 page is not UTF-8 in disguise: decoding its bytes as UTF-8 fails, and the
    meta declaration is what the loader followed."""
    page = news_page(NEWS[0], "windows-1256")
    with pytest.raises(UnicodeDecodeError):
        page.html.decode("utf-8")
    assert b'<meta charset="windows-1256">' in page.html


def test_a_declared_charset_wins_over_guessing() -> None:
    """Bytes that are valid UTF-8 but declared as Windows-1256 are read as Windows-1256, as a
    browser reads them; the server's charset wins over the page's own."""
    page = news_page(NEWS[2], "utf-8").html.replace(b'charset="utf-8"', b'charset="windows-1256"')
    mojibake = html_document(page, "p.html")
    assert mojibake.encoding == "cp1256"
    assert "إنتر" not in mojibake.text
    honest = html_document(page, "p.html", charset="utf-8")
    assert honest.encoding == "utf-8"
    assert "إنتر ميلان" in honest.text


def test_an_undeclared_page_is_decoded_like_text() -> None:
    """No charset anywhere: the text decoder's judgement (UTF-8 or Windows-1256)."""
    for charset, codec in (("utf-8", "utf-8"), ("windows-1256", "cp1256")):
        page = news_page(NEWS[4], charset, declare=False)
        document = html_document(page.html, "p.html")
        assert document.encoding == codec
        assert blocks(document) == page.expected


def test_structure_is_kept_as_blocks(tmp_path: Path) -> None:
    page = structured_page()
    path = tmp_path / "story.htm"
    path.write_bytes(page.html)
    document = load_document(str(path))
    assert blocks(document) == page.expected
    levels = {p.text: p.level for p in document.paragraphs if p.kind in ("heading", "item")}
    assert set(levels.values()) == {1, 2}  # list items at depth 1, sections at h2


def test_html_is_chosen_by_content_without_an_extension(tmp_path: Path) -> None:
    page = news_page(NEWS[1])
    path = tmp_path / "saved-page"
    path.write_bytes(page.html)
    assert blocks(load_document(str(path))) == page.expected


def test_html_on_standard_input_is_sniffed() -> None:
    page = news_page(NEWS[3], "windows-1256")
    result = subprocess.run(
        [sys.executable, "-m", "reader", "entities", "--format", "tsv", "-"],
        input=page.html,
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode("utf-8")
    assert "<" not in out  # no markup read as text
    assert "واتس آب" in out or "فيسبوك" in out


def test_a_page_without_an_article_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_bytes(
        b'<!DOCTYPE html><html dir="rtl"><head><meta charset="utf-8"></head><body><nav><a href='
        b'"/">\xd8\xa7\xd9\x84\xd8\xb1\xd8\xa6\xd9\x8a\xd8\xb3\xd9\x8a\xd8\xa9</a></nav></body>'
        b"</html>"
    )
    with pytest.raises(LoadError, match=r"^.*empty\.html: no article found in the page$"):
        load_document(str(path))


def test_nothing_on_the_page_is_fetched(server: Server, monkeypatch: pytest.MonkeyPatch) -> None:
    """Images, style sheets, scripts, frames and prefetch links point at a live server: reading
    the page asks it for nothing, and opens no socket at all."""
    page = news_page(NEWS[0])
    live = server.url("/tracker")
    extra = (
        f'<img src="{live}.png"><link rel="stylesheet" href="{live}.css">'
        f'<script src="{live}.js"></script><iframe src="{live}.html"></iframe>'
        f'<link rel="prefetch" href="{live}-next"><object data="{live}.swf"></object>'
    ).encode()
    body = page.html.replace(b"<main>", b"<main>" + extra)

    def no_connections(*args: object, **kwargs: object) -> None:
        raise AssertionError("reading a page must not connect anywhere")

    monkeypatch.setattr(socket.socket, "connect", no_connections)
    document = html_document(body, "page.html")
    monkeypatch.undo()
    assert blocks(document) == page.expected
    assert server.requests == []


def test_scripts_and_links_become_nothing_and_text(tmp_path: Path) -> None:
    page = structured_page().html.replace(
        b"<h2>",
        b'<p>\xd8\xa7\xd9\x82\xd8\xb1\xd8\xa3 <a href="javascript:alert(1)" onclick="steal()">'
        b"\xd9\x87\xd9\x86\xd8\xa7</a> <script>steal()</script></p><h2>",
        1,
    )
    document = html_document(page, "p.html")
    assert "اقرأ هنا" in document.text
    assert "steal" not in document.text
    assert "javascript" not in document.text
