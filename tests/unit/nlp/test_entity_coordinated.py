"""An organisation named by a head and two coordinated nouns keeps the second one
(`entities.coordinated`)."""

from __future__ import annotations

import pytest
from entity_texts import LARGE, found, real


@pytest.fixture(scope="module")
def large() -> str:
    assert LARGE.is_file(), f"test text not found: {LARGE}"
    return LARGE.read_text(encoding="utf-8")[:3_000_000]


@pytest.mark.parametrize(
    ("fragment", "name"),
    [
        # the party large-01 names ten times, listed as «حزب الحرية» ("the Freedom Party");
        # the participle after it opens a clause and stays out
        (
            "أشهر تلك الأحزاب هي حزب الحرية والعدالة المنبثق من جماعة الإخوان المسلمين",
            "حزب الحرية والعدالة",
        ),
        # a genitive glued to «لل» after a name, and a third noun
        (
            "مثل منظمة الأمم المتحدة للتربية والثقافة والعلوم (يونسكو) والمفوضية",
            "منظمة الأمم المتحدة للتربية والثقافة والعلوم",
        ),
    ],
)
def test_the_coordinated_noun_is_part_of_the_name(large: str, fragment: str, name: str) -> None:
    assert (name, "ORGANIZATION") in found(real(large, fragment))


@pytest.mark.parametrize(
    ("fragment", "outside"),
    [
        # the staff, a human plural, beside the teaching body
        ("من أعضاء هيئة التدريس والموظفين، ويجدر الإشارة", "والموظفين"),
        # a country's government and a second body, the bank
        ("صدرت من قبل حكومة الهند والبنك الاحتياطي الهندي وكانت", "والبنك"),
        # a second club: «الاتحاد» heads bodies of its own
        ("بإغلاق نادي الأهلي والاتحاد وتجميد نشاط كرة القدم", "والاتحاد"),
    ],
)
def test_a_second_body_or_the_staff_stays_outside(large: str, fragment: str, outside: str) -> None:
    for text, kind in found(real(large, fragment)):
        if kind == "ORGANIZATION":
            assert outside not in text.split()
