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

A third measurement decides how rows are written: mlterm counts zero-width characters as
columns when the cursor is moved within a row, so text written at column 40 of a row that holds
four controls lands at column 36. So terminal mode never writes part of a row: `OverrideWriter`
keeps a copy of every cell the app wrote (with its colours) and, for each row the app touched,
writes the whole row again from the first column, as LRM LRO, the first cell, LRM LRO, then the
rest. The controls before the first cell are for mlterm (it keeps them, and its first strong
character, the LRM, makes the row left-to-right); those after it for Konsole and VTE, which drop
a zero-width character written in the first column (it has no cell to attach to). Overrides are
never closed: a row is its own paragraph. The first cell is outside the override in Konsole, so
it must not be a right-to-left letter: the app's first column is a margin or the panel's edge
(the simulated terminal test holds this on every shared text).
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
CONTROLS = frozenset(LRM + LRO + "\u202c\u200c")
"""The characters terminal mode adds (and PDF), for removing them again in tests."""

ZWNJ = "\u200c"
"""ZERO WIDTH NON-JOINER, put between two cells of Arabic presentation forms: Konsole hands a
row to the font's shaper, which (left to right, under the override) made a lam followed by an
alef into the lam-alef ligature, so «المدير» read «لامدير»."""
_ESC = "\x1b"


def _forms(text: str) -> bool:
    """Whether a cell shows an Arabic presentation form (the shaped letters the app sends)."""
    return bool(text) and ("\ufb50" <= text[0] <= "\ufdff" or "\ufe70" <= text[0] <= "\ufefc")


def _zero_width(char: str) -> bool:
    """Whether `char` has no cell of its own (a combining mark, a format character)."""
    return unicodedata.combining(char) != 0 or unicodedata.category(char) in ("Mn", "Me", "Cf")


_RESET = "\x1b[0m"
_CURSOR_MOVES = "HfG"


class OverrideWriter:
    """Rewrites what the app writes to the terminal, one chunk at a time: each row the app
    writes to is sent whole, under an override (escape sequences split between chunks are
    kept for the next one)."""

    def __init__(self, width: int | None = None) -> None:
        """Start with an empty copy of the screen; `width` (columns) bounds every row, if known
        (`resize` changes it)."""
        self._pending = ""
        self._width = width
        self._cells: dict[int, list[tuple[str, str]]] = {}
        """Row → cells, each (SGR in force, character with its zero-width followers)."""
        self._touched: list[int] = []
        self._x = 0
        self._y = 0
        self._sgr = ""
        """The SGR sequences in force since the last reset."""

    def resize(self, width: int) -> None:
        """The terminal is now `width` columns wide: rows are cut to it."""
        self._width = width
        for row in self._cells.values():
            del row[width:]

    def feed(self, data: str) -> str:
        """The chunk `data` as terminal mode sends it."""
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
                i = end
                if sequence.startswith("\x1b[") and sequence[-1] == "m":
                    self._set_sgr(sequence)
                elif sequence.startswith("\x1b[") and sequence[-1] in _CURSOR_MOVES:
                    self._move(sequence)
                else:
                    self._flush(out)
                    self._erase(sequence)
                    out.append(sequence)
                continue
            i += 1
            if char == "\r":
                self._x = 0
            elif char == "\n":
                self._y += 1
            elif char < " " or char == "\x7f":
                self._flush(out)
                out.append(char)
            else:
                self._put(char)
        self._flush(out)
        return "".join(out)

    def _set_sgr(self, sequence: str) -> None:
        """Follow the colours and attributes in force."""
        params = sequence[2:-1]
        if params in ("", "0") or params.startswith("0;"):
            self._sgr = "" if params in ("", "0") else sequence
        else:
            self._sgr += sequence

    def _move(self, sequence: str) -> None:
        """Follow a cursor move (CUP or CHA)."""
        params = sequence[2:-1].split(";")
        if sequence[-1] == "G":
            self._x = max(1, int(params[0] or 1)) - 1
            return
        self._y = max(1, int(params[0] or 1)) - 1
        self._x = max(1, int(params[1] or 1)) - 1 if len(params) > 1 else 0

    def _erase(self, sequence: str) -> None:
        """Forget the cells an erasure or a screen switch blanks."""
        final = sequence[-1]
        if sequence in ("\x1b[2J", "\x1b[?1049h", "\x1b[?1049l", "\x1b[3J"):
            self._cells.clear()
        elif final == "K" and sequence.startswith("\x1b[") and self._y in self._cells:
            row = self._cells[self._y]
            if sequence in ("\x1b[K", "\x1b[0K"):
                del row[self._x :]
            else:
                self._cells.pop(self._y)

    def _put(self, char: str) -> None:
        """Write one character into the copy of the screen."""
        row = self._cells.setdefault(self._y, [])
        if self._y not in self._touched:
            self._touched.append(self._y)
        if _zero_width(char):
            if 0 < self._x <= len(row):
                sgr, text = row[self._x - 1]
                row[self._x - 1] = (sgr, text + char)
            return
        if self._width is not None and self._x >= self._width:
            return
        while len(row) < self._x:
            row.append(("", " "))
        cell = (self._sgr, char)
        if self._x < len(row):
            row[self._x] = cell
        else:
            row.append(cell)
        self._x += 1
        if unicodedata.east_asian_width(char) in ("W", "F"):
            if self._x < len(row):
                row[self._x] = (self._sgr, "")
            else:
                row.append((self._sgr, ""))
            self._x += 1

    def _flush(self, out: list[str]) -> None:
        """Send every touched row whole, then put the cursor and colours back as the app left
        them."""
        if not self._touched:
            return
        for y in self._touched:
            out.append(f"\x1b[{y + 1};1H{_RESET}")
            sgr = ""
            opened = False
            cells = self._cells.get(y, [])
            for column, (cell_sgr, text) in enumerate(cells):
                if column + 1 < len(cells) and _forms(text) and _forms(cells[column + 1][1]):
                    text += ZWNJ  # no font ligature across two cells (lam + alef read «لا»)
                if cell_sgr != sgr:
                    out.append(_RESET + cell_sgr)
                    sgr = cell_sgr
                    opened = False
                if column == 0:
                    out.append(OPEN + text + OPEN)
                    opened = True
                elif not opened and text:
                    out.append(text + OPEN)
                    opened = True
                else:
                    out.append(text)
        self._touched = []
        out.append(f"{_RESET}{self._sgr}\x1b[{self._y + 1};{self._x + 1}H")


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
