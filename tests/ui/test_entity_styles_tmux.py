"""Entity types are told apart on every terminal, read back from tmux cell by cell.

The real `reader` runs in tmux with a given TERM, theme and NO_COLOR; `capture-pane -e` gives
each cell's colours and attributes as the terminal got them. For each entity type the tagger
finds in the default article's opening paragraphs, a word shown only inside that type's
mentions is looked up on screen (its shaped visual form, from the layout engine) and its cell
style read. Every type must differ from the others and from body text:

- with 16 colours (TERM=xterm, xterm's default) and with 256;
- with 8 colours: the same screen, bright colours (which an 8-colour terminal cannot show)
  counted as no colour;
- with NO_COLOR: no colour at all, so text attributes alone; and the text must be readable
  (never black on black: the ansi themes under NO_COLOR drew a black screen);
- never in italics (Konsole draws italic Arabic letters unjoined).
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from reader.layout import fit_label
from reader.nlp.entities import extract_document
from reader.text.load import load_document

SGR = re.compile(r"\x1b\[([0-9;:]*)m")
TYPES = ("PERSON", "LOCATION", "ORGANIZATION", "EVENT", "DATE")
"""The types the default article's first paragraphs mention."""


@dataclass(frozen=True)
class Cell:
    """What one cell looks like: colours as SGR parameter strings, and attributes."""

    fg: str | None = None
    bg: str | None = None
    bold: bool = False
    dim: bool = False
    italic: bool = False
    underline: bool = False
    reverse: bool = False

    def in_8_colours(self) -> Cell:
        """This cell on a terminal of 8 colours: bright colours are not shown."""

        def base(colour: str | None) -> str | None:
            return colour if colour is not None and re.fullmatch(r"3[0-7]|4[0-7]", colour) else None

        return Cell(
            base(self.fg), base(self.bg), self.bold, self.dim, False, self.underline, self.reverse
        )


def _apply(cell: Cell, parameters: str) -> Cell:
    """`cell` after one SGR sequence."""
    values = dict(cell.__dict__)
    codes = [c for c in re.split("[;:]", parameters) if c != ""] or ["0"]
    i = 0
    while i < len(codes):
        code = int(codes[i])
        if code == 0:
            values = dict(Cell().__dict__)
        elif code in (1, 2, 3, 4, 7):
            values[{1: "bold", 2: "dim", 3: "italic", 4: "underline", 7: "reverse"}[code]] = True
        elif code == 22:
            values["bold"] = values["dim"] = False
        elif code in (23, 24, 27):
            values[{23: "italic", 24: "underline", 27: "reverse"}[code]] = False
        elif code in (38, 48):  # extended colour: 5;n or 2;r;g;b
            size = 3 if codes[i + 1] == "5" else 5
            values["fg" if code == 38 else "bg"] = ";".join(codes[i : i + size])
            i += size - 1
        elif code in (39, 49):
            values["fg" if code == 39 else "bg"] = None
        elif 30 <= code <= 37 or 90 <= code <= 97:
            values["fg"] = str(code)
        elif 40 <= code <= 47 or 100 <= code <= 107:
            values["bg"] = str(code)
        i += 1
    return Cell(**values)


def read_cells(row: str) -> tuple[str, list[Cell]]:
    """A captured row's text and each character's cell style."""
    text: list[str] = []
    cells: list[Cell] = []
    cell = Cell()
    position = 0
    for match in SGR.finditer(row + "\x1b[m"):
        for char in row[position : match.start()]:
            text.append(char)
            cells.append(cell)
        cell = _apply(cell, match.group(1))
        position = match.end()
    return "".join(text), cells


def marker_words() -> dict[str, str]:
    """For each type, a word of the opening paragraphs found only inside that type's mentions."""
    document = load_document(None)
    opening = document.paragraphs[:2]
    entities = extract_document(document)
    words: dict[str, str] = {}
    for kind in TYPES:
        for entity in (e for e in entities if e.type == kind):
            for mention in (m for m in entity.mentions if m.paragraph < 2):
                for word in mention.text.split():
                    inside = sum(
                        m.text.split().count(word)
                        for e in entities
                        for m in e.mentions
                        if m.paragraph < 2
                    )
                    everywhere = sum(p.text.split().count(word) for p in opening)
                    if len(word) > 2 and inside == everywhere and kind not in words:
                        owners = {
                            e.type for e in entities for m in e.mentions if word in m.text.split()
                        }
                        if owners == {kind}:
                            words[kind] = word
    return words


class Tmux:
    """A private tmux server running one command at 120x40."""

    def __init__(self, command: str) -> None:
        tmux = shutil.which("tmux")
        if tmux is None:
            if os.environ.get("CI"):
                pytest.fail("tmux is required in CI (.ci/run installs it)")
            pytest.skip("tmux is not installed")
        self.base = [tmux, "-L", "reader-styles-" + uuid.uuid4().hex[:8], "-f", "/dev/null"]
        subprocess.run(
            [*self.base, "new-session", "-d", "-s", "s", "-x", "120", "-y", "40", command],
            check=True,
        )

    def capture(self) -> list[str]:
        result = subprocess.run(
            [*self.base, "capture-pane", "-p", "-e", "-t", "s"],
            capture_output=True,
            text=True,
            check=False,
        )
        return result.stdout.split("\n")

    def close(self) -> None:
        subprocess.run([*self.base, "kill-server"], capture_output=True, check=False)


@pytest.fixture(scope="module")
def words() -> dict[str, str]:
    found = marker_words()
    assert set(found) == set(TYPES), found
    return found


def screen_of(
    tmp_path: Path, env: dict[str, str], args: str, words: dict[str, str]
) -> Iterator[tuple[list[tuple[str, list[Cell]]], dict[str, Cell], Cell]]:
    """Run the reader; once every type's word shows, yield the rows, each type's cell style and
    the body text's."""
    settings = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
    reader = f"{shlex.quote(sys.executable)} -m reader {args}"
    home = f"XDG_CONFIG_HOME={tmp_path}/config XDG_STATE_HOME={tmp_path}/state"
    pane = Tmux(f"env -u NO_COLOR -u COLORTERM {home} {settings} {reader}; sleep 30")
    shown = {kind: fit_label(word, 99).text for kind, word in words.items()}
    body_word = fit_label("الوطني", 99).text  # in the opening line, outside any mention
    try:
        deadline = time.monotonic() + 30
        while not any("EVENTS" in row for row in pane.capture()):  # the panel: entities found
            if time.monotonic() > deadline:
                pytest.fail("entities not shown:\n" + "\n".join(pane.capture()))
            time.sleep(0.2)
        time.sleep(0.5)
        rows = [read_cells(row) for row in pane.capture()]
        styles: dict[str, Cell] = {}
        for kind, text in shown.items():
            for row_text, cells in rows:
                at = row_text.find(text)
                if at >= 0:
                    styles.setdefault(kind, cells[at])
        body = next((cells[t.find(body_word)] for t, cells in rows if body_word in t), None)
        assert set(styles) == set(TYPES) and body is not None, "\n".join(t for t, _ in rows)
        yield rows, styles, body
    finally:
        pane.close()


CASES = {
    "xterm-16": ({"TERM": "xterm"}, ""),
    "xterm-256": ({"TERM": "xterm-256color"}, ""),
    "ansi-dark-16": ({"TERM": "xterm"}, "--theme ansi-dark"),
    "ansi-light-256": ({"TERM": "xterm-256color"}, "--theme ansi-light"),
    "no-color": ({"TERM": "xterm-256color", "NO_COLOR": "1"}, ""),
    "no-color-ansi-dark": ({"TERM": "xterm", "NO_COLOR": "1"}, "--theme ansi-dark"),
    "no-color-ansi-light": ({"TERM": "xterm", "NO_COLOR": "1"}, "--theme ansi-light"),
}


@pytest.mark.parametrize("case", CASES)
def test_every_entity_type_is_distinct(tmp_path: Path, words: dict[str, str], case: str) -> None:
    env, args = CASES[case]
    for rows, styles, body in screen_of(tmp_path, env, args, words):
        signatures = [styles[kind] for kind in TYPES]
        assert len(set(signatures)) == len(TYPES), styles
        assert body not in signatures, (body, styles)
        if env["TERM"] == "xterm":  # the same screen on an 8-colour terminal
            eight = [s.in_8_colours() for s in signatures]
            assert len(set(eight)) == len(TYPES), eight
            assert body.in_8_colours() not in eight
        if "NO_COLOR" in env:
            assert all(s.fg is None and s.bg is None for s in (*signatures, body)), styles
        # Readable: no letter drawn in its own background colour, nothing in italics.
        letters = [(c, cell) for t, cells in rows for c, cell in zip(t, cells, strict=True)]
        assert sum(c.isalpha() for c, _ in letters) > 800  # the screen is full of text
        for char, cell in letters:
            assert not cell.italic
            if char.isalnum() and cell.fg is not None and cell.bg is not None:
                assert cell.fg.removeprefix("3") != cell.bg.removeprefix("4"), (char, cell)
