"""Named entities as theme candidates: a person, organisation or place that paragraphs are
about is a theme named by its name («مارك زوكربيرغ» in news-04, named in full once and then
by surname: as a phrase it occurs once and would never be a candidate).

The names come from the entity tagger (`reader.nlp.entities`), with its canonical names that
join «مارك زوكربيرغ» and «زوكربيرغ». It is run only on short Arabic documents (at most
`MAX_PARAGRAPHS` paragraphs): its model takes about a second to load and its network is far
slower than the topic finder, and in a long document recurring phrases find the names anyway.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

__all__ = ["MAX_PARAGRAPHS", "NAMED_TYPES", "entity_names"]

MAX_PARAGRAPHS = 200
"""The longest document (in paragraphs) the tagger is run on for themes."""

NAMED_TYPES = frozenset({"PERSON", "ORGANIZATION", "LOCATION"})
"""The entity types that can be what paragraphs are about."""

MAX_WORDS = 5
"""The longest name that labels a theme, in words."""

MIN_PARAGRAPHS = 2
"""A name must occur in at least this many paragraphs to be a candidate."""


def entity_names(paragraphs: Sequence[str], language: str) -> list[tuple[str, Counter[int]]]:
    """The names of the persons, organisations and places mentioned in at least
    `MIN_PARAGRAPHS` paragraphs, each with its mentions per paragraph; none for a long or
    non-Arabic document, or when the tagger cannot be loaded."""
    if language != "ar" or len(paragraphs) > MAX_PARAGRAPHS:
        return []
    try:
        from reader.nlp.entities import EntityIndex, extract_paragraphs

        index = EntityIndex()
        for mentions in extract_paragraphs(list(enumerate(paragraphs))):
            index.add(mentions)
        entities = index.entities()
    except (ImportError, OSError):  # no model shipped: themes without names
        return []
    names = []
    for entity in entities:
        if entity.type not in NAMED_TYPES or len(entity.name.split()) > MAX_WORDS:
            continue
        where = Counter(m.paragraph for m in entity.mentions)
        if len(where) >= MIN_PARAGRAPHS:
            names.append((entity.name, where))
    return names
