"""Spellings: one transliterated name written two ways in one text is one person.

Arabic writes the vowels of a foreign name as it hears them, and one article may hear them
twice: wiki-pasteur writes «لويس باستور» in its lead and «باستير» in its body, and the entity
tagger (`reader.nlp.entities`) returns two persons, so the person split into a second theme.
Two tagged persons of one text are one when their words agree, the shorter name's words with
the last words of the longer one, each word the same or another spelling of it: as long, of at
least `SHORTEST` letters, differing only where both write a long vowel (ا و ي), never in the
first or last letter.

Measured on the tune texts, the shared news and mixed texts and two random samples of large-01
articles (40 and 80 of its 495 with 8+ paragraphs under 30,000 characters, 112 distinct; 749
and 1,387 tagged persons with the shared texts): the rule joins only Pasteur's spellings.
Kept out on purpose, as pairs the tagger returned show: a word's first or last letter (a
kunya's case ending: «أبا سفيان» is the father of «معاوية بن أبي سفيان», not him), short words
(«ريان», «راين»; «بولك», «بلاك») and the other entity kinds («حزب المحافظين», «حزب المحافظون»
differ by a case ending).

A long vowel written in one spelling and not in the other joins two words of `SHORTEST`
letters or more written without the article: over about 200 texts (large-01 articles, the
shared and the gold texts), the tagged persons' words differing so were 22 pairs, the 19 without the
article each one name («يلتسن», «يلتسين»; «بونابرت», «بونابارت»), the 3 with it two («الحسن»,
«الحسين»). A name written with or without a space is one («هيلا سيلاسي», «هيلاسيلاسي»), a
ruler's ordinal set aside («هيلاسيلاسي الأول»), and spellings that agree through a third are
one person: Haile Selassie's article had three themes for him.

Only the other spelling's own mentions point at the person: the full name's candidate is not
counted where only the other spelling is written (counted there, the person outweighed the
body's subjects and wiki-pasteur lost «نظرية جرثومية المرض», recall 4/8 → 3/8).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

from reader.nlp.normalise import normalise
from reader.nlp.topics.lexicon import LATER_ORDINALS, ORDINALS

__all__ = ["SHORTEST", "join_spellings", "one_person", "other_spelling"]

LONG_VOWELS = frozenset("اوي")
"""The letters a transliteration may write differently for one vowel (after `normalise`)."""

SHORTEST = 5
"""The shortest word, in letters, whose spelling variants are joined."""

PERSON = "PERSON"

_ORDINALS = ORDINALS | LATER_ORDINALS


def other_spelling(word: str, other: str) -> bool:
    """Whether two different words are spellings of one transliterated word: as long, at
    least `SHORTEST` letters, differing only inside the word where both write a long vowel
    («باستور», «باستير»), or one writing a long vowel more (`_vowel_written`)."""
    return _other_spelling(normalise(word), normalise(other))


def _other_spelling(a: str, b: str) -> bool:
    """`other_spelling` of two words already normalised."""
    if a == b or min(len(a), len(b)) < SHORTEST:
        return False
    if len(a) != len(b):
        return _vowel_written(a, b) or _vowel_written(b, a)
    return all(
        0 < i < len(a) - 1 and x in LONG_VOWELS and y in LONG_VOWELS
        for i, (x, y) in enumerate(zip(a, b, strict=True))
        if x != y
    )


def _vowel_written(short: str, long: str) -> bool:
    """Whether ``long`` is ``short`` with one more long vowel written inside it («هيلاسلاسي»,
    «هيلاسيلاسي»; «يلتسن», «يلتسين»), neither with the article: «الحسن» and «الحسين» are two
    Arabic names, not two spellings of one."""
    if len(long) != len(short) + 1 or short.startswith("ال") or long.startswith("ال"):
        return False
    return any(
        long[i] in LONG_VOWELS and long[:i] + long[i + 1 :] == short
        for i in range(1, len(long) - 1)
    )


def _spelled(name: str) -> tuple[str, ...]:
    """The normalised words of a name, a ruler's ordinal at its end set aside
    («هيلاسيلاسي الأول»: `lexicon.ORDINALS`, `lexicon.LATER_ORDINALS`)."""
    words = tuple(normalise(word) for word in name.split())
    if len(words) > 1 and words[-1].startswith("ال") and words[-1][2:] in _ORDINALS:
        return words[:-1]
    return words


def one_person(name: str, other: str) -> bool:
    """Whether two names differ only by the spelling of some of their words, the shorter
    name's words agreeing with the longer one's last words («باستير», «لويس باستور»), a
    ruler's ordinal set aside; or only by where a space is written («هيلا سيلاسي»,
    «هيلاسيلاسي الأول»)."""
    return _one_person(_spelled(name), _spelled(other))


def _one_person(mine: tuple[str, ...], theirs: tuple[str, ...]) -> bool:
    """`one_person` of two names' `_spelled` words."""
    if len(mine) != len(theirs):
        joined = "".join(mine)
        if joined == "".join(theirs) and len(joined) >= SHORTEST:
            return True
    short, long = sorted((mine, theirs), key=len)
    agreed = list(zip(short, long[len(long) - len(short) :], strict=True))
    return any(_other_spelling(a, b) for a, b in agreed) and all(
        a == b or _other_spelling(a, b) for a, b in agreed
    )


def join_spellings(names: Sequence[tuple[str, str]]) -> dict[str, str]:
    """The persons among the tagged names (each a name and its entity type) written another
    way: each other spelling with the name that names them all, the one of more words (the
    full name), then the one tagged first. Spellings agreeing through a third are one person
    («الحبشي هيلاسلاسي», «هيلاسيلاسي الأول», «هيلا سيلاسي»). Other kinds are never joined."""
    persons = list(dict.fromkeys(name for name, kind in names if kind == PERSON))
    order = sorted(range(len(persons)), key=lambda i: (-len(persons[i].split()), i))
    home = list(range(len(persons)))  # union-find over the persons, by position in `order`

    def root(i: int) -> int:
        while home[i] != i:
            home[i] = home[home[i]]
            i = home[i]
        return i

    ranked = [persons[i] for i in order]
    words = [_spelled(name) for name in ranked]  # normalised once: all pairs are compared
    for a, b in combinations(range(len(ranked)), 2):
        if _one_person(words[a], words[b]):
            first, second = sorted((root(a), root(b)))
            home[second] = first  # the better ranked name heads the group
    return {name: ranked[root(k)] for k, name in enumerate(ranked) if root(k) != k}
