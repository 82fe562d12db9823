"""One BLAS thread for the entity models: import this before NumPy.

OpenBLAS's own threads spin while they wait for work; beside the app's screen thread and the
topic worker on a 2-core machine they took the interpreter from the entity worker so often that
the 10 MB article was tagged nine times slower in the app (7% in 30 s against 64%), and in
`reader entities` on a loaded machine the network's small products ran three times slower. Our
products are small; one thread loses little (~5% in the benchmark). This only takes effect if
NumPy was not imported before, as in the reader: `reader.nlp.entities.neural` and
`reader.nlp.entities.crf` import it first.
"""

from __future__ import annotations

import os

__all__: list[str] = []

for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")
