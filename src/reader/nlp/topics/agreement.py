"""Agreement in the text itself: a word too rare to be measured is an adjective when the text
writes it, with the article, only right after another definite word.

The lexicon (`lexicon`, `training/build_topic_lexicon.py`) calls a word an adjective when, in
1,932 Wikipedia articles, most of its definite occurrences follow a definite word in the same
noun phrase («التعاون الأمني»). A participle or nisba too rare there is not in the table, and
labelled a theme alone: wiki-pasteur writes «البكتيريا المضعّفة», «الأمراض المضعَّفة», «الشكل
المضعَّف» (weakened) and never «المضعَّف» heading a phrase, yet «المضعَّف» was a label (rule 8,
docs/topics-annotation.md: a bare adjective). The same test, counted in the paragraphs a
theme's label is read from, tells such a word for what it is. A noun stands first in its
phrase or as the iḍāfa complement of an indefinite word («نظرية جرثومية المرض»), so it fails
the test; only words the lexicon has not measured as common are judged this way (a measured
word's kind rests on far more evidence than one text).
"""

from __future__ import annotations

from collections import Counter

from reader.nlp.topics.lexicon import bare_form

__all__ = ["AGREEING_SHARE", "MIN_DEFINITE", "Agreement"]

AGREEING_SHARE = 0.6
"""The share of a word's definite occurrences that must follow a definite word: the
lexicon's `ADJECTIVE_SHARE`."""

MIN_DEFINITE = 2
"""The fewest definite occurrences the test is made on: one is no evidence."""


def _word(written: str) -> str:
    """A word as counted: folded, without the article and a feminine ending, so that
    «المضعَّف», «المضعّفة» and «مضعّف» count as one, and «التونسية» apart from «تونس» (the
    stem keys would join a nisba to its noun: «الشمسي», «الشمس»)."""
    bare = bare_form(written)
    return bare[:-1] if len(bare) > 3 and bare.endswith("ه") else bare


class Agreement:
    """Per word (`_word`), how often the text writes it with the article, and how often right
    after a definite word of the same chunk (`labels.written_forms` counts)."""

    def __init__(self) -> None:
        self.definite: Counter[str] = Counter()
        self.agreeing: Counter[str] = Counter()

    def add(self, written: str, after_definite: bool) -> None:
        """Count one definite occurrence of the word ``written``."""
        word = _word(written)
        self.definite[word] += 1
        self.agreeing[word] += after_definite

    def is_adjective(self, written: str) -> bool:
        """Whether the text writes the word ``written`` as an adjective agreeing with a
        definite noun: at least `MIN_DEFINITE` definite occurrences, `AGREEING_SHARE` of them
        after one."""
        word = _word(written)
        definite = self.definite[word]
        return definite >= MIN_DEFINITE and self.agreeing[word] >= AGREEING_SHARE * definite
