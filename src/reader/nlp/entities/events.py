"""EVENT rules, and the organisation-head rule that shares their phrase walk.

An event name in Arabic news is a head noun (كأس، بطولة، منتدى، مؤتمر، معرض، الدورة، قمة،
مهرجان، انتخابات …) followed by its complement: genitive nouns and adjectives, «ل» + noun
(«كأس أمم إفريقيا لكرة القدم 2025»), ordinals («الدورة الثالثة والتسعين»), and maybe a closing
year. The walk over the complement is bounded: it stops at punctuation, prepositions and other
function words, verbs of the clause after a definite phrase, participles that open a relative
clause («المخصص»), time words («المقبلة»), another entity and after `MAX_COMPLEMENT` words.
A Latin acronym with a year («IGEF 2025», «CAN 2025») is an event on its own.

Organisation names (وزارة، منظمة، جهاز، شركة، حزب … + complement) have the same shape; the same
walk finds them, as evidence added to the tagger's where it misses them.

Every rule takes the paragraph's words in `reader.nlp.normalise` form and returns
``(first, stop, lead)`` triples like `reader.nlp.entities.dates.find_dates`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from reader.nlp.entities.gazetteer import country_of_nisba, is_function_word
from reader.nlp.normalise import normalise, normalised_words

__all__ = [
    "EVENT_HEADS",
    "MAX_COMPLEMENT",
    "ORGANIZATION_HEADS",
    "adjective_shaped",
    "find_acronym_events",
    "find_headed_names",
    "head_at",
]

MAX_COMPLEMENT = 6
"""Most words a complement may have: long enough for «الدورة الثالثة والتسعين للجمعية العامة»."""


EVENT_HEADS = normalised_words(
    "كأس بطولة منتدى مؤتمر معرض دورة قمة مهرجان انتخابات ملتقى أولمبياد مونديال دوري ندوة "
    "مسابقة ألعاب"
)
"""Nouns that head an event name, normalised and without the article."""

_DEFINITE_ONLY = normalised_words("دوري دورة ألعاب قمة")
"""Heads too common as plain nouns (دوري "my role", قمة "peak") unless written with ال."""

ORGANIZATION_HEADS = normalised_words(
    "وزارة منظمة جهاز شركة حزب هيئة وكالة مؤسسة جامعة بنك مصرف نقابة مديرية المديرية صندوق"
)
"""Nouns that head an organisation name, normalised and without the article."""

_NAMED_ONLY_HEADS = normalised_words("صندوق")
"""Heads that are common nouns more often than names («صندوق الاقتراع», the ballot box): an
organisation only without the article and with two words or more after it, a noun and its
adjective or a name («صندوق النقد الدولي», «صندوق الأمم المتحدة»)."""

_GUARDED_HEADS: dict[str, frozenset[str]] = {
    normalise("جهاز"): normalised_words(
        "الأمن أمن الشرطة شرطة المخابرات مخابرات الاستخبارات استخبارات الدرك الحرس حرس الرقابة "
        "رقابة المراقبة مراقبة التحقيق الإحصاء"
    ),
}
"""Heads that are common nouns too («جهاز» device): a name only with one of these words next."""

_STOP = normalised_words(
    # participles that open a relative clause
    "المخصص المخصصة مخصص مخصصة المنعقد المنعقدة المقام المقامة المقرر المقررة المزمع المرتقب "
    "المرتقبة المنظم الذي التي "
    # time words that qualify the event rather than name it
    "المقبل المقبلة الماضي الماضية الأخير الأخيرة الحالي الحالية الجاري الجارية القادم القادمة "
    "السابق السابقة المنصرم المنصرمة جديد جديدة الجديد الجديدة "
    # a press conference is not a named event; «للمرة الأولى» is not part of a name
    "الصحفي الصحفية الصحافي الصحافية صحفي صحفية صحافي صحافية للمرة لمرة "
    # «الدورة» is also a cycle or a training course
    "الدموية الشهرية التدريبية التكوينية"
)
_FEMININE_HEADS = normalised_words(
    "بطولة دورة قمة ندوة مسابقة انتخابات ألعاب كأس منظمة وزارة شركة هيئة وكالة مؤسسة جامعة "
    "نقابة مديرية"
)
"""Heads whose adjectives are feminine (broken and sound plurals included)."""

_ADJECTIVES = normalised_words(
    "الأول الأولى الثاني الثانية الثالث الثالثة الرابع الرابعة الخامس الخامسة السادس السادسة "
    "السابع السابعة الثامن الثامنة التاسع التاسعة العاشر العاشرة الحادي الحادية العام العامة "
    "الكبير الكبيرة الكبرى الأكبر الدائم الدائمة الخاص الخاصة الأعلى العليا الموحد الموحدة"
)
"""Ordinals and common adjectives that follow a definite head in a name."""

_ORDINAL_TENS = normalised_words(
    "والعشرين والثلاثين والأربعين والخمسين والستين والسبعين والثمانين والتسعين "
    "والعشرون والثلاثون والأربعون والخمسون والستون والسبعون والثمانون والتسعون"
)
_CLITICS = ("وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك")
_ACRONYM_RE = re.compile(r"[A-Z][A-Z0-9&]*[A-Z][A-Z0-9&]*\Z")
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def _is_year(word: str) -> bool:
    """Whether a token is a four-digit year between 1900 and 2100, in any digit script."""
    digits = word.translate(_DIGITS)
    return (
        len(digits) == 4 and digits.isascii() and digits.isdigit() and 1900 <= int(digits) <= 2100
    )


def _head_forms(heads: frozenset[str]) -> dict[str, tuple[int, bool]]:
    """Every written form of the heads: clitic + article + head -> ``(lead, definite)``."""
    forms: dict[str, tuple[int, bool]] = {}
    for head in heads:
        forms.setdefault("لل" + head, (0, True))  # «للمنتدى» = ل + المنتدى
        for clitic in ("", *_CLITICS):
            forms.setdefault(clitic + head, (len(clitic), False))
            forms.setdefault(clitic + "ال" + head, (len(clitic), True))
    return forms


_FORMS: dict[frozenset[str], dict[str, tuple[int, bool]]] = {}


def head_at(word: str, heads: frozenset[str]) -> tuple[int, bool] | None:
    """``(lead, definite)`` if ``word`` is one of ``heads`` with optional clitics and article.

    ``lead`` is how many letters of glued clitic precede the head (0 when the clitic cannot be
    cut off the span, as in «للمنتدى» = ل + المنتدى).
    """
    forms = _FORMS.get(heads)
    if forms is None:
        forms = _FORMS[heads] = _head_forms(heads)
    return forms.get(word)


def _is_organization_head(word: str) -> bool:
    """Whether a normalised word is an organisation head, clitics and article allowed."""
    return head_at(word, ORGANIZATION_HEADS) is not None


def adjective_shaped(word: str) -> bool:
    """Whether a definite word looks like an adjective: a nisba («الدولي», «التركية»), a
    participle («المتحدة»), an ordinal or one of the common adjectives of names («العامة»)."""
    if word in _ADJECTIVES:
        return True
    stem = word[2:]
    return word.startswith("ال") and (stem.endswith(("ي", "يه")) or stem.startswith("م"))


def _is_number(word: str) -> bool:
    """Whether a token is an edition number: one to three digits in any script."""
    digits = word.translate(_DIGITS)
    return 1 <= len(digits) <= 3 and digits.isascii() and digits.isdigit()


def _complement_stop(
    words: Sequence[str],
    start: int,
    head: str,
    definite: bool,
    blocked: Callable[[int], bool],
    absorbable: Callable[[int], bool],
    stop_at: Callable[[str], bool],
    organisation: bool = False,
) -> int:
    """Index just past the complement that begins at ``words[start]`` (``start`` if none).

    ``head`` is the head noun (normalised, without article or clitics); ``definite`` whether
    it had the article. A definite head takes no genitive, so its first complement must be an
    adjective that agrees with it: «المعرض الدولي», not «المؤتمر الرسمية» or «المؤتمر الحضور».
    A tagged name makes the phrase definite like the article does, so a bare word after it
    opens the next phrase («شركة موتورولا | زيادة أرباحها»); and for an ``organisation`` a
    country's nisba right after the name says where it is from, outside the name in both
    conventions the project scores («شركة شيودا | اليابانية», «حزب الله | اللبناني»).
    """
    n = len(words)
    k = start
    taken = 0
    head_definite = definite
    while k < n and taken < MAX_COMPLEMENT:
        word = words[k]
        if taken == 0 and not blocked(k):
            # an edition number: «الدورة 41 لمهرجان …», «الدورة ال 41»
            if word == "ال" and k + 1 < n and _is_number(words[k + 1]):
                k, taken = k + 2, 1
                continue
            if _is_number(word):
                k, taken = k + 1, 1
                continue
        if blocked(k) or not word[:1].isalpha():
            if _is_year(word) and not blocked(k):
                k += 1  # a closing year: «كأس أمم إفريقيا لكرة القدم 2025»
            break
        if word.isascii() or is_function_word(word) or word in _STOP or stop_at(word):
            break
        if taken == 0 and head_definite:
            if not adjective_shaped(word):
                break  # «الشركة لأكبر», «المؤتمر الحضور»: the head refers back, names nothing
            if head not in _FEMININE_HEADS and word.endswith("ه"):
                break  # «لغة المؤتمر الرسمية»: the adjective belongs to another noun
        if (
            organisation
            and taken
            and absorbable(k - 1)
            and not absorbable(k)
            and word.startswith("ال")
            and country_of_nisba(word) is not None
        ):
            break
        if word.startswith("و"):
            if word not in _ORDINAL_TENS:
                break
        elif absorbable(k) or word.startswith(("ال", "لل")):
            # the article or a tagged name («كأس أمم إفريقيا», «جامعة ليدز»): definite now
            definite = True
        elif word.startswith("لي"):
            break  # ل + imperfect verb: «ليخلف», «ليتم» start a purpose clause
        elif word.startswith("ل") and len(word) > 3:
            pass  # «لكرة القدم», «لتجهيزات الأمن»: a genitive with ل
        elif definite or word.startswith(("ي", "ب")) or taken >= 2:
            # after a definite phrase a bare word starts the next clause; «ينظمه» is a verb,
            # «بمقر» a preposition
            break
        taken += 1
        k += 1
    # A genitive «ل» + indefinite noun needs its complement: «… المالكة لأكبر» ends before it.
    while (
        k > start
        and words[k - 1].startswith("ل")
        and not words[k - 1].startswith("لل")
        and not absorbable(k - 1)  # «جامعة ليدز»: a tagged name that starts with ل
    ):
        k -= 1
    # Bare indefinite words alone do not name anything: «بطولة مثيرة», «هيئة رئاسية».
    if not any(_names(words, j, absorbable) for j in range(start, k)):
        return start
    return k


def _names(words: Sequence[str], k: int, absorbable: Callable[[int], bool]) -> bool:
    """Whether complement word ``k`` makes the phrase a name: a definite word, a tagged name,
    a number or year, an ordinal."""
    word = words[k]
    return (
        word.startswith(("ال", "لل"))
        or absorbable(k)
        or word[:1].isdigit()
        or word in _ORDINAL_TENS
    )


def find_headed_names(
    words: Sequence[str],
    heads: frozenset[str],
    blocked: Callable[[int], bool],
    absorbable: Callable[[int], bool],
) -> list[tuple[int, int, int]]:
    """Names made of a head from ``heads`` and its complement (events or organisations).

    ``blocked(k)`` says word ``k`` belongs to something the name must not swallow (a date, a
    person); ``absorbable(k)`` says a bare word ``k`` is a name the phrase may take in («كأس أمم
    إفريقيا»). A head with no complement is not a name.
    """
    spans: list[tuple[int, int, int]] = []
    organisation = heads is ORGANIZATION_HEADS
    # An event stops before an organisation («للجمعية العامة | لمنظمة الإنتربول»).
    stop_at: Callable[[str], bool] = (lambda _w: False) if organisation else _is_organization_head
    n = len(words)
    forms = _FORMS.get(heads)
    if forms is None:
        forms = _FORMS[heads] = _head_forms(heads)
    # The heads first, in one pass: most words are none (a call per word was most of this
    # function), and ``blocked`` asks several sets.
    starts = [k for k, word in enumerate(words) if word in forms]
    i = 0
    for k in starts:
        if k < i:  # inside the name found before
            continue
        i = k
        found = forms[words[i]]
        if blocked(i):
            continue
        lead, definite = found
        bare = words[i][lead:]
        guard = _GUARDED_HEADS.get(bare.removeprefix("ال").removeprefix("لل"))
        if guard is not None and (i + 1 >= n or words[i + 1] not in guard):
            continue
        if not definite and not bare.startswith("لل") and bare in _DEFINITE_ONLY:
            continue
        head = bare.removeprefix("لل").removeprefix("ال") if definite else bare
        stop = _complement_stop(
            words, i + 1, head, definite, blocked, absorbable, stop_at, organisation
        )
        if stop == i + 1 or (head in _NAMED_ONLY_HEADS and (definite or stop - i < 3)):
            continue
        spans.append((i, stop, lead))
        i = stop
    return spans


def find_acronym_events(raw_words: Sequence[str]) -> list[tuple[int, int, int]]:
    """Latin acronyms followed by a year: «IGEF 2025», «CAN 2025», «COP 28» is not one."""
    return [
        (i, i + 2, 0)
        for i in range(len(raw_words) - 1)
        if _ACRONYM_RE.match(raw_words[i]) and _is_year(raw_words[i + 1])
    ]


_FORMS[EVENT_HEADS] = _head_forms(EVENT_HEADS)
_FORMS[ORGANIZATION_HEADS] = _head_forms(ORGANIZATION_HEADS)
