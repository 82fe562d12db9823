"""A given name before a person's definite surname: «أميمة الخليل», not «الخليل».

The tagger, reading one sentence, often tags a definite family name alone and leaves the given
name before it outside («المغنية اللبنانية أميمة [الخليل]», news-08): the listed name is then
a bare family name («الخليل» is also Hebron) and the person's later full mentions are another
entity. An untagged word right before a person's span that starts with the article, listed as
a given name by the gazetteer, takes the name back.

Spans are ``(first, stop, lead, type)`` over a paragraph's tokens (`reader.nlp.entities.spans`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reader.nlp.entities.gazetteer import is_function_word
from reader.nlp.entities.spans import Span, covered_words
from reader.nlp.normalise import has_tanween

__all__ = ["given_name_before"]


def given_name_before(
    raw: Sequence[str],
    words: Sequence[str],
    spans: list[Span],
    given: Callable[[str], bool],
) -> list[Span]:
    """``spans`` with each person whose first word carries the article extended over the word
    before it when that word is untagged, written without the article and without tanween,
    no function word, and a given name (``given``: the gazetteer's class)."""
    people = [s for s in spans if s[3] == "PERSON" and s[0] > 0 and words[s[0]].startswith("ال")]
    if not people:
        return spans
    covered = covered_words(spans)
    out = list(spans)
    for span in people:
        k = span[0] - 1
        word = words[k]
        if (
            k in covered
            or word.startswith("ال")
            or is_function_word(word)
            or has_tanween(raw[k])
            or not given(word)
        ):
            continue
        out.remove(span)
        out.append((k, span[1], 0, "PERSON"))
        covered.add(k)
    return sorted(out)
