"""Fold the spelling variants of an Arabic word to one form for matching and features.

Written Arabic varies in ways that do not change the word: harakat may or may not be written,
tatweel stretches letters, hamza seats on alef are often dropped, final ى/ي and ة/ه are often
swapped. The tagger's features, the gazetteers and the entity index compare normalised forms so
that «أحمد», «احمد» and «أَحْمَد» are the same name.
"""

from __future__ import annotations

__all__ = ["IGNORED", "LETTER_FOLDS", "TANWEEN", "has_tanween", "normalise", "normalised_words"]

_DELETE = [
    *range(0x064B, 0x0660),  # harakat: fathatan .. wavy hamza below
    0x0670,  # superscript (dagger) alef
    # Non-spacing Quranic annotation marks; the spacing ones (U+06DD end of ayah, U+06DE rub
    # el hizb, U+06E5/U+06E6 small waw/yeh, U+06E9 place of sajdah) are kept.
    *range(0x06D6, 0x06DD),
    *range(0x06DF, 0x06E5),
    0x06E7,
    0x06E8,
    *range(0x06EA, 0x06EE),
    0x0640,  # tatweel
]
IGNORED: tuple[int, ...] = tuple(_DELETE)
"""Code points that do not change the word: harakat, non-spacing Quranic marks, tatweel."""
LETTER_FOLDS: dict[int, int] = {
    ord("أ"): ord("ا"),
    ord("إ"): ord("ا"),
    ord("آ"): ord("ا"),
    ord("ٱ"): ord("ا"),
    ord("ى"): ord("ي"),
    ord("ة"): ord("ه"),
}
"""Letters written for one another: hamza seats and wasla on alef, final ى/ي, ة/ه."""
TANWEEN = frozenset("\u064b\u064c\u064d")
"""The three tanween marks: a word written with one is an indefinite common word or an adverb
(«افتراضيًا», «جنيهاً»), no name."""


def has_tanween(word: str) -> bool:
    """Whether ``word`` is written with a tanween mark."""
    return not TANWEEN.isdisjoint(word)


_TABLE: dict[int, int | None] = {**dict.fromkeys(IGNORED), **LETTER_FOLDS}


def normalise(word: str) -> str:
    """Return ``word`` without harakat and tatweel, with alef forms, ى and ة folded."""
    return word.translate(_TABLE)


def normalised_words(text: str) -> frozenset[str]:
    """The normalised forms of the space-separated words of ``text`` (for word lists written
    out as one string in the rules)."""
    return frozenset(normalise(w) for w in text.split())
