"""Keys typed while reader asks the terminal what it is are kept for the app, not lost; ctrl+c
in the first moments is an interrupt however Python wraps it."""

from __future__ import annotations

from reader.terminals.query import typed_keys


def test_replies_are_taken_out_and_typed_keys_kept() -> None:
    replies = b"q\x1b[?1;2c" + b"\x1bP>|xterm(379)\x1b\\" + b"j\x1b[>41;379;0c"
    assert typed_keys(replies) == "qj"


def test_nothing_typed_gives_nothing() -> None:
    assert typed_keys(b"\x1b[>0;136;0c\x1b[?6c") == ""
    assert typed_keys(b"") == ""


def test_ctrl_c_wrapped_by_class_creation_is_an_interrupt() -> None:
    """ctrl+c inside a descriptor's __set_name__ (a Textual reactive, while the app's modules
    load) reaches the CLI as a RuntimeError caused by KeyboardInterrupt: exit 130, no trace."""
    import reader.cli as cli

    class Interrupting:
        def __set_name__(self, owner: type, name: str) -> None:
            raise KeyboardInterrupt

    def build(argv: object) -> int:
        type("Widget", (), {"value": Interrupting()})
        return 0

    original = cli._main
    cli._main = build  # type: ignore[assignment]
    try:
        assert cli.main([]) == cli.EXIT_INTERRUPTED
    finally:
        cli._main = original  # type: ignore[assignment]
