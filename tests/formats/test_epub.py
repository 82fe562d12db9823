"""EPUB books built in the test with ebooklib from several real texts: chapters in spine order,
the table of contents as chapters, and zip bombs and DRM refused with one clear line."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from pages import article

from reader.text.epub_book import MAX_ENTRIES, MAX_UNCOMPRESSED
from reader.text.load import LoadError, load_document

BOOK_TITLE = "مختارات من ويكي الأخبار"
BOOK_AUTHOR = "محررو ويكي الأخبار"
CHAPTERS = ("news-03.ar.txt", "news-01.ar.txt", "news-05.ar.txt", "news-08.ar.txt")
"""The chapters in reading (spine) order; they are added to the book in another order."""


def build_epub(path: Path, *, chapters: tuple[str, ...] = CHAPTERS) -> Path:
    """Write an EPUB 3 of `chapters` (one real article each, with its title as `<h1>`), with an
    NCX and a navigation document, the manifest in reverse order of the spine."""
    from ebooklib import epub

    book = epub.EpubBook()
    book.set_identifier("reader-test-book")
    book.set_title(BOOK_TITLE)
    book.set_language("ar")
    book.set_direction("rtl")
    book.add_author(BOOK_AUTHOR)
    items = []
    for number, name in enumerate(chapters, 1):
        story = article(name)
        item = epub.EpubHtml(title=story.title, file_name=f"text/chapter{number}.xhtml", lang="ar")
        item.content = (
            f'<html dir="rtl"><head><title>{story.title}</title></head><body>'
            f"<h1>{story.title}</h1>"
            + "".join(f"<p>{p}</p>" for p in story.paragraphs)
            + "</body></html>"
        )
        items.append(item)
    for item in reversed(items):
        book.add_item(item)
    book.toc = [epub.Link(item.file_name, item.title, f"ch{i}") for i, item in enumerate(items)]
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    book.spine = items
    epub.write_epub(str(path), book)
    return path


def expected_blocks(chapters: tuple[str, ...] = CHAPTERS) -> list[tuple[str, str]]:
    blocks = [("title", BOOK_TITLE), ("byline", BOOK_AUTHOR)]
    for name in chapters:
        story = article(name)
        blocks.append(("heading", story.title))
        blocks += [("paragraph", p) for p in story.paragraphs]
    return blocks


def test_the_book_reads_in_spine_order_with_its_chapters(tmp_path: Path) -> None:
    path = build_epub(tmp_path / "book.epub")
    document = load_document(str(path))
    assert [(p.kind, p.text) for p in document.paragraphs] == expected_blocks()
    assert document.title == BOOK_TITLE
    assert document.source_format == "epub"
    titles = [article(name).title for name in CHAPTERS]
    assert [chapter.title for chapter in document.chapters] == titles
    for chapter in document.chapters:
        start = document.paragraphs[chapter.paragraph]
        assert (start.kind, start.text) == ("heading", chapter.title)
        assert start.level == 1


def test_a_book_is_known_by_its_content_on_standard_input(tmp_path: Path) -> None:
    path = build_epub(tmp_path / "no-extension")
    expected = expected_blocks()
    document = load_document("-", stdin=io.BytesIO(path.read_bytes()))
    assert [(p.kind, p.text) for p in document.paragraphs] == expected
    result = subprocess.run(
        [sys.executable, "-m", "reader", "entities", "--format", "tsv", "-"],
        input=path.read_bytes(),
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    tsv = result.stdout.decode("utf-8")
    assert "هادي البحرة" in tsv  # chapter 2
    assert "مارسيل خليفة" in tsv  # chapter 4
    for row in tsv.splitlines()[1:]:  # offsets address the document text exactly
        _kind, _name, paragraph, start, end, text, number = row.split("\t")
        assert document.text[int(start) : int(end)] == text
        assert document.paragraphs[int(paragraph)].start <= int(start)
        assert int(number) == int(paragraph) + 1


def rewrite(source: Path, target: Path, extra: dict[str, bytes]) -> Path:
    """Copy an EPUB, adding entries (say, META-INF/encryption.xml)."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for entry in old.infolist():
            new.writestr(entry, old.read(entry.filename))
        for name, data in extra.items():
            new.writestr(name, data)
    return target


ENCRYPTION = """<?xml version="1.0"?>
<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container"
  xmlns:enc="http://www.w3.org/2001/04/xmlenc#">
 <enc:EncryptedData>
  <enc:EncryptionMethod Algorithm="{algorithm}"/>
  <enc:CipherData><enc:CipherReference URI="{uri}"/></enc:CipherData>
 </enc:EncryptedData>
</encryption>
"""


def test_drm_is_refused(tmp_path: Path) -> None:
    book = build_epub(tmp_path / "book.epub")
    aes = ENCRYPTION.format(
        algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc", uri="EPUB/text/chapter1.xhtml"
    )
    for name, extra in (
        ("adept.epub", {"META-INF/rights.xml": b"<rights/>"}),
        ("aes.epub", {"META-INF/encryption.xml": aes.encode()}),
        ("fairplay.epub", {"META-INF/sinf.xml": b"<fairplay/>"}),
    ):
        locked = rewrite(book, tmp_path / name, extra)
        with pytest.raises(LoadError) as caught:
            load_document(str(locked))
        assert str(caught.value) == f"{locked}: the book is locked with DRM and cannot be read"


def test_font_obfuscation_is_not_drm(tmp_path: Path) -> None:
    book = build_epub(tmp_path / "book.epub")
    fonts = ENCRYPTION.format(
        algorithm="http://www.idpf.org/2008/embedding", uri="EPUB/fonts/amiri.ttf"
    )
    opened = rewrite(book, tmp_path / "fonts.epub", {"META-INF/encryption.xml": fonts.encode()})
    assert len(load_document(str(opened)).paragraphs) == len(expected_blocks())


def test_too_many_entries_is_a_zip_bomb(tmp_path: Path) -> None:
    book = build_epub(tmp_path / "book.epub")
    extra = {f"EPUB/pad/{n}.txt": b"" for n in range(MAX_ENTRIES)}
    bomb = rewrite(book, tmp_path / "entries.epub", extra)
    with pytest.raises(
        LoadError, match=r"refused: the archive holds \d+ files \(more than 10000; "
    ):
        load_document(str(bomb))


def test_too_many_uncompressed_bytes_is_a_zip_bomb(tmp_path: Path) -> None:
    """300 MB of zeros, deflated to a few hundred KB: refused from the directory, unread."""
    book = build_epub(tmp_path / "book.epub")
    bomb = tmp_path / "bytes.epub"
    rewrite(book, bomb, {})
    block = bytes(8 * 1024 * 1024)
    with (
        zipfile.ZipFile(bomb, "a", zipfile.ZIP_DEFLATED) as archive,
        archive.open("EPUB/text/zeros.xhtml", "w", force_zip64=True) as entry,
    ):
        for _ in range(MAX_UNCOMPRESSED // len(block) + 6):
            entry.write(block)
    assert bomb.stat().st_size < 2 * 1024 * 1024
    with pytest.raises(
        LoadError, match=r"refused: the archive unpacks to 304 MB \(more than 256 MB"
    ):
        load_document(str(bomb))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"just some text, not a zip", "not an EPUB (it is not a zip archive)"),
        (b"PK\x03\x04" + bytes(40), "not an EPUB (it is not a zip archive)"),
    ],
)
def test_a_broken_epub_is_one_line(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "broken.epub"
    path.write_bytes(content)
    result = subprocess.run(
        [sys.executable, "-m", "reader", "render", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr == f"reader: {path}: {message}\n"


def test_a_zip_that_is_not_a_book(tmp_path: Path) -> None:
    path = tmp_path / "other.epub"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "hello")
    with pytest.raises(LoadError, match=r"other\.epub: not a readable EPUB \("):
        load_document(str(path))
