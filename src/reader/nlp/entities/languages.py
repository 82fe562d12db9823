"""Names written with «++» are programs, not people or organisations.

A name followed by two plus signs («سي++», «C++», «Notepad++»), or by «بلس بلس» as the plus
signs are read out («سي بلس بلس»), is a programming language or a program: typed MISC, the
signs inside the name. The tagger, trained on newswire, had never seen the shape: it left
«سي++» untagged in the C++ article, or read «سي بلس بلس» as an organisation and «كود سي» ("C
code") as a person. A clitic glued to the name with a tatweel («لـسي++», "for C++") is cut
off, as the corpus writes it apart.

Spans are ``(first, stop, lead, type)`` over a paragraph's tokens, as in
`reader.nlp.entities.shapes`; ``words`` are the normalised tokens.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.nlp.entities.gazetteer import is_function_word
from reader.nlp.entities.spans import Span
from reader.nlp.normalise import normalise

__all__ = ["plus_plus_names"]


_PLUS = "+"
_SPOKEN_PLUS = normalise("بلس")
_CLITICS = frozenset("وفبلك")
_TATWEEL = "\u0640"
_DEFINITE = ("ال", "وال", "فال", "بال", "كال", "لل")


def _lead(raw: str, word: str) -> int:
    """Letters of a clitic joined to the name by a tatweel («لـسي»: 1), else 0."""
    if len(word) > 2 and word[0] in _CLITICS and raw[1:2] == _TATWEEL:
        return 1
    return 0


def plus_plus_names(raw: Sequence[str], words: Sequence[str], spans: list[Span]) -> list[Span]:
    """``spans`` with each word followed by «+ +» or «بلس بلس» made a MISC name with the signs
    (replacing what the tagger made of the word: «كود سي» PERSON, «سي بلس بلس» ORGANIZATION).
    The word must be letters, no function word and not definite (a program's name takes no
    article; «والكالسيوم ++» is an ion's charge), and no Latin word may follow the signs:
    «لغة ++C» is C++ typed in visual order, the signs are the next name's."""
    if _PLUS not in words and _SPOKEN_PLUS not in words:
        return spans  # the common case, at C speed
    n = len(words)
    found: list[Span] = []
    for i in range(n - 2):
        sign = words[i + 1]
        if (
            sign in (_PLUS, _SPOKEN_PLUS)
            and words[i + 2] == sign
            and words[i].isalpha()
            and not is_function_word(words[i])
            and not words[i].startswith(_DEFINITE)
            and not (i + 3 < n and words[i + 3].isascii() and words[i + 3].isalpha())
        ):
            found.append((i, i + 3, _lead(raw[i], words[i]), "MISC"))
    if not found:
        return spans
    kept = [s for s in spans if not any(s[0] < f[1] and f[0] < s[1] for f in found)]
    return sorted([*kept, *found])
