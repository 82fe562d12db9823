"""A word written with the accusative tanween is cut off a name's end
(`entities.accusatives`)."""

from __future__ import annotations

import pytest
from entity_texts import LARGE, found, real


@pytest.fixture(scope="module")
def large() -> str:
    assert LARGE.is_file(), f"test text not found: {LARGE}"
    return LARGE.read_text(encoding="utf-8")[:3_000_000]


def test_the_decree_after_the_sultan_is_no_part_of_his_name(large: str) -> None:
    """The sultan was «سليم الثالث فرمانًا سلطانيًا» (Selim III a sultan's decree)."""
    text = real(large, "أصدر السلطان العثماني سليم الثالث فرمانًا سلطانيًا بعزل خورشيد باشا")
    mentions = found(text)
    assert ("سليم الثالث", "PERSON") in mentions
    assert not any("فرمانًا" in name for name, _ in mentions)


def test_a_span_of_accusatives_only_is_no_name(large: str) -> None:
    """«خمسين كيساً ديوانياً» (fifty purses of the divan) was a person."""
    text = real(large, "خمسين كيساً ديوانياً من أموال الخزانة للإنفاق")
    assert not any("كيساً" in name for name, _ in found(text))


def test_a_given_name_in_the_accusative_keeps_its_tanween(large: str) -> None:
    """The rule cuts past a name's first word only: «جوهرًا» is Jawhar, the object of «وجّه»."""
    text = real(large, "فوجّه جوهرًا الصقليّ إلى القرامطة، لكنّه هزُم")
    assert ("جوهرًا الصقليّ", "PERSON") in found(text)
