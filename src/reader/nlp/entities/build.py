"""Build the files the package ships from the files training writes.

Training (``training/train_ner.py``, ``training/train_neural.py``) writes gzipped TSV tables
and one compressed ``neural.npz``: compact, and what training itself reads back. Opening them
took `reader entities` a third of a second (gunzip, parse 180,000 lines into dictionaries,
inflate 9 MB of vectors). The runtime opens faster forms instead, built here:

* each table as a memory-mapped word table (`reader.nlp.entities.table`);
* the network as its weights (small, uncompressed), its int8 word vectors as a plain ``.npy``
  to memory-map, and its word list as a word table (word -> vector row).

Run ``python -m reader.nlp.entities.build`` from a checkout after training; the result is the
same bytes for the same inputs (a test holds the shipped files to their sources). Never
imported by what runs in the app.
"""

from __future__ import annotations

import argparse
import gzip
import io
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt

from reader.nlp.entities.table import table_bytes
from reader.nlp.entities.tagger import (
    NETWORK_VECTORS,
    NETWORK_WEIGHTS,
    NETWORK_WORDS,
    NEURAL_FILE,
    RUNTIME_TABLES,
    read_clusters,
)

__all__ = ["DATA", "main", "network_files", "runtime_files", "table_file"]

DATA = Path(__file__).resolve().parent / "data"
"""The package's data folder, where training writes and the runtime reads."""


def table_file(source: Path) -> bytes:
    """The word table built from a gzipped ``word<TAB>field...`` training table."""
    with gzip.open(source, "rt", encoding="utf-8") as handle:
        return table_bytes(read_clusters(handle).items())


def _npy(array: npt.NDArray[np.generic]) -> bytes:
    buffer = io.BytesIO()
    np.save(buffer, array, allow_pickle=False)
    return buffer.getvalue()


def network_files(source: Path) -> dict[str, bytes]:
    """The network's three runtime files built from training's ``neural.npz``."""
    with np.load(source, allow_pickle=False) as data:
        arrays = {name: data[name] for name in data.files}
    words = bytes(arrays.pop("words")).decode("utf-8").split("\n")
    vectors = np.ascontiguousarray(arrays.pop("vectors"))
    weights = io.BytesIO()
    np.savez(weights, **arrays)  # uncompressed: a fraction of a megabyte
    return {
        NETWORK_WEIGHTS: weights.getvalue(),
        NETWORK_VECTORS: _npy(vectors),
        NETWORK_WORDS: table_bytes((word, (str(row + 1),)) for row, word in enumerate(words)),
    }


def runtime_files(data: Path = DATA) -> dict[str, bytes]:
    """Every runtime file (name -> bytes) built from the training outputs in ``data``."""
    files = {target: table_file(data / source) for source, target in RUNTIME_TABLES.items()}
    files.update(network_files(data / NEURAL_FILE))
    return files


def main(argv: Sequence[str] | None = None) -> int:
    """Write the runtime files beside the training outputs."""
    parser = argparse.ArgumentParser(
        prog="python -m reader.nlp.entities.build", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--data", type=Path, default=DATA, help="training outputs in, files out")
    args = parser.parse_args(argv)
    for name, content in runtime_files(args.data).items():
        (args.data / name).write_bytes(content)
        print(f"wrote {args.data / name} ({len(content):,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
