"""The `reader` command: the app by default, and the subcommands for pipes and scripts.

`reader [FILE|-]` opens the app; `reader render|entities|topics [FILE|-] ...` print to stdout.
Each subcommand lives in `reader.commands.<name>` and provides `add_arguments(parser)` and
`run(args) -> int`. Errors a user can cause (a missing file, bad bytes) are one line on stderr
and exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from reader import streams
from reader.errors import UserError

SUBCOMMANDS = {
    "render": "print the document's visual lines: shaped, reordered, aligned",
    "entities": "list the people, places, organisations, events and dates it mentions",
    "topics": "list the topics it covers and each paragraph's main topic",
    "check-terminal": "show Arabic both ways and say which --bidi mode suits this terminal",
}
"""The subcommands, each implemented by the module of the same name in `reader.commands`."""

EXIT_USAGE = 2
"""Exit status for bad input or bad usage, as argparse uses."""
EXIT_OUTPUT = 1
"""Exit status when the output cannot be written (as `cat > /dev/full`)."""
EXIT_INTERRUPTED = 130
"""Exit status after ctrl+c (128 + SIGINT), as shells report it."""


def _subcommand_parser(name: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=f"reader {name}", description=SUBCOMMANDS[name])
    module = importlib.import_module(f"reader.commands.{name.replace('-', '_')}")
    module.add_arguments(parser)
    return parser


def _app_parser() -> argparse.ArgumentParser:
    epilog = "subcommands:\n" + "\n".join(
        f"  reader {name} [FILE|-] ...  {text}" for name, text in SUBCOMMANDS.items()
    )
    parser = argparse.ArgumentParser(
        prog="reader",
        description="Read an Arabic article in the terminal.",
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"reader {_version()}")
    module = importlib.import_module("reader.commands.app")
    module.add_arguments(parser)
    return parser


def _version() -> str:
    """The installed distribution's version (what pip reports), else the package's own."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("reader")
    except PackageNotFoundError:  # run from a source tree that was never installed
        from reader import __version__

        return __version__


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (130 after ctrl+c, wherever it came)."""
    try:
        return _main(argv)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except RuntimeError as error:
        # ctrl+c while a class is being built (a Textual widget's reactive attributes, during
        # the app's imports) reaches us wrapped: «Error calling __set_name__», caused by it.
        if _caused_by_interrupt(error):
            return EXIT_INTERRUPTED
        raise


def _caused_by_interrupt(error: BaseException) -> bool:
    """Whether a KeyboardInterrupt is somewhere in `error`'s chain of causes."""
    seen: set[int] = set()
    cause: BaseException | None = error
    while cause is not None and id(cause) not in seen:
        if isinstance(cause, KeyboardInterrupt):
            return True
        seen.add(id(cause))
        cause = cause.__cause__ or cause.__context__
    return False


def _main(argv: Sequence[str] | None) -> int:
    """Parse the arguments and run the app or a subcommand."""
    streams.guard()
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list and args_list[0] in SUBCOMMANDS:
        name = args_list.pop(0)
        parser = _subcommand_parser(name)
        module_name = f"reader.commands.{name.replace('-', '_')}"
    else:
        parser = _app_parser()
        module_name = "reader.commands.app"
    args = parser.parse_args(args_list)
    module = importlib.import_module(module_name)
    path = getattr(args, "file", None)
    try:
        streams.require_stdin(path)
        if module_name != "reader.commands.app":
            streams.require_stdout()
        streams.announce_waiting(path)
        status: int = module.run(args)
    except streams.OutputError as error:
        streams.say(str(error))
        streams.silence_stdout()
        return EXIT_OUTPUT
    except UserError as error:
        streams.say(str(error))
        return EXIT_USAGE
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader of our output went away (`reader render | head`): not an error of ours.
        streams.silence_stdout()
        return 0
    return status
