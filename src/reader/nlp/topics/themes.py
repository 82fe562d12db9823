"""Themes: groups of paragraphs that speak of one thing, each with its label.

From the ranked candidate phrases (`candidates`), in linear passes:

1. *Where*: the paragraphs each of the best candidates (a pool a few times the number of
   themes wanted) occurs in, and how often.
2. *Group*: candidates are taken best first into themes: variants, parts and near-synonyms
   of a theme's head join it (`grouping`).
3. *Label* (`naming`): each theme is named by the best written form of its phrases that a
   reader would put in a table of contents (`labels`); a theme with no such form is dropped,
   and a theme whose label names what a better theme's label names (same stems, one label inside the
   other, or only an adjective shared that is not all over the text: «اللقاحات الحيوانية»,
   «انتشار الأمراض الحيوانية», or a word the text pairs with its label: «الرجال والنساء»,
   or an other-language name an article's lead gives its subject: «ساجارماثا» for «جبل
   إفرست», `aliases`, or, in a longer text, a bare noun found only where a better one is:
   «الألحان» in «الأغنية», `nesting`; or a bare noun the text writes as possessed by a name,
   found only in the name's paragraphs: «مستخدمي الخدمة» for «واتس آب», `possessions`) is
   merged into it; the commoner phrase names the merged theme (a name keeps naming its theme).
4. *Assign* (`assignment`): each paragraph weighs the themes it mentions (keyness of the
   phrases found, times how few paragraphs the theme spreads over, like tf-idf); the heaviest
   is its main theme, the next its second when it weighs at least
   `assignment.SECOND_SHARE` as much. Dropped: a theme that is no paragraph's main theme
   (only ever second; a short text keeps one, `assignment._lede`), one found in one
   paragraph of a longer text (a passing mention), one whose label shares a stem with a
   better theme's (`labels.facets`). Ranked by the paragraphs held and salience, a theme
   holds those that mention it (in a longer text, those `NEAR_HELD` where it is main or
   second theme). In a short text a lone word of the text's subject only echoes a theme it
   qualifies (`_echoes`): it adds weight where the theme is named, and is no mention of it
   elsewhere; and the occasion a short report opens with and comes back to is kept though
   no paragraph's main theme (`assignment._lede`), as the second theme where a paragraph
   has none.

A long plain text under a title line is read as an article of sections (`segments`): a list's
lead names its short lines (`lists`), phrases concentrated in one stretch join the pool, the
title keeps apart what only shares its dependent nouns or is another of its kind, a pervasive
theme yields where it is named less than on average, and a theme left with one paragraph is
dropped.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence

from reader.nlp.topics.assignment import assign
from reader.nlp.topics.candidates import Analysis, Candidate
from reader.nlp.topics.flat import FlatText
from reader.nlp.topics.fullnames import FullNames
from reader.nlp.topics.grouping import SYNONYM_MIN_PARAGRAPHS, group_pool
from reader.nlp.topics.labels import (
    facets,
    label_key,
    pervasive_keys,
)
from reader.nlp.topics.lists import list_sections
from reader.nlp.topics.model import TopicIndex
from reader.nlp.topics.names import add_names
from reader.nlp.topics.naming import name_themes
from reader.nlp.topics.persons import two_people
from reader.nlp.topics.second_look import WIDER, second_look
from reader.nlp.topics.sections import two_sections
from reader.nlp.topics.segments import (
    LONGEST_ARTICLE,
    concentrated,
    name_by_title,
    title_of,
)
from reader.nlp.topics.words import phrases

__all__ = ["build_index", "theme_limit"]

POOL_FACTOR = 6
"""How many candidates per wanted theme are looked at."""

FIRST_STARTS = 2
"""Themes started per theme reported: the pool's best candidates beyond variants of a started
theme; a list left short gets a `second_look`."""

NEAR_HELD = 1
"""In a longer plain text (a heading's section keeps all its paragraphs) a theme's paragraphs
are its mentions at most this far from one it is main or second theme of (tune recall 0.58 →
0.59; 0, those paragraphs only: 0.53)."""

ECHO_SPREAD = 0.75
"""In a short text, a key found in more than this share of the paragraphs is the text's
subject; as a lone word it only echoes a theme it qualifies (`_echoes`). Tune: any value from
0.6 to 0.9 gives the same figures (recall 0.66 → 0.68); at 0.5 «الدولي» also echoes and
«المعرض الدولي» comes back as a second name of the exhibition."""


def theme_limit(paragraph_count: int) -> int:
    """How many themes to report: 3–8 for an article, more for a book-length text."""
    return max(3, min(150, round(1.5 * math.sqrt(paragraph_count)) + 2))


def build_index(
    paragraphs: Sequence[str],
    analysis: Analysis,
    names: Sequence[tuple[str, Counter[int]]] = (),
    headings: Sequence[tuple[str, Counter[int]]] = (),
    spelled: Mapping[str, str] | None = None,
    first_names: frozenset[str] = frozenset(),
) -> TopicIndex:
    """The themes of a document and each paragraph's main and second theme; ``names`` are
    named entities with their mentions per paragraph (`names.entity_names`), ``headings`` the
    headings with their sections' paragraphs (`sections.heading_sections`); both are written
    as given, and a theme holding a heading's phrase is named by the heading first;
    ``spelled`` maps a person's other spellings to the name, and ``first_names`` (folded),
    shared by two tagged people, label nothing alone (`names.tagged_names`)."""
    limit = theme_limit(len(paragraphs))
    pool = [c for c in analysis.candidates[: POOL_FACTOR * limit] if c.score > 0]
    # A long plain text under a title line is an article of sections (`segments`).
    title = None if headings else title_of(paragraphs, analysis.language)
    lists = list_sections(paragraphs, analysis) if title else []
    listed = {c.keys: c for c, _ in lists}
    pool = [c for c in pool if c.keys not in listed]  # a list's name starts a theme
    local = concentrated(analysis, [*pool, *listed.values()], limit) if title else []
    local = [*listed.values(), *local]
    pool += local
    local_at = range(len(pool) - len(local), len(pool))
    found = _occurrences(analysis, pool)
    _add_sections(found, pool, lists)
    written = add_names(analysis, pool, found, [*names, *headings], spelled)
    titled = {k for k, name in written.items() if any(name == h for h, _ in headings)}
    where = _paragraph_sets(found, len(pool))
    pervasive = pervasive_keys(analysis.chunked)
    document = FlatText(paragraphs)  # one flattened copy for the side-by-side label rules

    def themes(starts: int) -> TopicIndex:
        """Steps 2 to 4, starting at most ``starts`` themes per theme reported."""
        groups = group_pool(
            pool, where, limit * starts, len(paragraphs), local_at, limit, analysis.language
        )
        members = [[pool[i] for i in group] for group in groups]
        labels, members = name_themes(
            paragraphs,
            document,
            analysis,
            members,
            where,
            pool,
            written,
            titled,
            pervasive,
            title,
            first_names,
        )
        if title is not None:
            labels = name_by_title(paragraphs[0], title, labels, analysis.language)
        # The tagger's names (headings aside). «محمد أحمد عيسى», written after «[الشيخ] إمام», is
        # the rest of his name (`fullnames`); two people sharing a word are no facets of one
        # another (`persons`).
        people = frozenset(n for k, n in written.items() if k not in titled)
        labels, members = FullNames(document).merge(labels, members, people.__contains__)
        language = analysis.language
        headed = frozenset(written[k] for k in titled)
        overlaps = [
            frozenset(
                o
                for o in others
                if not two_people(labels[t], labels[o], people, language)
                and not two_sections(labels[t], labels[o], headed, language)
            )
            for t, others in enumerate(facets(labels, pervasive, language))
        ]
        near = NEAR_HELD if not headings and len(paragraphs) >= SYNONYM_MIN_PARAGRAPHS else None
        article = title is not None
        echoes = (
            _echoes(members, labels, analysis)
            if len(paragraphs) < SYNONYM_MIN_PARAGRAPHS
            else frozenset()
        )
        return assign(
            len(paragraphs), found, pool, members, labels, limit, overlaps, near, article, echoes
        )

    first = themes(FIRST_STARTS)
    if len(first.topics) >= limit or len(paragraphs) > LONGEST_ARTICLE:
        return first  # a book's or collection's stretch: no second look (`second_look`)
    return second_look(first, themes(WIDER), limit)


def _echoes(
    members: list[list[Candidate]], labels: list[str], analysis: Analysis
) -> frozenset[tuple[str, ...]]:
    """The members of a short text's themes that only echo the text's subject: a single key
    found in more than `ECHO_SPREAD` of the paragraphs that is a word of its theme's label
    other than the head noun (the first word). «الأمن», in every paragraph of an article on
    security, joins «التحديات الأمنية»; a paragraph naming only «الأمن» does not speak of
    security challenges (`assignment._pick` weighs an echo only where its theme is named
    otherwise)."""
    spread: Counter[str] = Counter()
    for paragraph in analysis.chunked:
        spread.update({key for chunk in paragraph for key in chunk})
    most = ECHO_SPREAD * len(analysis.chunked)
    pervasive = {key for key, n in spread.items() if n > most}
    echoes: set[tuple[str, ...]] = set()
    for group, label in zip(members, labels, strict=True):
        words = label.split()
        qualifiers = label_key(label, analysis.language) - label_key(words[0], analysis.language)
        echoes.update(
            m.keys for m in group if len(m.stems) == 1 and m.stems <= pervasive & qualifiers
        )
    return frozenset(echoes)


def _add_sections(
    found: list[Counter[int]], pool: list[Candidate], sections: list[tuple[Candidate, Counter[int]]]
) -> None:
    """Count, in place, each section's phrase (a pool candidate) at least as often as the
    section says in each of its paragraphs (`lists.list_sections`)."""
    position = {c.keys: i for i, c in enumerate(pool)}
    for candidate, where in sections:
        i = position[candidate.keys]
        for number, times in where.items():
            found[number][i] = max(found[number][i], times)


def _occurrences(analysis: Analysis, pool: list[Candidate]) -> list[Counter[int]]:
    """Per paragraph, how often each pool candidate (by position) occurs in it."""
    position = {c.keys: i for i, c in enumerate(pool)}
    found: list[Counter[int]] = []
    for paragraph in analysis.chunked:
        local: Counter[int] = Counter()
        for keys in paragraph:
            for first, stop in phrases(keys):
                i = position.get(keys[first:stop])
                if i is not None:
                    local[i] += 1
        found.append(local)
    return found


def _paragraph_sets(found: list[Counter[int]], size: int) -> list[set[int]]:
    where: list[set[int]] = [set() for _ in range(size)]
    for number, local in enumerate(found):
        for i in local:
            where[i].add(number)
    return where
