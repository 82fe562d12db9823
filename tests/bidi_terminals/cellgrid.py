"""A minimal terminal screen for tests: cells written by cursor moves and text, with zero-width
characters (marks, bidi controls) attached to the cell before them, as Konsole, VTE and mlterm
store them. It understands what Textual writes (CUP, erase, SGR ignored), nothing more.

A zero-width character written in the first column has no cell before it: Konsole and VTE drop
it, mlterm keeps it in front of the row. `rows(keep_first_column=...)` gives either.
"""

from __future__ import annotations

import re
import unicodedata

_CSI = re.compile(r"\x1b\[([0-9;?<=>]*)([ -/]*)([@-~])")
_OTHER = re.compile(r"\x1b(?:\][^\x07\x1b]*(?:\x07|\x1b\\)|P[^\x1b]*\x1b\\|[()*+#%].|.)", re.S)


def _width(char: str) -> int:
    """Cells `char` takes: 0 for marks and format characters, 2 for wide ones, else 1."""
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


class Grid:
    """`height` rows of `width` cells."""

    def __init__(self, width: int, height: int) -> None:
        """A blank screen, the cursor at the top left."""
        self.width = width
        self.height = height
        self.cells = [[" "] * width for _ in range(height)]
        self.prefix = [""] * height
        self.x = 0
        self.y = 0
        self._moved = True

    def feed(self, text: str) -> None:
        """Apply what a program wrote."""
        i = 0
        while i < len(text):
            char = text[i]
            if char == "\x1b":
                match = _CSI.match(text, i)
                if match:
                    self._csi(match.group(1), match.group(3))
                    i = match.end()
                    continue
                other = _OTHER.match(text, i)
                i = other.end() if other else i + 1
                continue
            i += 1
            if char == "\r":
                self.x, self._moved = 0, True
            elif char == "\n":
                self.y = min(self.height - 1, self.y + 1)
            elif char == "\b":
                self.x = max(0, self.x - 1)
            elif char < " " or char == "\x7f":
                continue
            elif _width(char) == 0:
                if self.x > 0:
                    self.cells[self.y][self.x - 1] += char
                else:
                    if self._moved:
                        self.prefix[self.y] = ""
                    self.prefix[self.y] += char
                    self._moved = False
            else:
                if self.x >= self.width:
                    continue  # Textual never writes past the edge; ignore rather than wrap
                self.cells[self.y][self.x] = char
                if _width(char) == 2 and self.x + 1 < self.width:
                    self.cells[self.y][self.x + 1] = ""
                self.x += _width(char)
                self._moved = False

    def _csi(self, params: str, final: str) -> None:
        """Cursor moves and erasures; everything else (SGR, modes) changes no cell."""
        if params.startswith(("?", ">", "<", "=")):
            if final in "hl" and params in ("?1049", "?47", "?1047"):
                self._erase_all()
            return
        numbers = [int(p) if p else 0 for p in params.split(";")] if params else []
        first = numbers[0] if numbers else 0
        if final in "Hf":
            row = (numbers[0] if numbers else 1) or 1
            col = (numbers[1] if len(numbers) > 1 else 1) or 1
            self.y, self.x = min(row, self.height) - 1, min(col, self.width) - 1
            self._moved = True
        elif final == "G":
            self.x, self._moved = min(first or 1, self.width) - 1, True
        elif final == "A":
            self.y = max(0, self.y - (first or 1))
        elif final == "B":
            self.y = min(self.height - 1, self.y + (first or 1))
        elif final == "C":
            self.x = min(self.width - 1, self.x + (first or 1))
        elif final == "D":
            self.x = max(0, self.x - (first or 1))
        elif final == "J" and first == 2:
            self._erase_all()
        elif final == "K":
            start = self.x if first == 0 else 0
            end = self.width if first in (0, 2) else self.x + 1
            for column in range(start, end):
                self.cells[self.y][column] = " "
            if start == 0:
                self.prefix[self.y] = ""

    def _erase_all(self) -> None:
        """Blank every cell."""
        self.cells = [[" "] * self.width for _ in range(self.height)]
        self.prefix = [""] * self.height

    def rows(self, *, keep_first_column: bool) -> list[str]:
        """Each row as the terminal's bidi sees it: its cells, zero-width characters included,
        with or without those written in the first column."""
        return [
            (prefix if keep_first_column else "") + "".join(cells)
            for prefix, cells in zip(self.prefix, self.cells, strict=True)
        ]
