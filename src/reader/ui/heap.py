"""Give the memory an analysis job freed back to the operating system (glibc only).

The analysis workers run on threads, and glibc gives each thread its own heap (an *arena*):
what a finished job freed (its working arrays, feature strings, network batches) stays in that
arena, counted in the reader's resident memory, and other threads' allocations do not reuse
it. `trim_heap` (``malloc_trim(0)``, which walks every arena) returns those free pages after
each job, before the next one starts (`reader.ui.analysis.wait_for_turn`). Elsewhere (macOS,
musl) it does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import sys
from collections.abc import Callable

__all__ = ["trim_heap"]


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's ``malloc_trim``, or None without glibc."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        trim: Callable[[int], int] = libc.malloc_trim
    except (OSError, AttributeError):  # no C library found, or one without it (musl)
        return None
    trim.argtypes = [ctypes.c_size_t]  # type: ignore[attr-defined]
    trim.restype = ctypes.c_int  # type: ignore[attr-defined]
    return trim


def trim_heap() -> bool:
    """Return the free pages of every heap to the system; whether any was returned."""
    trim = _malloc_trim()
    return trim is not None and bool(trim(0))
