"""A club's name keeps the city it ends with («نادي سبورتنغ لشبونة», «نادي ريال مدريد»).

The tagger knows the city as a place and splits the name in two: the organisation head rule of
`reader.nlp.entities.shapes` makes «نادي ريال» a club, and «مدريد» stays a place of its own. A
place written right after a club's name, with no clitic of its own, is the end of that name.
A place glued to «ب» or «ل» says where the club is or whom it plays for («نادي الزمالك
بالقاهرة», «المنتخب الوطني لمالي»), and stays out, unless the gazetteer lists the word with its
first letter («لشبونة»).

Spans are ``(first, stop, lead, type)`` over a paragraph's tokens; ``words`` are normalised.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.nlp.entities.gazetteer import longest_country_at
from reader.nlp.entities.spans import Span
from reader.nlp.entities.tagger import load_tagger
from reader.nlp.normalise import normalised_words

__all__ = ["clubs_keep_their_city"]


CLUB_HEADS = normalised_words("نادي فريق")
"""Heads of a sports club's name."""

_CLITICS = ("و", "ف", "ب", "ل", "ك", "وب", "ول", "لل")

_PLACE_CLASSES = frozenset({"LOC1", "LOCi", "LOCb"})


def _club_head(word: str) -> bool:
    """Whether a normalised word is a club head, a clitic glued on or not («لنادي»)."""
    return word in CLUB_HEADS or any(
        word.startswith(c) and word[len(c) :] in CLUB_HEADS for c in _CLITICS
    )


def _listed_place(word: str) -> bool:
    """Whether a normalised word is a place in the tagger's gazetteer or a country name."""
    return (
        not _PLACE_CLASSES.isdisjoint(load_tagger().gazetteer.get(word, ()))
        or longest_country_at([word], 0) is not None
    )


def _where(word: str) -> bool:
    """A place glued to «ب» or «ل» that is not itself a listed place («بالقاهرة», «لمالي»)."""
    return word[:1] in "بل" and not _listed_place(word) and _listed_place(word[1:])


def clubs_keep_their_city(words: Sequence[str], spans: Sequence[Span]) -> list[Span]:
    """Each organisation opening with a club head and followed right away by a place without a
    clitic of its own grows over that place."""
    out: list[Span] = []
    for span in sorted(spans):
        if out:
            first, stop, lead, kind = out[-1]
            if (
                kind == "ORGANIZATION"
                and span[3] == "LOCATION"
                and span[0] == stop
                and span[2] == 0
                and _club_head(words[first])
                and not _where(words[span[0]])
            ):
                out[-1] = (first, span[1], lead, kind)
                continue
        out.append(span)
    return out
