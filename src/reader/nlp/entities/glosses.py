"""A name's spelling in Latin letters right after it is the same name, of the same type.

Wikipedia glosses a foreign name in its own spelling, in brackets or quotation marks, often
after the language's name: «كارلوس الرابع (بالإسبانية: Carlos IV de España)», «سلفستر الأول
(باللاتينية: Silvester I، وبالإنجليزية: Sylvester I)», «غوتفريد لايبنتس «Gottfried Wilhelm
Leibniz»». The tagger, trained on Arabic script, left most of these untagged or typed them on
their own («Gottfried Wilhelm Leibniz» an organisation). A run of Latin words opening with a
capital, right after an opening bracket or quotation mark that follows a person, a place or an
organisation (a language label «بالإسبانية :» between them allowed), is that name again and
takes its type; so does a second gloss after «،» or «أو» inside the same brackets («Charles
Xavier Thomas أو Thomas de Colmar»). Lower-case particles («de», «von») may stand inside a
run, not open it.

Spans are ``(first, stop, lead, type)`` over a paragraph's tokens, as in
`reader.nlp.entities.shapes`; ``raw`` are the tokens as written.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.nlp.entities.spans import Span

__all__ = ["latin_glosses"]


_OPENERS = frozenset('(«"“')
_SEPARATORS = frozenset({"،", ",", "أو", "او"})
_LABEL_PREFIXES = ("بال", "وبال")
_TYPES = frozenset({"PERSON", "LOCATION", "ORGANIZATION"})

_VOWELS = "AEIOUY"
_INITIALS: dict[str, str] = {
    "ا": _VOWELS + "H",
    "أ": _VOWELS,
    "إ": _VOWELS,
    "آ": _VOWELS,
    "ع": _VOWELS,
    "ب": "BP",
    "پ": "P",
    "ت": "TC",
    "ث": "T",
    "ج": "GJDYH",
    "چ": "C",
    "ح": "H",
    "خ": "KHJXC",
    "د": "D",
    "ذ": "DZT",
    "ر": "R",
    "ز": "ZSG",
    "س": "SCZ",
    "ش": "SC",
    "ص": "S",
    "ض": "D",
    "ط": "T",
    "ظ": "Z",
    "غ": "GR",
    "ف": "FPV",
    "ڤ": "V",
    "ق": "QKCG",
    "ك": "KCQ",
    "گ": "G",
    "ل": "L",
    "م": "M",
    "ن": "N",
    "ه": "H" + _VOWELS,
    "و": "WVOU",
    "ي": "YJIE",
}
"""The Latin letters a name's first Arabic letter is transliterated by («ج»: G, J, D of
Djibouti, Y of Egyptian «جورج»; «و»: W, V, O, U)."""

_CLITICS = ("وال", "بال", "لل", "ال", "و", "ب", "ل", "ف", "ك")
MAX_GLOSS = 6
"""Most Latin words one gloss may have («Carlos IV de España» has four)."""


def _latin(word: str) -> bool:
    """Letters of the Latin script only, accented ones included («España»)."""
    return word.isalpha() and all(c < "\u0250" for c in word)


def _label(raw: Sequence[str], k: int) -> int:
    """Index after a language label at ``k`` («بالإسبانية :»), or ``k`` if there is none."""
    if k + 1 < len(raw) and raw[k].startswith(_LABEL_PREFIXES) and raw[k + 1] == ":":
        return k + 2
    return k


def _gloss_end(raw: Sequence[str], k: int) -> int:
    """Index after the run of Latin words that opens with a capital at ``k`` (``k`` if none)."""
    if k >= len(raw) or not _latin(raw[k]) or not raw[k][0].isupper():
        return k
    j = k + 1
    while j < len(raw) and j - k < MAX_GLOSS and _latin(raw[j]):
        j += 1
    while j > k + 1 and not raw[j - 1][0].isupper():
        j -= 1  # a particle ends no name
    return j


def _same_initial(arabic: str, latin: str) -> bool:
    """Whether a Latin word can spell the Arabic word's sound at its start: the Arabic's first
    letter, a glued clitic or article cut («وهيرنيارين»), transliterated as the Latin's first."""
    initial = latin[0].upper()
    for clitic in _CLITICS:
        if (
            arabic.startswith(clitic)
            and len(arabic) - len(clitic) >= 3
            and initial in _INITIALS.get(arabic[len(clitic)], "")
        ):
            return True
    return initial in _INITIALS.get(arabic[:1], "")


def _spells(raw: Sequence[str], name: Span, begin: int, end: int, labelled: bool) -> bool:
    """Whether the Latin run ``begin:end`` glosses the name: its first word starts as the
    name's does, and it has a language label before it or two capitalised words or more (one
    word alone and unlabelled is more often a term: «Herniarin», «Flavone»)."""
    if not _same_initial(raw[name[0]], raw[begin]):
        return False
    return labelled or sum(raw[k][0].isupper() for k in range(begin, end)) >= 2


def latin_glosses(raw: Sequence[str], spans: list[Span]) -> list[Span]:
    """``spans`` with the Latin glosses after a name typed as the name, replacing any span
    inside a gloss."""
    by_stop = {s[1]: s for s in spans if s[3] in _TYPES}
    if not by_stop:
        return spans
    n = len(raw)
    found: list[Span] = []
    for stop, name in sorted(by_stop.items()):
        if stop >= n or raw[stop] not in _OPENERS:
            continue
        k = stop + 1
        while k < n:
            begin = _label(raw, k)
            end = _gloss_end(raw, begin)
            if end == begin or not _spells(raw, name, begin, end, begin > k):
                break
            found.append((begin, end, 0, name[3]))
            if end < n and raw[end] in _SEPARATORS:
                k = end + 1
            else:
                break
    if not found:
        return spans
    kept = [s for s in spans if not any(f[0] <= s[0] and s[1] <= f[1] for f in found)]
    kept = [s for s in kept if not any(s[0] < f[1] and f[0] < s[1] for f in found)]
    return sorted([*kept, *found])
