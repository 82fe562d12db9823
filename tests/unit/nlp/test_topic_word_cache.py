"""The topic finder's caches stay bounded and keep what a long text uses: the word classifier
remembers words in two generations (`words.Classifier`), so a long text's recent words are kept
rather than only the first ones met; folded forms are remembered by `stem.fold` (LRU), which
`clauses.clause_openers` reads for every word. On large-01 (the 10 MB test text, licence in
shared/data/texts/PROVENANCE.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.nlp.stem import FOLDS_CACHED, fold
from reader.nlp.topics import words
from reader.nlp.topics.clauses import clause_openers
from reader.nlp.topics.words import WORD_RE, Classifier, general_frequencies

REPO = Path(__file__).resolve().parents[3]
LARGE_01 = REPO / ".." / "shared" / "data" / "texts" / "large-01.ar.txt"
BYTES = 3_000_000


def _words() -> list[str]:
    assert LARGE_01.is_file(), f"test text not found: {LARGE_01}"
    with LARGE_01.open(encoding="utf-8") as text:
        return [m.group() for m in WORD_RE.finditer(text.read(BYTES))]


def test_the_classifier_cache_is_bounded_and_keeps_the_recent_words() -> None:
    """Over the first 3 MB (dozens of articles): never more than `WORDS_CACHED` forms held,
    the same answers as a fresh classifier, and fewer misses than remembering the first
    `WORDS_CACHED` forms met (what it did before)."""
    written = _words()
    classifier = Classifier("ar", general_frequencies("ar"))
    misses = held = 0
    for word in written:
        misses += word not in classifier.cache and word not in classifier.older
        classifier.word(word)
        held = max(held, len(classifier.cache) + len(classifier.older))
    assert held <= words.WORDS_CACHED
    first_met: set[str] = set()
    first_met_misses = 0
    for word in written:
        if word not in first_met:
            first_met_misses += 1
            if len(first_met) < words.WORDS_CACHED:
                first_met.add(word)
    assert misses < first_met_misses, (misses, first_met_misses)  # 109,215 against 114,026
    fresh = Classifier("ar", general_frequencies("ar"))
    for word in written[-2000:]:
        assert classifier.word(word) == fresh.word(word)


def test_clause_openers_are_the_same_with_the_folds_remembered(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The folded forms remembered (`stem.fold`, bounded by `stem.FOLDS_CACHED`) change no
    answer: folding every word afresh, the openers of the first 3 MB are the same."""
    with LARGE_01.open(encoding="utf-8") as text:
        paragraphs = [line for line in text.read(BYTES).splitlines() if line.strip()]
    remembered = clause_openers(paragraphs)
    from reader.nlp.topics import clauses

    assert fold.cache_info().maxsize == FOLDS_CACHED
    monkeypatch.setattr(clauses, "fold", fold.__wrapped__)
    assert clause_openers(paragraphs) == remembered
    assert len(remembered) > 100
