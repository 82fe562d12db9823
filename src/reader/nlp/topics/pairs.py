"""Pairs: two words the text joins with «و» as one subject name one theme.

«الرجال والنساء» (news-06: how skin cancer differs between men and women), «النمو والتطور»
(wiki-iodine: growth and development): each word alone then heads a theme of its own over
the same subject, two labels for one thing (issue 10: no two labels name one theme). Only
single definite words are paired: names («هتلر وباولوس») and longer phrases («الإنتاج والأمن
الغذائي», two subjects side by side) are not.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.nlp.normalise import normalise
from reader.nlp.topics.lexicon import is_definite

__all__ = ["Pairs"]


class Pairs:
    """Finds, for a label, a label it is written paired with («X وY» or «Y وX»)."""

    def __init__(self, paragraphs: Sequence[str]) -> None:
        self.text = f" {' '.join(' '.join(normalise(p).split()) for p in paragraphs)} "

    def match(self, label: str, labels: list[str]) -> int | None:
        """The position in ``labels`` of the label ``label`` is paired with, or None."""
        if not _pairable(label):
            return None
        mine = normalise(label)
        for t, other in enumerate(labels):
            if not _pairable(other):
                continue
            theirs = normalise(other)
            if f" {mine} و{theirs} " in self.text or f" {theirs} و{mine} " in self.text:
                return t
        return None


def _pairable(label: str) -> bool:
    """A single word with the article."""
    words = label.split()
    return len(words) == 1 and is_definite(words[0])
