"""A village or town name that opens with a settlement's head is a place
(`entities.placeheads.SETTLEMENT_HEADS`)."""

from __future__ import annotations

import pytest
from entity_texts import LARGE, found, real


@pytest.fixture(scope="module")
def large() -> str:
    assert LARGE.is_file(), f"test text not found: {LARGE}"
    return LARGE.read_text(encoding="utf-8")[:3_000_000]


@pytest.mark.parametrize(
    ("fragment", "place"),
    [
        # large-01's first article, on the Nubian village Dabod: the town was an organisation
        ("التي تقع شمال مركز كوم امبو مثل", "كوم امبو"),
        # a hamlet, an organisation
        ('و"نجع الشيخ فضل" ويحوى أبناء قبيلة الحاكماب', "نجع الشيخ فضل"),
        # a hamlet named after a man, who was listed instead
        ('و"عزبة عبد الحميد جبريل " وكلها بالسيل الريفى', "عزبة عبد الحميد جبريل"),
    ],
)
def test_a_settlement_is_a_place_with_its_head(large: str, fragment: str, place: str) -> None:
    assert (place, "LOCATION") in found(real(large, fragment))
