"""Bracketed paste read whole: everything between `ESC [200~` and `ESC [201~` is one paste.

Textual's input parser reads a paste character by character, and an ESC inside the pasted text
starts an escape sequence there: the characters after it come out as key presses, one each (up
to 32 at a time), and two ESCs in a row come out as the escape key. So a pasted log with colour
codes typed itself into the focused widget key by key (100 KB took minutes and gigabytes), and
an ESC ESC in a paste closed the search box, so the rest of the paste ran as commands.

`PasteParser` takes a paste out of the byte stream before Textual's parser sees it and hands it
on as one `Paste` event: ESC and every other control in it are data. A paste longer than
`MAX_PASTE` keeps its first `MAX_PASTE` characters (nothing the reader takes a paste for needs
more), so memory stays bounded whatever is pasted. The driver `pasting(base)` reads its
terminal through this parser.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable
from typing import Any

from textual import events
from textual._xterm_parser import XTermParser
from textual.driver import Driver
from textual.message import Message

PASTE_START = "\x1b[200~"
PASTE_END = "\x1b[201~"
MAX_PASTE = 1 << 20
"""Characters of a paste kept (1 Mi): the rest is read and dropped."""
HOLD_SECONDS = 0.05
"""How long the start of a marker cut between two reads waits for the rest before it is taken
as keys (a lone ESC typed is one: it becomes the escape key this much later than it would)."""


def _partial_marker(data: str, marker: str) -> int:
    """The length of the longest end of `data` that begins `marker` (but is not all of it)."""
    for length in range(min(len(marker) - 1, len(data)), 0, -1):
        if marker.startswith(data[-length:]):
            return length
    return 0


class PasteParser(XTermParser):
    """Textual's terminal input parser, with bracketed pastes taken whole (see the module)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        """A parser outside any paste."""
        super().__init__(*args, **kwargs)
        self._pasting = False
        self._pasted: list[str] = []
        self._pasted_length = 0
        self._held = ""
        """The end of the last data read, if it may be the start of a marker cut in two."""
        self._held_since = 0.0

    def feed(self, data: str) -> Iterable[Message]:
        """Parse `data`: pastes become `Paste` events, the rest goes to Textual's parser."""
        if not data:  # end of input: what is held was not a marker
            if self._pasting:
                yield self._paste()
            elif self._held:
                yield from super().feed(self._held)
            self._held = ""
            yield from super().feed("")
            return
        data = self._held + data
        self._held = ""
        while data:
            if self._pasting:
                end = data.find(PASTE_END)
                if end < 0:
                    keep = _partial_marker(data, PASTE_END)
                    self._keep(data[: len(data) - keep])
                    self._held = data[len(data) - keep :]
                    return
                self._keep(data[:end])
                yield self._paste()
                data = data[end + len(PASTE_END) :]
            else:
                start = data.find(PASTE_START)
                if start < 0:
                    keep = _partial_marker(data, PASTE_START)  # kept until `tick` if alone
                    if keep < len(data):  # (an empty feed is the end of input)
                        yield from super().feed(data[: len(data) - keep])
                    self._held = data[len(data) - keep :]
                    self._held_since = time.monotonic()
                    return
                if start:
                    yield from super().feed(data[:start])
                self._pasting = True
                data = data[start + len(PASTE_START) :]

    def tick(self) -> Iterable[Message]:
        """Textual's timeouts (a lone ESC is the escape key after a moment)."""
        waited = time.monotonic() - self._held_since
        if self._held and not self._pasting and waited > HOLD_SECONDS:  # nothing followed
            held, self._held = self._held, ""
            yield from super().feed(held)
        yield from super().tick()

    def _keep(self, text: str) -> None:
        """Add `text` to the paste, up to `MAX_PASTE` characters."""
        room = MAX_PASTE - self._pasted_length
        if room > 0 and text:
            self._pasted.append(text[:room])
            self._pasted_length += min(room, len(text))

    def _paste(self) -> events.Paste:
        """The paste read so far, as one event (NUL removed, as Textual does); then outside."""
        text = "".join(self._pasted).replace("\x00", "")
        self._pasting = False
        self._pasted = []
        self._pasted_length = 0
        return events.Paste(text)


def pasting(base: type[Driver]) -> type[Driver]:
    """A subclass of the driver `base` that reads its terminal through `PasteParser`.

    Textual's Linux driver makes its parser in its input thread from a name of its module; the
    subclass's input thread sets that name to `PasteParser` (a subclass of the parser it named,
    so the module works as before, with whole pastes). Drivers that read no terminal this way
    (headless, web, another version of Textual) are returned as they are."""
    reader = getattr(base, "run_input_thread", None)
    module = sys.modules.get(getattr(reader, "__module__", "")) if callable(reader) else None
    if module is None or getattr(module, "XTermParser", None) not in (XTermParser, PasteParser):
        return base
    names = vars(module)

    class PastingDriver(base):  # type: ignore[valid-type,misc]
        """`base`, its input parsed by `PasteParser`."""

        def run_input_thread(self) -> None:
            """Textual's input thread, with pastes taken whole."""
            names["XTermParser"] = PasteParser
            super().run_input_thread()

    PastingDriver.__name__ = f"Pasting{base.__name__}"
    return PastingDriver
