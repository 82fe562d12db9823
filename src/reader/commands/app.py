"""`reader [FILE|-]`: open the article in the full-screen reader."""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
from typing import TYPE_CHECKING, cast

from reader import streams
from reader.commands.source import add_source_arguments, load_source
from reader.errors import UserError

if TYPE_CHECKING:
    from reader.terminals.detect import Decision, Requested


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The app's options: the file, direction, bidi mode, theme and interface language."""
    add_source_arguments(parser)
    parser.add_argument(
        "--direction",
        choices=("auto", "rtl", "ltr"),
        default="auto",
        help="paragraph direction (default auto: each paragraph's first strong letter)",
    )
    parser.add_argument(
        "--bidi",
        choices=("auto", "app", "terminal"),
        default=None,
        help="how right-to-left text is drawn: auto (default: from the environment and the"
        " terminal's answers), app (for terminals without bidi), or terminal (for terminals"
        " that reorder each row: Konsole, mlterm); `reader check-terminal` helps choose",
    )
    parser.add_argument(
        "--theme",
        default=None,
        help="a Textual theme, e.g. ansi-dark, ansi-light (settings and key remaps live in"
        " $XDG_CONFIG_HOME/reader/config.toml)",
    )
    parser.add_argument(
        "--lang", choices=("en", "ar"), default=None, help="language of the interface words"
    )


def choose_bidi(requested: str, source: str) -> tuple[Decision, str]:
    """Decide the bidi mode: from the environment, else (auto, on a terminal) from what the
    terminal answers to a short query made before the app takes the screen. Also returns the
    keys the user typed meanwhile, for the app to press once it is ready."""
    from reader.terminals.detect import decide, needs_query, parse_answers

    mode = cast("Requested", requested)
    answers = None
    typed = ""
    if needs_query(mode, os.environ) and sys.stdin.isatty() and sys.stdout.isatty():
        from reader.terminals.query import ask, typed_keys

        replies = ask(sys.stdin.fileno(), sys.stdout.fileno())
        answers = parse_answers(replies)
        typed = typed_keys(replies)
    return decide(mode, os.environ, answers, source=source), typed


def run(args: argparse.Namespace) -> int:
    """Load the document (a `UserError` reaches the CLI as one line), then run the reader."""
    from reader.config import load_settings
    from reader.positions import ReadingPositions, document_key
    from reader.text.sniff import is_address

    settings = load_settings()
    settings = dataclasses.replace(
        settings,
        theme=args.theme or settings.theme,
        language=args.lang or settings.language,
    )
    decision, typed = choose_bidi(
        args.bidi or settings.bidi_request, "--bidi" if args.bidi else "bidi in config.toml"
    )
    # The app always draws visual order; in terminal mode its writes are defended against a
    # terminal that reorders each row (reader.terminals.rows).
    settings = dataclasses.replace(settings, bidi="app")
    document = load_source(args)
    from textual.theme import BUILTIN_THEMES

    if settings.theme and settings.theme not in BUILTIN_THEMES:
        raise UserError(
            f"unknown theme {settings.theme!r}; try one of: {', '.join(sorted(BUILTIN_THEMES))}"
        )
    from reader.ui.app import ReaderApp

    app = ReaderApp(
        document,
        settings=settings,
        direction=args.direction,
        positions=ReadingPositions(),
        # An address is its own key: its position is remembered whether it comes from the
        # network or the cache, and across a --refresh that changed the page a little.
        document_key=f"url:{args.file}"
        if args.file and is_address(args.file)
        else document_key(args.file, document.text),
    )
    from reader.terminals.detect import switch_sequences

    app.terminal_switch = switch_sequences(decision)
    app.typed_ahead = typed
    app.bidi_note = f"bidi: {decision.mode} ({decision.reason})" + (
        f"; {decision.advice}" if decision.advice else ""
    )
    from reader.terminals.paste import pasting

    app.driver_class = pasting(app.driver_class)  # a paste is one event, ESC in it is data
    if decision.mode == "terminal":
        from reader.terminals.driver import overriding

        app.driver_class = overriding(app.driver_class)
    # Keys come from fd 0 and Textual draws on fd 2: both must be the terminal while it runs,
    # whatever the article was read from (`-`) or stderr was sent to (`2>log`, `2>/dev/full`).
    with streams.terminal_for_app():
        app.run_reader()
    return app.return_code or 0
