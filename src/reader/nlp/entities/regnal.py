"""A caliph's regnal title is one name with the person it names: «المعز لدين الله».

Abbasid, Fatimid and Andalusian rulers took a title made of a definite participle and God's
name through «ل», «ب» or «على»: «المعز لدين الله», «الحاكم بأمر الله», «المستنصر بالله»,
«المتوكل على الله», «الظاهر لإعزاز دين الله». The tagger, trained on news, cuts them at the
glued preposition and keeps a piece («لدين الله», «بالله الفاطمي», «الله العباسي») as a person
or «الله» as "other". The title's shape is fixed, so it is found by its shape: a definite word,
then «بالله» or «لله», or a word glued to «ل»/«ب» (or «على») and «الله», or «دين الله» after
such a word, the definite word shaped as a participle. It is taken for a person's title only
where the tagger saw a person in it or right before it: «الإيمان بالله» (faith in God), a
verbal noun, is none.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.nlp.entities.spans import Span
from reader.nlp.normalise import normalise, normalised_words

__all__ = ["regnal_titles"]


_GOD = normalise("الله")
_WITH_GOD = normalised_words("بالله لله")
_ON = normalise("على")
_RELIGION = normalise("دين")


def _participle(word: str) -> bool:
    """Whether a normalised definite word is shaped as the participle a title starts with: a
    «م» participle («المعز», «المستنصر», «المتوكل») or a faa'il («الحاكم», «الظاهر», «القائم»),
    not a verbal noun («الإيمان بالله», faith in God)."""
    if not word.startswith("ال"):
        return False
    body = word[2:]
    return (body.startswith("م") and len(body) >= 3) or (len(body) in (4, 5) and body[1] == "ا")


def _nisba(word: str) -> bool:
    """Whether a normalised word is a definite nisba adjective («العباسي», «الفاطمي»)."""
    return word.startswith("ال") and len(word) > 4 and word.endswith("ي")


def _title_end(words: Sequence[str], i: int) -> int | None:
    """Where a regnal title that starts with the definite word at ``i`` ends, or None."""
    n = len(words)
    if not _participle(words[i]):
        return None
    if i + 1 < n and words[i + 1] in _WITH_GOD:
        return i + 2  # «المستنصر بالله»
    if i + 2 < n and words[i + 2] == _GOD:
        glue = words[i + 1]
        if glue == _ON or (glue[:1] in "لب" and len(glue) >= 3):
            return i + 3  # «المعز لدين الله», «الحاكم بأمر الله», «المتوكل على الله»
    if (
        i + 3 < n
        and words[i + 2] == _RELIGION
        and words[i + 3] == _GOD
        and words[i + 1][:1] in "لب"
        and len(words[i + 1]) >= 3
    ):
        return i + 4  # «الظاهر لإعزاز دين الله»
    return None


def regnal_titles(words: Sequence[str], spans: Sequence[Span]) -> list[Span]:
    """``spans`` with each regnal title made one person with the name right before it, where
    the tagger found a person in the title or ending right before it; the spans the title
    covers go. ``words`` are the normalised tokens; spans sorted, never overlapping."""
    if _GOD not in words and _WITH_GOD.isdisjoint(words):
        return list(spans)
    people_at = {k: s for s in spans if s[3] == "PERSON" for k in range(s[0], s[1])}
    out = list(spans)
    for i in range(len(words)):
        stop = _title_end(words, i)
        if stop is None:
            continue
        inside = [people_at[k] for k in range(i, stop) if k in people_at]
        before = people_at.get(i - 1)
        if not inside and before is None:
            continue
        start, lead = i, 0
        if i > 0 and _nisba(words[i - 1]):
            pass  # «الخليفة العباسي القائم بأمر الله»: the dynasty's adjective stays out
        elif before is not None:
            start, lead = before[0], before[2]
        elif inside and inside[0][0] < i:
            start, lead = inside[0][0], inside[0][2]
        out = [s for s in out if s[1] <= start or s[0] >= stop]
        out.append((start, stop, lead, "PERSON"))
    return sorted(out)
