"""The reading state behind the screen (`reader.ui.navigation.Navigator`), without Textual:
where `]`, `[`, `n` and `N` go, what is highlighted, what the status line says. Expectations come
from the core modules on real texts."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

from reader_pilot import text_path

from reader.nlp.entities import EntityIndex, Mention, extract_paragraph, extract_paragraphs
from reader.nlp.entities.memory import NameMemory
from reader.nlp.topics import extract_topics
from reader.search import find
from reader.text.document import Document, paragraph_texts
from reader.text.load import load_document
from reader.ui.highlights import entity_kind
from reader.ui.navigation import ADJECTIVE_TYPES, WINDOW, Navigator


def _with_entities(path: str | None) -> Navigator:
    """A navigator on the document at `path`, fed as the entity worker feeds the screen."""
    navigator, index = _fed_mentions(load_document(path))
    navigator.set_entities(index.entities())
    return navigator


def _fed_mentions(document: Document) -> tuple[Navigator, EntityIndex]:
    """A navigator on `document` given its mentions paragraph by paragraph, as the entity
    worker gives them, and the index they were gathered in (not grouped yet)."""
    navigator = Navigator(document)
    index = EntityIndex()
    memory = NameMemory()
    for paragraph in document.paragraphs:
        mentions = extract_paragraph(paragraph.index, paragraph.text, memory)
        index.add(mentions)
        navigator.add_mentions(mentions)
    return navigator, index


def test_topic_steps_follow_main_topic_changes_then_the_chosen_topic() -> None:
    document = load_document(text_path("news-07.ar.txt"))
    navigator = Navigator(document)
    assert navigator.topic_step(0, 1) is None  # nothing known yet
    index = extract_topics([p.text for p in document.paragraphs])
    navigator.set_topics(index)
    main = index.main_topic
    changes = [i for i in range(1, len(main)) if main[i] != main[i - 1]]
    assert navigator.topic_step(0, 1) == changes[0]
    assert navigator.topic_step(changes[0], -1) == 0
    last = len(main) - 1
    assert navigator.topic_step(last, 1) is None
    chosen = next(i for i, t in enumerate(index.topics) if len(t.paragraphs) >= 2)
    first = navigator.choose_topic(chosen)
    paragraphs = index.topics[chosen].paragraphs
    assert first == paragraphs[0]
    assert navigator.topic_step(paragraphs[0], 1) == paragraphs[1]
    assert navigator.topic_step(paragraphs[1], -1) == paragraphs[0]
    assert navigator.choose_topic(None) is None and navigator.chosen_topic is None


def test_search_steps_wrap_round_and_are_counted() -> None:
    document = load_document(None)
    navigator = Navigator(document)
    hits = find([p.text for p in document.paragraphs], "الأمني")
    assert len(hits) >= 3
    first = navigator.search("الأمني", 0)
    assert first == hits[0].paragraph
    assert navigator.search_summary("en") == f"1/{len(hits)}"
    paragraphs = [first]
    for _ in range(len(hits)):
        step = navigator.mention_step(paragraphs[-1], 1)
        assert step is not None
        paragraphs.append(step)
    assert paragraphs[: len(hits)] == [h.paragraph for h in hits]
    assert paragraphs[-1] == hits[0].paragraph  # wrapped round
    assert navigator.search("لا يوجد هذا النص أبدا", 0) is None
    assert navigator.search_summary("en") == "no hits"
    navigator.clear_search()
    assert navigator.mention_step(0, 1) is None


def test_selected_entity_mentions_are_stepped_and_highlighted() -> None:
    navigator = _with_entities(None)
    entity = max(navigator.entities(), key=lambda e: len(e.mentions))
    spans = sorted((m.paragraph, m.start, m.end) for m in entity.mentions)
    assert navigator.select_entity(entity.key) == spans[0][0]
    selected = sorted(h[:3] for h in navigator.highlights() if h[3] == "selected")
    assert selected == spans
    assert "mention 1/" in navigator.status_text(spans[0][0], "en")
    navigator.select_entity(None)
    assert not [h for h in navigator.highlights() if h[3] == "selected"]


def test_every_mention_is_coloured_by_a_kind_the_view_knows() -> None:
    from reader.ui.highlights import KINDS

    navigator = _with_entities(text_path("news-01.ar.txt"))
    kinds = {h[3] for h in navigator.highlights()}
    assert kinds and kinds <= set(KINDS)


def test_highlights_are_handed_out_for_a_window_around_the_reader() -> None:
    document = load_document(text_path("mixed-03.ar.txt"))
    navigator = Navigator(document)
    navigator.search("JavaScript", 0)
    assert navigator.search_summary("en") != "no hits"
    count = len(document.paragraphs)
    assert count > 2 * WINDOW or count > 100
    near = {h[0] for h in navigator.highlights(center=0) if h[3] == "search"}
    assert near and max(near) <= WINDOW


def test_status_text_in_both_languages() -> None:
    document = load_document(None)
    navigator = Navigator(document)
    assert navigator.status_text(1, "en") == "¶ 2/7 · 28%"
    navigator.set_topics(extract_topics([p.text for p in document.paragraphs]))
    topic = navigator.main_topic(1)
    assert topic is not None
    assert navigator.status_text(1, "en") == f"¶ 2/7 · 28% · topic: {topic}"
    assert navigator.status_text(1, "ar") == f"¶ 2/7 · 28% · الموضوع: {topic}"


def _one_word_a_line(characters: int) -> tuple[Navigator, list[Mention]]:
    """A navigator on the first `characters` of large-01, one word a line, and the mentions
    the tagger finds there in reading order (most in a paragraph of their own)."""
    text = "\n".join(Path(text_path("large-01.ar.txt")).read_text("utf-8")[:characters].split())
    document = Document.from_text(text, "one-word-a-line.txt")
    found: list[Mention] = []
    for mentions in extract_paragraphs(
        list(enumerate(paragraph_texts(document.paragraphs))), NameMemory()
    ):
        found.extend(mentions)
    return Navigator(document), found


def test_entity_highlights_are_each_mention_in_reading_order_whatever_order_they_came() -> None:
    navigator, found = _one_word_a_line(60_000)
    assert len(found) > 100
    navigator.add_mentions(found)
    expected = [
        (m.paragraph, m.start, m.end, entity_kind(m.type))
        for m in found
        if m.type not in ADJECTIVE_TYPES and m.paragraph <= 2 * WINDOW
    ]
    assert navigator.highlights(center=WINDOW) == expected
    shuffled, _ = _one_word_a_line(60_000)
    half = len(found) // 2
    shuffled.add_mentions(found[half:])  # later paragraphs first
    shuffled.add_mentions(found[:half])
    assert shuffled.highlights(center=WINDOW) == expected


def test_the_mentions_kept_for_highlights_cost_little_beside_the_mentions() -> None:
    """One word a line puts nearly every mention in a paragraph of its own: keeping them cost a
    dict entry and a list per paragraph (109 bytes a mention here, about as much as a
    `Mention`); a list and an array of paragraph numbers cost 12."""
    navigator, found = _one_word_a_line(300_000)
    assert len(found) > 2_000
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        navigator.add_mentions(found)
        kept = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert kept < 40 * len(found), f"{kept / len(found):.0f} bytes a mention"


def test_highlights_follow_a_name_the_grouping_completed(tmp_path: Path) -> None:
    """The article «باسم يوسف» of large-01: in its title and first sentence the tagger kept
    only «يوسف»; the grouping takes them back to «باسم يوسف», and the highlights, fed the raw
    mentions first, follow: the name is highlighted whole, as the panel lists it."""
    large = Path(text_path("large-01.ar.txt")).read_text(encoding="utf-8").splitlines()
    first = large.index("باسم يوسف")
    article = tmp_path / "bassem.txt"
    article.write_text("\n".join(large[first : large.index("شايلا ستايلز", first)]), "utf-8")
    document = load_document(str(article))
    navigator, index = _fed_mentions(document)
    entities = index.entities()
    assert index.completed
    navigator.set_entities(entities, index.completed)
    title = [s for s in navigator.highlights(0) if s[0] == 0 and s[3] == entity_kind("PERSON")]
    assert [document.paragraphs[0].text[s[1] : s[2]] for s in title] == ["باسم يوسف"]
