"""Sections: a structured document's headings as evidence for its themes.

A heading (block kind "heading" in a Markdown, HTML or EPUB document) starts a section that runs
to the next heading, and a section is a natural boundary for themes: its paragraphs speak of
what the heading names. So each heading whose words make a label (one to `MAX_WORDS` words,
numbering and punctuation dropped) becomes a theme candidate found in every paragraph of its
section, `SECTION_TIMES` times, written as the heading writes it; the theme finder then groups,
labels and assigns it like any other candidate (`themes.build_index`). A theme may still recur
across sections through its own phrases. The title is no section: it names the whole document.

A plain text converted from a web page or a manual keeps its headings as bare lines
(`plain_headings`: short, unpunctuated, followed by a longer paragraph, at least
`MIN_HEADINGS` of them), read the same way. Two headings sharing a word («خيارات سطر الأوامر»,
«خيارات البيئة») name two sections, not one theme (`two_sections`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from reader.nlp.topics.labels import label_key

__all__ = [
    "MAX_WORDS",
    "MIN_HEADINGS",
    "SECTION_TIMES",
    "heading_sections",
    "plain_headings",
    "two_sections",
    "without_qualifier",
]

MAX_WORDS = 5
"""The longest heading (in words) taken as a label."""

SECTION_TIMES = 2
"""How many mentions of the heading's phrase each paragraph of its section counts: more than
one passing mention, so the section's subject tends to be its paragraphs' main theme, but not
so many that a paragraph clearly about something else loses its own theme."""

MIN_HEADINGS = 3
"""How many heading lines a plain text needs before they are read as its sections' headings
(`plain_headings`): one or two short lines in an article are a list's items or a verse."""

_SENTENCE_END = tuple(".:؛;،,!؟?")
_ARABIC_START = re.compile("^[\u0621-\u064a]")

_NOT_WORD = re.compile(r"[^\w\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]+")
_NUMBERING = re.compile(r"^[\d\u0660-\u0669\u06f0-\u06f9.\-)(:]+$")


_QUALIFIER = re.compile(r"\s*\([^()]*\)\s*$")
"""A parenthesised qualifier ending a title: Wikipedia's disambiguation («بارا (مدينة)», Bara
the town; «هولندا (مقاطعة)», the province), a heading's dates («الحرب (1914–1918)»)."""


def without_qualifier(text: str) -> str:
    """A title or heading without the parenthesised qualifier that ends it: no part of the
    subject's name («بارا (مدينة)» labelled its theme «بارا مدينة»). A line that is only a
    parenthesis is left whole."""
    bare = _QUALIFIER.sub("", text)
    return bare if bare.strip() else text


def heading_label(text: str) -> str | None:
    """The heading's words as a label (numbering such as «2.», a final qualifier in parentheses
    and punctuation dropped), or None when it has no word or more than `MAX_WORDS`."""
    text = without_qualifier(text)
    words = [_NOT_WORD.sub("", w) for w in text.split() if not _NUMBERING.match(w)]
    words = [w for w in words if w and not w.isdigit()]
    if not words or len(words) > MAX_WORDS:
        return None
    return " ".join(words)


def heading_sections(
    paragraphs: Sequence[str], kinds: Sequence[str]
) -> list[tuple[str, Counter[int]]]:
    """Per heading that makes a label, the label and the paragraphs of its section (the
    heading's own and the non-empty ones up to the next heading), each counted
    `SECTION_TIMES` times; none without headings. ``kinds`` are the blocks' kinds, as long as
    ``paragraphs``."""
    sections: list[tuple[str, Counter[int]]] = []
    current: Counter[int] | None = None
    for number, (text, kind) in enumerate(zip(paragraphs, kinds, strict=True)):
        if kind == "heading":
            label = heading_label(text)
            current = Counter() if label is not None else None
            if label is not None and current is not None:
                sections.append((label, current))
        elif kind == "title":
            current = None
        if current is not None and text.strip():
            current[number] = SECTION_TIMES
    return [(label, where) for label, where in sections if len(where) > 1]


def plain_headings(paragraphs: Sequence[str]) -> list[str]:
    """The blocks' kinds of a plain text whose headings were kept as bare lines (a web page
    or a manual converted to text, such as the MDN page of mixed-03: «خيارات سطر الأوامر»
    over its options): "heading" for a line of one to `MAX_WORDS` words after the first,
    starting with an Arabic letter, ending without sentence punctuation, not introduced by a
    colon (a command shown after «باستخدام الأمر:») and followed by a longer paragraph;
    "paragraph" for the others. All "paragraph" unless the text has `MIN_HEADINGS` such
    lines."""
    kinds = ["paragraph"] * len(paragraphs)
    for number in range(1, len(paragraphs) - 1):
        text = paragraphs[number].strip()
        words = len(text.split())
        if (
            1 <= words <= MAX_WORDS
            and _ARABIC_START.match(text)
            and not text.endswith(_SENTENCE_END)
            and not paragraphs[number - 1].rstrip().endswith(":")
            and len(paragraphs[number + 1].split()) > words
        ):
            kinds[number] = "heading"
    return kinds if kinds.count("heading") >= MIN_HEADINGS else ["paragraph"] * len(paragraphs)


def two_sections(label: str, other: str, headings: frozenset[str], language: str) -> bool:
    """Whether two labels are two sections' headings that name two things though they share a
    word: «خيارات سطر الأوامر» and «خيارات البيئة» (command-line and environment options,
    mixed-03) are two sections, while «معبد ديبود» inside «معبد ديبود بمدريد» names one."""
    if label not in headings or other not in headings:
        return False
    mine, theirs = label_key(label, language), label_key(other, language)
    return not (mine <= theirs or theirs <= mine)
