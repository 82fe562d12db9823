"""Markdown notes: headings, paragraphs, quotes, lists and code come out as blocks, raw HTML is
text, and a Markdown file is known by its extension or by its first heading."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

from pages import markdown_article

from reader.text.load import load_document
from reader.text.markdown_blocks import markdown_blocks


def run_reader(*args: str) -> str:
    """The output of the real `reader` command with `args`, which must succeed."""
    result = subprocess.run(
        [sys.executable, "-m", "reader", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def entity_rows(path: Path) -> list[list[str]]:
    """The rows of `reader entities --format tsv` on `path` (the real command), header left out."""
    stdout = run_reader("entities", "--format", "tsv", str(path))
    return [row.split("\t") for row in stdout.splitlines()[1:]]


def test_a_markdown_article_gives_its_blocks(tmp_path: Path) -> None:
    text, expected = markdown_article()
    path = tmp_path / "notes.md"
    path.write_text(text, encoding="utf-8")
    document = load_document(str(path))
    assert [(p.kind, p.text) for p in document.paragraphs] == list(expected)
    assert document.title == expected[0][1]
    assert document.source_format == "markdown"
    headings = [p.level for p in document.paragraphs if p.kind == "heading"]
    assert headings == [2, 2]


def test_preformatted_lines_keep_their_spaces() -> None:
    blocks = markdown_blocks("```\nfor x in y:\n    print(x)   \n\n\treturn\n```\n")
    assert [b.kind for b in blocks] == ["preformatted"]
    text, _ = markdown_article()
    document = load_document("-", stdin=io.BytesIO(text.encode("utf-8")))
    code = [p.text for p in document.paragraphs if p.kind == "preformatted"]
    assert code == ["curl -s https://example.org/data.json", "  | jq '.items[]'"]


def test_raw_html_and_links_are_text() -> None:
    blocks = markdown_blocks(
        '# عنوان\n\n<script>alert("x")</script>\n\nاقرأ [المقال](https://example.org/a) '
        '![صورة](http://127.0.0.1:9/t.png) و<img src="http://127.0.0.1:9/x.png"> '
        "[خطر](javascript:alert(1))\n"
    )
    # A javascript: link is not a link to markdown-it: it stays as the characters written.
    assert [(b.kind, b.text) for b in blocks] == [
        ("title", "عنوان"),
        ("paragraph", '<script>alert("x")</script>'),
        (
            "paragraph",
            'اقرأ المقال صورة و<img src="http://127.0.0.1:9/x.png"> [خطر](javascript:alert(1))',
        ),
    ]


def test_nested_lists_are_deeper() -> None:
    blocks = markdown_blocks("- أ\n  - ب\n    - ج\n- د\n")
    assert [(b.text, b.level) for b in blocks] == [("أ", 1), ("ب", 2), ("ج", 3), ("د", 1)]


def test_markdown_on_standard_input_is_known_by_its_heading() -> None:
    text, expected = markdown_article()
    result = subprocess.run(
        [sys.executable, "-m", "reader", "render", "--width", "0", "-"],
        input=text.encode("utf-8"),
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stdout.decode("utf-8").split("\n") if line]
    assert len(lines) == len(expected)
    assert not any(line.lstrip().startswith(("#", ">", "```")) for line in lines)


def test_render_keeps_code_whole_and_together(tmp_path: Path) -> None:
    """At 30 columns the prose wraps, but the 37-character code line is one line, right after
    the line before it (no blank line inside a code block)."""
    text, _expected = markdown_article()
    path = tmp_path / "notes.md"
    path.write_text(text, encoding="utf-8")
    lines = run_reader("render", "--width", "30", str(path)).split("\n")
    at = lines.index("curl -s https://example.org/data.json")
    assert lines[at + 1] == "  | jq '.items[]'"
    assert lines[at - 1] == "" and lines[at + 2] == ""


def test_code_is_not_read_for_entities(tmp_path: Path) -> None:
    """A name in a code block is not a mention; the same name in prose is."""
    name = "هادي البحرة"
    sentence = f"قال {name} رئيس الائتلاف السوري المعارض إن الاجتماع في إسطنبول كان ناجحا."
    note = f"# ملاحظة\n\n```\n{sentence}\n```\n\n{sentence}\n"
    path = tmp_path / "code.md"
    path.write_text(note, encoding="utf-8")
    rows = entity_rows(path)
    mentions = [row for row in rows if row[5] == name]
    assert [row[2] for row in mentions] == ["2"]  # paragraph 2: the prose, not the code (1)


def test_a_heading_is_its_own_sentence_for_entities(tmp_path: Path) -> None:
    """Entities are told where the headings are: a heading is tagged as a block of its own, so
    a name that ends a heading is found there and never runs on into the paragraph after it
    (which here starts with a word that would extend a name)."""
    note = (
        "# انتخابات الائتلاف\n\n"
        "## هادي البحرة\n\n"
        "عبد الله وزير الخارجية السوري المعارض زار إسطنبول أمس.\n\n"
        "## ردود الفعل\n\n"
        "رحب أحمد الجربا بالنتيجة في إسطنبول.\n"
    )
    path = tmp_path / "sections.md"
    path.write_text(note, encoding="utf-8")
    document = load_document(str(path))
    kinds = [p.kind for p in document.paragraphs]
    assert kinds == ["title", "heading", "paragraph", "heading", "paragraph"]
    rows = entity_rows(path)
    for _kind, _name, paragraph, start, end, text, _number in rows:
        block = document.paragraphs[int(paragraph)]
        assert block.start <= int(start) < int(end) <= block.start + len(block.text), text
    people = {(row[5], int(row[2])) for row in rows if row[0] == "PERSON"}
    assert ("هادي البحرة", 1) in people  # the heading's name, in the heading
    assert ("أحمد الجربا", 4) in people
