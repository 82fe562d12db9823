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
(«ريان», «راين»), a long vowel dropped or added («بولك», «بلاك»; «الأسد», «السويداوي» share a
consonant skeleton), and the other entity kinds («حزب المحافظين», «حزب المحافظون» differ by a
case ending). So a spelling that drops a vowel («راسل», «راسيل») stays two names.

Only the other spelling's own mentions point at the person: the full name's candidate is not
counted where only the other spelling is written (counted there, the person outweighed the
body's subjects and wiki-pasteur lost «نظرية جرثومية المرض», recall 4/8 → 3/8).
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.nlp.normalise import normalise

__all__ = ["SHORTEST", "join_spellings", "one_person", "other_spelling"]

LONG_VOWELS = frozenset("اوي")
"""The letters a transliteration may write differently for one vowel (after `normalise`)."""

SHORTEST = 5
"""The shortest word, in letters, whose spelling variants are joined."""

PERSON = "PERSON"


def other_spelling(word: str, other: str) -> bool:
    """Whether two different words are spellings of one transliterated word: as long, at
    least `SHORTEST` letters, differing only inside the word where both write a long vowel
    («باستور», «باستير»)."""
    a, b = normalise(word), normalise(other)
    if a == b or len(a) != len(b) or len(a) < SHORTEST:
        return False
    return all(
        0 < i < len(a) - 1 and x in LONG_VOWELS and y in LONG_VOWELS
        for i, (x, y) in enumerate(zip(a, b, strict=True))
        if x != y
    )


def one_person(name: str, other: str) -> bool:
    """Whether two names differ only by the spelling of some of their words, the shorter
    name's words agreeing with the longer one's last words («باستير», «لويس باستور»)."""
    short, long = sorted((name.split(), other.split()), key=len)
    agreed = list(zip(short, long[len(long) - len(short) :], strict=True))
    return any(other_spelling(a, b) for a, b in agreed) and all(
        normalise(a) == normalise(b) or other_spelling(a, b) for a, b in agreed
    )


def join_spellings(names: Sequence[tuple[str, str]]) -> dict[str, str]:
    """The persons among the tagged names (each a name and its entity type) written another
    way: each other spelling with the name that names both, the one of more words (the full
    name), then the one tagged first. Other kinds are never joined."""
    persons = [name for name, kind in names if kind == PERSON]
    order = sorted(range(len(persons)), key=lambda i: (-len(persons[i].split()), i))
    kept: list[str] = []
    spelled: dict[str, str] = {}
    for name in (persons[i] for i in order):
        home = next((k for k in kept if one_person(name, k)), None)
        if home is None:
            kept.append(name)
        elif name != home:
            spelled[name] = home
    return spelled
