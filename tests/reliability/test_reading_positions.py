"""Reading positions survive anything: any file name, any bytes in positions.json, several
readers at once, a kill at any moment.

The app tests run the real `reader` on a pty; the file-content matrix runs `ReadingPositions`
in this process (the same code the app runs), and the concurrency tests run real processes that
save at the same moment.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from harness import assert_restored, started
from terminals import PtyRun

from reader.positions import ReadingPositions, document_key, state_dir

LATIN1_NAME = os.fsdecode(b"caf\xe9.txt")
"""A file name that is not valid UTF-8 (a Latin-1 byte), as Python holds it (surrogateescape)."""
CP1256_NAME = os.fsdecode(b"\xe3\xde\xc7\xe1\xc9.txt")
"""«مقالة» in Windows-1256 bytes, as an archive unpacked from Windows leaves it."""


def positions_file() -> Path:
    """The positions file of the test's private home."""
    return state_dir() / "positions.json"


def saved_paragraph(path: Path) -> int | None:
    """The paragraph saved for the file `path`, read back through the module."""
    data = path.read_bytes().decode("utf-8", "surrogateescape")
    return ReadingPositions().get(document_key(str(path), data))


def read_two_paragraphs_and_leave(run: PtyRun, leave: Callable[[PtyRun], None]) -> None:
    """On the first screen, move down two paragraphs (to ¶ 3), then leave."""
    started(run)
    run.send(b"j")
    run.wait_for("¶ 2/".encode())
    run.send(b"j")
    run.wait_for("¶ 3/".encode())
    leave(run)


LEAVE = {
    "q": (lambda run: run.send(b"q"), 0),
    "SIGTERM": (lambda run: run.signal(signal.SIGTERM), 128 + signal.SIGTERM),
    "SIGHUP": (lambda run: run.signal(signal.SIGHUP), 128 + signal.SIGHUP),
}


@pytest.mark.parametrize("way_out", list(LEAVE))
@pytest.mark.parametrize("name", [LATIN1_NAME, CP1256_NAME], ids=["latin1", "cp1256"])
def test_a_file_name_that_is_not_utf8_keeps_its_position(
    run_in_pty: Callable[..., PtyRun], texts: Path, tmp_path: Path, name: str, way_out: str
) -> None:
    """`reader café.txt` (Latin-1 byte in the name), j j, then q / SIGTERM / SIGHUP: clean exit,
    terminal restored, position saved; the next run opens at the same paragraph."""
    path = tmp_path / name
    path.write_bytes((texts / "news-01.ar.txt").read_bytes())
    leave, status = LEAVE[way_out]
    run = run_in_pty(str(path))
    read_two_paragraphs_and_leave(run, leave)
    assert run.wait_exit(timeout=15) == status
    assert_restored(run)
    assert saved_paragraph(path) == 2
    json.loads(positions_file().read_bytes().decode("utf-8"))  # still valid UTF-8 JSON
    again = run_in_pty(str(path))
    started(again)
    again.wait_for("¶ 3/".encode())
    # Not at once: q while the side panel's tabs are still being built is another, open race
    # (a ValueError from Textual's TabbedContent; see the report of issue 15, item 11).
    again.pump(2.0)
    again.send(b"q")
    status = again.wait_exit(timeout=15)
    assert status == 0, bytes(again.output)[-3000:].decode("utf-8", "replace")


# Files that are odd in any way: each must load (maybe empty), and the next save must work.
DAMAGED = {
    "nested": b"[" * 200_000 + b"]" * 200_000,
    "nested-object": b'{"a":' * 100_000 + b"1" + b"}" * 100_000,
    "truncated": b'{"file:/a:1:1": {"paragraph": 4, "name": "a", "time": 1.0},\n "file:/b',
    "not-utf8": b'{"file:/a:1:1": {"paragraph": 4, "name": "caf\xe9", "time": 1.0}}',
    "huge-int-key": b'{"a": {"paragraph": ' + b"9" * 5000 + b"}}",
    "binary": bytes(range(256)) * 4,
    "empty": b"",
    "list": b"[1, 2, 3]",
    "huge": b'{"x": "' + b"y" * (5 * 1024 * 1024) + b'"}',
}
"""File contents that are damaged: ignored with a warning, kept aside at the next save."""

ODD_BUT_READABLE = {
    "lone-surrogates": b'{"\\ud800k": {"paragraph": 1, "name": "\\udfff", "time": 1.0},'
    b' "keep": {"paragraph": 7, "name": "ok", "time": 2.0}}',
    "400-digit-time": b'{"keep": {"paragraph": 7, "time": ' + b"9" * 400 + b"}}",
    "400-digit-paragraph": b'{"a": {"paragraph": ' + b"9" * 400 + b'}, "keep": {"paragraph": 7}}',
    "infinite-time": b'{"keep": {"paragraph": 7, "time": 1e999},'
    b' "n": {"paragraph": 1, "time": NaN}}',
    "bool-paragraph": b'{"a": {"paragraph": true}, "keep": {"paragraph": 7, "name": 5}}',
}
"""File contents that parse but hold values out of shape: those entries are dropped, the rest
(`keep`, paragraph 7) is kept."""


@pytest.mark.parametrize("content", list(DAMAGED.values()), ids=list(DAMAGED))
def test_a_damaged_positions_file_loads_and_is_kept_aside(content: bytes) -> None:
    """Any bytes: loading never raises and warns; saving keeps the damaged file aside (byte for
    byte) and writes a good one."""
    path = positions_file()
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    positions = ReadingPositions()
    assert positions.warning is not None and "positions.json" in positions.warning
    positions.set("doc", 3, "doc")
    positions.save()
    assert json.loads(path.read_text("utf-8"))["doc"]["paragraph"] == 3
    aside = sorted(path.parent.glob("positions.json.damaged-*"))
    assert len(aside) == 1 and aside[0].read_bytes() == content
    assert ReadingPositions().warning is None


@pytest.mark.parametrize("content", list(ODD_BUT_READABLE.values()), ids=list(ODD_BUT_READABLE))
def test_odd_values_are_dropped_and_the_rest_kept(content: bytes) -> None:
    """Lone surrogates, 400-digit numbers, infinities: load, save and load again all work."""
    path = positions_file()
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    positions = ReadingPositions()
    assert positions.get("keep") == 7
    positions.set("doc", 3, "caf\udce9")
    positions.save()
    again = ReadingPositions()
    assert (again.get("keep"), again.get("doc"), again.warning) == (7, 3, None)
    path.read_bytes().decode("utf-8")  # the file is valid UTF-8


@pytest.mark.parametrize("kind", ["directory", "fifo"])
def test_something_else_in_place_of_the_file(kind: str) -> None:
    """A directory or a FIFO named positions.json: loading neither fails nor blocks."""
    path = positions_file()
    path.parent.mkdir(parents=True)
    if kind == "directory":
        path.mkdir()
    else:
        os.mkfifo(path)
    positions = ReadingPositions()
    assert positions.warning is not None
    positions.set("doc", 3)
    positions.save()
    assert ReadingPositions().get("doc") == 3


def test_a_nested_positions_file_does_not_stop_the_app(
    run_in_pty: Callable[..., PtyRun], texts: Path
) -> None:
    """The app starts, says the positions were ignored, and saves a good file on q."""
    path = positions_file()
    path.parent.mkdir(parents=True)
    path.write_bytes(DAMAGED["nested"])
    run = run_in_pty(str(texts / "news-01.ar.txt"))
    read_two_paragraphs_and_leave(run, lambda run: run.send(b"q"))
    assert run.wait_exit(timeout=15) == 0
    assert_restored(run)
    assert saved_paragraph(texts / "news-01.ar.txt") == 2
    assert len(list(path.parent.glob("positions.json.damaged-*"))) == 1


def test_an_instance_writes_only_what_it_changed() -> None:
    """A reader left open on one article does not overwrite a position saved meanwhile for
    another: only the entries an instance set are written."""
    first = ReadingPositions()
    first.set("b", 1)
    first.save()
    left_open = ReadingPositions()  # has b = 1 loaded
    meanwhile = ReadingPositions()
    meanwhile.set("b", 5)
    meanwhile.save()
    left_open.set("a", 2)
    left_open.save()
    final = ReadingPositions()
    assert (final.get("a"), final.get("b")) == (2, 5)


def test_two_apps_closed_in_either_order_keep_both_positions(
    run_in_pty: Callable[..., PtyRun], texts: Path
) -> None:
    """Two real readers on two articles, the older one closed last: both positions kept."""
    one, two = texts / "news-01.ar.txt", texts / "news-02.ar.txt"
    earlier = run_in_pty(str(one))
    started(earlier)
    later = run_in_pty(str(two))
    read_two_paragraphs_and_leave(later, lambda run: run.send(b"q"))
    assert later.wait_exit(timeout=15) == 0
    earlier.send(b"j")
    earlier.wait_for("¶ 2/".encode())
    earlier.send(b"q")
    assert earlier.wait_exit(timeout=15) == 0
    assert (saved_paragraph(one), saved_paragraph(two)) == (1, 2)


SAVER = """
import sys, time
from reader.positions import ReadingPositions
key, start = sys.argv[1], float(sys.argv[2])
positions = ReadingPositions()
positions.set(key, int(sys.argv[3]))
while time.time() < start:
    pass
positions.save()
"""
"""A process that saves one position at the moment `start` (all savers start together)."""


def test_many_readers_saving_at_the_same_moment_lose_nothing(home: Path) -> None:
    """8 processes save 8 different documents at the same instant, 5 rounds: all 40 kept."""
    env = {**os.environ, "XDG_STATE_HOME": str(home / "state")}
    for round_ in range(5):
        start = time.time() + 1.5
        savers = [
            subprocess.Popen(
                [sys.executable, "-c", SAVER, f"doc-{round_}-{n}", str(start), str(n)], env=env
            )
            for n in range(8)
        ]
        assert [saver.wait(30) for saver in savers] == [0] * 8
    positions = ReadingPositions()
    assert all(positions.get(f"doc-{r}-{n}") == n for r in range(5) for n in range(8))
    assert sorted(os.listdir(state_dir())) == ["positions.json"]
