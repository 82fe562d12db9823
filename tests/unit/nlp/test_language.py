"""Whether the entity tagger runs on a document: Arabic yes, Persian and Urdu no.

Every shared text is checked by its language (the `.ar`/`.fa`/`.ur` in its name, see
shared/data/texts/PROVENANCE.md), and so are Arabic documents whose letters alone look Persian
or Urdu: an Arabic article quoting a Persian or Urdu sentence, and one typed on a Persian
keyboard (ی and ک for ي and ك). They are built from the shared texts, not invented.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.nlp.language import (
    detect_language,
    document_language,
    entities_skipped_reason,
    unsupported_entity_language,
    word_evidence,
)
from reader.text.load import load_document

REPO = Path(__file__).resolve().parents[3]
TEXTS = REPO / ".." / "shared" / "data" / "texts"
LEGACY_ARABIC = ["legacy-01.cp1256.txt", "legacy-02.cp1256.txt", "legacy-03.cp1256.txt"]
ARABIC = [*sorted(path.name for path in TEXTS.glob("*.ar.txt")), *LEGACY_ARABIC]
PERSIAN = ["persian-01.fa.txt", "legacy-04.fa.cp1256.txt"]
URDU = ["urdu-01.ur.txt"]
PERSIAN_ONLY_LETTERS = frozenset("پچژگکیۀ")


def paragraphs(name: str) -> list[str]:
    """The paragraph texts of a shared text (or of the bundled article)."""
    path = REPO / "assets" / name if name == "article.ar.txt" else TEXTS / name
    return [paragraph.text for paragraph in load_document(str(path)).paragraphs]


def test_every_language_has_texts() -> None:
    assert len(ARABIC) >= 17  # eight news articles, Quran, Wikipedia, MDN, legacy, large
    assert all((TEXTS / name).is_file() for name in ARABIC + PERSIAN + URDU)


@pytest.mark.parametrize("name", [*ARABIC, "article.ar.txt"])
def test_arabic_texts_are_arabic_and_get_entities(name: str) -> None:
    texts = paragraphs(name)
    assert document_language(texts) == "ar"
    assert unsupported_entity_language(texts) is None


@pytest.mark.parametrize("name", PERSIAN)
def test_persian_texts_get_no_entities(name: str) -> None:
    texts = paragraphs(name)
    assert document_language(texts) == "fa"
    assert unsupported_entity_language(texts) == "fa"


@pytest.mark.parametrize("name", URDU)
def test_urdu_texts_get_no_entities(name: str) -> None:
    texts = paragraphs(name)
    assert document_language(texts) == "ur"
    assert unsupported_entity_language(texts) == "ur"


def test_the_words_agree_with_the_letters_on_every_text() -> None:
    """Where the letters alone are right, the word counts point the same way by far."""
    for name in ARABIC:
        evidence = word_evidence(paragraphs(name))
        assert evidence.arabic >= 10, name
        assert evidence.arabic > 20 * (evidence.persian + evidence.urdu), name
    for name in PERSIAN:
        evidence = word_evidence(paragraphs(name))
        assert evidence.persian > 20 * (evidence.arabic + 1), name
    for name in URDU:
        evidence = word_evidence(paragraphs(name))
        assert evidence.urdu > 5 * (evidence.arabic + evidence.persian), name


def _persian_quote() -> str:
    """A quoted passage: the two sentences of the Persian essay with the most letters Arabic
    does not use (86 words), as one paragraph."""
    essay = paragraphs("persian-01.fa.txt")
    ranked = sorted(essay, key=lambda text: -sum(ch in PERSIAN_ONLY_LETTERS for ch in text))
    return " ".join(ranked[:2])


@pytest.mark.parametrize("name", [f"news-{n:02d}.ar.txt" for n in range(1, 9)])
def test_an_arabic_article_quoting_persian_stays_arabic(name: str) -> None:
    article = paragraphs(name)
    quoting = [*article[:2], _persian_quote(), *article[2:]]
    assert detect_language(quoting) == "fa"  # the letters alone are fooled
    assert document_language(quoting) == "ar"
    assert unsupported_entity_language(quoting) is None


@pytest.mark.parametrize("name", ["news-01.ar.txt", "news-03.ar.txt", "news-08.ar.txt"])
def test_an_arabic_article_quoting_urdu_stays_arabic(name: str) -> None:
    article = paragraphs(name)
    quoting = [*article[:2], *paragraphs("urdu-01.ur.txt")[:2], *article[2:]]
    assert detect_language(quoting) == "ur"
    assert document_language(quoting) == "ar"


@pytest.mark.parametrize("name", ["news-02.ar.txt", "news-07.ar.txt", "mixed-02.ar.txt"])
def test_arabic_typed_on_a_persian_keyboard_stays_arabic(name: str) -> None:
    typed = [text.replace("ي", "ی").replace("ك", "ک") for text in paragraphs(name)]
    assert detect_language(typed) == "fa"
    assert document_language(typed) == "ar"


@pytest.mark.parametrize("name", ["news-01.ar.txt", "news-04.ar.txt", "news-07.ar.txt"])
def test_a_persian_text_quoting_arabic_stays_persian(name: str) -> None:
    """The other way round: a whole Arabic news article inside the Persian essay is not
    enough to make it Arabic."""
    essay = paragraphs("persian-01.fa.txt")
    quoting = [*essay[:5], *paragraphs(name)[:3], *essay[5:]]
    assert document_language(quoting) == "fa"
    assert unsupported_entity_language(quoting) == "fa"


def test_an_empty_document_counts_as_arabic() -> None:
    """Nothing to tell from: the tagger runs (and finds nothing), as before."""
    assert unsupported_entity_language([]) is None
    assert unsupported_entity_language(["", "   "]) is None


def test_the_reason_names_the_language() -> None:
    assert entities_skipped_reason("fa") == (
        "entities are found in Arabic text only; this document looks Persian"
    )
    assert entities_skipped_reason("ur").endswith("this document looks Urdu")
