"""Named entities as theme candidates: a person, organisation or place that paragraphs are
about is a theme named by its name («مارك زوكربيرغ» in news-04, named in full once and then
by surname: as a phrase it occurs once and would never be a candidate).

The names come from the entity tagger (`reader.nlp.entities`), with its canonical names that
join «مارك زوكربيرغ» and «زوكربيرغ». It is run only on short Arabic documents (at most
`MAX_PARAGRAPHS` paragraphs): its model takes about a second to load and its network is far
slower than the topic finder, and in a long document recurring phrases find the names anyway.
"Short" counts characters too (`MAX_CHARACTERS`): a document of one 4 MB paragraph ran the
whole tagger a second time, beside the app's entity worker, for names that could never count
(`MIN_PARAGRAPHS`), and was most of the app's peak memory on that shape.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import NamedTuple

from reader.nlp.topics.candidates import Analysis, Candidate, phrase_score, phrase_weight
from reader.nlp.topics.persons import shared_first_names
from reader.nlp.topics.spellings import join_spellings
from reader.nlp.topics.words import JOINER_MARK

__all__ = [
    "MAX_CHARACTERS",
    "MAX_PARAGRAPHS",
    "NAMED_TYPES",
    "TaggedNames",
    "add_names",
    "entity_names",
    "tagged_names",
]

MAX_PARAGRAPHS = 200
"""The longest document (in paragraphs) the tagger is run on for themes."""
MAX_CHARACTERS = 100_000
"""The longest document (in characters) the tagger is run on for themes: over twice the longest
gold or shared text (wiki-stalingrad, 43,311 characters), whose themes are unchanged."""

NAMED_TYPES = frozenset({"PERSON", "ORGANIZATION", "LOCATION"})
"""The entity types that can be what paragraphs are about."""

MAX_WORDS = 5
"""The longest name that labels a theme, in words."""

MIN_PARAGRAPHS = 2
"""A name must occur in at least this many paragraphs to be a candidate."""


NAME_TIMES = 2
"""The most a name counts in one paragraph. A biography names its subject in sentence after
sentence, by surname too («باستير» in wiki-pasteur, 23 times), which says whom the sentences
are about, not what the paragraph is about: counted in full, once the surname joined the full
name (`reader.nlp.entities.canonical`), «لويس باستير» became the main theme of ¶4–11 and
took the germ theory's paragraphs (tune recall 0.68 → 0.67; at 2, as before: 0.68, and the
same figures without that join)."""


def entity_names(paragraphs: Sequence[str], language: str) -> list[tuple[str, Counter[int]]]:
    """The names of the persons, organisations and places mentioned in at least
    `MIN_PARAGRAPHS` paragraphs, each with its mentions per paragraph (`tagged_names`)."""
    return tagged_names(paragraphs, language).names


class TaggedNames(NamedTuple):
    """What the entity tagger found in a short Arabic document (`tagged_names`)."""

    names: list[tuple[str, Counter[int]]]
    """The names mentioned in at least `MIN_PARAGRAPHS` paragraphs, with their mentions."""
    spelled: dict[str, str]
    """A person's other spellings, with the name that names them."""
    first_names: frozenset[str] = frozenset()
    """First names two tagged people share (`persons.shared_first_names`)."""


def tagged_names(paragraphs: Sequence[str], language: str) -> TaggedNames:
    """The names of the persons, organisations and places mentioned in at least
    `MIN_PARAGRAPHS` paragraphs, each with its mentions per paragraph, a person's other
    spellings with the name that names them (`spellings.join_spellings`): «باستير», in the
    body of wiki-pasteur, is «لويس باستور» of its lead, and each spelling is mentioned where
    either is; and the first names two tagged people share. None for a long or non-Arabic
    document, or when the tagger cannot be loaded."""
    if language != "ar" or not MIN_PARAGRAPHS <= len(paragraphs) <= MAX_PARAGRAPHS:
        return TaggedNames([], {})
    if sum(len(paragraph) for paragraph in paragraphs) > MAX_CHARACTERS:
        return TaggedNames([], {})
    try:
        from reader.nlp.entities import EntityIndex, extract_paragraphs

        index = EntityIndex()
        for mentions in extract_paragraphs(list(enumerate(paragraphs))):
            index.add(mentions)
        entities = index.entities()
    except (ImportError, OSError):  # no model shipped: themes without names
        return TaggedNames([], {})
    tagged = [
        entity
        for entity in entities
        if entity.type in NAMED_TYPES and len(entity.name.split()) <= MAX_WORDS
    ]
    spelled = join_spellings([(entity.name, entity.type) for entity in tagged])
    where: dict[str, Counter[int]] = {}
    for entity in tagged:
        where.setdefault(entity.name, Counter()).update(m.paragraph for m in entity.mentions)
    names = [(e.name, where[e.name]) for e in tagged if len(where[e.name]) >= MIN_PARAGRAPHS]
    persons = shared_first_names(spelled.get(e.name, e.name) for e in tagged if e.type == "PERSON")
    return TaggedNames(names, spelled, persons)


def add_names(
    analysis: Analysis,
    pool: list[Candidate],
    found: list[Counter[int]],
    names: Sequence[tuple[str, Counter[int]]],
    spelled: Mapping[str, str] | None = None,
) -> dict[tuple[str, ...], str]:
    """Add the named entities to the pool as candidates found where they are mentioned; return
    their keys with the name to write: another spelling of a person (``spelled``) is written
    as the person's name. A name whose phrase is already a candidate adds only
    its mentions by other forms (a surname alone) to that candidate's paragraphs."""
    position = {c.keys: i for i, c in enumerate(pool)}
    written: dict[tuple[str, ...], str] = {}
    for name, where in names:
        words = [analysis.classifier.word(w) for w in name.split()]
        keys = tuple(w.key for w in words if w is not None)
        if not keys or any(k not in analysis.keyness for k in keys if k[0] != JOINER_MARK):
            continue
        i = position.get(keys)
        if i is None:
            candidate = Candidate(keys, sum(where.values()), phrase_weight(keys, analysis.keyness))
            candidate.free = candidate.count
            candidate.score = phrase_score(candidate, analysis.counts, analysis.keyness)
            if candidate.score <= 0:
                continue
            i = position[keys] = len(pool)
            pool.append(candidate)
        for number, times in where.items():
            found[number][i] = max(found[number][i], min(times, NAME_TIMES))
        written[keys] = (spelled or {}).get(name, name)
    return written
