"""DATE rules: every month-name family, Hijri dates, years, ranges, digits in three scripts."""

from __future__ import annotations

import pytest

from reader.nlp.entities.dates import find_dates
from reader.nlp.normalise import normalise
from reader.nlp.tokens import tokenize


def dates_in(text: str) -> list[str]:
    """The date expressions the rules find in ``text``, as the text's own characters."""
    tokens = tokenize(text)
    found = []
    for first, stop, lead in find_dates([normalise(t.text) for t in tokens]):
        start = tokens[first].start + lead
        found.append(text[start : tokens[stop - 1].end])
    return found


@pytest.mark.parametrize(
    "month",
    # Egyptian/Gulf, Levantine/Iraqi, Moroccan and Algerian/Tunisian names.
    [
        "يناير",
        "فبراير",
        "مارس",
        "أبريل",
        "مايو",
        "يونيو",
        "يوليو",
        "أغسطس",
        "سبتمبر",
        "أكتوبر",
        "نوفمبر",
        "ديسمبر",
        "كانون_الثاني",
        "شباط",
        "آذار",
        "نيسان",
        "أيار",
        "حزيران",
        "تموز",
        "آب",
        "أيلول",
        "تشرين_الأول",
        "تشرين_الثاني",
        "كانون_الأول",
        "ماي",
        "يوليوز",
        "غشت",
        "شتنبر",
        "نونبر",
        "دجنبر",
        "جانفي",
        "فيفري",
        "أفريل",
        "جوان",
        "جويلية",
        "أوت",
    ],
)
def test_every_gregorian_month_name_with_a_day_and_a_year(month: str) -> None:
    month = month.replace("_", " ")
    text = f"وصل الوفد في 12 {month} 2024 إلى المدينة."
    assert dates_in(text) == [f"12 {month} 2024"]


@pytest.mark.parametrize(
    "month",
    [
        "محرم",
        "صفر",
        "ربيع_الأول",
        "ربيع_الآخر",
        "جمادى_الأولى",
        "جمادى_الآخرة",
        "رجب",
        "شعبان",
        "رمضان",
        "شوال",
        "ذو_القعدة",
        "ذو_الحجة",
    ],
)
def test_every_hijri_month_with_day_and_hijri_year(month: str) -> None:
    month = month.replace("_", " ")
    text = f"صدر القرار في 3 {month} 1445 هـ وأعلن لاحقا."
    assert dates_in(text) == [f"3 {month} 1445 هـ"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("خلال الفترة من 18 إلى 20 سبتمبر الجاري.", ["من 18 إلى 20 سبتمبر الجاري"]),
        ("تنعقد بين 3 و5 مايو المقبل", ["بين 3 و5 مايو المقبل"]),
        ("من سبتمبر إلى نوفمبر 2025", ["من سبتمبر إلى نوفمبر 2025"]),
        ("من 1 حتى 3 شتنبر", ["من 1 حتى 3 شتنبر"]),
        ("18 سبتمبر - 20 أكتوبر 2025", ["18 سبتمبر - 20 أكتوبر 2025"]),
    ],
)
def test_ranges_keep_their_opening_word(text: str, expected: list[str]) -> None:
    assert dates_in(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("كأس العالم في عام 2030 بالشراكة", ["عام 2030"]),
        ("صدر سنة 1445 هـ", ["سنة 1445 هـ"]),
        ("صدر عام 1445هـ", ["عام 1445هـ"]),
        ("ولد 1950م في القاهرة", ["1950م"]),
        ("الميزانية لعام 2025 كبيرة", ["عام 2025"]),
        ("تقرير للعام 2024", ["للعام 2024"]),
        ("قال في العام الماضي", ["العام الماضي"]),
        ("منذ عام 2011", ["عام 2011"]),
    ],
)
def test_years_named_as_years(text: str, expected: list[str]) -> None:
    assert dates_in(text) == expected


def test_arabic_indic_and_persian_digits() -> None:
    assert dates_in("يوم ١٨ سبتمبر ٢٠٢٥ صباحا") == ["يوم ١٨ سبتمبر ٢٠٢٥"]
    assert dates_in("من ١٨ إلى ٢٠ شتنبر") == ["من ١٨ إلى ٢٠ شتنبر"]
    assert dates_in("سنة ۱۴۰۲ هـ") == ["سنة ۱۴۰۲ هـ"]


def test_weekdays_and_numeric_dates() -> None:
    assert dates_in("أعلن الائتلاف الأربعاء انتخاب") == ["الأربعاء"]
    assert dates_in("يوم الخميس 5 يونيو 2025 بدأ") == ["يوم الخميس 5 يونيو 2025"]
    assert dates_in("بتاريخ 18/09/2025 وقع") == ["18/09/2025"]


def test_harakat_and_tatweel_do_not_hide_a_month() -> None:
    assert dates_in("في 7 سِبْتَمْبَر 2001") == ["7 سِبْتَمْبَر 2001"]
    assert dates_in("في شهر رمضـان") == ["شهر رمضـان"]


@pytest.mark.parametrize(
    "text",
    [
        "قال أبي إن آب رجل طيب",  # آب also "father"
        "مارس الرئيس ضغوطا كبيرة",  # مارس also "practised"
        "تحدث طارق رمضان في الندوة",  # رمضان as a surname
        "بلغ العدد صفر تقريبا",  # صفر "zero"
        "سجل الفريق 2025 نقطة",  # a bare number is not a year
        "وصل 18 شخصا",
    ],
)
def test_ambiguous_words_alone_are_not_dates(text: str) -> None:
    assert dates_in(text) == []


def test_weak_month_names_count_in_context() -> None:
    assert dates_in("في آب الماضي") == ["آب الماضي"]
    assert dates_in("في 10 رمضان") == ["10 رمضان"]
    assert dates_in("خلال شهر رمضان") == ["شهر رمضان"]
    assert dates_in("في مارس 2020") == ["مارس 2020"]


def test_several_dates_in_one_paragraph_in_order() -> None:
    text = "في مراكش خلال نوفمبر 2025، وكأس العالم في عام 2030، ثم يوم السبت."
    assert dates_in(text) == ["نوفمبر 2025", "عام 2030", "يوم السبت"]
