"""The name after «الإله» or «الإلهة» (the god, the goddess) is a god's: a person.

The Egyptology articles of large-01 name gods after their title, «الإلهة نوت», «للإله تحوت»,
«المعبودة هاتور», and the tagger, which learnt no such names from newswire, left them untagged
or typed them by the word before («معبد إيزيس» made Isis a place elsewhere too). A god is typed
as a person, as the panel lists mythological characters with people; the title stays outside
the name, as other titles do. The word after the title is a name when it is a single word no
span covers, maybe in quotation marks, not definite («الإله المصري»), not glued to «و» («الإله
وسمح», "God allowed"), to «لل» or to a clitic and the article («للمعبود بالتسبيح»), no
reflexive («الإله نفسه»), no function word, no nisba, no pronoun suffix («لدعائها») and no
tanween; a span the tagger typed a
place, an organisation or other right after the title is retyped. «عبد الإله» is a man's name,
not a title.

Spans are ``(first, stop, lead, type)`` over a paragraph's tokens, as in
`reader.nlp.entities.shapes`; ``words`` are the normalised tokens.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.nlp.entities.gazetteer import is_function_word
from reader.nlp.entities.spans import Span, covered_words
from reader.nlp.normalise import has_tanween, normalised_words

__all__ = ["GOD_TITLES", "gods_after_titles"]


GOD_TITLES = normalised_words("الإله الإلهة المعبود المعبودة الربة")
"""Definite titles of a god or goddess."""

_FORMS = frozenset(
    GOD_TITLES
    | {clitic + title for title in GOD_TITLES for clitic in ("و", "ف", "ب", "ك")}
    | {"لل" + title[2:] for title in GOD_TITLES}
)
"""The titles alone, after a glued clitic, or after «ل» («للإله»)."""

_SERVANT = normalised_words("عبد")
_QUOTES = frozenset("\"'«»“”")
_NISBA_ENDINGS = ("ي", "ى", "يه")
_PRONOUNS = ("ها", "هم", "هما", "هن")
_GRAMMAR_NOUNS = normalised_words("نفسه ذاته نفس ذات حسب اسم")
"""Nouns that work as grammar after a noun: the reflexive («للإله نفسه», the god himself),
«حسب» (according to), «اسم» («تجسد الإله اسم», the name's)."""


def _title(raw: str, word: str) -> bool:
    """Whether a word is a god's title as written: normalising merges «الإله» with «الآلة»
    (the machine) and «الإلهة» with «الألهة», «الآلهة» (the gods): a madda, a feminine with a
    hamza above the alef, or a masculine written with ta marbuta is none of the titles; «الأله»,
    the god misspelt, is one."""
    if word not in _FORMS or "آ" in raw:
        return False
    if word.endswith("لهه"):
        return "أ" not in raw  # «الألهة»: the gods misspelt, or the goddess? Not taken.
    return not raw.rstrip("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652").endswith("ة")


def _god_name(raw: str, word: str) -> bool:
    """Whether a word after a god's title can be the god's name."""
    return (
        word.isalpha()
        and len(word) > 1
        and not word.startswith(("ال", "و", "لل", "بال", "كال", "فال"))
        and word not in _GRAMMAR_NOUNS
        and not word.endswith(_NISBA_ENDINGS)
        and not word.endswith(_PRONOUNS)
        and not is_function_word(word)
        and not has_tanween(raw)
    )


def gods_after_titles(raw: Sequence[str], words: Sequence[str], spans: list[Span]) -> list[Span]:
    """``spans`` with the name after a god's title a person (added or retyped)."""
    if _FORMS.isdisjoint(words):
        return spans  # the common case, at C speed
    n = len(words)
    titles = [k for k, word in enumerate(words[:-1]) if word in _FORMS and _title(raw[k], word)]
    if not titles:
        return spans
    by_start = {s[0]: s for s in spans}
    covered = covered_words(spans)
    out = list(spans)
    for k in titles:
        if k in covered or (k > 0 and words[k - 1] in _SERVANT):
            continue
        j = k + 1
        if words[j] in _QUOTES and j + 1 < n:
            j += 1  # «للإله "تحوت"»
        span = by_start.get(j)
        if span is not None:
            if span[3] in ("LOCATION", "ORGANIZATION", "MISC"):
                out[out.index(span)] = (span[0], span[1], span[2], "PERSON")
        elif j not in covered and _god_name(raw[j], words[j]):
            out.append((j, j + 1, 0, "PERSON"))
            covered.add(j)
    return sorted(out)
