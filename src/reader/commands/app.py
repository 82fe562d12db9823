"""`reader [FILE|-]`: open the article in the full-screen reader."""

from __future__ import annotations

import argparse
import dataclasses

from reader import streams
from reader.commands.source import add_source_arguments, load_source
from reader.errors import UserError


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
        choices=("app", "terminal"),
        default=None,
        help="who reorders right-to-left text: the app (default) or a terminal that insists"
        " on doing it itself (Konsole, mlterm)",
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
        bidi=args.bidi or settings.bidi,
    )
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
    # Keys come from fd 0 and Textual draws on fd 2: both must be the terminal while it runs,
    # whatever the article was read from (`-`) or stderr was sent to (`2>log`, `2>/dev/full`).
    with streams.terminal_for_app():
        app.run_reader()
    return app.return_code or 0
