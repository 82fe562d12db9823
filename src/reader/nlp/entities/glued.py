"""A person's span ends at a word glued to the preposition «ل» («for», «to»), or to «ب» («by»,
«with») before a hamza.

The tagger reads a name followed by «ل» and another word as one long name: «زكريا أحمد لأم
كلثوم» (a composer *for* Umm Kulthum) comes out as one person, «فاروق للانجليز» or «جورج
لملاقاة» take a common word in. A name word rarely starts with «لل» or «لأ»: such a word is
the preposition and what it governs. So the
person ends before it, and when the glued word is a given name a second person starts there
(«أم كلثوم», the «ل» cut off). Names that start with a plain «ل» stay whole («نادية لطفي», «راي
لحود»: a glued «ل» before a word with no hamza is not told from them), and so does a regnal name
ending «لدين الله» or a name spelt apart after «عبد».

Spans are ``(first, stop, lead, type)`` over a paragraph's tokens (`reader.nlp.entities.shapes`);
``raw`` are the tokens as written, ``words`` normalised.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.nlp.entities.spans import Span
from reader.nlp.entities.tagger import load_tagger
from reader.nlp.normalise import normalised_words

__all__ = ["saints_buildings", "split_at_glued_preposition"]


_GIVEN = frozenset({"PERSg"})
"""The gazetteer's class of a given name: a person may start with it."""

_GOD = normalised_words("الله")

_LINKS = normalised_words("عبد أبو أبي ابن بن بنت آل أم")
"""Words that bind to the next word of a name: «عبد لله» is a name spelt apart, «أم كلثوم» a
kunya."""

_HAMZA_GLUED = ("لأ", "لإ", "لآ")
"""«ل» before a written hamza: a name word never starts so."""


_BI_HAMZA = ("بأ", "بإ")
"""«ب» (by, with) before a written hamza: no name word starts so either («محمود بإيعاز», Mahmoud,
at the instigation [of a man]: the person is «محمود»; «علي بن محمد بأغنية»). Not «بآ»: a
foreign name may start with it («يوهو كوستي بآسيكيفي», Paasikivi)."""


_BUILDINGS = normalised_words("دير كنيسة كاتدرائية بازيليكا مزار ضريح")
"""Heads of a building named after a saint («دير الأنبا بولا», «بازيليكا القديس بطرس»)."""

_SAINTS = normalised_words("القديس القديسة الأنبا الانبا مار")
"""A saint's titles."""

_CLITICS = ("و", "ف", "ب", "ل", "وب", "ول")


def _building(word: str) -> int | None:
    """How many clitic letters to cut so that ``word`` is a building head, or None."""
    if word in _BUILDINGS:
        return 0
    for clitic in _CLITICS:
        if word.startswith(clitic) and word[len(clitic) :] in _BUILDINGS:
            return len(clitic)
    return None


def saints_buildings(words: Sequence[str], spans: Sequence[Span]) -> list[Span]:
    """A building head, a saint's title and a tagged name make one place, whatever the tagger
    typed their pieces («وبازيليكا القديس بطرس» was a person, «دير | الأنبا | بولا» three
    pieces): the name is the building's, the title inside it is no person's."""
    out = sorted(spans)
    # The saints' titles first, in one pass: few words are one, and `_building` tries every
    # clitic on a word (once per word of every paragraph was most of this function's time).
    titles = [k for k in range(1, len(words) - 1) if words[k] in _SAINTS]
    for i in (k - 1 for k in titles):
        cut = _building(words[i])
        if cut is None:
            continue
        name = [s for s in out if s[0] <= i + 2 < s[1]]
        if not name or name[0][0] < i:
            continue
        stop = name[0][1]
        out = [s for s in out if s[1] <= i or s[0] >= stop]
        out.append((i, stop, cut, "LOCATION"))
        out.sort()
    return out


def _classes(word: str) -> frozenset[str]:
    """The gazetteer classes of a normalised word (empty when it is not listed)."""
    return frozenset(load_tagger().gazetteer.get(word, ()))


def _glued(raw: str, word: str) -> bool:
    """Whether a word inside a name is «ل» glued to another word, not a name word of its own:
    «لل» (the article) or «ل» before a written hamza («لأم», «لإبراهيم»), or «ب» before one
    («بإيعاز», `_BI_HAMZA`). A plain «ل» is left alone: too many names start with it («لطفي»,
    «لويسا», «لبيني»), listed or not."""
    return len(word) >= 3 and (
        word.startswith("لل") or raw.startswith(_HAMZA_GLUED) or raw.startswith(_BI_HAMZA)
    )


def split_at_glued_preposition(
    raw: Sequence[str], words: Sequence[str], spans: Sequence[Span]
) -> list[Span]:
    """Each person span cut before its first inner word glued to «ل» (or to «ب» before a
    hamza); a second person from that word on (the clitic cut off) when the word after it is a
    given name. A span opening with such a «ب» word loses the «ب» before a given name, else
    the word («بإسم كارلوس الرابع», by the name of Charles IV)."""
    out: list[Span] = []
    for first, stop, lead, kind in spans:
        cut = None
        if kind == "PERSON":
            for k in range(first + 1, stop):
                if (
                    _glued(raw[k], words[k])
                    and words[k - 1] not in _LINKS
                    and not (k + 1 < len(words) and words[k + 1] in _GOD)
                ):
                    cut = k
                    break
        if cut is None:
            if kind == "PERSON" and lead == 0 and raw[first].startswith(_HAMZA_GLUED):
                lead = 1  # «لأم كلثوم» at the start: the «ل» is no part of the name
            elif kind == "PERSON" and lead == 0 and raw[first].startswith(_BI_HAMZA):
                if not _GIVEN.isdisjoint(_classes(words[first][1:])):
                    lead = 1  # «بإبراهيم حافظ»: the «ب» is no part of the name
                elif stop - first > 1:
                    first += 1  # «بإسم كارلوس الرابع» (by the name of): the king
            out.append((first, stop, lead, kind))
            continue
        out.append((first, cut, lead, kind))
        word = words[cut]
        rest = "ال" + word[2:] if word.startswith("لل") else word[1:]
        if not _GIVEN.isdisjoint(_classes(rest)):
            if stop == cut + 1 and rest in _LINKS and stop < len(words):
                stop += 1  # «لأم» | «كلثوم»: a kunya takes the word after it
            out.append((cut, stop, 1, kind))
    return out
