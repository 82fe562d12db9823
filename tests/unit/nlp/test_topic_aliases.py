"""An article's lead gives its subject's other-language names («بالتبتية تشومولانغما
وبالنيبالية ساجارماثا»): such a name labels no theme beside the subject's (`aliases`)."""

from __future__ import annotations

from pathlib import Path

from reader.nlp.normalise import normalise
from reader.nlp.topics import extract_topics
from reader.nlp.topics.aliases import Aliases
from reader.nlp.topics.labels import label_key
from reader.text.document import Document

REPO = Path(__file__).resolve().parents[3]
EVEREST = REPO / "tests" / "data" / "topics-gold" / "texts" / "wiki-everest.ar.txt"


def _paragraphs(path: Path) -> list[str]:
    assert path.is_file(), f"test text not found: {path}"
    return [p.text for p in Document.from_text(path.read_text("utf-8"), path.name).paragraphs]


def test_the_leads_other_language_names_are_read() -> None:
    """The Arabic-script words right after a language adverb in the lead's parenthesis; not
    the Latin name, not the next adverb; nothing for a text that is no article."""
    paragraphs = _paragraphs(EVEREST)
    title = label_key(paragraphs[0], "ar")
    aliases = Aliases(paragraphs, 1, title)
    assert aliases.names == {normalise("تشومولانغما"), normalise("ساجارماثا")}
    assert Aliases(paragraphs, 1, None).names == frozenset()


def test_an_other_language_name_is_no_second_label_of_the_subject() -> None:
    """wiki-everest returned «ساجارماثا», the Nepali name of the mountain, beside «جبل إفرست»;
    the mountain's theme is labelled by the title alone and holds the lead."""
    paragraphs = _paragraphs(EVEREST)
    assert normalise("ساجارماثا") in normalise(paragraphs[1])
    topics = extract_topics(paragraphs).topics
    labels = [normalise(t.label) for t in topics]
    assert normalise("ساجارماثا") not in labels
    assert normalise("تشومولانغما") not in labels
    mountain = next(t for t in topics if normalise(t.label) == normalise("جبل إفرست"))
    assert 1 in mountain.paragraphs
