"""Lists: a lead line ending with a colon names the short lines that follow it.

An encyclopaedia article lists a section's points as short lines under a lead sentence that
names them: «... ان يؤدي إلى ظهور الاعراض التالية:» and six symptoms, one a line, in
wiki-iodine. The items share no word, so no phrase recurs over the section and the finder
never sees its subject; and «الاعراض», named in the lead and once before, ranks too low to
start a theme. So in an article (`segments`) each lead makes its list a section: the best
candidate phrase of the lead's last chunk (the words right before the colon: «الاعراض» of
«ظهور الاعراض التالية») is found `LIST_TIMES` times in the lead and in each item, and starts a
theme of its own (`themes.build_index` puts it first among the concentrated candidates).

A lead is a paragraph ending with «:» followed by at least `MIN_ITEMS` paragraphs of at most
`ITEM_WORDS` words each (wikiextractor drops most lists and keeps the lead: «تتمثل أهداف صندوق
النقد الدولي فيما يلي:» followed by a full paragraph is no list).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from reader.nlp.topics.candidates import Analysis, Candidate
from reader.nlp.topics.words import phrases

__all__ = ["ITEM_WORDS", "LIST_TIMES", "MIN_ITEMS", "list_sections"]

ITEM_WORDS = 20
"""The longest list item, in words."""

MIN_ITEMS = 2
"""The fewest items that make a list."""

LIST_TIMES = 2
"""How many mentions of the lead's phrase the lead and each item count (as a heading's
section does, `sections.SECTION_TIMES`)."""

COLONS = (":", "：")


def list_sections(
    paragraphs: Sequence[str], analysis: Analysis
) -> list[tuple[Candidate, Counter[int]]]:
    """Per list (see the module docstring), the candidate phrase its lead names it by and
    the mentions it adds per paragraph: the lead's and its items'. A phrase of the title's
    words only (¶0: the article's subject, a theme already) names no list."""
    title = {key for chunk in analysis.chunked[0] for key in chunk} if analysis.chunked else set()
    by_keys = {c.keys: c for c in analysis.candidates if c.score > 0 and not set(c.keys) <= title}
    found: list[tuple[Candidate, Counter[int]]] = []
    for lead, text in enumerate(paragraphs):
        if not text.rstrip().endswith(COLONS) or not analysis.chunked[lead]:
            continue
        items = 0
        for item in paragraphs[lead + 1 :]:
            if len(item.split()) > ITEM_WORDS or item.rstrip().endswith(COLONS):
                break
            items += 1
        if items < MIN_ITEMS:
            continue
        chunk = analysis.chunked[lead][-1]
        named = [by_keys[chunk[a:b]] for a, b in phrases(chunk) if chunk[a:b] in by_keys]
        if not named:
            continue
        best = max(named, key=lambda c: (c.score, c.keys))
        section = Counter(dict.fromkeys(range(lead, lead + items + 1), LIST_TIMES))
        found.append((best, section))
    return found
