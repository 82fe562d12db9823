"""A given name before a person's definite surname is part of the name (`entities.given`)."""

from __future__ import annotations

import pytest
from entity_texts import LARGE, REPO, found, real

from reader.nlp.entities import shapes
from reader.nlp.entities.given import given_name_before
from reader.nlp.normalise import normalise

NEWS_08 = REPO / ".." / "shared" / "data" / "texts" / "news-08.ar.txt"


@pytest.fixture(scope="module")
def large() -> str:
    assert LARGE.is_file(), f"test text not found: {LARGE}"
    return LARGE.read_text(encoding="utf-8")[:3_000_000]


def test_the_singer_is_named_with_her_given_name() -> None:
    """news-08 listed the singer as «الخليل» (also Hebron): the tagger tagged the family name
    and left «أميمة» outside."""
    text = real(NEWS_08.read_text("utf-8"), "المغنية اللبنانية أميمة الخليل التي رافقت خليفة")
    assert ("أميمة الخليل", "PERSON") in found(text)


def _rule(large: str, fragment: str, surname: str) -> list[tuple[str, str]]:
    """The rule alone on a real fragment where the tagger found the surname (in its document
    the name memory does): (text, type) of the spans it returns."""
    raw = real(large, fragment).split()
    words = [normalise(w) for w in raw]
    at = words.index(normalise(surname))
    spans = given_name_before(raw, words, [(at, at + 1, 0, "PERSON")], shapes._given)
    return [(" ".join(raw[a:b]), kind) for a, b, _, kind in spans]


def test_a_given_name_in_the_gazetteer_and_the_prior_joins(large: str) -> None:
    """large-01's article on Libya: «بقيادة إدريس السنوسي», the tagger's span «السنوسي»."""
    fragment = "ظلَّت المملكة الليبية بقيادة إدريس السنوسي تحكم ليبيا"
    assert _rule(large, fragment, "السنوسي") == [("إدريس السنوسي", "PERSON")]


@pytest.mark.parametrize(
    ("fragment", "surname"),
    [
        ("حالة حقوق الإنسان في مصر تحت حكم السيسي", "السيسي"),  # «حكم»: rule, in the gazetteer
        ("مجموعة لسيف الإسلام نجل القذافي باقتحام المدينة", "القذافي"),  # «نجل»: son
    ],
)
def test_a_common_word_before_a_surname_stays_outside(
    large: str, fragment: str, surname: str
) -> None:
    """The gazetteer lists «حكم» (rule) and «نجل» (son) as given names; the word vectors'
    prior keeps the first out, the relation nouns the second (in 3 MB of large-01 the
    gazetteer alone had also taken «عهد», «هاجم», «أراد», «عائلة» into names)."""
    assert _rule(large, fragment, surname) == [(surname, "PERSON")]
