"""Long documents: themes per stretch of text, gathered into one index.

A book-length document (the 10 MB test text is 1,939 encyclopaedia articles end to end) does
not have one set of themes: what is salient in one stretch is noise in another. So a document
of more than `STRETCH` paragraphs is cut into stretches of about that many paragraphs, each gets
its own themes (keyness against its own counts), and the themes are gathered: one label found
in several stretches is one theme, holding the paragraphs of all of them, its score the sum of
its stretch scores. At most `most_themes` themes are kept, the best; a paragraph whose main
theme was dropped takes its second one as main, if that was kept. Linear in the text, like a
single stretch.
"""

from __future__ import annotations

import itertools
import math
from array import array
from collections.abc import Callable, Sequence

from reader.nlp.normalise import normalise
from reader.nlp.topics.model import NO_THEME, TopicIndex, assemble_numbered

__all__ = ["STRETCH", "by_stretches", "most_themes"]

STRETCH = 600
"""About how many paragraphs one stretch holds."""

THEMES_PER_STRETCH = 40
"""How many themes per stretch the gathered index keeps at most, on average."""


def most_themes(paragraph_count: int) -> int:
    """How many themes a long document keeps: 150, or `THEMES_PER_STRETCH` per stretch."""
    return max(150, THEMES_PER_STRETCH * math.ceil(paragraph_count / STRETCH))


def by_stretches(
    paragraphs: Sequence[str], themes_of: Callable[[Sequence[str], int], TopicIndex]
) -> TopicIndex:
    """The themes of a long document, found by ``themes_of`` stretch by stretch (given each
    stretch and the number of its first paragraph in the document).

    What grows with the document is held in arrays, 4 bytes a number: each paragraph's main
    and second theme, and each theme's paragraphs (a set of int objects took about 60 bytes
    a number, lists 8 bytes a paragraph; one word a line has hundreds of thousands)."""
    count = len(paragraphs)
    pieces = max(1, round(count / STRETCH))
    bounds = [round(i * count / pieces) for i in range(pieces + 1)]
    labels: list[str] = []
    scores: list[float] = []
    spoken: list[array[int]] = []
    ids: dict[str, int] = {}
    main = array("i")
    second = array("i")
    for start, stop in itertools.pairwise(bounds):
        index = themes_of(paragraphs[start:stop], start)
        local: list[int] = []
        for topic in index.topics:
            key = " ".join(normalise(topic.label).split())
            if key not in ids:
                ids[key] = len(labels)
                labels.append(topic.label)
                scores.append(0.0)
                spoken.append(array("i"))
            theme = ids[key]
            scores[theme] += topic.score
            spoken[theme].extend(start + p for p in topic.paragraphs)
            local.append(theme)
        local.append(NO_THEME)  # a paragraph without a theme (None) stays without one
        main.extend([local[NO_THEME if t is None else t] for t in index.main_theme])
        second.extend([local[NO_THEME if t is None else t] for t in index.second_theme])
    kept = set(sorted(range(len(labels)), key=lambda t: (-scores[t], t))[: most_themes(count)])
    for number, (first, other) in enumerate(zip(main, second, strict=True)):
        # Written only where a theme was dropped: most short lines have none to drop.
        if first in kept:
            if other != NO_THEME and other not in kept:
                second[number] = NO_THEME
        elif other in kept:
            main[number], second[number] = other, NO_THEME
        elif first != NO_THEME or other != NO_THEME:
            main[number] = second[number] = NO_THEME
    speaks = [_distinct(p) if t in kept else () for t, p in enumerate(spoken)]
    del spoken
    return assemble_numbered(labels, scores, main, second, speaks)


def _distinct(numbers: array[int]) -> Sequence[int]:
    """A theme's paragraph numbers, ascending, each once: as gathered, unless one stretch
    found the label twice (two of its themes normalise alike)."""
    if all(a < b for a, b in itertools.pairwise(numbers)):
        return numbers
    return sorted(set(numbers))
