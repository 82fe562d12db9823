"""Topic extraction against a plain tokenise + Counter pass over the same text, as a ratio.

    python benchmarks/bench_topics.py [--runs 5] [--bytes 1000000] [--file PATH] [--full]

On the first megabyte of shared/data/texts/large-01.ar.txt (cut at a line end), in one process,
alternately so that load on this shared machine hits both alike:

- reference: `reader.nlp.tokens.tokenize` over every paragraph and a `collections.Counter` of
  the tokens — the least any word-counting topic finder must do;
- topics: `reader.nlp.topics.extract_topics` over the same paragraphs.

Reported: the first (cold) topic run, which also loads the frequency table and fills the
stemming caches (CPU and wall time), and the median CPU time (process time) of the warm runs of
each, with the ratio. CPU time is the figure to compare: wall time on a shared machine depends
on the others' load. `--full` also times one cold run on the whole file (5.7 M characters),
the case the app runs in a worker thread.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from reader.nlp import stem as stem_module
from reader.nlp.tokens import tokenize
from reader.nlp.topics import extract_topics
from reader.nlp.topics import words as topics_words

ROOT = Path(__file__).resolve().parents[1]
LARGE = ROOT / ".." / "shared" / "data" / "texts" / "large-01.ar.txt"


def _paragraphs(path: Path, size: int | None) -> tuple[list[str], int]:
    """The non-blank lines of the first ``size`` bytes (cut at a line end); and the bytes."""
    data = path.read_bytes()
    if size is not None:
        data = data[:size]
        data = data[: data.rfind(b"\n") + 1]
    text = data.decode("utf-8")
    return [line for line in text.split("\n") if line.strip()], len(data)


def reference(paragraphs: Sequence[str]) -> int:
    """Tokenise every paragraph and count the tokens: the baseline."""
    counts: Counter[str] = Counter()
    for paragraph in paragraphs:
        counts.update(token.text for token in tokenize(paragraph))
    return len(counts)


def topics(paragraphs: Sequence[str]) -> int:
    """Extract the topics."""
    return len(extract_topics(paragraphs).topics)


def _cpu(function: Callable[[Sequence[str]], int], paragraphs: Sequence[str]) -> float:
    start = time.process_time()
    function(paragraphs)
    return time.process_time() - start


def _clear_caches() -> None:
    """Forget loaded tables and stems, so the next run is a cold start."""
    stem_module.stem.cache_clear()
    topics_words.general_frequencies.cache_clear()


def main() -> int:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--bytes", type=int, default=1_000_000)
    parser.add_argument("--file", type=Path, default=LARGE)
    parser.add_argument("--full", action="store_true", help="also one cold run on the whole file")
    args = parser.parse_args()

    paragraphs, size = _paragraphs(args.file, args.bytes)
    chars = sum(len(p) for p in paragraphs)
    print(
        f"text: {args.file.name}, first {size:,} bytes, {chars:,} chars, "
        f"{len(paragraphs):,} paragraphs"
    )

    _clear_caches()
    start, start_cpu = time.perf_counter(), time.process_time()
    found = topics(paragraphs)
    cold, cold_cpu = time.perf_counter() - start, time.process_time() - start_cpu
    print(
        f"topics, cold (loads tables, fills caches): {cold_cpu:.3f} s CPU, {cold:.3f} s wall, "
        f"{found} topics"
    )

    reference_times: list[float] = []
    topic_times: list[float] = []
    for _ in range(args.runs):
        reference_times.append(_cpu(reference, paragraphs))
        topic_times.append(_cpu(topics, paragraphs))
    ref = statistics.median(reference_times)
    top = statistics.median(topic_times)
    print(f"reference (tokenize + Counter): {ref:.3f} s CPU (median of {args.runs})")
    print(f"topics (warm):                  {top:.3f} s CPU (median of {args.runs})")
    print(f"ratio topics / reference:       {top / ref:.2f}")

    if args.full:
        whole, whole_size = _paragraphs(args.file, None)
        _clear_caches()
        start, start_cpu = time.perf_counter(), time.process_time()
        found = topics(whole)
        print(
            f"whole file ({whole_size:,} bytes, {len(whole):,} paragraphs), cold: "
            f"{time.process_time() - start_cpu:.2f} s CPU, {time.perf_counter() - start:.2f} s "
            f"wall, {found} topics"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
