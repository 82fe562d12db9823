"""Terminal mode: the app's own rows, defended against a terminal that reorders every row.

Measured under a virtual X display (docs/terminals/README.md) with the terminals of Debian 12:

- Konsole 22.12 runs the bidi algorithm over each row with a left-to-right base, honours
  embeddings, overrides and isolates, but mirrors no bracket (`(1)` reads `)1(`), and drops a
  zero-width character written in the first column (it has no cell to attach to);
- mlterm 3.9 picks each row's base direction from its first strong character (a row that starts
  with Arabic is mirrored whole), honours marks, embeddings and overrides, mirrors brackets, and
  draws each isolate control (RLI, LRI, PDI) as a blank cell of its own.

So logical text in isolates cannot look the same in both (isolates cost cells in mlterm,
brackets differ), but one thing does: the app's visual cells inside a LEFT-TO-RIGHT OVERRIDE.
Overridden characters are strong left-to-right at an even level, so neither terminal reorders,
mirrors or re-shapes them, and every region keeps its place. xterm and VTE in explicit mode
ignore the controls, so the same bytes are right there too.

`OverrideWriter` rewrites the stream the app sends: each run of text written at one cursor
position gets LRM LRO after its first character cluster (a zero-width character needs a cell
before it to attach to), plus LRM LRO before it when the run starts in the first column (for
mlterm, which keeps them there and then takes the row as left-to-right). Overrides are never
closed: a row is its own paragraph, so they end with the row, and a later run written into the
middle of a row (a changed panel entry) lands inside the override its row already opened.
For this to hold, the first column must never show a right-to-left character in terminal mode
(Konsole drops the controls there): the app keeps a blank first column.
"""

from __future__ import annotations

import unicodedata

LRM = "\u200e"
"""LEFT-TO-RIGHT MARK: a strong left-to-right character with no cell; sets a row's base
direction in terminals that look for the first strong character (mlterm)."""
LRO = "\u202d"
"""LEFT-TO-RIGHT OVERRIDE: what follows, to the end of the row, is shown in the order sent."""
OPEN = LRM + LRO
"""What opens a run's override."""
CONTROLS = frozenset(LRM + LRO + "\u202c")
"""The characters terminal mode adds (and PDF), for removing them again in tests."""

_ESC = "\x1b"


def _zero_width(char: str) -> bool:
    """Whether `char` has no cell of its own (a combining mark, a format character)."""
    return unicodedata.combining(char) != 0 or unicodedata.category(char) in ("Mn", "Me", "Cf")


class OverrideWriter:
    """Rewrites what the app writes to the terminal, one chunk at a time (escape sequences may
    be split between chunks; state is kept across them)."""

    def __init__(self) -> None:
        """Start with the cursor in an unknown column and no text run open."""
        self._pending = ""
        """An incomplete escape sequence held back from the previous chunk."""
        self._column_one = False
        """The cursor is in the first column (after CR, or a move to column 1)."""
        self._run = 0
        """0: no text run; 1: a run's first cluster was written; 2: its override is open."""

    def feed(self, data: str) -> str:
        """The chunk `data`, with overrides added to its text runs."""
        data = self._pending + data
        self._pending = ""
        out: list[str] = []
        i = 0
        n = len(data)
        while i < n:
            char = data[i]
            if char == _ESC:
                end = _sequence_end(data, i)
                if end is None:  # split across chunks: keep it for the next one
                    self._pending = data[i:]
                    break
                sequence = data[i:end]
                self._escape(sequence)
                out.append(sequence)
                i = end
                continue
            if char < " " or char == "\x7f":
                self._run = 0
                if char == "\r":
                    self._column_one = True
                elif char == "\n":
                    pass
                else:
                    self._column_one = False
                out.append(char)
                i += 1
                continue
            if self._run == 0:
                if self._column_one:
                    out.append(OPEN)
                self._column_one = False
                self._run = 1
                out.append(char)
            elif self._run == 1 and not _zero_width(char):
                out.append(OPEN)
                self._run = 2
                out.append(char)
            else:
                out.append(char)
            i += 1
        return "".join(out)

    def _escape(self, sequence: str) -> None:
        """Follow the cursor through an escape sequence; anything but SGR ends the text run."""
        if sequence.startswith("\x1b[") and sequence.endswith("m"):
            return  # colours and attributes: the run goes on
        self._run = 0
        if sequence.startswith("\x1b[") and sequence[-1] in "HfG":
            params = sequence[2:-1]
            column = params.split(";")[-1] if sequence[-1] in "Hf" and ";" in params else ""
            if sequence[-1] == "G":
                column = params
            self._column_one = column in ("", "1", "0", "01")
        elif sequence.startswith("\x1b[") and sequence[-1] in "ABCDEFJKXPL@":
            if sequence[-1] in "EF":
                self._column_one = True
            elif sequence[-1] in "CD":
                self._column_one = False


def _sequence_end(data: str, start: int) -> int | None:
    """The index just past the escape sequence at `start`, or None if `data` ends inside it."""
    n = len(data)
    if start + 1 >= n:
        return None
    kind = data[start + 1]
    if kind == "[":
        i = start + 2
        while i < n:
            if "\x40" <= data[i] <= "\x7e":
                return i + 1
            i += 1
        return None
    if kind in "]PX^_":  # OSC, DCS, SOS, PM, APC: up to BEL or ST
        i = start + 2
        while i < n:
            if data[i] == "\x07":
                return i + 1
            if data[i] == _ESC:
                if i + 1 >= n:
                    return None
                if data[i + 1] == "\\":
                    return i + 2
            i += 1
        return None
    if kind in "()*+#%":  # charset designations: one more character
        return start + 3 if start + 2 < n else None
    return start + 2
