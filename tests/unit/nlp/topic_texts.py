"""Shared by the topic tests: where the real texts are, and a text's paragraphs as the reader
splits them."""

from __future__ import annotations

from pathlib import Path

from reader.text.document import Document

REPO = Path(__file__).resolve().parents[3]
GOLD_TEXTS = REPO / "tests" / "data" / "topics-gold" / "texts"
TEXTS = REPO.parent / "shared" / "data" / "texts"


def paragraphs_of(path: Path) -> list[str]:
    """The non-blank paragraphs of a file, as the reader splits them."""
    assert path.is_file(), f"test text not found: {path}"
    document = Document.from_text(path.read_text(encoding="utf-8"), path.name)
    return [p.text for p in document.paragraphs]


def jaccard(a: set[int], b: set[int]) -> float:
    """How much two paragraph sets overlap: the scorer's match measure."""
    return len(a & b) / len(a | b)
