"""Tokenisation keeps exact offsets on real Arabic texts and splits words from punctuation."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from reader.nlp.normalise import normalise
from reader.nlp.tokens import Token, sentence_spans, tokenize

INVISIBLE = set("\u200e\u200f\ufeff\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
HARAKAT = set(map(chr, [*range(0x064B, 0x0660), 0x0670]))
TEXTS = Path(__file__).resolve().parents[3] / ".." / "shared" / "data" / "texts"


@pytest.mark.parametrize(
    "name", ["diacritics-01.ar.txt", "diacritics-02.ar.txt", "mixed-03.ar.txt", "news-01.ar.txt"]
)
def test_offsets_are_exact_on_real_texts(name: str) -> None:
    """Every token's offsets slice exactly its text out of the original, whole file at once."""
    text = (TEXTS / name).read_text(encoding="utf-8")
    tokens = tokenize(text)
    assert len(tokens) > 100
    for token in tokens:
        assert text[token.start : token.end] == token.text
        assert not token.text.isspace()
    # Tokens are in order and never overlap.
    assert all(a.end <= b.start for a, b in itertools.pairwise(tokens))
    # Nothing but whitespace and invisible bidi controls is left out.
    bounds = [0, *(x for t in tokens for x in (t.start, t.end)), len(text)]
    gaps = "".join(text[bounds[i] : bounds[i + 1]] for i in range(0, len(bounds), 2))
    assert all(ch.isspace() or ch in INVISIBLE for ch in gaps)


def test_diacritised_words_stay_whole() -> None:
    """Harakat, shadda and superscript alef stay inside the word of a diacritised text."""
    text = (TEXTS / "diacritics-01.ar.txt").read_text(encoding="utf-8")
    chunks = [c for c in text.split() if all(ch.isalpha() or ch in HARAKAT for ch in c)]
    diacritised = [c for c in chunks if any(ch in HARAKAT for ch in c)]
    assert len(diacritised) > 100
    for chunk in diacritised:
        assert [t.text for t in tokenize(chunk)] == [chunk]


def test_tatweel_stays_inside_word() -> None:
    """Tatweel is part of the word it stretches."""
    assert [t.text for t in tokenize("جمـــيل جدا")] == ["جمـــيل", "جدا"]


def test_punctuation_marks_are_single_tokens() -> None:
    """Arabic and Latin punctuation each become their own one-character token."""
    text = "قال: «مرحبا»، هل أنت بخير؟ (نعم)!! Ruby's irb."
    assert [t.text for t in tokenize(text)] == [
        "قال", ":", "«", "مرحبا", "»", "،", "هل", "أنت", "بخير", "؟",
        "(", "نعم", ")", "!", "!", "Ruby", "'", "s", "irb", ".",
    ]  # fmt: skip


def test_arabic_indic_digits_and_decimal_numbers() -> None:
    """Arabic-Indic and ASCII numbers, with separators between digits, are one token."""
    text = "دفع ١٬٥٠٠ درهم و3.5 دولار عام ٢٠٢٤. انتهى"
    tokens = tokenize(text)
    assert [t.text for t in tokens] == [
        "دفع", "١٬٥٠٠", "درهم", "و3.5", "دولار", "عام", "٢٠٢٤", ".", "انتهى",
    ]  # fmt: skip
    assert tokens[1] == Token("١٬٥٠٠", 4, 9)


def test_bidi_controls_are_dropped() -> None:
    """Invisible directional marks are not tokens and do not glue to words."""
    text = "مرحبا\u200f العالم\u202b"
    assert [t.text for t in tokenize(text)] == ["مرحبا", "العالم"]


def test_sentence_spans_cover_all_tokens() -> None:
    """Sentences end after runs of . ! ? ؟ and together cover the token list in order."""
    words = [t.text for t in tokenize("ذهب الولد. هل عاد؟! نعم عاد")]
    spans = sentence_spans(words)
    assert spans == [(0, 3), (3, 7), (7, 9)]
    assert sentence_spans([]) == []


def test_normalise_folds_spelling_variants() -> None:
    """Harakat and tatweel go; alef forms, alef maqsura and ta marbuta fold."""
    assert normalise("أَحْمَدُ") == "احمد"
    assert normalise("إلى") == "الي"
    assert normalise("آمنة") == "امنه"
    assert normalise("ٱلرَّحْمَٰنِ") == "الرحمن"
    assert normalise("جمـــيل") == "جميل"
    # Spacing Quranic signs are kept.
    assert normalise("\u06dd") == "\u06dd"
