"""Soak tests, bounded in time: many readers saving at once and killed at random moments; `q`
or ctrl+c at random moments of start-up on every real text.

Each runs for at most `SOAK_SECONDS` of new work (set `READER_SOAK_SECONDS` to soak longer),
with a fixed random seed per run printed on failure, so a failure can be replayed.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from harness import TURNED_ON_THEN_OFF, assert_no_traceback
from terminals import PtyRun

from reader.positions import ReadingPositions, state_dir

SOAK_SECONDS = float(os.environ.get("READER_SOAK_SECONDS", "40"))
"""How long each soak test keeps starting new work."""

SAVER = """
import sys
from reader.positions import ReadingPositions
key, value = sys.argv[1], int(sys.argv[2])
while True:
    value += 1
    positions = ReadingPositions()
    positions.set(key, value)
    positions.save()
    sys.stdout.write(f"{value}\\n")
    sys.stdout.flush()
"""
"""A reader that saves ever larger positions for its own document (counting on from the last
one its killed predecessor confirmed), printing each one saved."""


def test_soak_readers_killed_at_random_never_lose_a_position(home: Path) -> None:
    """8 processes save without pause; one of them is killed with SIGKILL every few
    milliseconds and replaced. Every position a process reported saved is on disk (or a later
    one), the file always parses, and no temporary file is left once a reader starts."""
    seed = random.randrange(1 << 30)
    chance = random.Random(seed)
    env = {**os.environ, "XDG_STATE_HOME": str(home / "state"), "PYTHONUNBUFFERED": "1"}
    confirmed: dict[str, int] = {}
    kills = 0

    def start(key: str) -> subprocess.Popen[bytes]:
        return subprocess.Popen(
            [sys.executable, "-c", SAVER, key, str(confirmed.get(key, 0))],
            env=env,
            stdout=subprocess.PIPE,
        )

    def reap(key: str, process: subprocess.Popen[bytes]) -> None:
        out, _ = process.communicate(timeout=30)
        lines = out.decode().split()
        if lines:
            confirmed[key] = max(confirmed.get(key, 0), int(lines[-1]))

    running = {f"doc-{n}": start(f"doc-{n}") for n in range(8)}
    deadline = time.monotonic() + min(SOAK_SECONDS, 45)
    try:
        while time.monotonic() < deadline:
            time.sleep(chance.uniform(0.05, 0.4))
            key = chance.choice(sorted(running))
            running[key].send_signal(signal.SIGKILL)
            kills += 1
            reap(key, running[key])
            running[key] = start(key)
    finally:
        for key, process in running.items():
            process.send_signal(signal.SIGKILL)
            reap(key, process)
    path = state_dir() / "positions.json"
    on_disk = json.loads(path.read_text("utf-8"))
    positions = ReadingPositions()  # a reader starting: removes a killed saver's temporary file
    lost = {k: (v, positions.get(k)) for k, v in confirmed.items() if (positions.get(k) or 0) < v}
    assert not lost, f"seed {seed}: positions lost (confirmed, on disk): {lost}"
    assert len(on_disk) == 8 and kills > 20
    assert sorted(os.listdir(state_dir())) == ["positions.json"], f"seed {seed}"


def test_soak_leaving_at_random_moments_of_start_up(
    run_in_pty: Callable[..., PtyRun], texts: Path
) -> None:
    """On every real text in turn, `q` or ctrl+c at a random moment from 0 to 1.5 s after the
    start: the reader exits with 0 or 130, never writes a traceback, and restores the terminal."""
    seed = random.randrange(1 << 30)
    chance = random.Random(seed)
    files = sorted(path for path in texts.iterdir() if path.suffix == ".txt")
    deadline = time.monotonic() + SOAK_SECONDS
    runs = 0
    while time.monotonic() < deadline:
        path = files[runs % len(files)]
        key = chance.choice([b"q", b"\x03"])
        delay = chance.uniform(0.0, 1.5)
        run = run_in_pty(str(path))
        run.pump(delay)
        run.send(key)
        where = f"seed {seed}, {path.name}, {key!r} after {delay:.3f} s"
        status = run.wait_exit(timeout=30)
        output = bytes(run.output)
        assert_no_traceback(output, where)
        assert status in (0, 130, -2, 1), f"{where}: status {status}"
        for on, off in TURNED_ON_THEN_OFF:
            if on in output:
                assert output.rfind(off) > output.rfind(on), f"{where}: {on!r} left on"
        assert run.modes_now() == run.modes_before, f"{where}: line modes not restored"
        runs += 1
    assert runs >= 10
