"""DATE rules: the dates a news text writes out, which the ANERcorp-trained tagger never tags.

Recognised, over the normalised words of a paragraph (`reader.nlp.normalise`):

- Gregorian months under all their Arabic names: the Egyptian/Gulf forms (يناير … ديسمبر), the
  Levantine/Iraqi ones (كانون الثاني … كانون الأول), the Moroccan ones (ماي، يوليوز، غشت،
  شتنبر، نونبر، دجنبر) and the Algerian/Tunisian ones (جانفي، فيفري، أفريل، جوان، جويلية، أوت);
- Hijri months (محرم … ذو الحجة);
- a day before the month and a year after it: «18 سبتمبر 2025», «2 ربيع الأول 1445 هـ»;
- ranges: «من 18 إلى 20 سبتمبر», «بين 3 و5 مايو», «من سبتمبر إلى نوفمبر 2025»;
- years named as such: «عام 2025», «سنة 1445 هـ», «1445هـ», «2025م»;
- weekdays («الأربعاء», «يوم الخميس 5 يونيو») and numeric dates «18/09/2025».

Digits may be Western (0-9), Arabic-Indic (٠-٩) or Persian (۰-۹). Month names that are also
ordinary words (آب "father", مارس "practised", صفر "zero", رمضان and رجب as first names) count
only next to a day, a year, «شهر» or «الماضي/المقبل/الجاري».

The rules work on token lists so that one tokenisation serves the tagger and every rule; all
tables are built once at import.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.nlp.normalise import normalise, normalised_words

__all__ = ["find_dates", "month_words"]

_GREGORIAN = """
يناير فبراير مارس أبريل إبريل ابريل مايو يونيو يونيه يوليو يوليه أغسطس اغسطس أغشت سبتمبر
أكتوبر اكتوبر نوفمبر ديسمبر ماي يوليوز غشت شتنبر نونبر دجنبر جانفي فيفري أفريل جوان جويلية
أوت كانون_الثاني شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين_الأول تشرين_الثاني
كانون_الأول
"""
_HIJRI = """
محرم صفر ربيع_الأول ربيع_الاول ربيع_الآخر ربيع_الثاني جمادى_الأولى جمادى_الاولى جمادى_الأول
جمادى_الآخرة جمادى_الثانية جمادى_الآخر رجب شعبان رمضان شوال ذو_القعدة ذي_القعدة ذو_الحجة
ذي_الحجة
"""
_WEAK = "آب مارس ماي صفر محرم رمضان رجب شعبان نيسان تموز أوت جوان"
"""Month names that are ordinary words or first names too: a month only with a day, a year,
«شهر» or a relative word next to it."""

_WEEKDAYS = "الأحد الاحد الإثنين الاثنين الثلاثاء الأربعاء الاربعاء الخميس الجمعة السبت"
_RELATIVE = "الماضي الماضية المقبل المقبلة الجاري الجارية الحالي الحالية القادم القادمة المنصرم"
_YEAR_WORDS = "عام سنة العام السنة"
_PERIOD_WORDS = "العام السنة الشهر الأسبوع"
_ERA_WORDS = "هـ ه هجري هجرية ميلادي ميلادية م"
_RANGE_OPENERS = "من بين منذ"
_RANGE_LINKS = "إلى الى حتى و - – —"


def _month_table(text: str) -> dict[tuple[str, ...], bool]:
    """Month names as tuples of normalised words -> whether the name is weak."""
    weak = normalised_words(_WEAK)
    table: dict[tuple[str, ...], bool] = {}
    for name in text.split():
        words = tuple(normalise(w) for w in name.split("_"))
        table[words] = len(words) == 1 and words[0] in weak
    return table


_MONTHS: dict[tuple[str, ...], bool] = {**_month_table(_GREGORIAN), **_month_table(_HIJRI)}
_MONTH_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _name in sorted(_MONTHS, key=len, reverse=True):
    _MONTH_FIRST.setdefault(_name[0], []).append(_name)
_WEEKDAY_SET = normalised_words(_WEEKDAYS)
_RELATIVE_SET = normalised_words(_RELATIVE)
_YEAR_WORD_SET = normalised_words(_YEAR_WORDS)
_PERIOD_WORD_SET = normalised_words(_PERIOD_WORDS)
_ERA_SET = normalised_words(_ERA_WORDS)
_OPENERS = normalised_words(_RANGE_OPENERS)
_LINKS = normalised_words(_RANGE_LINKS)
_MONTH_WORD = normalise("شهر")
_DAY_WORD = normalise("يوم")
_CLITICS = ("و", "ف", "ب", "ل", "وب", "ول", "فب", "فل")
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def month_words() -> frozenset[str]:
    """Every normalised word that is part of a month name (for other rules' stop lists)."""
    return frozenset(w for name in _MONTHS for w in name)


def _number(word: str) -> int | None:
    """The value of an all-digit word in any of the three digit sets, else None."""
    ascii_digits = word.translate(_DIGITS)
    return int(ascii_digits) if ascii_digits.isascii() and ascii_digits.isdigit() else None


def _day(word: str) -> bool:
    """Whether a word is a day of the month: one or two digits, 1 to 31."""
    value = _number(word)
    return value is not None and 1 <= value <= 31 and len(word) <= 2


def _year_value(word: str) -> tuple[bool, bool]:
    """(is a year, carries its era letter): «2025», «1445», «1445ه», «2025م»."""
    era = False
    if word and word[-1] in "هم" and len(word) > 1:
        word, era = word[:-1], True
    value = _number(word)
    return (value is not None and len(word) in (3, 4) and 600 <= value <= 2200), era


def _is_year(word: str) -> bool:
    """Whether a word is a year (with or without its era letter)."""
    return _year_value(word)[0]


def _month_at(words: Sequence[str], i: int) -> tuple[int, bool] | None:
    """``(stop, weak)`` of the month name starting at ``words[i]``, or None."""
    for name in _MONTH_FIRST.get(words[i], ()):
        stop = i + len(name)
        if tuple(words[i:stop]) == name:
            return stop, _MONTHS[name]
    return None


def _year_tail(words: Sequence[str], i: int) -> int:
    """Index after an optional year (with its era word) at ``words[i]``; ``i`` if none."""
    if i < len(words) and _is_year(words[i]):
        i += 1
        if i < len(words) and words[i] in _ERA_SET:
            i += 1
    return i


def _month_phrase(words: Sequence[str], i: int) -> tuple[int, int] | None:
    """``(first, stop)`` of «[يوم] [weekday] [day] [شهر] month [year] [relative]» at ``i``."""
    n = len(words)
    first = j = i
    if words[j] == _DAY_WORD and j + 1 < n:
        j += 1
    if words[j] in _WEEKDAY_SET and j + 1 < n:
        j += 1
    has_day = _day(words[j])
    if has_day:
        j += 1
        if j >= n:
            return None
    has_month_word = words[j] == _MONTH_WORD
    if has_month_word and j + 1 < n:
        j += 1
    found = _month_at(words, j)
    if found is None:
        return None
    stop, weak = found
    after = _year_tail(words, stop)
    has_year = after > stop
    if after < n and words[after] in _RELATIVE_SET:
        after += 1
    context = has_day or has_year or has_month_word or after > stop
    if weak and not context:
        return None
    return first, after


def _year_phrase(words: Sequence[str], i: int) -> int | None:
    """Stop index of «عام 2025», «سنة 1445 هـ», «1445 هـ», «2025م» at ``i``, or None."""
    n = len(words)
    if words[i] in _YEAR_WORD_SET and i + 1 < n and _is_year(words[i + 1]):
        return _year_tail(words, i + 1)
    if words[i] in _PERIOD_WORD_SET and i + 1 < n and words[i + 1] in _RELATIVE_SET:
        return i + 2  # «العام الماضي», «الشهر المقبل»
    is_year, era = _year_value(words[i])
    if is_year and (era or (i + 1 < n and words[i + 1] in _ERA_SET)):
        return _year_tail(words, i)
    return None


def _numeric_date(words: Sequence[str], i: int) -> int | None:
    """Stop index of «18/09/2025» (tokens 18 / 09 / 2025) at ``i``, or None."""
    if i + 4 < len(words) and words[i + 1] == words[i + 3] and words[i + 1] in ("/", "-", "."):
        day, month = _number(words[i]), _number(words[i + 2])
        if (
            day is not None
            and month is not None
            and _is_year(words[i + 4])
            and ((1 <= day <= 31 and 1 <= month <= 12) or (1 <= day <= 12 and 1 <= month <= 31))
        ):
            return i + 5
    return None


def _point(words: Sequence[str], i: int) -> int | None:
    """Stop index of one date expression starting exactly at ``words[i]``, or None."""
    phrase = _month_phrase(words, i)
    if phrase is not None:
        return phrase[1]
    for rule in (_year_phrase, _numeric_date):
        stop = rule(words, i)
        if stop is not None:
            return stop
    if words[i] == _DAY_WORD and i + 1 < len(words) and words[i + 1] in _WEEKDAY_SET:
        return i + 2
    if words[i] in _WEEKDAY_SET:
        return i + 1
    return None


def _range_from_day(words: Sequence[str], i: int) -> int | None:
    """Stop index of «18 إلى 20 سبتمبر» / «3 و5 مايو» (a bare day, a link, a full date)."""
    n = len(words)
    if not _day(words[i]) or i + 2 >= n:
        return None
    j = i + 1
    if words[j] in _LINKS:
        j += 1
    elif words[j].startswith("و") and _day(words[j][1:]):
        # «و5 مايو»: the day with its glued «و» starts the second date.
        rest = [words[j][1:], *words[j + 1 : j + 8]]
        phrase = _month_phrase(rest, 0)
        return j + phrase[1] if phrase is not None else None
    else:
        return None
    phrase = _month_phrase(words, j) if _day(words[j]) else None
    return phrase[1] if phrase is not None else None


def _expression(words: Sequence[str], i: int, after_opener: bool) -> tuple[int, bool] | None:
    """``(stop, is_range)`` of a date or a range of dates starting exactly at ``words[i]``."""
    stop = _range_from_day(words, i)
    if stop is not None:
        return stop, True
    stop = _point(words, i)
    if stop is None:
        return None
    n = len(words)
    # «من سبتمبر إلى نوفمبر 2025», «18 سبتمبر - 20 أكتوبر», «بين مايو و يونيو».
    if stop + 1 < n and words[stop] in _LINKS and (after_opener or words[stop] != "و"):
        second = _point(words, stop + 1)
        if second is not None:
            return second, True
    return stop, False


def _with_clitic(words: Sequence[str], i: int) -> tuple[int, int] | None:
    """``(stop, lead)`` of a date whose first word carries a glued clitic («لعام 2025»)."""
    word = words[i]
    tail = list(words[i + 1 : i + 10])
    if word.startswith("لل") and len(word) > 3:
        # «للعام 2025»: ل + العام; the alef is not written, so the clitic stays in the span.
        found = _expression(["ال" + word[2:], *tail], 0, False)
        return (i + found[0], 0) if found is not None else None
    for clitic in _CLITICS:
        if word.startswith(clitic) and len(word) > len(clitic) + 1:
            found = _expression([word[len(clitic) :], *tail], 0, False)
            if found is not None:
                return i + found[0], len(clitic)
    return None


_STARTERS = frozenset(
    {*_MONTH_FIRST, *_WEEKDAY_SET, *_YEAR_WORD_SET, *_PERIOD_WORD_SET, *_OPENERS}
    | {_DAY_WORD, _MONTH_WORD}
)
"""Normalised words a date expression can start with (besides digits)."""


def _may_start(word: str) -> bool:
    """A cheap test that rules out most words before the date rules look at them."""
    if word[:1].isdigit() or word in _STARTERS:
        return True
    if word[:1] in "وفبل":
        return (
            word[1:] in _STARTERS
            or word[2:] in _STARTERS
            or "ال" + word[2:] in _STARTERS
            or word[1:2].isdigit()
        )
    return False


def find_dates(words: Sequence[str]) -> list[tuple[int, int, int]]:
    """The date expressions in a paragraph's normalised words.

    Returns ``(first, stop, lead)`` triples: the date covers ``words[first:stop]`` except the
    first ``lead`` letters, a glued conjunction or preposition («لعام 2025» → «عام 2025»).
    A range keeps its opening «من»/«بين» («من 18 إلى 20 سبتمبر»); a single date does not.
    Expressions never overlap and come in order.
    """
    spans: list[tuple[int, int, int]] = []
    n = len(words)
    i = 0
    while i < n:
        if not _may_start(words[i]):
            i += 1
            continue
        if words[i] in _OPENERS and i + 1 < n:
            found = _expression(words, i + 1, True)
            if found is not None:
                stop, is_range = found
                spans.append((i if is_range else i + 1, stop, 0))
                i = stop
                continue
        found = _expression(words, i, False)
        if found is not None:
            spans.append((i, found[0], 0))
            i = found[0]
            continue
        glued = _with_clitic(words, i) if words[i][:1] in "وفبل" else None
        if glued is not None:
            spans.append((i, glued[0], glued[1]))
            i = glued[0]
            continue
        i += 1
    return spans
