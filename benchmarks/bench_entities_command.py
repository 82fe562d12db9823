"""The real `reader entities` process, timed from outside, beside reference processes in one run.

    python benchmarks/bench_entities_command.py [--runs 3] [--megabytes 1] [--documents 8]

``bench_entities.py`` measures extraction inside one process; a user waits for the whole
command: interpreter start, imports, model opening, reading, extraction, grouping, JSON. Here
every figure is a subprocess timed by wall clock, runs alternating between the command and its
reference so load on this shared machine hits both alike; medians are reported.

* start-up: ``reader entities`` on a one-line file, against a Python process that reads the file
  and writes its words as JSON (the floor any Python command pays) and one that also imports
  NumPy (the floor of a command that runs our network);
* throughput: the first ``--megabytes`` MB of large-01.ar.txt (Arabic Wikipedia), whitespace
  tokens per second of the whole process, against a process that splits the text and looks
  every word up in a dictionary; then the same document with ``--jobs 2`` (its chunks tagged on
  two processes), reported apart from the one-core figure;
* scaling: the same text cut into ``--documents`` documents, given as one batch with
  ``--jobs 1`` and ``--jobs 2``: documents per second and the speed-up.

Targets: start-up <= 0.3 s; >= 30,000 whitespace tokens/s on 1 MB; near-linear from 1 to 2 jobs.

The processes run without ``PYTHONDONTWRITEBYTECODE``, so the warm-up run leaves the compiled
bytecode an installed package has (pip compiles it at install). With that variable set and no
``__pycache__`` in the checkout, every run compiled reader's modules again: about 0.05 s more CPU
at start-up on this machine (2026-12-06), which no user of an installed reader pays.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LARGE = ROOT / ".." / "shared" / "data" / "texts" / "large-01.ar.txt"
ONE_LINE = "قال الرئيس محمد السادس في الرباط إن المغرب سيشارك في المؤتمر.\n"

_JSON_WORDS = (
    "import json, sys; "
    "sys.stdout.write(json.dumps(open(sys.argv[1], encoding='utf-8').read().split(), "
    "ensure_ascii=False))"
)
_NUMPY_TOO = "import numpy; " + _JSON_WORDS
_LOOKUP = (
    "import json, sys; lexicon = {'في': 'O', 'من': 'O', 'على': 'O'}; "
    "words = open(sys.argv[1], encoding='utf-8').read().split(); "
    "found = [w for w in words if lexicon.get(w) is not None]; "
    "sys.stdout.write(json.dumps({'count': len(found)}))"
)


_ENVIRONMENT = {
    name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"
}
"""The processes' environment: ours, with bytecode caching allowed (see the module's docstring)."""


def timed(command: Sequence[str]) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system, its children included) of one run of
    ``command``, its output discarded."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(
        command,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=True,
        env=_ENVIRONMENT,
    )
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return elapsed, cpu


def medians(commands: dict[str, Sequence[str]], runs: int) -> dict[str, tuple[float, float]]:
    """Median wall and CPU time of each command over ``runs`` rounds, the commands
    alternating."""
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for command in commands.values():
        timed(command)  # warm the page cache and the bytecode
    for _ in range(runs):
        for name, command in commands.items():
            times[name].append(timed(command))
    return {
        name: (statistics.median(v[0] for v in values), statistics.median(v[1] for v in values))
        for name, values in times.items()
    }


def main() -> int:
    """Measure and print the three tables."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--megabytes", type=float, default=1.0)
    parser.add_argument("--documents", type=int, default=8)
    args = parser.parse_args()
    python = sys.executable
    reader = [python, "-m", "reader", "entities"]
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        one = folder / "one-line.txt"
        one.write_text(ONE_LINE, encoding="utf-8")
        start = medians(
            {
                "reader entities, one-line file": [*reader, str(one)],
                "reference: python, read, JSON": [python, "-c", _JSON_WORDS, str(one)],
                "reference: + import numpy": [python, "-c", _NUMPY_TOO, str(one)],
            },
            args.runs,
        )
        print("start-up (median seconds: wall, CPU)")
        for name, (seconds, cpu) in start.items():
            print(f"  {name:<34} {seconds:6.3f} {cpu:6.3f}")
        ours = start["reader entities, one-line file"][0]
        print(f"  ratio to the reference: {ours / start['reference: python, read, JSON'][0]:.1f}x")

        text = LARGE.read_bytes()[: int(args.megabytes * 1_000_000)].decode(
            "utf-8", errors="ignore"
        )
        big = folder / "large.txt"
        big.write_text(text, encoding="utf-8")
        tokens = len(text.split())
        runs = args.runs
        whole = medians(
            {
                "reader entities": [*reader, str(big)],
                "reference: split + dict lookup": [python, "-c", _LOOKUP, str(big)],
            },
            runs,
        )
        print(f"\nthroughput, first {args.megabytes:g} MB of {LARGE.name}: {tokens:,} words")
        for name, (seconds, cpu) in whole.items():
            print(
                f"  {name:<34} {seconds:6.2f} s {tokens / seconds:>10,.0f} words/s wall "
                f"{tokens / cpu:>10,.0f} words/s CPU"
            )
        rate = tokens / whole["reader entities"][0]
        verdict = "meets" if rate >= 30_000 else "MISSES"
        print(f"  target >= 30,000 words/s on one core: {verdict} ({rate:,.0f} wall)")
        split = medians({"one document, --jobs 2": [*reader, "--jobs", "2", str(big)]}, runs)
        seconds, cpu = split["one document, --jobs 2"]
        print(
            f"  {'one document, --jobs 2':<34} {seconds:6.2f} s {tokens / seconds:>10,.0f} words/s "
            f"wall {tokens / cpu:>10,.0f} words/s CPU (its chunks on 2 processes; not one core)"
        )

        lines = [line for line in text.split("\n") if line.strip()]
        per = max(1, len(lines) // args.documents)
        docs = folder / "docs"
        docs.mkdir()
        for k in range(args.documents):
            part = lines[k * per : (k + 1) * per]
            (docs / f"doc-{k:03d}.txt").write_text("\n".join(part) + "\n", encoding="utf-8")
        scaling = medians(
            {f"--jobs {n}": [*reader, "--jobs", str(n), str(docs)] for n in (1, 2)}, runs
        )
        print(f"\nscaling, the same text as {args.documents} documents in one folder")
        for name, (seconds, cpu) in scaling.items():
            print(
                f"  {name:<34} {seconds:6.2f} s {args.documents / seconds:6.2f} documents/s "
                f"(CPU {cpu:.2f} s)"
            )
        speedup = scaling["--jobs 1"][0] / scaling["--jobs 2"][0]
        print(f"  speed-up 1 -> 2 jobs: {speedup:.2f}x (wall; needs two idle cores to show)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
