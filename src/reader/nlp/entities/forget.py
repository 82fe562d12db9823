"""Forget the words the entity tagger remembered, once a document is tagged.

Tagging memoises per-word work: folded forms and clitics, the foreign-name score, function
words, the name memory's keys, the word tables' answers. Each cache is bounded
(`reader.nlp.entities.features.WORDS_CACHED` and the like), together tens of MB once full, which
a long text fills in its first megabyte. They speed up tagging, but a grouping of the mentions
into entities (about 20 MB of passing objects for 3.4 MB of prose) made on top of them grows the
heap for good. `forget_words` drops them before each grouping (`reader.ui.analysis`) and after
the last paragraph, so that the grouping reuses their memory; tagging the next paragraphs, or
another text, fills them again.
"""

from __future__ import annotations

from reader.nlp.entities import features, foreign, gazetteer, memory, shapes
from reader.nlp.entities.tagger import loaded_tagger

_WORD_CACHES = (
    features.folded,
    features.strip_clitics,
    foreign.foreign_score,
    gazetteer.is_function_word,
    gazetteer._normal_word,
    memory.word_keys,
    memory._memorable,
    shapes._foreign_looking,
)
"""The module-level per-word caches (`functools.lru_cache`)."""


def forget_words() -> None:
    """Empty every per-word cache of the tagging, the shared tagger's included if it is loaded
    (it is not loaded for that)."""
    for cached in _WORD_CACHES:
        cached.cache_clear()
    tagger = loaded_tagger()
    if tagger is not None:
        tagger.forget_words()
