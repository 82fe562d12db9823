"""Assigning themes to paragraphs (step 4 of `themes`): each paragraph's main and second
theme, the paragraphs each theme holds, and the themes' rank.

Each paragraph weighs the themes it mentions (keyness of the phrases found, times how few
paragraphs the theme spreads over, like tf-idf); the heaviest is its main theme, the next its
second when it weighs at least `SECOND_SHARE` as much. Kept apart from `themes`, which finds
and labels the themes, because this step only weighs what was found.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence

from reader.nlp.topics.candidates import Candidate
from reader.nlp.topics.grouping import SYNONYM_MIN_PARAGRAPHS
from reader.nlp.topics.model import TopicIndex, assemble
from reader.nlp.topics.segments import ARTICLE_SALIENCE_WEIGHT, damp_pervasive, near_held

__all__ = ["assign"]

SALIENCE_WEIGHT = 1.5
"""How much the document-wide salience of a theme's phrases counts in its rank, beside the
paragraphs it holds."""

RARITY_POWER = 1.5
"""How much a theme's rarity over the paragraphs weighs in choosing a paragraph's main theme
(tf-idf: 1; raw weight: 0)."""

SECOND_SHARE = 0.5
"""A paragraph's second theme weighs at least this share of its main theme."""

SPEAKS_SHARE = 0.0
"""A paragraph speaks of a theme (is one of the theme's paragraphs) when the theme weighs at
least this share of the paragraph's main theme there. 0, any mention, matched the gold best
(theme recall 0.49 at 0.25 and above, 0.54 at 0)."""


def assign(
    count: int,
    found: list[Counter[int]],
    pool: list[Candidate],
    members: list[list[Candidate]],
    labels: list[str],
    limit: int,
    facets: Sequence[frozenset[int]] = (),
    near: int | None = None,
    article: bool = False,
    echoes: frozenset[tuple[str, ...]] = frozenset(),
) -> TopicIndex:
    """Give each paragraph its main and second theme and build the index (step 4). Themes
    are ranked by the paragraphs they hold: the weight of their main paragraphs, and half
    that of their second ones; only the best `limit` are kept, and the paragraphs assigned
    again among those. A paragraph where a theme is found only by ``echoes`` (`themes._echoes`)
    holds nothing of it."""
    phrase_scores = [sum(m.score for m in g if m.stems == g[0].stems) for g in members]
    main, second, owned, speaks = _pick(count, found, pool, members, phrase_scores, article, echoes)
    salience = ARTICLE_SALIENCE_WEIGHT if article else SALIENCE_WEIGHT
    rank = _rank(owned, phrase_scores, salience)
    order = sorted(range(len(members)), key=lambda t: (-rank[t], t))
    mains = set(main)
    lede = _lede(count, order, mains, speaks) if count < SYNONYM_MIN_PARAGRAPHS else None
    if lede is not None:
        mains.add(lede)
    least = 2 if count >= SYNONYM_MIN_PARAGRAPHS else 1  # no passing mention in a long text
    order = [
        t for t in order if (owned[t] > 0 or t == lede) and t in mains and len(speaks[t]) >= least
    ]
    kept: list[int] = []
    for t in order:
        if not (facets and facets[t] & set(kept)):
            kept.append(t)
    order = kept[:limit]
    for _ in range(2):  # in an article, again without the themes left with one paragraph
        members = [members[t] for t in order]
        labels = [labels[t] for t in order]
        phrase_scores = [phrase_scores[t] for t in order]
        main, second, owned, speaks = _pick(
            count, found, pool, members, phrase_scores, article, echoes
        )
        if near is not None:
            speaks = near_held(speaks, main, second, near)
        if lede in order:
            second = _second_to(order.index(lede), main, second, speaks)
        order = [t for t, ps in enumerate(speaks) if len(ps) >= least or not article]
        if len(order) == len(members):
            break
    return assemble(labels, _rank(owned, phrase_scores, salience), main, second, speaks)


def _lede(
    count: int, order: list[int], mains: set[int | None], speaks: list[list[int]]
) -> int | None:
    """The best ranked theme of a short text that is no paragraph's main theme yet is found
    in its first paragraph and in at least half of them: the occasion a news report opens
    with and comes back to («الزيارة» in the default article, ¶1, 2, 6, 7), too common a
    word to outweigh any paragraph's own subject. Kept as a theme (`_second_to`); only
    the best such one (the next, «المعرض الدولي», names again the exhibition that «تجهيزات
    الأمن الداخلي» names)."""
    return next(
        (t for t in order if t not in mains and 0 in speaks[t] and 2 * len(speaks[t]) >= count),
        None,
    )


def _second_to(
    theme: int, main: list[int | None], second: list[int | None], speaks: list[list[int]]
) -> list[int | None]:
    """``second`` with ``theme`` as the second theme of the paragraphs that speak of it and
    have none (and are not its own)."""
    held = set(speaks[theme])
    return [
        theme if other is None and number in held and first != theme else other
        for number, (first, other) in enumerate(zip(main, second, strict=True))
    ]


def _rank(owned: list[float], salience: list[float], weight: float) -> list[float]:
    """A theme's rank: the paragraphs it holds and the salience of its phrases in the whole
    document, each relative to the best, the salience weighed by ``weight`` (the subject of a
    text is spread over all its paragraphs and holds few of them as main theme)."""
    top_owned = max(owned, default=0.0) or 1.0
    top_salience = max(salience, default=0.0) or 1.0
    return [o / top_owned + weight * s / top_salience for o, s in zip(owned, salience, strict=True)]


def _pick(
    count: int,
    found: list[Counter[int]],
    pool: list[Candidate],
    members: list[list[Candidate]],
    scores: list[float],
    article: bool = False,
    echoes: frozenset[tuple[str, ...]] = frozenset(),
) -> tuple[list[int | None], list[int | None], list[float], list[list[int]]]:
    """Each paragraph's main and second theme, the weight each theme holds, and the
    paragraphs that speak of each theme (it weighs at least `SPEAKS_SHARE` of the main
    theme there). A theme found in a paragraph only by its ``echoes`` is not found there.
    In an ``article`` (`segments`) a pervasive theme yields where it is named less than on
    average (`segments.damp_pervasive`)."""
    position = {c.keys: i for i, c in enumerate(pool)}
    theme_of: dict[int, int] = {}
    for t, group in enumerate(members):
        for m in group:
            theme_of.setdefault(position[m.keys], t)
    spread = [0] * len(members)
    weights: list[dict[int, float]] = []
    for local in found:
        weight: dict[int, float] = defaultdict(float)
        names: set[int] = set()
        for i, times in local.items():
            home = theme_of.get(i)
            if home is not None:
                weight[home] += times * pool[i].weight
                if pool[i].keys not in echoes:
                    names.add(home)
        for t in set(weight) - names:
            del weight[t]
        for t in weight:
            spread[t] += 1
        weights.append(weight)
    if article:
        damp_pervasive(weights, spread)
    rarity = [math.log(1 + count / max(1, s)) ** RARITY_POWER for s in spread]
    main: list[int | None] = []
    second: list[int | None] = []
    owned = [0.0] * len(members)
    speaks: list[list[int]] = [[] for _ in members]
    for number, weight in enumerate(weights):
        ranked = sorted(weight, key=lambda t: (-weight[t] * rarity[t], -scores[t], t))
        best: int | None = ranked[0] if ranked else None
        runner = ranked[1] if len(ranked) > 1 else None
        if best is not None:
            top = weight[best] * rarity[best]
            owned[best] += top
            if runner is not None:
                held = weight[runner] * rarity[runner]
                if held < SECOND_SHARE * top:
                    runner = None
                else:
                    owned[runner] += held / 2
            for t in ranked:
                if weight[t] * rarity[t] >= SPEAKS_SHARE * top:
                    speaks[t].append(number)
        main.append(best)
        second.append(runner)
    return main, second, owned, speaks
