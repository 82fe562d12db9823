"""Peak memory of `reader render`, `entities` and `topics` over document shapes, as a multiple of
the file's size beyond a baseline measured in the same run.

    python benchmarks/bench_memory.py [--bytes 1000000] [--commands render,entities,topics,app]
        [--shapes prose,one-line,no-spaces-arabic,no-spaces-latin,short-lines]

Shapes, all about `--bytes` long and built from shared/data/texts/large-01.ar.txt: `prose`
(its own paragraphs), `one-line` (the same text as one paragraph), `no-spaces-arabic` (its
letters without spaces), `no-spaces-latin` (`x` repeated), `short-lines` (one word a line).
Each command runs as a whole process; its peak resident memory is read by a fresh parent
(`RUSAGE_CHILDREN`). The baseline is the same command on a one-line file; for `app`, the
multiple is over a second baseline, the app on 20,000 characters of real prose, which loads the
entity and topic models (a fixed cost whatever the size). Reported per shape and
command: peak MB, and (peak - baseline) / size, the multiple the promise bounds.

`app` is the reader itself on a pseudo-terminal of 100 x 30: it draws the article, its workers
analyse it (entities, topics) until the process is idle (under 10 % of a core over 2 s: the
analysis has finished) or `--app-seconds` have passed, then `q`; its peak is read from `wait4`.
A run that was still busy at `q` is marked "busy" (its analysis had not finished).
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import os
import select
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LARGE = ROOT / ".." / "shared" / "data" / "texts" / "large-01.ar.txt"
MEASURE = """
import resource, subprocess, sys
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(done.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def shapes(size: int) -> dict[str, str]:
    """The documents, by shape."""
    text = LARGE.read_text("utf-8")[: size // 2]  # Arabic: about 2 bytes a character
    words = text.split()
    letters = "".join(words)
    return {
        "prose": text,
        "one-line": " ".join(words),
        "no-spaces-arabic": letters,
        "no-spaces-latin": "x" * size,
        "short-lines": "\n".join(words),
    }


def peak(arguments: list[str]) -> tuple[int, float]:
    """(exit status, peak MB) of one run."""
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, *arguments], capture_output=True, check=True, text=True
    )
    status, kilobytes = done.stdout.split()
    return int(status), int(kilobytes) / 1024


SAMPLE_CHARACTERS = 20_000
"""The app's second baseline: this much real prose loads the entity and topic models."""
IDLE_SECONDS = 2.0
"""How long the app must stay (nearly) idle to count as done analysing."""
IDLE_SHARE = 0.1
"""The share of a core below which the app counts as idle."""


def cpu_seconds(pid: int) -> float:
    """User and system CPU time of process `pid` so far (0 once it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def app_peak(reader: str, path: Path, seconds: float) -> tuple[int, float, bool]:
    """(exit status, peak MB, idle at q) of the app on `path`, on a pty: q once the app has
    been idle for `IDLE_SECONDS` (its analysis finished), or after `seconds` at most."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    environment = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "100", "LINES": "30"}
    with tempfile.TemporaryDirectory() as state:
        environment["XDG_STATE_HOME"] = state  # the user's reading positions stay untouched
        process = subprocess.Popen(
            [reader, str(path)],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=environment,
            start_new_session=True,
        )
        os.close(slave)
        deadline = time.monotonic() + seconds
        quit_sent = idle = False
        checked, cpu = time.monotonic(), 0.0
        while True:
            now = time.monotonic()
            if not quit_sent and now - checked >= IDLE_SECONDS:
                used = cpu_seconds(process.pid)
                idle = cpu > 0 and used - cpu < IDLE_SHARE * (now - checked)
                checked, cpu = now, used
            if now > deadline or (idle and not quit_sent):
                if quit_sent:  # q was not obeyed in 30 s
                    process.kill()
                os.write(master, b"q")
                quit_sent = True
                deadline = time.monotonic() + 30
            ready, _, _ = select.select([master], [], [], 0.1)
            if ready:
                with contextlib.suppress(OSError):  # closed: the app has gone
                    os.read(master, 65536)
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:  # reaped here, with its own resource usage
                process.returncode = os.waitstatus_to_exitcode(status)
                break
        os.close(master)
    return process.returncode, usage.ru_maxrss / 1024, idle


def main() -> None:
    """Measure every shape with every command and print a table."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--bytes", type=int, default=1_000_000)
    parser.add_argument("--commands", default="render,entities,topics,app")
    parser.add_argument("--app-seconds", type=float, default=180.0)
    parser.add_argument("--shapes", default=None, help="the shapes to measure (default: all)")
    args = parser.parse_args()
    chosen = args.shapes.split(",") if args.shapes else None
    reader = str(Path(sys.executable).with_name("reader"))
    with tempfile.TemporaryDirectory() as folder:
        tiny = Path(folder) / "tiny.txt"
        tiny.write_text("سلام عليكم\n", "utf-8")
        sample = Path(folder) / "sample.txt"  # enough Arabic prose for every analysis to run
        sample.write_text(LARGE.read_text("utf-8")[:SAMPLE_CHARACTERS], "utf-8")
        print(f"{'shape':18} {'command':9} {'MB':>7} {'x size':>7}")
        for command in args.commands.split(","):

            def measure(path: Path, command: str = command) -> tuple[int, float, bool]:
                """(exit status, peak MB, finished) of `command` on `path`."""
                if command == "app":
                    return app_peak(reader, path, args.app_seconds)
                return (*peak([reader, command, str(path)]), True)

            _, base, _ = measure(tiny)
            print(f"{'(baseline)':18} {command:9} {base:7.0f}")
            if command == "app":  # the models the analysis loads are a fixed cost: a baseline
                _, base, finished = measure(sample)
                note = "" if finished else "  (busy: analysis not finished at q)"
                print(f"{'(analysed sample)':18} {command:9} {base:7.0f}{note}")
            for name, text in shapes(args.bytes).items():
                if chosen is not None and name not in chosen:
                    continue
                path = Path(folder) / f"{name}.txt"
                path.write_text(text + "\n", "utf-8")
                size = path.stat().st_size / 2**20
                status, used, finished = measure(path)
                mark = "" if status == 0 else f"  (exit {status})"
                mark += "" if finished else "  (busy: analysis not finished at q)"
                print(f"{name:18} {command:9} {used:7.0f} {(used - base) / size:7.1f}{mark}")


if __name__ == "__main__":
    main()
