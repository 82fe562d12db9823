"""Lists in long articles (`reader.nlp.topics.lists`): a lead ending with a colon names the
short lines under it, on the Wikipedia articles of the topic gold (tests/data/topics-gold,
their licences in its README)."""

from __future__ import annotations

from pathlib import Path

from reader.nlp.topics import extract_topics
from reader.nlp.topics.candidates import analyse
from reader.nlp.topics.evaluation import normalise_label
from reader.nlp.topics.lists import ITEM_WORDS, LIST_TIMES, MIN_ITEMS, list_sections
from reader.text.document import Document

GOLD_TEXTS = Path(__file__).resolve().parents[3] / "tests" / "data" / "topics-gold" / "texts"


def paragraphs_of(name: str) -> list[str]:
    """The non-blank paragraphs of a gold text, as the reader splits them."""
    path = GOLD_TEXTS / name
    assert path.is_file(), f"test text not found: {path}"
    return [p.text for p in Document.from_text(path.read_text(encoding="utf-8"), name).paragraphs]


def list_items(paragraphs: list[str], lead: int) -> list[int]:
    """The short paragraphs right after ``lead``, read independently of the module."""
    items = []
    for number in range(lead + 1, len(paragraphs)):
        if len(paragraphs[number].split()) > ITEM_WORDS:
            break
        items.append(number)
    return items


def test_iodine_symptoms_list_is_a_section_named_by_its_lead() -> None:
    """wiki-iodine ¶12 ends «ظهور الاعراض التالية:» and six symptoms follow, one a line: the
    list is found, named by «الاعراض» (not the adjective «التالية»), over the lead and its
    items."""
    paragraphs = paragraphs_of("wiki-iodine.ar.txt")
    lead = next(n for n, p in enumerate(paragraphs) if p.rstrip().endswith(":"))
    items = list_items(paragraphs, lead)
    assert len(items) >= MIN_ITEMS
    sections = list_sections(paragraphs, analyse(paragraphs, "ar"))
    assert len(sections) == 1
    candidate, where = sections[0]
    assert normalise_label(" ".join(candidate.keys)) in normalise_label(paragraphs[lead])
    assert "اعراض" in candidate.keys
    assert sorted(where) == [lead, *items]
    assert set(where.values()) == {LIST_TIMES}


def test_iodine_symptoms_are_a_theme() -> None:
    """The symptoms (gold ¶12–18) share no word: before lists were read «الأعراض» ranked too
    low to start a theme and the six lines had none of their own. Now it is a theme, the main
    theme of every item."""
    paragraphs = paragraphs_of("wiki-iodine.ar.txt")
    lead = next(n for n, p in enumerate(paragraphs) if p.rstrip().endswith(":"))
    items = list_items(paragraphs, lead)
    index = extract_topics(paragraphs)
    by_label = {normalise_label(t.label): t for t in index.topics}
    symptoms = by_label.get(normalise_label("الأعراض"))
    assert symptoms is not None, [t.label for t in index.topics]
    assert set(items) <= set(symptoms.main_paragraphs)
    assert lead in symptoms.paragraphs


def test_a_lead_before_full_paragraphs_makes_no_list() -> None:
    """wiki-imf's leads («تتمثل أهداف صندوق النقد الدولي فيما يلي:») lost their lists to the
    extractor and are followed by full paragraphs: no list section."""
    paragraphs = paragraphs_of("wiki-imf.ar.txt")
    leads = [n for n, p in enumerate(paragraphs) if p.rstrip().endswith(":")]
    assert leads  # the article has leads, so the rule is tried
    assert all(len(list_items(paragraphs, n)) < MIN_ITEMS for n in leads)
    assert list_sections(paragraphs, analyse(paragraphs, "ar")) == []


def test_one_short_line_is_no_list() -> None:
    """A lead with a single short line under it (the iodine list cut after its first item,
    a full paragraph following) is a sentence and its quote, not a list."""
    paragraphs = paragraphs_of("wiki-iodine.ar.txt")
    lead = next(n for n, p in enumerate(paragraphs) if p.rstrip().endswith(":"))
    cut = [*paragraphs[: lead + 2], paragraphs[lead - 1], *paragraphs[lead + 2 :]]
    assert len(cut[lead + 2].split()) > ITEM_WORDS
    assert list_sections(cut, analyse(cut, "ar")) == []


def test_a_list_is_not_named_by_the_title() -> None:
    """A lead ending with the article's own subject («ظهور اعراض متلازمة نقص اليود الخلقي:»,
    the iodine lead with the title put after «اعراض») names its list by «اعراض»: the title's
    phrase, the whole article's subject and far more salient, is a theme already."""
    paragraphs = paragraphs_of("wiki-iodine.ar.txt")
    lead = next(n for n, p in enumerate(paragraphs) if p.rstrip().endswith(":"))
    head, _, _ = paragraphs[lead].rpartition("ظهور")
    assert head
    paragraphs[lead] = f"{head}ظهور اعراض {paragraphs[0]}:"
    analysis = analyse(paragraphs, "ar")
    title = {key for chunk in analysis.chunked[0] for key in chunk}
    sections = list_sections(paragraphs, analysis)
    assert len(sections) == 1
    candidate, _ = sections[0]
    assert not set(candidate.keys) <= title
    assert "اعراض" in candidate.keys
    subject = next(c for c in analysis.candidates if set(c.keys) == title)
    assert subject.score > candidate.score  # the lead's most salient phrase is the title's
