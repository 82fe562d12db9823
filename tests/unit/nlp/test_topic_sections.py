"""Topics told where the headings are: a heading starts a section, a section is evidence for a
theme named by the heading (`reader.nlp.topics.sections`). Built from real news texts put
under Markdown headings, read as `reader` reads a Markdown file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.commands.topics import document_topics, kinds_of, prose_texts
from reader.nlp.normalise import normalise
from reader.nlp.topics import TopicIndex, extract_topics
from reader.nlp.topics.sections import SECTION_TIMES, heading_label, heading_sections
from reader.text.load import load_document

REPO = Path(__file__).resolve().parents[3]
TEXTS = REPO.parent / "shared" / "data" / "texts"

SECTIONS = (("الأمن الغذائي", "news-02.ar.txt"), ("مسبار فوياجر", "news-05.ar.txt"))
"""Two sections on different subjects: hunger in Syria, Voyager leaving the solar system."""


def _body(name: str) -> list[str]:
    lines = [line.strip() for line in (TEXTS / name).read_text(encoding="utf-8").splitlines()]
    return [line for line in lines if line][1:]  # the first line is the text's title


@pytest.fixture(scope="module")
def markdown(tmp_path_factory: pytest.TempPathFactory) -> Path:
    lines = ["# أخبار الأسبوع", ""]
    for heading, name in SECTIONS:
        lines += [f"## {heading}", ""]
        for paragraph in _body(name):
            lines += [paragraph, ""]
    path = tmp_path_factory.mktemp("sections") / "week.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def _section_paragraphs(kinds: list[str]) -> list[set[int]]:
    """The paragraphs of each heading's section, the heading's own included."""
    sections: list[set[int]] = []
    for number, kind in enumerate(kinds):
        if kind == "heading":
            sections.append(set())
        if sections and kind != "title":
            sections[-1].add(number)
    return sections


def _by_label(index: TopicIndex, label: str) -> set[int]:
    for topic in index.topics:
        if normalise(topic.label) == normalise(label):
            return set(topic.paragraphs)
    return set()


def _jaccard(a: set[int], b: set[int]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def test_two_sections_give_two_themes_labelled_from_their_sections(markdown: Path) -> None:
    """Each heading names a theme that holds its whole section and nothing of the other one;
    read without the headings, the same paragraphs group less like the sections."""
    document = load_document(str(markdown))
    kinds = kinds_of(document)
    texts = prose_texts(document)
    sections = _section_paragraphs(kinds)
    assert len(sections) == 2 and all(len(s) > 3 for s in sections)
    told = extract_topics(texts, kinds=kinds)
    blind = extract_topics(texts)
    gain = 0.0
    for (heading, _), section in zip(SECTIONS, sections, strict=True):
        held = _by_label(told, heading)
        assert held == section, heading
        gain += _jaccard(held, section) - _jaccard(_by_label(blind, heading), section)
    assert gain > 0.2  # blind, «الأمن الغذائي» holds 4 of its section's 10 paragraphs
    # most paragraphs of a section have a theme that lives in that section only
    for section in sections:
        inside = 0
        for number in section:
            theme = told.theme_of(number)
            inside += theme is not None and set(theme.paragraphs) <= section
        assert inside >= len(section) * 0.6


def test_the_cli_reads_the_headings(markdown: Path) -> None:
    """`reader topics` on the Markdown file gives the section themes in its JSON line."""
    outcome = document_topics(str(markdown))
    assert outcome.error is None and outcome.line is not None
    labels = {normalise(t["label"]) for t in json.loads(outcome.line)["topics"]}
    assert {normalise(h) for h, _ in SECTIONS} <= labels


def test_heading_labels_drop_numbering_and_long_headings() -> None:
    assert heading_label("2. الأعراض:") == "الأعراض"
    assert heading_label("١- التشخيص المبكر") == "التشخيص المبكر"
    assert heading_label("كيف بدأت القصة وماذا حدث بعد ذلك كله") is None
    assert heading_label("١٢٣") is None


def test_sections_run_to_the_next_heading_and_skip_the_title() -> None:
    paragraphs = ["العنوان", "أ", "نص", "", "ب", "نص", "نص", "ج"]
    kinds = [
        "title",
        "heading",
        "paragraph",
        "paragraph",
        "heading",
        "paragraph",
        "item",
        "heading",
    ]
    sections = heading_sections(paragraphs, kinds)
    assert [(label, sorted(where)) for label, where in sections] == [
        ("أ", [1, 2]),
        ("ب", [4, 5, 6]),
    ]  # «ج» has no paragraph of its own: no section
    assert set(sections[1][1].values()) == {SECTION_TIMES}


def test_kinds_must_match_the_paragraphs() -> None:
    with pytest.raises(ValueError):
        extract_topics(["الأمن الغذائي في سوريا"], kinds=["paragraph", "heading"])
