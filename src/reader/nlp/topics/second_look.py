"""A second look: themes added to a list the first pass left short.

The first pass starts at most twice as many themes as it reports (`themes.build_index`), best
candidates first; where the text spells one subject many ways («جبل إفرست», «جبل إيفرست»,
«أعلى جبل», «قمة الجبل»), those starts are spent on it, most are merged away when named, and
the list comes out short: wiki-everest had three themes of seven. The second look groups the
same pool with room for more starts (`WIDER`) and adds, after the first pass's themes (which
keep their rank, paragraphs and paragraph assignment), the new themes that are a subject of
their own:

- found in two paragraphs or more: a theme found by looking further, in one paragraph, is a
  passing mention («الهيئة», «الخطوة»);
- in no paragraph whose main theme is a narrower first-pass theme (one holding at most
  `BROAD_SHARE` of the paragraphs): there it is a facet of that theme, most often another
  name for it («الفحص» where «التشخيص» is main, «بريتون وودز» where «الحرب العالمية الثانية»
  is). A broad theme, the text's subject («سرطان الجلد» over a report on skin cancer), has
  its own subjects inside it («العلاج»).

Where a paragraph's main theme on the second look is an added theme, that becomes its main
theme and its first-pass main theme its second. Tune (16 texts): recall@8 0.69 → 0.72
(«العلاج» in news-06, «الكتلة الأرضية» in wiki-everest, «المد والجزر» in wiki-sea), label
precision 0.92 and the one duplicate held, paragraph accuracy 0.54 → 0.55; no other tuning text
moved. Only an article's list left short is looked at again, so a text's time grows only
then; a text longer than `segments.LONGEST_ARTICLE` is a book or a collection, whose stretches
of hundreds of paragraphs hold many subjects: looked at again, they took the 10 MB test text
from 12.9 to 22.1 s CPU.
"""

from __future__ import annotations

from array import array

from reader.nlp.topics.model import NO_THEME, TopicIndex, assemble_numbered

__all__ = ["BROAD_SHARE", "WIDER", "second_look"]

WIDER = 4
"""Themes started on the second look, per theme reported (the first pass starts 2). Tune
recall: 3 → 0.70, 4 to 6 → 0.72."""

BROAD_SHARE = 1 / 3
"""A first-pass theme holding more than this share of the paragraphs is broad: an added theme
may share the paragraphs it is main theme of. Tune recall is 0.72 from 0.2 to 0.4; at 0.2
label precision falls to 0.89 («الموارد الحية» beside «الثروات»), at 0.45 recall to 0.71."""

LEAST_PARAGRAPHS = 2
"""An added theme is found in at least this many paragraphs (tune: 1 lets in «الهيئة»,
«الخطوة» and «جهاز المناعة», one paragraph each: precision 0.90; 3 loses the three themes
the second look finds)."""


def second_look(first: TopicIndex, wider: TopicIndex, limit: int) -> TopicIndex:
    """``first`` with the themes of ``wider`` (the same text grouped with more starts) that
    are subjects of their own added after its themes, up to ``limit`` in all (see the module
    docstring)."""
    count = len(first.main_theme)
    broad = BROAD_SHARE * count
    had = {topic.label for topic in first.topics}
    narrow_mains = {
        paragraph
        for topic in first.topics
        if len(topic.paragraphs) <= broad
        for paragraph in topic.main_paragraphs
    }
    added = [
        position
        for position, topic in enumerate(wider.topics)
        if topic.label not in had
        and len(topic.paragraphs) >= LEAST_PARAGRAPHS
        and not narrow_mains.intersection(topic.paragraphs)
    ][: limit - len(first.topics)]
    if not added:
        return first
    topics = [*first.topics, *(wider.topics[p] for p in added)]
    number = {p: len(first.topics) + n for n, p in enumerate(added)}
    main = array("i", (NO_THEME if t is None else t for t in first.main_theme))
    second = array("i", (NO_THEME if t is None else t for t in first.second_theme))
    for paragraph, theme in enumerate(wider.main_theme):
        if theme in number:
            second[paragraph] = main[paragraph]
            main[paragraph] = number[theme]
    lowest = min((topic.score for topic in first.topics), default=1.0)
    scores = [
        *(topic.score for topic in first.topics),
        *(min(topic.score, lowest) for topic in topics[len(first.topics) :]),
    ]
    return assemble_numbered(
        [topic.label for topic in topics],
        scores,
        main,
        second,
        [topic.paragraphs for topic in topics],
    )
