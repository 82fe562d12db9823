"""The override writer: what it adds to the stream the app writes, and where."""

from __future__ import annotations

import pytest

from reader.terminals.rows import LRM, LRO, OPEN, OverrideWriter


def test_a_run_opens_its_override_after_its_first_cell() -> None:
    assert OverrideWriter().feed("\x1b[3;5Hابج") == f"\x1b[3;5Hا{OPEN}بج"


def test_a_run_in_the_first_column_also_opens_before_it() -> None:
    assert OverrideWriter().feed("\x1b[3;1Hab") == f"\x1b[3;1H{OPEN}a{OPEN}b"
    assert OverrideWriter().feed("\x1b[7Hab") == f"\x1b[7H{OPEN}a{OPEN}b"
    assert OverrideWriter().feed("x\r\nab") == f"x\r\n{OPEN}a{OPEN}b"


def test_colours_do_not_end_a_run_and_cursor_moves_do() -> None:
    out = OverrideWriter().feed("\x1b[2;4Hab\x1b[1;31mcd\x1b[2;9Hef")
    assert out == f"\x1b[2;4Ha{OPEN}b\x1b[1;31mcd\x1b[2;9He{OPEN}f"


def test_marks_stay_with_their_letter() -> None:
    """The override opens after the whole first cluster: a mark never leaves its base."""
    assert OverrideWriter().feed("\x1b[1;3Hبَت") == f"\x1b[1;3Hبَ{OPEN}ت"


@pytest.mark.parametrize("cut", range(1, 12))
def test_a_sequence_split_between_writes_is_kept_whole(cut: int) -> None:
    data = "\x1b[12;40Hمن\x1b]52;c;YQ==\x07 IGEF"
    whole = OverrideWriter().feed(data)
    writer = OverrideWriter()
    assert writer.feed(data[:cut]) + writer.feed(data[cut:]) == whole


def test_a_single_cell_run_needs_no_override() -> None:
    assert OverrideWriter().feed("\x1b[4;9Hا\x1b[4;20H") == "\x1b[4;9Hا\x1b[4;20H"
    assert LRM + LRO == OPEN
