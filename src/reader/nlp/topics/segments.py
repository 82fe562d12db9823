"""Long articles (`LONG_TEXT` to `LONGEST_ARTICLE` paragraphs of plain text under a title
line): themes where they are discussed.

An encyclopaedia article is built of sections, each about one subject, and the finder built
for news groups by phrases shared across the whole text: the article's pervasive phrase
swallows every paragraph it is named in, and the sections' subjects, named by phrases that
recur inside one stretch only, never make a theme. The rules below were each measured on the
tuning gold (wiki-iodine, wiki-sheikh-imam, wiki-stalingrad, wiki-imf); a news text, whose
first line is a headline of more than `TITLE_WORDS` words, is read as before:

- *Title*: a short first line is the article's title (wikiextractor keeps it as ¶0). A label
  that shares a noun with the title but not its head noun (the first word: «نقص هرمون الغدة
  الدرقية» beside «متلازمة نقص اليود الخلقي») names another subject and is not merged into
  the title's theme (`apart_from_title`); one sharing the head («أعمال الصندوق» beside
  «صندوق النقد الدولي») is still a facet of the subject. A label that starts with a part of
  the title and goes on with a word the title lacks is another of its kind («الشيخ الحريري»,
  his teacher, beside «الشيخ» under «الشيخ إمام») and is not merged into that part
  (`another_of_title_kind`). When no label is the title, the best theme holding the title's
  head noun is named by the title line (`name_by_title`).
- *Concentrated phrases*: each candidate phrase is also weighed by its densest window of
  paragraphs (`window_size`): its occurrences there, times the share of all its occurrences
  that window holds (a phrase spread evenly scores little), times its weight. The best join
  the pool with their own quota of themes (`concentrated`), so «السجن» (four paragraphs of
  wiki-sheikh-imam) is looked at beside the names that run through the whole article.
- *Pervasive themes*: a theme found in more than `PERVASIVE_SHARE` of the paragraphs weighs
  `PERVASIVE_DAMPING` as much in a paragraph where it is named less than on average
  (`damp_pervasive`): it stays the main theme where it is discussed, and yields elsewhere.
- *Rank*: a theme's rank counts the paragraphs it holds more, and its salience over the
  whole text less, than in a news text (`ARTICLE_SALIENCE_WEIGHT`).
- *Passing mentions*: a theme left with a single paragraph once paragraphs are assigned is
  dropped, and the paragraphs assigned again without it.

Any longer plain text (an article or not) also keeps a theme's paragraphs near where it is
held: its mentions within `near` paragraphs of one it is the main or second theme of
(`near_held`), not every mention.

Everything is one pass over the chunks, linear like the rest of the finder.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from reader.nlp.topics.candidates import Analysis, Candidate
from reader.nlp.topics.labels import label_key
from reader.nlp.topics.lexicon import label_fault
from reader.nlp.topics.sections import heading_label, without_qualifier
from reader.nlp.topics.words import phrases

__all__ = [
    "ARTICLE_SALIENCE_WEIGHT",
    "LONGEST_ARTICLE",
    "LONG_TEXT",
    "PERVASIVE_DAMPING",
    "PERVASIVE_SHARE",
    "Title",
    "another_of_title_kind",
    "apart_from_title",
    "concentrated",
    "damp_pervasive",
    "name_by_title",
    "near_held",
    "title_of",
    "window_size",
    "without_title_qualifier",
]

LONG_TEXT = 12
"""A text of at least this many paragraphs is read as an article of sections."""

LONGEST_ARTICLE = 300
"""A text of more paragraphs is a book or a collection, not one article (the 10 MB test
text's stretches of about 600 paragraphs hold dozens of articles each)."""

TITLE_WORDS = 5
"""A first paragraph of at most this many words is the article's title."""

TITLE_CHARACTERS = 300
"""A first line longer than this (in characters) is no title, whatever its words: checked
before the line is split, so a document of one long line is not held word by word."""

PERVASIVE_SHARE = 0.5
"""A theme named in more than this share of the paragraphs is pervasive (tune: 0.3 and 0.5
gave the same recall; 0.5 kept news-06's paragraph themes better)."""

PERVASIVE_DAMPING = 0.3
"""What a pervasive theme weighs, as a share, where it is named less than on average (0.1
lost wiki-iodine's «نقص هرمون الغدة الدرقية»: it was no longer main where it is
discussed)."""

ARTICLE_SALIENCE_WEIGHT = 0.5
"""In an article, how much the salience of a theme's phrases over the whole text counts in
its rank beside the paragraphs it holds (`assignment.SALIENCE_WEIGHT`, 1.5, for other texts): a
section's subject holds its stretch, while the names that run through every section are
salient everywhere (wiki-stalingrad: «سلاح الجو الألماني» enters the top 8; 0.25 and 0.5
measured the same on the tuning texts, 0.75 and above as 1.5)."""

Title = tuple[str, frozenset[str]]
"""A title's head stem (its first word's) and all its stems."""


def window_size(paragraph_count: int) -> int:
    """How many paragraphs a section is taken to span, about: an eighth of the text, at
    least three."""
    return max(3, paragraph_count // 8)


def without_title_qualifier(paragraphs: Sequence[str]) -> Sequence[str]:
    """The paragraphs with the qualifier in parentheses that ends a first line of title length
    (`TITLE_WORDS`) dropped: «بارا (مدينة)» is the town «بارا», and «مدينة» written there is
    no mention of another theme («مدينة الأبيض» took the title line from «بارا»)."""
    if not paragraphs or len(paragraphs[0]) > TITLE_CHARACTERS:
        return paragraphs  # a long line is never split word by word here (a 2 MB line was)
    if len(paragraphs[0].split()) > TITLE_WORDS:
        return paragraphs
    first = without_qualifier(paragraphs[0])
    return paragraphs if first == paragraphs[0] else [first, *paragraphs[1:]]


def title_of(paragraphs: Sequence[str], language: str) -> Title | None:
    """The head stem and stems of the title of an article (a first paragraph of at most
    `TITLE_WORDS` words in a text of `LONG_TEXT` to `LONGEST_ARTICLE` paragraphs), or None.
    The paragraphs are read as `extract_topics` passes them: a title's qualifier in
    parentheses is already dropped (`without_title_qualifier`)."""
    if not LONG_TEXT <= len(paragraphs) <= LONGEST_ARTICLE:
        return None
    words = paragraphs[0].split()
    if not words or len(words) > TITLE_WORDS:
        return None
    head = label_key(words[0], language)
    stems = label_key(paragraphs[0], language)
    return (next(iter(head)), stems) if len(head) == 1 else None


def apart_from_title(title: Title | None, stems: frozenset[str], other: frozenset[str]) -> bool:
    """Whether two labels' stems name two subjects though they share a noun: one is the title
    and they share none of the title's head (nor does one hold the other)."""
    if title is None or title[1] not in (stems, other) or stems <= other or other <= stems:
        return False
    return title[0] not in stems & other


def another_of_title_kind(title: Title | None, part: str, label: str, language: str) -> bool:
    """Whether ``label`` starts with ``part``, a part of the title, and goes on with a word the
    title does not hold: another of the title's kind («الشيخ الحريري» beside «الشيخ» under
    «الشيخ إمام», his teacher; «معركة الأطلسي» beside «معركة» under «معركة ستالينغراد»), not
    the article's subject named in part. «أعمال الصندوق» starts with no part of «صندوق النقد
    الدولي»: a facet of the subject (`apart_from_title`)."""
    if title is None:
        return False
    words, start = label.split(), part.split()
    if len(words) <= len(start) or not label_key(part, language) <= title[1]:
        return False
    head = [label_key(w, language) for w in words[: len(start)]]
    if head != [label_key(w, language) for w in start]:
        return False
    return not label_key(" ".join(words[len(start) :]), language) <= title[1]


def name_by_title(line: str, title: Title, labels: Sequence[str], language: str) -> list[str]:
    """The labels, the best one holding the title's head noun named by the title ``line``
    when no label is the title already: «الشيخ الحريري» for the theme of «الشيخ إمام», whose
    name the chunker cannot read as a phrase («إمام» folds to the preposition «أمام»)."""
    named = list(labels)
    written = heading_label(line)
    if written is None or label_fault(written, language) is not None:
        return named
    stems = [label_key(label, language) for label in labels]
    if title[1] in stems:
        return named
    for t, keys in enumerate(stems):
        if title[0] in keys:
            named[t] = written
            break
    return named


def concentrated(analysis: Analysis, have: Sequence[Candidate], most: int) -> list[Candidate]:
    """Up to ``most`` candidates not in ``have``, best first by their densest window (see the
    module docstring); none in a short text."""
    count = len(analysis.chunked)
    if count < LONG_TEXT or most <= 0:
        return []
    taken = {c.keys for c in have}
    by_keys = {c.keys: c for c in analysis.candidates if c.keys not in taken and c.score > 0}
    where: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for number, paragraph in enumerate(analysis.chunked):
        for keys in paragraph:
            for first, stop in phrases(keys):
                phrase = keys[first:stop]
                if phrase in by_keys:
                    where[phrase].append(number)
    size = window_size(count)
    scored: list[tuple[float, Candidate]] = []
    for phrase, numbers in where.items():
        best = _densest(numbers, size)
        if best >= 2:
            candidate = by_keys[phrase]
            scored.append((candidate.weight * best * best / len(numbers), candidate))
    scored.sort(key=lambda item: (-item[0], item[1].keys))
    return [c for _, c in scored[:most]]


def _densest(numbers: Sequence[int], size: int) -> int:
    """The most of ``numbers`` (ascending) inside one window of ``size`` consecutive ones."""
    best = low = 0
    for high, number in enumerate(numbers):
        while number - numbers[low] >= size:
            low += 1
        best = max(best, high - low + 1)
    return best


def damp_pervasive(weights: Sequence[dict[int, float]], spread: Sequence[int]) -> None:
    """Lower, in place, a pervasive theme's weight in the paragraphs (``weights``: per
    paragraph, each theme's weight there) where it is named less than on average; ``spread``
    is each theme's number of paragraphs."""
    count = len(weights)
    pervasive = {t for t, s in enumerate(spread) if s > PERVASIVE_SHARE * count}
    if not pervasive:
        return
    total: dict[int, float] = defaultdict(float)
    for weight in weights:
        for t in pervasive & weight.keys():
            total[t] += weight[t]
    for weight in weights:
        for t in pervasive & weight.keys():
            if weight[t] < total[t] / spread[t]:
                weight[t] *= PERVASIVE_DAMPING


def near_held(
    speaks: list[list[int]], main: list[int | None], second: list[int | None], near: int
) -> list[list[int]]:
    """Each theme's paragraphs within ``near`` of one it is main or second theme of."""
    close: list[set[int]] = [set() for _ in speaks]
    for number, theme in [*enumerate(main), *enumerate(second)]:
        if theme is not None:
            close[theme].update(range(number - near, number + near + 1))
    return [[p for p in ps if p in close[t]] for t, ps in enumerate(speaks)]
