"""The Textual driver for terminal mode: every byte the app writes passes `OverrideWriter`.

Kept apart from `rows` (which knows nothing of Textual) so the encoding can be tested, and used
by `check-terminal`, without the UI.
"""

from __future__ import annotations

import os
from typing import Any

from textual.driver import Driver

from reader.terminals.rows import OverrideWriter


def overriding(base: type[Driver]) -> type[Driver]:
    """A subclass of the driver `base` whose writes are rewritten for terminals that reorder."""

    class OverridingDriver(base):  # type: ignore[valid-type,misc]
        """`base`, with each text run's direction fixed (see `reader.terminals.rows`)."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            """Set up the driver and a fresh rewriter."""
            super().__init__(*args, **kwargs)
            self._rows = OverrideWriter()
            self._columns: int | None = None

        def write(self, data: str) -> None:
            """Write `data` as whole rows under overrides (rows cut to the terminal's width)."""
            try:
                columns = os.get_terminal_size(self._file.fileno()).columns
            except (AttributeError, OSError, ValueError):
                columns = None
            if columns is not None and columns != self._columns:
                self._columns = columns
                self._rows.resize(columns)
            super().write(self._rows.feed(data))

    OverridingDriver.__name__ = f"Overriding{base.__name__}"
    return OverridingDriver
