"""The whole of Unicode 17's BidiCharacterTest.txt through the engine's own level and
reordering code: `bidi.resolve` (our regular-expression UAX #9 for text without explicit
formatting characters, python-bidi's Rust levels through its debug dump otherwise), then our L1
and L2. Also the generated class table against python-bidi itself."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.layout.bidi import REMOVED_CLASSES, apply_l1, resolve, visual_order
from reader.layout.uax9 import class_string

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
        paragraph_level, levels, classes = resolve(text, direction)  # type: ignore[arg-type]
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


def test_both_level_paths_are_exercised() -> None:
    """The conformance run above goes through both paths: most cases through `uax9`, the ones
    with explicit embeddings, overrides or isolates through python-bidi."""
    texts = ["".join(chr(int(c, 16)) for c in line.split(";")[0].split()) for _, line in _cases()]
    ours = sum(1 for text in texts if class_string(text) is not None)
    assert 90_000 < ours < len(texts)


def test_class_table_matches_python_bidi() -> None:
    """The class table `uax9` uses was generated from python-bidi; it must still agree with the
    installed version (regenerate with tools/gen_bidi_classes.py when it does not)."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "tools"))
    from gen_bidi_classes import classes, ranges

    from reader.layout.bidi_classes import RANGES

    assert tuple(ranges(classes())) == RANGES


if __name__ == "__main__":  # pragma: no cover
    pytest.main([__file__])
