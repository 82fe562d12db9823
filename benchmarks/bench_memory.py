"""Peak memory of `reader render`, `entities` and `topics` over document shapes, as a multiple of
the file's size beyond a baseline measured in the same run.

    python benchmarks/bench_memory.py [--bytes 1000000] [--commands render,entities,topics]

Shapes, all about `--bytes` long and built from shared/data/texts/large-01.ar.txt: `prose`
(its own paragraphs), `one-line` (the same text as one paragraph), `no-spaces-arabic` (its
letters without spaces), `no-spaces-latin` (`x` repeated), `short-lines` (one word a line).
Each command runs as a whole process; its peak resident memory is read by a fresh parent
(`RUSAGE_CHILDREN`). The baseline is the same command on a one-line file. Reported per shape and
command: peak MB, and (peak - baseline) / size, the multiple the promise bounds.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
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


def main() -> None:
    """Measure every shape with every command and print a table."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--bytes", type=int, default=1_000_000)
    parser.add_argument("--commands", default="render,entities,topics")
    args = parser.parse_args()
    reader = str(Path(sys.executable).with_name("reader"))
    with tempfile.TemporaryDirectory() as folder:
        tiny = Path(folder) / "tiny.txt"
        tiny.write_text("سلام عليكم\n", "utf-8")
        print(f"{'shape':18} {'command':9} {'MB':>7} {'x size':>7}")
        for command in args.commands.split(","):
            _, base = peak([reader, command, str(tiny)])
            print(f"{'(baseline)':18} {command:9} {base:7.0f}")
            for name, text in shapes(args.bytes).items():
                path = Path(folder) / f"{name}.txt"
                path.write_text(text + "\n", "utf-8")
                size = path.stat().st_size / 2**20
                status, used = peak([reader, command, str(path)])
                mark = "" if status == 0 else f"  (exit {status})"
                print(f"{name:18} {command:9} {used:7.0f} {(used - base) / size:7.1f}{mark}")


if __name__ == "__main__":
    main()
