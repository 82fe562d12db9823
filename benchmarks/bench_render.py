"""`reader render --width 80` against GNU FriBidi on the same text, in one run, as a ratio.

    python benchmarks/bench_render.py [--runs 7] [--bytes 1000000] [--file PATH]

Both commands run as whole processes (start-up included) on the first megabyte of
shared/data/texts/large-01.ar.txt (cut at a line end), alternately, so that load on this shared
machine hits both alike. Reported: median CPU time (user + system) and median wall time of each,
and the ratios. FriBidi's `--nobreak` does less than we do (no wrapping, no alignment, no cell
maps), so the ratio is an upper bound on our overhead. Needs `fribidi` (libfribidi-bin).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LARGE = ROOT / ".." / "shared" / "data" / "texts" / "large-01.ar.txt"


def _sample(path: Path, size: int) -> Path:
    data = path.read_bytes()[:size]
    data = data[: data.rfind(b"\n") + 1]
    out = Path(tempfile.mkdtemp()) / "sample.txt"
    out.write_bytes(data)
    return out


def _run(command: list[str]) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of one run of `command`, output discarded."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall


def main() -> int:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--bytes", type=int, default=1_000_000)
    parser.add_argument("--file", type=Path, default=LARGE)
    args = parser.parse_args()
    fribidi = shutil.which("fribidi")
    if fribidi is None:
        print("fribidi not found: apt-get install libfribidi-bin", file=sys.stderr)
        return 2
    sample = _sample(args.file, args.bytes)
    reader = [sys.executable, "-m", "reader", "render", "--width", "80", str(sample)]
    reference = [fribidi, "--nobreak", str(sample)]
    ours: list[tuple[float, float]] = []
    theirs: list[tuple[float, float]] = []
    _run(reader)  # warm the file cache and Python's bytecode cache
    for _ in range(args.runs):
        ours.append(_run(reader))
        theirs.append(_run(reference))
    size = os.path.getsize(sample)
    print(f"input: {size:,} bytes, {args.runs} runs each, medians")
    for name, runs in (("reader render --width 80", ours), ("fribidi --nobreak", theirs)):
        cpu = statistics.median(r[0] for r in runs)
        wall = statistics.median(r[1] for r in runs)
        print(f"{name:26} cpu {cpu * 1000:8.1f} ms   wall {wall * 1000:8.1f} ms")
    cpu_ratio = statistics.median(r[0] for r in ours) / statistics.median(r[0] for r in theirs)
    wall_ratio = statistics.median(r[1] for r in ours) / statistics.median(r[1] for r in theirs)
    print(f"ratio (reader / fribidi): cpu {cpu_ratio:.1f}x   wall {wall_ratio:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
