"""Arabic spellings of foreign person names, mined from Arabic Wikipedia (``foreign-names.tsv``).

Each line is a normalised word and its classes: ``FNg`` (seen as the first word, a given name),
``FNs`` (seen as the last word, a surname), ``FNp`` (seen between them). The list is built by
``training/mine_foreign_names.py`` from names followed by their Latin form in parentheses
(«جين شارب (Gene Sharp)») and from the titles of person articles; see
``data/NER-ATTRIBUTION.md``. `reader.nlp.entities.shapes` reads it to find an untagged run of such
names («... the physicist Given Surname») that the tagger missed.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import repeat

from reader.nlp.entities.features import WORDS_CACHED

__all__ = [
    "FOREIGN_NAMES_FILE",
    "FOREIGN_SHAPE_FILE",
    "ForeignNames",
    "foreign_names",
    "foreign_score",
]

FOREIGN_NAMES_FILE = "foreign-names.tsv"
FOREIGN_SHAPE_FILE = "foreign-shape.tsv"
LOOKALIKES_FILE = "foreign-lookalikes.txt"


@dataclass(frozen=True, slots=True)
class ForeignNames:
    """The mined words by the place they were seen in: first (given), last (surname), any."""

    given: frozenset[str]
    surnames: frozenset[str]
    words: frozenset[str]


@lru_cache(maxsize=1)
def foreign_names() -> ForeignNames:
    """The shipped list, read once (about 15 kB)."""
    given: set[str] = set()
    surnames: set[str] = set()
    words: set[str] = set()
    data = resources.files("reader.nlp.entities") / "data" / FOREIGN_NAMES_FILE
    for line in data.read_text(encoding="utf-8").splitlines():
        word, *classes = line.split("\t")
        words.add(word)
        if "FNg" in classes:
            given.add(word)
        if "FNs" in classes:
            surnames.add(word)
    return ForeignNames(frozenset(given), frozenset(surnames), frozenset(words))


@lru_cache(maxsize=1)
def _shape_weights() -> dict[str, float]:
    """Letter n-gram -> log-odds of a foreign name's spelling against a common word's."""
    data = resources.files("reader.nlp.entities") / "data" / FOREIGN_SHAPE_FILE
    weights: dict[str, float] = {}
    for line in data.read_text(encoding="utf-8").splitlines():
        gram, weight = line.split("\t")
        weights[gram] = float(weight)
    return weights


@lru_cache(maxsize=1)
def lookalikes() -> frozenset[str]:
    """Common words whose spelling scores like a foreign name's («سيكون», «كيلو», «نيسان»):
    the frequent Wikipedia words in no name list that `foreign_score` puts at 10 or more."""
    data = resources.files("reader.nlp.entities") / "data" / LOOKALIKES_FILE
    return frozenset(data.read_text(encoding="utf-8").split())


@lru_cache(maxsize=WORDS_CACHED)
def foreign_score(word: str) -> float:
    """How much a normalised word is spelt like a transliterated foreign name rather than an
    Arabic word: the summed log-odds of its letter 1- to 3-grams (above 10: «ستاينمان» 21,
    «بروكسل» 14; below 0: «مختبرات» -18, «محمد» -10)."""
    weights = _shape_weights()
    padded = f"^{word}$"
    grams = [padded[i : i + n] for n in (1, 2, 3) for i in range(len(padded) - n + 1)]
    # map() over the bound lookup spares a Python-level step per n-gram; same order, same sum.
    return sum(map(weights.get, grams, repeat(0.0, len(grams))))
