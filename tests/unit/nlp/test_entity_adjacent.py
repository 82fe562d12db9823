"""Two persons side by side, nothing between them, are one person (`entities.adjacent`)."""

from __future__ import annotations

import pytest
from entity_texts import LARGE

from reader.nlp.entities import extract_paragraphs
from reader.nlp.entities.memory import NameMemory


@pytest.fixture(scope="module")
def large() -> str:
    assert LARGE.is_file(), f"test text not found: {LARGE}"
    return LARGE.read_text(encoding="utf-8")[:3_000_000]


def _people_in_article(large: str, fragment: str) -> list[str]:
    """The persons of the paragraph holding ``fragment``, read as `reader entities` reads it:
    its article from the start, paragraph by paragraph, with one name memory (the memory is
    what splits these names in the document)."""
    at = large.index(fragment)
    start = large.rindex("<doc ", 0, at)
    end = large.index("\n", at)
    paragraphs = list(enumerate(large[start:end].split("\n")))
    last = extract_paragraphs(paragraphs, NameMemory())[-1]
    return [m.text for m in last if m.type == "PERSON"]


@pytest.mark.parametrize(
    ("fragment", "name"),
    [
        # Charles IV, a person «كارول» and a person «الرابع» (the fourth)
        ("بأمر من الإمبراطور الرومانى كارول الرابع.", "كارول الرابع"),
        # a foreign surname after three given names
        ("وهنا أصبح جان كلود أدريان هلفشيوس طبيباً", "جان كلود أدريان هلفشيوس"),
        # a given name and her father's name and surname
        ("المستشارة تهاني محمد الجبالي (20 نوفمبر", "تهاني محمد الجبالي"),
        # the Mamluk sultan's regnal title and his name were two persons
        ("واجتمع الأمراء اجتمعوا مع المنصور عثمان لمناقشة", "المنصور عثمان"),
    ],
)
def test_a_name_cut_in_two_is_one_person(large: str, fragment: str, name: str) -> None:
    assert name in _people_in_article(large, fragment)


@pytest.mark.parametrize(
    ("fragment", "name"),
    [
        # a role before the name: the film's director
        ("الرومانسي أنجانا أنجاني للمخرج سيدهارث أناند. تدور", "سيدهارث أناند"),
        # a list of singers joined by «و»
        ("كلثوم ومحمد عبد الوهاب وعبد الحليم حافظ", "ومحمد عبد الوهاب"),
    ],
)
def test_a_role_or_a_list_stays_apart(large: str, fragment: str, name: str) -> None:
    assert name in _people_in_article(large, fragment)
