"""Forgetting the tagger's per-word caches once a text is tagged: they are emptied, and a text
tagged afterwards (the caches filling again) gets exactly the mentions it got before."""

from __future__ import annotations

from pathlib import Path

from reader.nlp.entities import Mention, NameMemory, extract_paragraphs
from reader.nlp.entities.forget import _WORD_CACHES, forget_words
from reader.nlp.entities.tagger import load_tagger

TEXTS = Path(__file__).resolve().parents[3] / ".." / "shared" / "data" / "texts"


def _mentions(name: str) -> list[Mention]:
    """Every mention of a shared text, read as the app reads it (one name memory)."""
    paragraphs = (TEXTS / name).read_text("utf-8").split("\n")
    memory = NameMemory()
    found: list[Mention] = []
    for mentions in extract_paragraphs(list(enumerate(paragraphs)), memory):
        found.extend(mentions)
    return found


def test_forgetting_empties_the_caches_and_changes_no_mention() -> None:
    before = _mentions("news-02.ar.txt")
    tagger = load_tagger()
    assert before
    assert all(cached.cache_info().currsize for cached in _WORD_CACHES)
    assert tagger.gazetteer._seen  # type: ignore[attr-defined]
    forget_words()
    assert [cached.cache_info().currsize for cached in _WORD_CACHES] == [0] * len(_WORD_CACHES)
    assert not tagger.gazetteer._seen  # type: ignore[attr-defined]
    assert _mentions("news-02.ar.txt") == before
