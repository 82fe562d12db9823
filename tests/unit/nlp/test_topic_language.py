"""The topic finder reads an Arabic article as Arabic though it spells foreign names with
Persian letters (`reader.nlp.language.document_language`), and reads those letters as the
Arabic ones other writers use (`reader.nlp.stem`): «پول» and «بول» are one word."""

from __future__ import annotations

from pathlib import Path

from reader.nlp.language import detect_language, document_language
from reader.nlp.stem import stem
from reader.nlp.topics import extract_topics
from reader.text.document import Document

REPO = Path(__file__).resolve().parents[3]
LARGE_01 = REPO / ".." / "shared" / "data" / "texts" / "large-01.ar.txt"
PERSIAN = REPO / ".." / "shared" / "data" / "texts" / "persian-01.fa.txt"


def _article(doc_id: str) -> list[str]:
    """The paragraphs of one article of large-01 (its `<doc>` lines dropped)."""
    assert LARGE_01.is_file(), f"test text not found: {LARGE_01}"
    text = LARGE_01.read_text(encoding="utf-8")
    start = text.index(f'<doc id="{doc_id}"')
    body = text[text.index("\n", start) + 1 : text.index("</doc>", start)]
    return [p.text for p in Document.from_text(body, "article.txt").paragraphs]


def test_an_arabic_article_spelling_paul_with_pe_is_read_as_arabic() -> None:
    """large-01's article on the designer Paul Smith titles him «بول سميث» and writes «پول»
    43 times: by its letters alone it looked Persian, and with Persian stop words «في عام» and
    «مع» labelled themes. Read as Arabic, with «پ» as «ب», his theme holds most paragraphs."""
    paragraphs = _article("2095553")
    assert detect_language(paragraphs) == "fa"
    assert document_language(paragraphs) == "ar"
    topics = extract_topics(paragraphs).topics
    labels = [topic.label for topic in topics]
    assert "في عام" not in labels and "مع" not in labels
    subject = [topic for topic in topics if topic.label == "بول سميث"]
    assert len(subject) == 1 and 2 * len(subject[0].paragraphs) > len(paragraphs)


def test_persian_letters_fold_in_arabic_only() -> None:
    """In Arabic «پول» is «بول» (and «چ» «ج»); in Persian «پس» and «بس» stay two words, and
    a Persian text is still read as Persian."""
    assert stem("پول") == stem("بول")
    assert stem("چاد") == stem("جاد")
    assert stem("پس", "fa") != stem("بس", "fa")
    text = PERSIAN.read_text(encoding="utf-8")
    paragraphs = [p.text for p in Document.from_text(text, PERSIAN.name).paragraphs]
    assert document_language(paragraphs) == "fa"
