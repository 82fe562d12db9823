"""Loading real articles in every supported encoding, newline style and source (file, stdin)."""

from __future__ import annotations

import codecs
import io
import os
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.text import Document, decode_document, load_document

NEWS = [f"news-0{number}.ar.txt" for number in range(1, 9)]

LEGACY_WORDS = {
    "legacy-01.cp1256.txt": ["المغرب", "الجزائر", "تونس", "الأوروبيون"],
    "legacy-02.cp1256.txt": ["ويندوز-1256", "العربية", "مايكروسوفت", "الأبجدية"],
    "legacy-03.cp1256.txt": ["إعداد", "تثبيت", "[Messages]"],
    "legacy-04.fa.cp1256.txt": ["پوشه", "مشکل", "برنامه", "LanguageCodePage=1256"],
}
"""Words each Windows-1256 sample must contain once decoded (Arabic, Persian letters, ASCII)."""


def non_blank_lines(text: str) -> list[str]:
    """The lines of LF-only text that hold something other than white space."""
    return [line for line in text.split("\n") if line.strip()]


def assert_consistent(document: Document) -> None:
    """Paragraph offsets slice their text out of the document and hold no line breaks."""
    for index, paragraph in enumerate(document.paragraphs):
        assert paragraph.index == index
        assert document.text[paragraph.start : paragraph.end] == paragraph.text
        assert "\n" not in paragraph.text and "\r" not in paragraph.text
        assert paragraph.text.strip()


@pytest.mark.parametrize("name", NEWS)
def test_utf8_news_articles_load_exactly(texts: Path, name: str) -> None:
    """A plain UTF-8 article decodes to exactly its text, one paragraph per non-blank line."""
    path = texts / name
    expected = path.read_text(encoding="utf-8")
    document = load_document(str(path))
    assert document.name == name
    assert document.encoding == "utf-8"
    assert document.warnings == ()
    assert document.text == expected
    assert [p.text for p in document.paragraphs] == non_blank_lines(expected)
    assert_consistent(document)


@pytest.mark.parametrize("name", sorted(LEGACY_WORDS))
def test_windows_1256_samples_are_detected(texts: Path, name: str) -> None:
    """Real Windows-1256 files (Arabic, Persian, LF and CRLF) decode as Windows-1256."""
    raw = (texts / name).read_bytes()
    document = load_document(str(texts / name))
    assert document.encoding == "cp1256"
    assert document.warnings == ()
    for word in LEGACY_WORDS[name]:
        assert word in document.text
    assert "\r" not in document.text
    assert "\ufffd" not in document.text
    expected = raw.decode("cp1256").replace("\r\n", "\n")
    assert document.text == expected
    assert [p.text for p in document.paragraphs] == non_blank_lines(expected)
    assert_consistent(document)


def test_crlf_samples_really_are_crlf(texts: Path) -> None:
    """The CRLF cases above are real: legacy-03 and legacy-04 use CRLF line ends on disk."""
    for name in ["legacy-03.cp1256.txt", "legacy-04.fa.cp1256.txt"]:
        raw = (texts / name).read_bytes()
        assert raw.count(b"\r\n") > 100
        assert raw.count(b"\n") == raw.count(b"\r\n")


@pytest.mark.parametrize(
    ("label", "encode"),
    [
        ("utf-8-bom", lambda text: codecs.BOM_UTF8 + text.encode("utf-8")),
        ("utf-16-le", lambda text: codecs.BOM_UTF16_LE + text.encode("utf-16-le")),
        ("utf-16-be", lambda text: codecs.BOM_UTF16_BE + text.encode("utf-16-be")),
    ],
)
@pytest.mark.parametrize("name", ["news-02.ar.txt", "mixed-03.ar.txt", "persian-01.fa.txt"])
def test_byte_order_marks_are_honoured_and_removed(
    texts: Path,
    write_file: Callable[[str, bytes], Path],
    name: str,
    label: str,
    encode: Callable[[str], bytes],
) -> None:
    """UTF-8 with a BOM and UTF-16 LE/BE with a BOM decode to the original text, BOM removed."""
    original = (texts / name).read_text(encoding="utf-8")
    path = write_file(f"{label}.txt", encode(original))
    document = load_document(str(path))
    assert document.text == original
    assert not document.text.startswith("\ufeff")
    assert document.encoding == {"utf-8-bom": "utf-8-sig"}.get(label, label)
    assert document.warnings == ()
    assert [p.text for p in document.paragraphs] == non_blank_lines(original)
    assert_consistent(document)


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_cr_newlines_are_normalised(
    texts: Path, write_file: Callable[[str, bytes], Path], newline: str
) -> None:
    """CRLF and lone CR line ends give the same text and paragraphs as LF."""
    original = (texts / "news-03.ar.txt").read_text(encoding="utf-8")
    path = write_file("article.txt", original.replace("\n", newline).encode("utf-8"))
    document = load_document(str(path))
    assert document.text == original
    assert [p.text for p in document.paragraphs] == non_blank_lines(original)
    assert_consistent(document)


def test_stdin_is_read_from_the_given_stream(texts: Path) -> None:
    """ "-" reads the bytes from the stream given, and names the document <stdin>."""
    raw = (texts / "legacy-03.cp1256.txt").read_bytes()
    document = load_document("-", stdin=io.BytesIO(raw))
    assert document.name == "<stdin>"
    assert document.encoding == "cp1256"
    assert document.text == raw.decode("cp1256").replace("\r\n", "\n")


def test_stdin_defaults_to_the_process_standard_input(
    texts: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without a stream, "-" reads the binary buffer of sys.stdin."""
    raw = (texts / "news-05.ar.txt").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw)))
    document = load_document("-")
    assert document.name == "<stdin>"
    assert document.text == raw.decode("utf-8")


def test_default_article_is_bundled() -> None:
    """No path opens the article shipped in reader.assets: seven paragraphs of Arabic."""
    document = load_document(None)
    assert document.name == "article.ar.txt"
    assert len(document.paragraphs) == 7
    assert document.warnings == ()
    assert all("\u0627" in paragraph.text for paragraph in document.paragraphs)
    assert_consistent(document)


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"   \n\t\n\r\n  \r",
        codecs.BOM_UTF8,
        codecs.BOM_UTF16_LE + " \n \u00a0\n".encode("utf-16-le"),
    ],
    ids=["empty", "whitespace", "utf-8-bom-only", "utf-16-whitespace"],
)
def test_empty_and_blank_files_give_no_paragraphs(
    write_file: Callable[[str, bytes], Path], data: bytes
) -> None:
    """An empty or whitespace-only file is not an error when loading: it has no paragraphs."""
    document = load_document(str(write_file("blank.txt", data)))
    assert document.paragraphs == ()
    assert not document.text.strip()


def test_device_without_a_size_reads_as_a_stream() -> None:
    """A path that is not a regular file (here /dev/null) is read up to its end."""
    document = load_document("/dev/null")
    assert document.text == ""
    assert document.paragraphs == ()


def test_a_single_five_megabyte_line_is_one_paragraph(
    texts: Path, write_file: Callable[[str, bytes], Path]
) -> None:
    """A 5 MB file with no newline loads as one paragraph holding the whole line."""
    words = " ".join(non_blank_lines((texts / "news-07.ar.txt").read_text(encoding="utf-8")))
    line = (words + " ") * (5 * 1024 * 1024 // len(words.encode("utf-8")) + 1)
    data = line.encode("utf-8")
    assert len(data) > 5 * 1024 * 1024
    document = load_document(str(write_file("line.txt", data)))
    assert len(document.paragraphs) == 1
    assert document.paragraphs[0].text == line
    assert document.paragraphs[0].start == 0


def test_the_large_article_loads_whole(texts: Path) -> None:
    """The 10 MB article loads as UTF-8 with every non-blank line a paragraph."""
    expected = (texts / "large-01.ar.txt").read_text(encoding="utf-8")
    document = load_document(str(texts / "large-01.ar.txt"))
    assert document.text == expected
    assert len(document.paragraphs) == len(non_blank_lines(expected))
    last = document.paragraphs[-1]
    assert document.text[last.start : last.end] == last.text


def insert_bytes(text: str, junk: list[bytes]) -> bytes:
    """Encode text as UTF-8 with each junk byte string put between two characters, spread out."""
    step = len(text) // (len(junk) + 1)
    pieces: list[bytes] = []
    for number, bad in enumerate(junk):
        pieces += [text[number * step : (number + 1) * step].encode("utf-8"), bad]
    pieces.append(text[len(junk) * step :].encode("utf-8"))
    return b"".join(pieces)


def test_a_few_bad_bytes_in_utf8_are_replaced_with_a_warning(texts: Path) -> None:
    """Bad bytes inside good UTF-8 each show as U+FFFD; the rest of the text is intact."""
    original = (texts / "news-02.ar.txt").read_text(encoding="utf-8")
    data = insert_bytes(original, [b"\xff", b"\xc3", b"\x80"])
    document = decode_document(data, "damaged.txt")
    assert document.encoding == "utf-8"
    assert document.warnings == ("3 undecodable bytes shown as \ufffd",)
    assert document.text.count("\ufffd") == 3
    assert document.text.replace("\ufffd", "") == original
    assert_consistent(document)


def test_a_file_cut_inside_a_character_loads_with_a_warning(texts: Path) -> None:
    """A UTF-8 file cut in the middle of its last letter (head -c) shows that letter as U+FFFD."""
    text = (texts / "news-04.ar.txt").read_text(encoding="utf-8")
    last = max(index for index, char in enumerate(text) if not char.isascii())
    cut = text[:last].encode("utf-8") + text[last].encode("utf-8")[:1]
    document = decode_document(cut, "cut.txt")
    assert document.warnings == ("1 undecodable byte shown as \ufffd",)
    assert document.text == text[:last] + "\ufffd"


def test_bad_bytes_after_a_utf8_bom_are_replaced(texts: Path) -> None:
    """With a UTF-8 BOM, bad bytes are replaced too, never taken for Windows-1256."""
    original = (texts / "news-01.ar.txt").read_text(encoding="utf-8")
    data = codecs.BOM_UTF8 + insert_bytes(original, [b"\xfe\xfe"])
    document = decode_document(data, "bom.txt")
    assert document.encoding == "utf-8-sig"
    assert document.warnings == ("2 undecodable bytes shown as \ufffd",)
    assert document.text.replace("\ufffd", "") == original


def test_stray_latin1_bytes_in_ascii_text_are_replaced(texts: Path) -> None:
    """A mostly-ASCII text with one byte that is neither UTF-8 nor Arabic loads with a warning."""
    english = (texts / "mixed-03.ar.txt").read_text(encoding="utf-8")
    ascii_lines = [line for line in english.split("\n") if line.isascii() and line.strip()]
    assert len(ascii_lines) > 20
    text = "\n".join(ascii_lines)
    data = text.encode("ascii") + b"\nna\xefve\n"
    document = decode_document(data, "latin1.txt")
    assert document.encoding == "utf-8"
    assert document.warnings == ("1 undecodable byte shown as \ufffd",)
    assert document.paragraphs[-1].text == "na\ufffdve"


def test_utf16_odd_trailing_byte_is_replaced_with_a_warning(texts: Path) -> None:
    """A UTF-16 file cut to an odd length keeps its text and reports the lost byte."""
    original = (texts / "news-03.ar.txt").read_text(encoding="utf-8")
    data = codecs.BOM_UTF16_LE + original.encode("utf-16-le") + b"\x41"
    document = decode_document(data, "odd.txt")
    assert document.encoding == "utf-16-le"
    assert document.text == original + "\ufffd"
    assert document.warnings == ("1 undecodable byte shown as \ufffd",)


def test_utf16_lone_surrogates_are_replaced_with_a_warning(texts: Path) -> None:
    """Half a surrogate pair in UTF-16 shows as U+FFFD and counts its two bytes."""
    original = (texts / "news-08.ar.txt").read_text(encoding="utf-8")
    body = original.encode("utf-16-be")
    data = codecs.BOM_UTF16_BE + body[:200] + b"\xd8\x3d" + body[200:]
    document = decode_document(data, "surrogate.txt")
    assert document.warnings == ("2 undecodable bytes shown as \ufffd",)
    assert document.text == original[:100] + "\ufffd" + original[100:]


def test_persian_file_names_keep_their_joiners(
    texts: Path, write_file: Callable[[str, bytes], Path]
) -> None:
    """A file name with a ZWNJ (common in Persian) is shown as written, not escaped."""
    name = "نامه\u200cها.txt"
    path = write_file(name, (texts / "persian-01.fa.txt").read_bytes())
    assert load_document(str(path)).name == name


def test_undecodable_file_name_bytes_are_shown_as_replacement(texts: Path, tmp_path: Path) -> None:
    """A file name that is not UTF-8 on disk still loads; its bad byte shows as U+FFFD."""
    raw_name = os.fsencode(tmp_path) + b"/article-\xff.txt"
    with open(raw_name, "wb") as file:
        file.write((texts / "news-01.ar.txt").read_bytes())
    document = load_document(os.fsdecode(raw_name))
    assert document.name == "article-\ufffd.txt"
