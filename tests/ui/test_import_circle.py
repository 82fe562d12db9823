"""The palette's commands and the reader screen no longer import each other."""

from __future__ import annotations

import subprocess
import sys


def test_the_palette_commands_import_without_the_reader_screen() -> None:
    code = (
        "import sys, reader.ui.commands\n"
        "assert 'reader.ui.screens.reader_screen' not in sys.modules, 'circle'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
