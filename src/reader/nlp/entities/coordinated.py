"""An organisation named by a head and two coordinated nouns keeps the second noun:
«حزب الحرية والعدالة», «وزارة التربية والتعليم», «منظمة الأمم المتحدة للتربية والثقافة والعلوم».

The tagger and the organisation-head rule stop before a word glued to «و», so the party that
large-01 names ten times came out «حزب الحرية» ("the Freedom Party"), and the ministries of
education, of trade and industry, of health and human services lost their second half.
ANERcorp's annotators draw these names whole (train split: 14 organisations with a «وال» word
inside, «المجلس الاقتصادي والاجتماعي», «منظمة الاغذية والأدوية», against one such name left
short). The coordinated word joins when the name is an indefinite head and its one definite
genitive («حزب | الحرية», construct state: the «و» continues the genitive), or when the name
ends in a genitive glued to «لل» after a name («منظمة الأمم المتحدة | للتربية»; not right
after a bare head, «جامعة للملوك», "comprehensive, for kings"); the genitive is no country or
place Wikipedia lists («حكومة الهند | والبنك الاحتياطي») nor God's name («حزب الله |
والتمهيد»); and the word after «و» is definite, no function word («والتي»), no head, title or
rank of another name («والحكومة», «والمجلس», «والرئيس», «والعقيد»: a second entity) and no
human plural («هيئة التدريس والموظفين»: the staff). A
feminine nisba right after it belongs to the name too («وزارة الصحة والخدمات الإنسانية»), and
a third noun may follow («للتربية والثقافة والعلوم»).

Spans are ``(first, stop, lead, type)`` over a paragraph's tokens, as in
`reader.nlp.entities.shapes`; ``words`` are the normalised tokens.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reader.nlp.entities.gazetteer import country_of_nisba, is_function_word
from reader.nlp.entities.spans import Span, covered_words
from reader.nlp.normalise import normalised_words

__all__ = ["coordinated_organisations"]

MAX_NOUNS = 3
"""At most this many coordinated nouns join a name («والثقافة والعلوم»): a longer list is a
list of bodies, not one name."""

_GOD = normalised_words("الله")
"""God's name is no field of a body's remit: «حزب الله | والتمهيد» (and the preparation)."""

_HUMAN_PLURALS = ("ين", "ون")
"""Endings of a masculine plural, people («والموظفين», «والعاملين»), never a field of an
institution's remit."""


def _joinable(word: str, heads_another: Callable[[str], bool]) -> bool:
    """Whether a normalised word is «و» + a definite noun that can continue a name."""
    if not word.startswith("وال") or len(word) < 5:
        return False
    bare = word[1:]
    return (
        bare.isalpha()
        and not is_function_word(bare)
        and not heads_another(bare)
        and not bare.endswith(_HUMAN_PLURALS)
    )


def _name_adjective(word: str) -> bool:
    """A definite feminine nisba adjective of the name, not a country's («الإنسانية», not
    «الأمريكية»). Not a participle, which opens a clause («حزب الحرية والعدالة | المنبثق عن»),
    nor a word ending in «ي» alone: a noun of a weak root ends so too («وزارة التربية والتعليم |
    التغاضي»)."""
    return (
        len(word) > 5
        and word.startswith("ال")
        and word.endswith("يه")
        and (country_of_nisba(word) is None)
    )


def coordinated_organisations(
    words: Sequence[str],
    spans: list[Span],
    indefinite_head: Callable[[str], bool],
    heads_another: Callable[[str], bool],
    place: Callable[[str], bool],
) -> list[Span]:
    """``spans`` with each organisation that ends before «و» + a definite noun of its name
    taken on to that noun (see the module). ``indefinite_head(word)`` says a span's first word
    (with its clitic) is an organisation's head without the article; ``heads_another(word)``
    that a definite word heads or titles a name of its own («الحكومة», «الرئيس»); ``place(word)``
    that a word is a listed place: a body of a place is no construct with a field of remit,
    the «و» starts a second body («حكومة السودان | والحركة الشعبية»)."""
    n = len(words)
    ends = [s for s in spans if s[3] == "ORGANIZATION" and s[1] < n and words[s[1]][:3] == "وال"]
    if not ends:
        return spans  # the common case
    covered = covered_words(spans)
    out = list(spans)
    for span in ends:
        first, stop, lead, kind = span
        last = words[stop - 1]
        if not (
            (last.startswith("لل") and stop - first >= 2 and not indefinite_head(words[stop - 2]))
            or (
                stop - first == 2
                and last.startswith("ال")
                and indefinite_head(words[first])
                and not place(last)
                and last not in _GOD
            )
        ):
            continue
        end = stop
        nouns = 0
        while (
            end < n
            and nouns < MAX_NOUNS
            and end not in covered
            and _joinable(words[end], heads_another)
        ):
            end += 1
            nouns += 1
            while end < n and end not in covered and _name_adjective(words[end]):
                end += 1
        if end > stop:
            out[out.index(span)] = (first, end, lead, kind)
            covered.update(range(stop, end))
    return out
