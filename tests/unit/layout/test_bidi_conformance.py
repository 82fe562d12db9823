"""The whole of Unicode 17's BidiCharacterTest.txt through the engine's own level and
reordering code: python-bidi's levels (through its debug dump), then our L1 and L2."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.layout.bidi import REMOVED_CLASSES, apply_l1, resolve_with_rust, visual_order

DATA = Path(__file__).resolve().parents[3] / ".." / "shared" / "data" / "unicode"
DIRECTIONS = {"0": "ltr", "1": "rtl", "2": "auto"}


def _cases() -> list[tuple[int, str]]:
    path = DATA / "BidiCharacterTest.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return [(n, line) for n, line in enumerate(lines, 1) if line and not line.startswith("#")]


def test_every_bidi_character_test_case() -> None:
    cases = _cases()
    assert len(cases) > 90_000  # the whole file, not a sample
    failures: list[str] = []
    for number, line in cases:
        fields = line.split(";")
        text = "".join(chr(int(code, 16)) for code in fields[0].split())
        direction = DIRECTIONS[fields[1]]
        paragraph_level, levels, classes = resolve_with_rust(text, direction)  # type: ignore[arg-type]
        apply_l1(classes, levels, paragraph_level)
        shown = ["x" if classes[i] in REMOVED_CLASSES else str(levels[i]) for i in range(len(text))]
        kept = [i for i in range(len(text)) if classes[i] not in REMOVED_CLASSES]
        order = [kept[i] for i in visual_order([levels[i] for i in kept])]
        expected_order = [int(i) for i in fields[4].split()]
        if (
            str(paragraph_level) != fields[2]
            or " ".join(shown) != fields[3]
            or order != expected_order
        ):
            failures.append(f"line {number}: {line}")
    assert not failures, f"{len(failures)} of {len(cases)} cases fail, first: {failures[:5]}"


if __name__ == "__main__":  # pragma: no cover
    pytest.main([__file__])
