"""The Document of blocks keeps the plain-text model's promises: every block is one line of
logical text at its offsets in `Document.text`, and plain text is unchanged."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from reader.text.document import BLOCK_KINDS, PROSE_KINDS, Block, Document

kinds = st.sampled_from(BLOCK_KINDS)
block_text = st.text(
    alphabet=st.sampled_from(list("ابت ثجح\n\t\r  \u200c\u202eab1\x1b")), max_size=40
)


@given(st.lists(st.builds(Block, block_text, kinds, st.integers(0, 6)), max_size=30))
def test_blocks_are_addressed_like_paragraphs(blocks: list[Block]) -> None:
    document = Document.from_blocks(blocks, "x")
    assert [p.index for p in document.paragraphs] == list(range(len(document.paragraphs)))
    for paragraph in document.paragraphs:
        assert paragraph.text.strip()
        assert "\n" not in paragraph.text and "\r" not in paragraph.text
        assert document.text[paragraph.start : paragraph.end] == paragraph.text
    # As plain text the same lines come back: copy, export and search see the same words.
    again = Document.from_text(document.text)
    assert [p.text for p in again.paragraphs] == [p.text for p in document.paragraphs]
    assert [p.start for p in again.paragraphs] == [p.start for p in document.paragraphs]
    assert all(p.kind in PROSE_KINDS for p in document.prose)


def test_preformatted_is_one_paragraph_per_line_as_written() -> None:
    document = Document.from_blocks(
        [Block("  if x:\n\tpass  \n\n    # تعليق", "preformatted"), Block("نص  \n عادي")], "x"
    )
    assert [(p.kind, p.text) for p in document.paragraphs] == [
        ("preformatted", "  if x:"),
        ("preformatted", "    pass"),
        ("preformatted", "    # تعليق"),
        ("paragraph", "نص عادي"),
    ]
    assert [p.index for p in document.prose] == [3]


def test_plain_text_is_unchanged(texts: Path) -> None:
    text = (texts / "news-01.ar.txt").read_text(encoding="utf-8")
    document = Document.from_text(text)
    assert document.text == text
    assert {p.kind for p in document.paragraphs} == {"paragraph"}
    assert document.title is None and document.chapters == () and document.source_format == "text"
