"""Keys typed while reader asks the terminal what it is are kept for the app, not lost."""

from __future__ import annotations

from reader.terminals.query import typed_keys


def test_replies_are_taken_out_and_typed_keys_kept() -> None:
    replies = b"q\x1b[?1;2c" + b"\x1bP>|xterm(379)\x1b\\" + b"j\x1b[>41;379;0c"
    assert typed_keys(replies) == "qj"


def test_nothing_typed_gives_nothing() -> None:
    assert typed_keys(b"\x1b[>0;136;0c\x1b[?6c") == ""
    assert typed_keys(b"") == ""
