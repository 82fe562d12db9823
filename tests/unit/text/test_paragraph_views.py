"""The views the app reads paragraphs through (`ParagraphTexts`, `paragraph_lengths`) give what a
list of every paragraph's text would, for plain text and for structured documents, and search
finds the same hits through a view as through a tuple of the texts."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest

from reader.search import find
from reader.text.document import (
    SHARED_LENGTH,
    Block,
    Document,
    TextParagraphs,
    paragraph_lengths,
    paragraph_texts,
)


def documents(texts: Path) -> list[Document]:
    """A real article as plain text (blank and white-space lines included) and as blocks."""
    article = (texts / "news-01.ar.txt").read_text("utf-8")
    plain = Document.from_text(article + "\n \n\n" + article)
    blocks = [
        Block(line, "heading" if i == 0 else "paragraph", 1 if i == 0 else 0)
        for i, line in enumerate(article.splitlines())
    ]
    return [plain, Document.from_blocks(blocks, "news")]


@pytest.mark.parametrize("which", [0, 1])
def test_the_views_give_every_paragraphs_text_and_length(texts: Path, which: int) -> None:
    """Index, negative index, slice, iteration and lengths match the paragraphs' own texts."""
    document = documents(texts)[which]
    expected = [paragraph.text for paragraph in document.paragraphs]
    view = paragraph_texts(document.paragraphs)
    assert len(view) == len(expected) > 3
    assert list(view) == expected
    assert [view[i] for i in range(len(view))] == expected
    assert view[-1] == expected[-1] and view[-len(expected)] == expected[0]
    assert view[1:4] == tuple(expected[1:4])
    assert list(paragraph_lengths(document.paragraphs)) == [len(text) for text in expected]
    with pytest.raises(IndexError):
        view[len(expected)]


def test_search_through_a_view_finds_what_a_tuple_finds(texts: Path) -> None:
    """The same hits for a view (cached by identity) and for the tuple of texts."""
    document = documents(texts)[0]
    view = paragraph_texts(document.paragraphs)
    tupled = tuple(paragraph.text for paragraph in document.paragraphs)
    for query in ("في", "ال", "مصر"):
        hits = find(view, query)
        assert hits == find(tupled, query)
    assert find(view, "في")  # the article has this word: the comparison is not of two nothings


def test_a_long_paragraph_is_one_string_for_every_reader(texts: Path) -> None:
    """Two long paragraphs of large-01's words (over `SHARED_LENGTH` characters each) between
    short ones: every way of reading a long one's text gives the same string object (the
    article view, the entity job and the topic job each sliced a copy of a one-line document,
    alive together), the right text after the other long one was read, and short paragraphs
    are sliced as before."""
    words = (texts / "large-01.ar.txt").read_text("utf-8")[:300_000].split()
    first, second = " ".join(words[: len(words) // 2]), " ".join(words[len(words) // 2 :])
    assert min(len(first), len(second)) > SHARED_LENGTH
    text = f"قصير\n{first}\nقصير أيضا\n{second}\n"
    document = Document.from_text(text)
    paragraphs = document.paragraphs
    assert isinstance(paragraphs, TextParagraphs)
    views = paragraph_texts(paragraphs)
    assert [p.text for p in paragraphs] == ["قصير", first, "قصير أيضا", second]
    for index, expected in ((1, first), (3, second), (1, first)):
        held = views[index]
        assert held == expected
        assert paragraphs.text_of(index) is held
        assert paragraphs[index].text is held
    # Read in order, the last long paragraph is the one kept.
    assert list(views)[3] is views[3]
    assert [p.text for p in paragraphs][3] is paragraphs.text_of(3)


def test_one_word_a_line_keeps_8_bytes_a_line_and_4_for_its_length(texts: Path) -> None:
    """Plain text keeps its paragraphs as offsets (4-byte integers): one word a line is
    hundreds of thousands of paragraphs. 8-byte offsets took 16 bytes a line, and 8 a length."""
    text = "\n".join((texts / "large-01.ar.txt").read_text("utf-8")[:400_000].split())
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        paragraphs = TextParagraphs(text)
        kept = tracemalloc.get_traced_memory()[0] - before
        lengths = paragraph_lengths(paragraphs)
        kept_lengths = tracemalloc.get_traced_memory()[0] - before - kept
    finally:
        tracemalloc.stop()
    count = len(paragraphs)
    assert count > 60_000 and list(lengths[:3]) == [len(w) for w in text.split("\n", 3)[:3]]
    assert kept < 9 * count, f"{kept / count:.1f} bytes a line"
    assert kept_lengths < 5 * count, f"{kept_lengths / count:.1f} bytes a length"
