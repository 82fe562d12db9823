"""One transliterated name written two ways in one text is one person (`spellings`):
wiki-pasteur writes «لويس باستور» in its lead and «باستير» in its body."""

from __future__ import annotations

from pathlib import Path

from reader.nlp.normalise import normalise
from reader.nlp.topics import extract_topics
from reader.nlp.topics.names import tagged_names
from reader.nlp.topics.spellings import one_person, other_spelling
from reader.text.document import Document

REPO = Path(__file__).resolve().parents[3]
PASTEUR = REPO / "tests" / "data" / "topics-gold" / "texts" / "wiki-pasteur.ar.txt"
LARGE_01 = REPO / ".." / "shared" / "data" / "texts" / "large-01.ar.txt"


def _paragraphs(path: Path) -> list[str]:
    assert path.is_file(), f"test text not found: {path}"
    return [p.text for p in Document.from_text(path.read_text("utf-8"), path.name).paragraphs]


def _article(doc_id: str) -> list[str]:
    """The paragraphs of one article of large-01 (its `<doc>` lines dropped)."""
    assert LARGE_01.is_file(), f"test text not found: {LARGE_01}"
    text = LARGE_01.read_text(encoding="utf-8")
    start = text.index(f'<doc id="{doc_id}"')
    body = text[text.index("\n", start) + 1 : text.index("</doc>", start)]
    return [p.text for p in Document.from_text(body, "article.txt").paragraphs]


def _mentioning(paragraphs: list[str], phrase: str) -> set[int]:
    return {n for n, p in enumerate(paragraphs) if normalise(phrase) in normalise(p)}


def test_a_persons_two_spellings_are_one_person() -> None:
    """The tagger returns «لويس باستور» (the lead) and «لويس باستير» (the body, its surname
    «باستير» alone joined to it) as two persons; the body's spelling is written as the lead's
    full name."""
    paragraphs = _paragraphs(PASTEUR)
    names, spelled, first_names = tagged_names(paragraphs, "ar")
    assert {"لويس باستور", "لويس باستير"} <= {name for name, _ in names}
    assert spelled.get("لويس باستير") == "لويس باستور"
    assert "لويس" not in first_names  # one person's first name, though spelled two ways


def test_the_institute_is_no_second_theme_of_the_person() -> None:
    """The person named «باستير» in the body was a theme of its own, labelled by the institute
    that bears the name and holding the paragraphs of his work; the institute's theme now
    holds only paragraphs that name the institute, and one theme names the person."""
    paragraphs = _paragraphs(PASTEUR)
    topics = extract_topics(paragraphs).topics
    by_label = {normalise(t.label): t for t in topics}
    institute = by_label.get(normalise("معهد باستير"))
    if institute is not None:
        assert set(institute.paragraphs) <= _mentioning(paragraphs, "معهد باستير")
    person = [t.label for t in topics if "باست" in normalise(t.label) and "معهد" not in t.label]
    assert person == ["لويس باستور"]


def test_spellings_differ_only_inside_the_word_by_a_long_vowel() -> None:
    """Words of pairs the tagger returned in large-01 articles: another spelling of one name,
    and pairs kept apart (a kunya's case ending, a dropped vowel, short words)."""
    assert other_spelling("باستور", "باستير")
    assert one_person("باستير", "لويس باستور")
    assert not other_spelling("باستير", "باستير")
    assert not one_person("أبا سفيان", "معاوية بن أبي سفيان")  # «أبا», «أبي»: a case ending
    assert not other_spelling("بولك", "بلاك")
    assert not other_spelling("ريان", "راين")  # too short to tell
    assert not other_spelling("الأسد", "السويداوي")


def test_no_two_persons_of_an_article_are_joined() -> None:
    """«معاوية بن أبي سفيان» (large-01): his father «أبا سفيان», his brothers and sisters
    «بن أبي سفيان», «بنت أبي سفيان» are other persons, and none is joined."""
    names, spelled, _ = tagged_names(_article("11670"), "ar")
    assert names
    assert spelled == {}


def test_a_written_vowel_a_space_or_an_ordinal_makes_no_second_person() -> None:
    """Haile Selassie's article (large-01) writes him «هيلا سيلاسي», «هيلاسيلاسي الأول» and
    «الحبشي هيلاسلاسي», three persons to the tagger and three themes; they are one. Two Arabic
    names with the article that differ by a long vowel stay two («الحسن», «الحسين»)."""
    assert one_person("هيلا سيلاسي", "هيلاسيلاسي الأول")
    assert one_person("الحبشي هيلاسلاسي", "هيلاسيلاسي الأول")
    assert one_person("تفاري مكونن", "تافاري ماكونن")
    assert not one_person("الحسن", "الحسين")
    assert not one_person("منغستو هيلا", "هيلا")  # Mengistu Haile Mariam, another man
    emperor = _article("1553299")
    labels = [normalise(t.label) for t in extract_topics(emperor).topics]
    spellings = {normalise(s) for s in ("هيلا سيلاسي", "هيلاسيلاسي الأول", "هيلاسلاسي")}
    assert len(spellings & set(labels)) == 1, labels
