"""A masculine nisba written with yeh, whose feminine is a measured adjective, labels no
theme alone (`lexicon.label_fault`): news-08's «الموسيقي» («الموسيقي اللبناني», the musician,
standing for Marcel Khalifa; rule 9 of docs/topics-annotation.md) was a label, because the
lexicon keys words folded (alef maqsura as yeh) and so measured «موسيقي» as the noun
«الموسيقى» (music)."""

from __future__ import annotations

from pathlib import Path

from topic_texts import GOLD_TEXTS, TEXTS, paragraphs_of

from reader.nlp.normalise import normalise
from reader.nlp.topics import extract_topics
from reader.nlp.topics.lexicon import label_fault, word_kind

NEWS08 = TEXTS / "news-08.ar.txt"


def _written(form: str, path: Path) -> bool:
    """Whether the text writes ``form`` as given (alef maqsura and yeh kept apart)."""
    return form in path.read_text(encoding="utf-8")


def test_the_masculine_nisba_is_the_feminines_adjective() -> None:
    """Both forms are written in news-08; the feminine is measured an adjective, the
    masculine «common» (music's count), and now both are rejected alone."""
    assert _written("الموسيقي اللبناني", NEWS08) and _written("الفرقة الموسيقية", NEWS08)
    assert word_kind("الموسيقية") == "adjective"
    assert word_kind("الموسيقي") == "common"
    assert label_fault("الموسيقي") == "adjective"


def test_the_noun_written_with_alef_maqsura_is_kept() -> None:
    """wiki-sheikh-imam writes «الموسيقى» (music) with alef maqsura: a noun, still a label;
    and a phrase the nisba qualifies is one too."""
    path = GOLD_TEXTS / "wiki-sheikh-imam.ar.txt"
    assert _written("الموسيقى", path)
    assert label_fault("الموسيقى") is None
    assert _written("الفرقة الموسيقية", NEWS08) and label_fault("الفرقة الموسيقية") is None


def test_news08_loses_the_description_and_keeps_its_themes() -> None:
    """The whole engine on news-08: no label is the nisba; the musician, the poet, the songs
    and the festival stay."""
    labels = [t.label for t in extract_topics(paragraphs_of(NEWS08)).topics]
    assert normalise("الموسيقي") not in {normalise(label) for label in labels}, labels
    assert {"مارسيل خليفة", "محمود درويش", "الأغنية", "مهرجان قرطاج الدولي"} <= set(labels)
