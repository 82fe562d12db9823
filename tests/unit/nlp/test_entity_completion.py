"""A person named by one word is taken back to the document's full name when the word before it
is that name's first word (`reader.nlp.entities.extract.complete_names`), on real articles."""

from __future__ import annotations

import pytest
from entity_texts import LARGE, REPO

from reader.nlp.entities import extract_document
from reader.nlp.entities.evaluate import pipeline_labels
from reader.text.document import Document

MIXED_01 = REPO / ".." / "shared" / "data" / "texts" / "mixed-01.ar.txt"


def people(text: str) -> dict[str, list[str]]:
    """Each person's display name and the texts of its mentions, for a whole document."""
    entities = extract_document(Document.from_text(text))
    return {e.name: [m.text for m in e.mentions] for e in entities if e.type == "PERSON"}


@pytest.fixture(scope="module")
def bassem_youssef() -> str:
    """The article «باسم يوسف» of large-01, its title line to the next article's."""
    lines = LARGE.read_text(encoding="utf-8").splitlines()
    first = lines.index("باسم يوسف")
    return "\n".join(lines[first : lines.index("شايلا ستايلز", first)])


def test_a_given_name_read_as_a_word_is_taken_back(bassem_youssef: str) -> None:
    """«باسم» is also "in the name of": in the title and the first sentence the tagger kept only
    «يوسف», a person of his own beside the «باسم يوسف» written ten times after."""
    found = people(bassem_youssef)
    assert "يوسف" not in found
    assert len(found["باسم يوسف"]) >= 12
    assert all(text.endswith("يوسف") and text.count(" ") == 1 for text in found["باسم يوسف"])


def test_only_the_full_names_first_word_completes_it() -> None:
    """In «سي++» (mixed-01) «بيارن ستروستروب» is written twice whole and twice with only the
    surname tagged after «بيارن»: those two are completed; the surname alone after any other
    word («طوره ستروستروب») stays as written, joined to him by the grouping."""
    found = people(MIXED_01.read_text(encoding="utf-8"))
    mentions = found["بيارن ستروستروب"]
    assert mentions.count("بيارن ستروستروب") == 4
    assert mentions.count("ستروستروب") >= 3


def test_the_evaluation_completes_names_per_document() -> None:
    """The scored labels are what a user sees: the completion happens within a document (the
    memory's scope), never across the documents of a file."""
    sentences = [  # the article's title line, then two of its sentences
        ["باسم", "يوسف"],
        [
            "بدأ",
            "باسم",
            "يوسف",
            "في",
            "تقديم",
            "برنامج",
            "البرنامج",
            "على",
            "قناة",
            "أون",
            "تي",
            "في",
        ],
        ["توجه", "باسم", "يوسف", "إلى", "مكتب", "النائب", "العام"],
    ]
    whole = pipeline_labels(sentences)
    assert whole[0] == ["B-PERS", "I-PERS"]
    assert [labels[1:3] for labels in whole[1:]] == [["B-PERS", "I-PERS"]] * 2
    apart = pipeline_labels(sentences, range(len(sentences)))
    assert apart[0] == ["O", "B-PERS"]  # alone, the title has no full name to take back
    assert apart[1:] == whole[1:]
