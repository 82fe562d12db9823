"""A name written right after the last word of another label continues that person's name
(`topics.fullnames`): wiki-sheikh-imam's «إمام محمد أحمد عيسى» made «محمد أحمد عيسى» a second
label for the subject, «الشيخ إمام» (rules 10–11 of docs/topics-annotation.md)."""

from __future__ import annotations

from topic_texts import GOLD_TEXTS, TEXTS, paragraphs_of

from reader.nlp.normalise import normalise
from reader.nlp.topics import extract_topics
from reader.nlp.topics.flat import FlatText
from reader.nlp.topics.fullnames import FullNames
from reader.nlp.topics.lexicon import is_name_like
from reader.nlp.topics.names import tagged_names

IMAM = GOLD_TEXTS / "wiki-sheikh-imam.ar.txt"


def _tagged(paragraphs: list[str]) -> frozenset[str]:
    """The names the entity tagger finds in the text, as the engine gets them."""
    return frozenset(name for name, _ in tagged_names(paragraphs, "ar")[0])


def test_the_full_name_continues_the_subjects_name() -> None:
    """The text writes «إمام محمد أحمد عيسى»: the full name joins the subject's theme, from
    either side. (The tagger now reads «إمام محمد» as the name, which the rule does not need:
    the matching is given the full name as a name.)"""
    assert normalise("إمام محمد أحمد عيسى") in normalise(IMAM.read_text(encoding="utf-8"))
    names = FullNames(FlatText(paragraphs_of(IMAM)))
    full = "محمد أحمد عيسى"
    assert names.match(full, ["زكريا أحمد", "الشيخ إمام"], full.__eq__) == 1
    assert names.match("الشيخ إمام", [full], full.__eq__) == 0
    assert names.match(full, ["زكريا أحمد"], full.__eq__) is None  # not written after it


def test_two_people_written_side_by_side_stay_two() -> None:
    """«نجم وإمام» (a conjunction) and «زكريا أحمد لأم كلثوم» (a glued preposition) name two
    people each; a name written after a word with the article continues nothing."""
    names = FullNames(FlatText(paragraphs_of(IMAM)))
    assert names.match("أحمد فؤاد نجم", ["الشيخ إمام"], is_name_like) is None
    assert names.match("أم كلثوم", ["زكريا أحمد"], is_name_like) is None
    assert names.match("درويش الحريري", ["الشيخ إمام", "زكريا أحمد"], is_name_like) is None


def test_a_word_shaped_like_a_name_continues_none_unless_tagged() -> None:
    """news-05 writes «فوياجر بمقدار» (Voyager, by an amount): «بمقدار» is shaped like a name
    (an unmeasured word without the article), but the tagger finds no name there."""
    paragraphs = paragraphs_of(TEXTS / "news-05.ar.txt")
    names = FullNames(FlatText(paragraphs))
    assert is_name_like("بمقدار") and names.document.writes("فوياجر بمقدار")
    assert names.match("بمقدار", ["مسبار فوياجر"], is_name_like) == 0  # shape alone would
    assert names.match("بمقدار", ["مسبار فوياجر"], _tagged(paragraphs).__contains__) is None


def test_sheikh_imam_has_one_label_for_its_subject() -> None:
    """The whole engine: no theme is named by the rest of the subject's name; the subject
    holds the paragraph that gives it, and the people of his life stay themes."""
    index = extract_topics(paragraphs_of(IMAM))
    labels = [t.label for t in index.topics]
    assert "محمد أحمد عيسى" not in labels, labels
    assert {"الشيخ إمام", "أحمد فؤاد نجم", "زكريا أحمد", "درويش الحريري"} <= set(labels)
    subject = next(t for t in index.topics if t.label == "الشيخ إمام")
    assert 1 in subject.paragraphs
