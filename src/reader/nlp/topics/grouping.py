"""Grouping candidate phrases into themes (step 2 of `themes`).

Candidates are taken best first. One joins a theme already made when it is a variant of the
theme's head (the same stems in another form or order, a broken plural read as its singular:
«أغان» and «الأغنية», `lexicon.singular_keys`), a part or an extension of it that
mostly occurs with it («واتس» in «واتس آب»), or a near-synonym that covers the same paragraphs
(Jaccard of the paragraph sets ≥ `SYNONYM_JACCARD`: «المرض» beside «سرطان الجلد»); otherwise
it starts a theme.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from reader.nlp.topics.candidates import Candidate
from reader.nlp.topics.lexicon import singular_keys

__all__ = ["SYNONYM_MIN_PARAGRAPHS", "group_pool"]

MERGE_SHARE = 1 / 3
"""A phrase merges into a theme whose head contains it (or that it contains) when the rarer of
the two occurs at least this share as often as the other."""

SYNONYM_JACCARD = 0.75
"""A phrase whose paragraphs overlap a theme head's this much (intersection over union) is
another name for that theme."""

SYNONYM_SPREAD = 0.8
"""Only a phrase found in at most this share of the paragraphs can be taken for a synonym: in a
short text where every paragraph speaks of security, covering the same paragraphs says
nothing."""

SYNONYM_MIN_PARAGRAPHS = 12
"""In a text shorter than this, two phrases found in the same two or three paragraphs are a
coincidence more often than synonyms: no merging by paragraphs; and a theme may hold a single
paragraph (in a longer text, that is a passing mention)."""


def group_pool(
    pool: list[Candidate],
    where: list[set[int]],
    most: int,
    paragraph_count: int,
    local: range = range(0),
    most_local: int = 0,
    language: str = "ar",
) -> list[list[int]]:
    """Group the pool into themes, best first (see the module docstring, step 2), starting at
    most ``most``; in a short text, ``most`` headed by single words and ``most`` by phrases, so
    recurring words («مستوى», «تركيا») do not crowd out a phrase ranked lower («كرة القدم»).
    The pool's ``local`` candidates (`segments.concentrated`) come last, in their order, and
    start at most ``most_local`` themes of their own."""
    stems = [singular_keys(candidate.stems, language) for candidate in pool]
    groups: list[list[int]] = []
    by_stem: dict[str, list[int]] = defaultdict(list)
    head_at: dict[int, list[int]] = defaultdict(list)
    """Per paragraph, the themes whose head occurs in it."""
    short = paragraph_count < SYNONYM_MIN_PARAGRAPHS
    singles = 0  # in a short text, themes headed by a single word
    started = 0  # themes started by local candidates
    ranked = sorted((i for i in range(len(pool)) if i not in local), key=lambda i: -pool[i].score)
    for i in [*ranked, *local]:  # names come last among the ranked
        candidate = pool[i]
        home = variant_of(i, groups, pool, stems, by_stem)
        if home is None:
            home = synonym_of(where[i], groups, where, head_at, paragraph_count)
        single = len(candidate.stems) == 1
        if home is not None:
            groups[home].append(i)
        elif (
            started < most_local
            if i in local
            else (singles if single and short else len(groups) - singles - started) < most
        ):
            singles += single and short and i not in local
            started += i in local
            for key in stems[i]:
                by_stem[key].append(len(groups))
            for number in where[i]:
                head_at[number].append(len(groups))
            groups.append([i])
    return groups


def variant_of(
    i: int,
    groups: list[list[int]],
    pool: list[Candidate],
    stems: list[frozenset[str]],
    by_stem: dict[str, list[int]],
) -> int | None:
    """The theme the pool's candidate ``i`` is a variant, part or extension of, if any;
    ``stems`` are the candidates' stems with broken plurals read as singulars."""
    candidate, mine = pool[i], stems[i]
    for index in sorted({g for key in mine for g in by_stem.get(key, ())}):
        head = pool[groups[index][0]]
        theirs = stems[groups[index][0]]
        if mine == theirs:
            return index
        if (mine < theirs or theirs < mine) and min(
            candidate.count, head.count
        ) >= MERGE_SHARE * max(candidate.count, head.count):
            return index
    return None


def synonym_of(
    mine: set[int],
    groups: list[list[int]],
    where: list[set[int]],
    head_at: dict[int, list[int]],
    paragraph_count: int,
) -> int | None:
    """The theme whose head covers nearly the same paragraphs as ``mine``, if any."""
    if (
        paragraph_count < SYNONYM_MIN_PARAGRAPHS
        or len(mine) < 2
        or len(mine) > SYNONYM_SPREAD * paragraph_count
    ):
        return None
    shared: Counter[int] = Counter()
    for number in mine:
        shared.update(head_at.get(number, ()))
    for index, common in shared.most_common():
        theirs = len(where[groups[index][0]])
        if common / (len(mine) + theirs - common) >= SYNONYM_JACCARD:
            return index
    return None
