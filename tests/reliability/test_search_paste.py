"""A paste into the search box costs one search, whatever it holds (issue 15, item 7).

A terminal sends a paste between `ESC [200~` and `ESC [201~` (bracketed paste). Pasted text
may hold ESC bytes of its own (a log with colour codes, a hostile page copied from a browser):
those are data, not keys nor escape sequences. Before, each ESC inside a paste turned the next
characters into single key presses (an ESC ESC even became the escape key, closing the search
so that the rest of the paste ran as commands), and 100 KB took minutes and gigabytes. Here the
real app, on a pty, gets 100 KB of real prose laced with escape sequences in one bracketed
paste: it searches the first line at once, stays up, writes none of the pasted sequences back
to the terminal, keeps its memory, and leaves the terminal as it found it.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from harness import assert_restored, started
from terminals import PtyRun
from textual import events

from reader.search import find
from reader.terminals.paste import MAX_PASTE, PASTE_END, PASTE_START, PasteParser
from reader.text.load import load_document
from reader.ui.widgets.shaped_input import pasted_line

PASTE_BYTES = 100_000
SECONDS = 5.0
"""Time allowed from the paste to its search's hit counter (a plain paste takes well under 1 s)."""
GROWTH_MB = 60
"""Peak memory the paste may add to the app (the paste itself is 0.1 MB)."""
SEQUENCES = ["\x1b[31m", "\x1b]52;c;cXdvbmVk\x07", "\x1b\x1b", "\x1bq", "\x1b[2J", "\x1b]0;x\x07"]
"""Sequences laced through the paste: colour, a clipboard write, ESC ESC (the escape key when
typed), alt+q, a screen clear, a title change."""


def peak_kb(pid: int) -> int:
    """The process's peak resident memory so far (kB), from /proc."""
    status = Path(f"/proc/{pid}/status").read_text()
    match = re.search(r"^VmHWM:\s+(\d+) kB", status, re.MULTILINE)
    assert match is not None
    return int(match.group(1))


def hostile_paste(text: str, query: str) -> bytes:
    """`query` on the first line, then about 100 KB of `text`'s lines with an escape sequence
    every few words, all in one bracketed paste."""
    words = text.split()
    pieces: list[str] = [query, "\n"]
    size = 0
    index = 0
    while size < PASTE_BYTES:
        piece = words[index % len(words)] + (
            SEQUENCES[index % len(SEQUENCES)] if index % 3 == 0 else " "
        )
        if index % 12 == 11:
            piece += "\n"
        pieces.append(piece)
        size += len(piece.encode("utf-8"))
        index += 1
    return b"\x1b[200~" + "".join(pieces).encode("utf-8") + b"\x1b[201~"


def test_a_large_paste_with_escapes_is_one_search(
    texts: Path, run_in_pty: Callable[..., PtyRun]
) -> None:
    """100 KB with ESC bytes pasted into the search box: hits within seconds, the app still
    searching (no pasted key acted), no pasted sequence echoed, bounded memory, q restores."""
    path = texts / "news-01.ar.txt"
    text = path.read_text("utf-8")
    query = next(word for word in text.split() if len(word) >= 5 and text.count(word) >= 3)
    run = run_in_pty(str(path))
    started(run)
    run.send(b"/")
    run.pump(0.5)
    before = peak_kb(run.process.pid)
    offset = len(run.output)
    paste = hostile_paste(text, query)
    assert len(paste) >= PASTE_BYTES and paste.count(b"\x1b") > 1000
    began = time.monotonic()
    for start in range(0, len(paste), 4096):  # as a terminal writes it: in pieces
        run.send(paste[start : start + 4096])
        run.pump(0.01)
    hits = len(find([p.text for p in load_document(str(path)).paragraphs], query))
    counter = f"1/{hits}".encode()  # the search of the paste's first line, and only that
    deadline = began + SECONDS
    while counter not in run.output[offset:]:
        assert time.monotonic() < deadline, "no hit counter within the time allowed"
        assert run.process.poll() is None, "the app ended during the paste"
        run.pump(0.1)
    run.pump(1.0)
    assert run.process.poll() is None, "a pasted character acted as a command"
    grown_mb = (peak_kb(run.process.pid) - before) / 1024
    assert grown_mb < GROWTH_MB, f"the paste grew the app by {grown_mb:.0f} MB"
    echoed = bytes(run.output[offset:])
    for sequence in ("\x1b]52;", "\x1b]0;x", "\x1b[31m", "\x1b[2J"):
        assert sequence.encode() not in echoed, f"{sequence!r} reached the terminal"
    run.send(b"\r")  # keep the search, back to the article
    run.pump(0.3)
    run.send(b"q")
    assert run.wait_exit() == 0
    assert_restored(run)


def parse(chunks: list[str]) -> list[object]:
    """The events `PasteParser` makes of `chunks` read one after another, then the end."""
    parser = PasteParser()
    found: list[object] = []
    for chunk in chunks:
        found.extend(parser.feed(chunk))
    found.extend(parser.feed(""))
    return found


def described(found: list[object]) -> list[tuple[str, str]]:
    """Events as (kind, text): `paste` with its text, `key` with its key name."""
    return [
        ("paste", event.text) if isinstance(event, events.Paste) else ("key", event.key)
        for event in found
        if isinstance(event, (events.Paste, events.Key))
    ]


@pytest.mark.parametrize("cut", [1, 2, 3, 5, 7, 4096])
def test_a_paste_is_one_event_wherever_the_reads_cut_it(cut: int) -> None:
    """Keys, a paste holding ESC sequences, keys: the paste is one event with every byte of
    its text, the keys around it are keys, wherever the terminal's reads cut the stream (in
    the middle of either marker too)."""
    inside = "a\x1b[31mb\x1b\x1bq\x1b]52;c;eA==\x07\x1b[2"
    stream = "x" + PASTE_START + inside + PASTE_END + "y"
    chunks = [stream[i : i + cut] for i in range(0, len(stream), cut)]
    assert described(parse(chunks)) == [("key", "x"), ("paste", inside), ("key", "y")]


def test_a_lone_escape_is_still_the_escape_key() -> None:
    """The parser holds back no ESC the user typed: ESC alone is the escape key, and `ESC [`
    (the start of a marker) is not lost."""
    parser = PasteParser()
    found = list(parser.feed("\x1b"))
    for _ in range(10):  # the driver ticks at least every 0.1 s
        time.sleep(0.1)
        found.extend(parser.tick())
    assert described(found) == [("key", "escape")]
    assert described(parse(["\x1b[A"])) == [("key", "up")]


def test_a_huge_paste_keeps_its_start_only() -> None:
    """A paste over `MAX_PASTE` characters keeps its first `MAX_PASTE`: memory is bounded."""
    found = parse([PASTE_START, "ب" * MAX_PASTE, "x" * 5000, PASTE_END])
    assert described(found) == [("paste", "ب" * MAX_PASTE)]


@pytest.mark.parametrize(
    ("text", "room", "line"),
    [
        ("ابحث\x1b[31m عن\nالثاني", 200, "ابحث\u241b[31m عن"),
        ("\x9b2J\x07x", 200, "\ufffd2J\u2407x"),
        ("a" * 500, 200, "a" * 200),
        ("abc\r\ndef", 2, "ab"),
        ("\u2028after", 200, ""),
    ],
)
def test_a_pasted_line_is_inert_and_fits(text: str, room: int, line: str) -> None:
    """The search box takes the first line, cut to its room, controls shown as pictures."""
    assert pasted_line(text, room) == line
