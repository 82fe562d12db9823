"""EVENT rules: a head noun and its bounded complement; Latin acronyms with a year."""

from __future__ import annotations

import pytest

from reader.nlp.entities.events import (
    EVENT_HEADS,
    ORGANIZATION_HEADS,
    find_acronym_events,
    find_headed_names,
    head_at,
)
from reader.nlp.normalise import normalise
from reader.nlp.tokens import tokenize


def names_in(
    text: str, heads: frozenset[str] = EVENT_HEADS, names: tuple[str, ...] = ()
) -> list[str]:
    """The headed names found in ``text``; words of ``names`` count as tagged place names."""
    tokens = tokenize(text)
    words = [normalise(t.text) for t in tokens]
    named = {normalise(n) for n in names}
    spans = find_headed_names(
        words, heads, blocked=lambda k: False, absorbable=lambda k: words[k] in named
    )
    return [text[tokens[a].start + lead : tokens[b - 1].end] for a, b, lead in spans]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the complement stops at a participle opening a relative clause
        ("للمشاركة في المنتدى الدولي المخصص لعرض التجهيزات", ["المنتدى الدولي"]),
        # ل + noun, the article, and a closing year belong to the name
        (
            "وكأس أمم إفريقيا لكرة القدم 2025، وكأس العالم",
            ["كأس أمم إفريقيا لكرة القدم 2025", "كأس العالم"],
        ),
        # it stops at a preposition
        ("وكأس العالم لكرة القدم في عام 2030", ["كأس العالم لكرة القدم"]),
        # ordinals with «و» + tens; stop before an organisation head
        (
            "استضافة الدورة الثالثة والتسعين للجمعية العامة لمنظمة الإنتربول في مراكش",
            ["الدورة الثالثة والتسعين للجمعية العامة"],
        ),
        ("في المعرض الدولي لتجهيزات الأمن الداخلي، شملت", ["المعرض الدولي لتجهيزات الأمن الداخلي"]),
        ("تجرى الانتخابات التشريعية المقبلة في", ["الانتخابات التشريعية"]),
        ("افتتح مهرجان قرطاج السينمائي", ["مهرجان قرطاج السينمائي"]),
        ("انعقد مؤتمر الأمم المتحدة للمناخ أمس", ["مؤتمر الأمم المتحدة للمناخ"]),
        ("شارك في بطولة العالم لألعاب القوى.", ["بطولة العالم لألعاب القوى"]),
        ("انعقدت القمة العربية الطارئة", ["القمة العربية الطارئة"]),
    ],
)
def test_event_head_with_bounded_complement(text: str, expected: list[str]) -> None:
    assert names_in(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "عقد المؤتمر الصحفي أمس",  # a press conference is not a named event
        "وصل إلى قمة الجبل",  # «قمة» without the article is too common a noun
        "زار المعرض يوم الخميس",  # a head without complement
        "هذا دوري في الفريق",  # «دوري» "my role"
    ],
)
def test_no_event_without_a_naming_complement(text: str) -> None:
    assert names_in(text) == []


def test_tagged_place_names_are_taken_into_the_complement() -> None:
    text = "فاز المنتخب بكأس أمم إفريقيا مرتين"
    assert names_in(text, names=("إفريقيا",)) == ["كأس أمم إفريقيا"]


def test_complement_is_bounded() -> None:
    text = "المنتدى الدولي الأول للأمن الداخلي العربي الأفريقي الآسيوي الأوروبي الأمريكي"
    (found,) = names_in(text)
    assert len(found.split()) == 7  # the head and six complement words


def test_blocked_words_end_the_complement() -> None:
    text = "حضر مؤتمر باريس للسلام"
    tokens = tokenize(text)
    words = [normalise(t.text) for t in tokens]
    # «باريس» is a tagged place (absorbable); «للسلام» is blocked (say, part of another name)
    spans = find_headed_names(words, EVENT_HEADS, lambda k: k == 3, lambda k: k == 2)
    assert [(a, b) for a, b, _ in spans] == [(1, 3)]


def test_organisation_heads_with_complement() -> None:
    text = "المدير العام لجهاز الشرطة الوطنية التركية. وزارة الداخلية المغربية أعلنت"
    assert names_in(text, ORGANIZATION_HEADS) == [
        "جهاز الشرطة الوطنية التركية",
        "وزارة الداخلية المغربية",
    ]


def test_head_with_clitics_and_article() -> None:
    assert head_at(normalise("وكأس"), EVENT_HEADS) == (1, False)
    assert head_at(normalise("بالمعرض"), EVENT_HEADS) == (1, True)
    # «للمنتدى» is ل + المنتدى: the ل cannot be cut off without losing the article's alef
    assert head_at(normalise("للمنتدى"), EVENT_HEADS) == (0, True)
    assert head_at(normalise("لمنظمة"), ORGANIZATION_HEADS) == (1, False)
    assert head_at(normalise("منظور"), ORGANIZATION_HEADS) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("بالعمل الأمني IGEF 2025 الذي", ["IGEF 2025"]),
        ("بطولة CAN ٢٠٢٥ في المغرب", ["CAN ٢٠٢٥"]),
        ("نسخة Expo 2020 ونظام ABC", []),  # not an acronym; an acronym without a year
        ("Windows 2000", []),
    ],
)
def test_acronym_with_year(text: str, expected: list[str]) -> None:
    tokens = tokenize(text)
    spans = find_acronym_events([t.text for t in tokens])
    assert [text[tokens[a].start : tokens[b - 1].end] for a, b, _ in spans] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قرأ البيانات بجهاز قياس الغاز المتأين", []),  # «جهاز» a device, not an agency
        ("مدير جهاز المخابرات العامة", ["جهاز المخابرات العامة"]),
        ("وقالت الشركة لأكبر المستثمرين", []),  # «the company»: anaphoric, not a name
        ("الشركة المالكة لأكبر تطبيق", ["الشركة المالكة"]),  # a dangling «ل» genitive is cut
    ],
)
def test_organisation_heads_that_are_common_nouns(text: str, expected: list[str]) -> None:
    assert names_in(text, ORGANIZATION_HEADS) == expected


def test_a_purpose_verb_ends_the_complement() -> None:
    text = "حصل على 62 صوتا في انتخابات رئاسة الائتلاف ليخلف الرئيس السابق"
    assert names_in(text) == ["انتخابات رئاسة الائتلاف"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("لغة المؤتمر الرسمية هي الإنجليزية", []),  # the adjective agrees with «لغة», not the head
        ("قال إن المؤتمر الحضور كبير", []),  # a definite head takes an adjective, not a noun
        ("أكبر مؤتمر لحركة ويكيميديا", []),  # a dangling «ل» genitive is not a complement
        # an edition number; the festival itself is a name of its own
        ("أحيا الدورة ال 41 لمهرجان قرطاج الدولي", ["الدورة ال 41", "مهرجان قرطاج الدولي"]),
        # «ينظمه» is a verb, and «مؤتمر سنوي» alone names nothing
        ("مؤتمر سنوي ينظمه الاتحاد", []),
        ("فازت في بطولة مثيرة", []),
        ("عقد مؤتمر صحفي بمقر اللجنة", []),
        ("فاز بكأس العالم للمرة الأولى", ["كأس العالم"]),
    ],
)
def test_definite_heads_take_agreeing_adjectives(text: str, expected: list[str]) -> None:
    assert names_in(text) == expected


def test_tagged_names_starting_with_lam_stay_in_the_name() -> None:
    text = "والأستاذ بجامعة ليدز ، قالت"
    assert names_in(text, ORGANIZATION_HEADS, names=("ليدز",)) == ["جامعة ليدز"]
