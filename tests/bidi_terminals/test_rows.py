"""The override writer: every row the app writes to is sent whole, from the first column, with
LRM LRO before and after its first cell; colours and the cursor are kept."""

from __future__ import annotations

import pytest

from reader.terminals.rows import OPEN, OverrideWriter

R = "\x1b[0m"


def test_a_partial_write_sends_the_whole_row() -> None:
    writer = OverrideWriter(20)
    first = writer.feed("\x1b[3;1Hpanel \x1b[3;9Hابج")
    assert first == f"\x1b[3;1H{R}{OPEN}p{OPEN}anel   ابج{R}\x1b[3;12H"
    # A later write in the middle of the row (a changed entry) rewrites the row from column 1.
    again = writer.feed("\x1b[3;2HA")
    assert again == f"\x1b[3;1H{R}{OPEN}p{OPEN}Anel   ابج{R}\x1b[3;3H"


def test_colours_stay_with_their_cells() -> None:
    writer = OverrideWriter(10)
    writer.feed("\x1b[1;1H\x1b[31mab\x1b[0mcd")
    out = writer.feed("\x1b[1;4H\x1b[1mX")
    # Each style run opens its own override after its first cell (mlterm and Konsole end one
    # where the attributes change).
    assert out == (
        f"\x1b[1;1H{R}{R}\x1b[31m{OPEN}a{OPEN}b{R}c{OPEN}{R}\x1b[1mX{OPEN}{R}\x1b[1m\x1b[1;5H"
    )


def test_marks_stay_with_their_letter() -> None:
    """A mark belongs to the cell before it: the first cell's override follows its marks."""
    out = OverrideWriter(10).feed("\x1b[1;1Hبَت")
    assert out == f"\x1b[1;1H{R}{OPEN}بَ{OPEN}ت{R}\x1b[1;3H"


def test_rows_are_cut_to_the_width_and_erasures_forget_cells() -> None:
    writer = OverrideWriter(4)
    assert writer.feed("\x1b[1;1Habcdef").startswith(f"\x1b[1;1H{R}{OPEN}a{OPEN}bcd{R}")
    assert writer.feed("\x1b[2J\x1b[1;3Hx") == f"\x1b[2J\x1b[1;1H{R}{OPEN} {OPEN} x{R}\x1b[1;4H"
    writer.resize(2)
    assert writer.feed("\x1b[1;1Hz").startswith(f"\x1b[1;1H{R}{OPEN}z{OPEN} {R}")


@pytest.mark.parametrize("cut", range(1, 30))
def test_a_sequence_split_between_writes_is_kept_whole(cut: int) -> None:
    data = "\x1b[12;40Hمن\x1b]52;c;YQ==\x07\x1b[12;44H IGEF\x1b[?2026l"
    whole = OverrideWriter(80).feed(data)
    writer = OverrideWriter(80)
    parts = writer.feed(data[:cut]) + writer.feed(data[cut:])
    assert _screen(parts) == _screen(whole)  # the same screen however the bytes were cut


def _screen(output: str) -> list[str]:
    """What a terminal without bidi shows for `output` (via the tests' cell grid)."""
    from cellgrid import Grid

    grid = Grid(80, 20)
    grid.feed(output)
    return grid.rows(keep_first_column=True)
