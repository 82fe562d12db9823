"""A description written right before a name the tagger does not know («الراقصة صافيناز»)
labels no theme of its own: it joins the theme of the name, which the name labels."""

from __future__ import annotations

from pathlib import Path

from reader.nlp.normalise import normalise
from reader.nlp.topics import extract_topics
from reader.nlp.topics.lexicon import is_name_like
from reader.nlp.topics.names import entity_names
from reader.text.document import Document

REPO = Path(__file__).resolve().parents[3]
LARGE_01 = REPO / ".." / "shared" / "data" / "texts" / "large-01.ar.txt"


def _article(doc_id: str) -> str:
    """The body of one article of large-01 (its `<doc>` lines dropped)."""
    assert LARGE_01.is_file(), f"test text not found: {LARGE_01}"
    text = LARGE_01.read_text(encoding="utf-8")
    start = text.index(f'<doc id="{doc_id}"')
    return text[text.index("\n", start) + 1 : text.index("</doc>", start)]


def _paragraphs(body: str) -> list[str]:
    return [p.text for p in Document.from_text(body, "article.txt").paragraphs]


def test_a_description_before_an_untagged_name_joins_its_theme() -> None:
    """«صافيناز (راقصة)»: the text writes «الراقصة صافيناز» three times; the tagger knows no
    «صافيناز», and «الراقصة» was a second label for the dancer."""
    body = _article("2166082")
    assert body.count("الراقصة صافيناز") >= 2
    paragraphs = _paragraphs(body)
    assert not any("صافيناز" in name for name, _ in entity_names(paragraphs, "ar"))
    labels = [normalise(topic.label) for topic in extract_topics(paragraphs).topics]
    assert normalise("صافيناز") in labels
    assert normalise("الراقصة") not in labels


def test_what_is_written_as_a_name() -> None:
    """Words of the texts: a name the tables never measured is one; a definite word, an
    indefinite noun with tanween, a two-letter clipped noun and a measured common word are
    not."""
    body = _article("2166082") + _article("2130673") + _article("1169054")
    for form in ("صافيناز", "شعاراً", "الراقصة", "ضم", "عرش"):
        assert form in body
    assert is_name_like("صافيناز")
    assert not is_name_like("الراقصة")
    assert not is_name_like("شعاراً")  # «اتخذت ... النسر شعاراً»
    assert not is_name_like("ضم")  # «ضم هولندا», annexing Holland
    assert not is_name_like("عرش")
    assert not is_name_like("صافيناز", "fa")
