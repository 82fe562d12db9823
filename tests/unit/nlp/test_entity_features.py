"""The CRF's word features: the shortcuts taken for speed give the features of the rules."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from reader.nlp.entities import features as features_module
from reader.nlp.entities.features import FeatureExtractor
from reader.nlp.entities.tagger import load_tagger
from reader.nlp.tokens import tokenize


def test_no_character_is_both_a_letter_and_a_digit() -> None:
    """`_shape` and the network's `encode` skip the digit and punctuation checks of a word
    made of letters only: that holds while no character is both (checked for every one)."""
    both = [c for c in range(sys.maxunicode + 1) if chr(c).isalpha() and chr(c).isdigit()]
    assert both == []


def test_remembered_table_features_are_the_ones_built_afresh(
    texts: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Cluster, gazetteer and prior features are remembered per table entry: a word's features
    are the same from a warm extractor, a cold one, and one that remembers nothing."""
    tagger = load_tagger()
    tables = (tagger.features._clusters, tagger.features._gazetteers, tagger.features._priors)
    text = (texts / "mixed-01.ar.txt").read_text(encoding="utf-8")
    words = list(dict.fromkeys(t.text for t in tokenize(text)))
    warm = FeatureExtractor(*tables)
    first = [warm.word_parts(w) for w in words]
    assert any(f.startswith("c0=") for own, _ in first for f in own)
    assert [warm.word_parts(w) for w in words] == first
    monkeypatch.setattr(features_module, "_NAMED_FIELDS", 0)
    forgetful = FeatureExtractor(*tables)
    assert [forgetful.word_parts(w) for w in words] == first
    assert forgetful._named == {}


def test_remembered_table_features_stay_bounded(texts: Path) -> None:
    """The features remembered per table entry stop growing early in a long text: the first
    megabyte of prose already fills `_NAMED_FIELDS` (at 65,536 they kept filling for
    megabytes, 24,000 entries at 4 MB, and the app's peak with them), and no more are kept."""
    tagger = load_tagger()
    tables = (tagger.features._clusters, tagger.features._gazetteers, tagger.features._priors)
    text = (texts / "large-01.ar.txt").read_text(encoding="utf-8")[:500_000]
    words = list(dict.fromkeys(text.split()))
    extractor = FeatureExtractor(*tables)
    for word in words:
        extractor.word_parts(word)
    assert len(extractor._named) == features_module._NAMED_FIELDS
