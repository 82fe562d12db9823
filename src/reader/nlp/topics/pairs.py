"""Pairs: two words the text joins with «و» as one subject name one theme.

«الرجال والنساء» (news-06: how skin cancer differs between men and women), «النمو والتطور»
(wiki-iodine: growth and development): each word alone then heads a theme of its own over
the same subject, two labels for one thing (issue 10: no two labels name one theme). Only
single definite words are paired: names («هتلر وباولوس») and longer phrases («الإنتاج والأمن
الغذائي», two subjects side by side) are not.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from itertools import pairwise

from reader.nlp.normalise import normalise
from reader.nlp.topics.flat import EDGE_PUNCTUATION
from reader.nlp.topics.lexicon import is_definite

__all__ = ["Pairs"]


class Pairs:
    """Finds, for a label, a label it is written paired with («X وY» or «Y وX»). The text is
    read once into the words each word is paired with, so a label no word is paired with
    costs one look-up however long the text."""

    def __init__(self, paragraphs: Sequence[str]) -> None:
        self.paragraphs = paragraphs
        self.partners: dict[str, set[str]] = defaultdict(set)
        """Per word, the words the text joins to it with «و», either way round."""
        for paragraph in paragraphs:
            for first, second in pairwise(_words(normalise(paragraph))):
                if second.startswith("و") and len(second) > 3:
                    self.partners[first].add(second[1:])
                    self.partners[second[1:]].add(first)
        self._counts: tuple[dict[str, Counter[str]], Counter[str]] | None = None

    def fixed_pair(self, label: str) -> str | None:
        """The pair ``label`` is written in as one expression, if it is: a single word with
        the article that the text writes, at least twice and in at least half of its
        occurrences, followed by «و» and one and the same word with the article («المد
        والجزر», the tide: «المد» alone is half of it). The text is counted the first time
        this is asked (only a short document's names are: `naming`)."""
        if not _pairable(label):
            return None
        joined, written = self._pair_counts()
        word = normalise(label)
        partners = joined.get(word)
        if not partners:
            return None
        partner, together = partners.most_common(1)[0]
        if together < 2 or not _pairable(partner) or 2 * together < written[word]:
            return None
        return f"{label} {_written(partner, self.paragraphs)}"

    def _pair_counts(self) -> tuple[dict[str, Counter[str]], Counter[str]]:
        """Per word, how often the text writes it before «و» and each word; and how often it
        writes each word (edge punctuation aside)."""
        if self._counts is None:
            joined: dict[str, Counter[str]] = defaultdict(Counter)
            written: Counter[str] = Counter()
            for paragraph in self.paragraphs:
                words = list(_words(normalise(paragraph)))
                written.update(w.rstrip(EDGE_PUNCTUATION) for w in words)
                for first, second in pairwise(words):
                    if second.startswith("و") and len(second) > 3:
                        joined[first][second[1:].rstrip(EDGE_PUNCTUATION)] += 1
            self._counts = (joined, written)
        return self._counts

    def match(self, label: str, labels: list[str]) -> int | None:
        """The position in ``labels`` of the label ``label`` is paired with, or None."""
        partners = self.partners.get(normalise(label)) if _pairable(label) else None
        if not partners:
            return None
        for t, other in enumerate(labels):
            if _pairable(other) and normalise(other) in partners:
                return t
        return None


_WORD = re.compile(r"\S+")


def _words(text: str) -> Iterator[str]:
    """The words of ``text`` as ``str.split`` gives them, one at a time: a list of every word of
    one long paragraph was most of the topic finder's peak there (40 MB for 4 MB of text)."""
    return (match.group() for match in _WORD.finditer(text))


def _written(partner: str, paragraphs: Sequence[str]) -> str:
    """«و» and ``partner`` (normalised) as the text first writes them («والأوديسة»)."""
    wanted = "و" + partner
    for paragraph in paragraphs:
        for word in _words(paragraph):
            word = word.rstrip(EDGE_PUNCTUATION)
            if normalise(word) == wanted:
                return word
    return wanted


def _pairable(label: str) -> bool:
    """A single word with the article."""
    words = label.split()
    return len(words) == 1 and is_definite(words[0])
