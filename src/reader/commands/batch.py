"""Many documents through one per-document function: files, folders, lists; processes or Dask.

`reader entities` and `reader topics` take several files, a folder (searched recursively,
``--glob`` picks the names), or a list of paths (``--files-from FILE``, ``-`` for standard input,
``--null`` for NUL-separated names as ``find -print0`` writes them). Each document becomes one
JSON line with its path, written in the order the documents were named, as soon as it and those
before it are done.

The work on one document is a pure function of its path (`Work`): it reads the file, analyses
it and returns an `Outcome`. The same function runs in this process (``--jobs 1``), on a pool of
local processes (``--jobs N``, the default: one per core), or on a Dask distributed cluster
(``--scheduler ADDRESS``, the optional ``reader[dask]`` extra). A document that cannot be read
or analysed is one line on stderr; the others go on, and the exit status is then 1.
"""

from __future__ import annotations

import argparse
import fnmatch
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TextIO

from reader.errors import UserError

if TYPE_CHECKING:
    from concurrent.futures import Future

    from reader.text.document import Document

__all__ = [
    "EXIT_SOME_FAILED",
    "Outcome",
    "Work",
    "add_batch_arguments",
    "check_batch_files",
    "document_paths",
    "is_batch",
    "read_document",
    "run_batch",
]

EXIT_SOME_FAILED = 1
"""Exit status when some documents could not be read or analysed (the others were written)."""

AHEAD_PER_WORKER = 4
"""Documents handed out ahead per worker: enough to keep each busy, few enough that a list of a
million paths is never all in flight (results are written in order)."""


@dataclass(frozen=True)
class Outcome:
    """What became of one document: its JSON line, or why there is none."""

    path: str
    line: str | None = None
    """The document's JSON line (no newline), when it was analysed."""
    error: str | None = None
    """Why it was not, one line."""
    notes: tuple[str, ...] = field(default=())
    """Warnings and notes for stderr (a replaced byte, a language the tagger does not read)."""


Work = Callable[[str], Outcome]
"""The per-document function: a path (or fsspec URL) in, an `Outcome` out. It must be a
module-level function, so other processes and Dask workers can import it by name."""


def add_batch_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the arguments for many documents (the files themselves are the command's own)."""
    parser.add_argument(
        "--glob",
        metavar="PATTERN",
        default=None,
        help="in folders, read only files whose name matches (default: *.txt)",
    )
    parser.add_argument(
        "--files-from",
        metavar="FILE",
        default=None,
        help="read the paths of the documents from FILE, one a line (- for standard input)",
    )
    parser.add_argument(
        "--null", action="store_true", help="paths in --files-from end with NUL, not newline"
    )
    parser.add_argument(
        "--jobs",
        type=_positive,
        default=None,
        metavar="N",
        help="documents analysed at once, each in its own process (default: the cores); "
        "for one document, reader entities tags its chunks on N processes (default 1)",
    )
    parser.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        default=None,
        help="run on the Dask distributed cluster at ADDRESS (tcp://host:8786); needs reader[dask]",
    )


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if not 1 <= value <= 1024:
        raise argparse.ArgumentTypeError(f"must be between 1 and 1024, not {value}")
    return value


def is_batch(files: list[str], args: argparse.Namespace) -> bool:
    """Whether the command runs over many documents (JSON Lines out) rather than one."""
    return (
        len(files) > 1
        or args.files_from is not None
        or args.glob is not None
        or args.scheduler is not None
        or any(os.path.isdir(f) for f in files if f != "-")
    )


def check_batch_files(files: list[str], args: argparse.Namespace) -> None:
    """Refuse what a batch cannot read: no documents named, or ``-`` among them (standard input
    is one document; ``--files-from -`` reads a list of paths from it)."""
    if not files and args.files_from is None:
        raise UserError("name the documents to read (files, folders or --files-from)")
    if "-" in files:
        raise UserError("- reads one document from stdin; for a list of paths use --files-from -")


def document_paths(files: Iterable[str], args: argparse.Namespace) -> Iterator[str]:
    """The documents to read, in order: each file as named, each folder's files (recursively,
    sorted, names matching ``--glob``), then the paths listed by ``--files-from``."""
    pattern = args.glob or "*.txt"
    for name in files:
        if os.path.isdir(name):
            yield from _folder_files(name, pattern)
        else:
            yield name
    if args.files_from is not None:
        yield from _listed_paths(args.files_from, args.null)


def _folder_files(folder: str, pattern: str) -> Iterator[str]:
    """Files under ``folder`` whose name matches ``pattern``, depth first, names sorted; hidden
    folders skipped, symbolic links to folders not followed."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as error:
        raise UserError(f"{folder}: cannot list the folder: {error.strerror}") from None
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            if not entry.name.startswith("."):
                yield from _folder_files(entry.path, pattern)
        elif fnmatch.fnmatch(entry.name, pattern) and entry.is_file():
            yield entry.path


def _listed_paths(source: str, null: bool) -> Iterator[str]:
    """Paths from a list file or standard input, blank entries skipped."""
    if source == "-":
        data = sys.stdin.buffer.read()
    else:
        try:
            with open(source, "rb") as handle:
                data = handle.read()
        except OSError as error:
            raise UserError(f"{source}: cannot read the list: {error.strerror}") from None
    separator = b"\0" if null else b"\n"
    for raw in data.split(separator):
        entry = raw.rstrip(b"\r") if not null else raw
        if entry.strip():
            yield os.fsdecode(entry)


def read_document(path: str) -> Document:
    """The document at ``path``: a local file, or an fsspec URL (``s3://…``, ``gs://…``,
    ``file://…``) when fsspec is installed, as Dask workers read from object storage."""
    from reader.text.load import SIZE_LIMIT, LoadError, decode_document, load_document
    from reader.text.sniff import is_address

    if "://" not in path or os.path.exists(path) or is_address(path):
        return load_document(path)  # a file, or an http(s) address (fetched, cached)
    try:
        import fsspec  # type: ignore[import-untyped,unused-ignore]
    except ImportError:
        raise LoadError(f"{path}: reading URLs needs fsspec (pip install 'reader[dask]')") from None
    try:
        with fsspec.open(path, "rb") as handle:
            data = handle.read(SIZE_LIMIT + 1)
    except (OSError, ValueError, ImportError) as error:
        raise LoadError(f"{path}: cannot be read: {error}") from None
    return decode_document(bytes(data), path)


def run_batch(paths: Iterable[str], work: Work, args: argparse.Namespace, out: TextIO) -> int:
    """Run ``work`` over ``paths`` as the arguments ask; write lines in order; the exit status."""
    if hasattr(out, "reconfigure"):
        out.reconfigure(encoding="utf-8", errors="replace")
    if args.scheduler is not None:
        outcomes = _on_dask(args.scheduler, paths, work)
    else:
        jobs = args.jobs or _cores()
        outcomes = _in_processes(paths, work, jobs) if jobs > 1 else map(work, paths)
    failed = 0
    for outcome in outcomes:
        for note in outcome.notes:
            print(f"reader: {outcome.path}: {note}", file=sys.stderr)
        if outcome.line is None:
            failed += 1
            print(f"reader: {outcome.error}", file=sys.stderr)
        else:
            out.write(outcome.line + "\n")
            out.flush()
    return EXIT_SOME_FAILED if failed else 0


def _cores() -> int:
    """The cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def _ordered(paths: Iterable[str], submit: Callable[[str], Any], ahead: int) -> Iterator[Any]:
    """Results of ``submit(path)`` futures in the order of ``paths``, at most ``ahead`` in
    flight."""
    pending: deque[Any] = deque()
    for path in paths:
        pending.append(submit(path))
        if len(pending) >= ahead:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def _in_processes(paths: Iterable[str], work: Work, jobs: int) -> Iterator[Outcome]:
    """``work`` on a pool of ``jobs`` local processes, outcomes in order."""
    from concurrent.futures import ProcessPoolExecutor  # only a batch pays for importing it

    with ProcessPoolExecutor(max_workers=jobs) as pool:

        def submit(path: str) -> Future[Outcome]:
            return pool.submit(work, path)

        try:
            yield from _ordered(paths, submit, jobs * AHEAD_PER_WORKER)
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise


def _on_dask(address: str, paths: Iterable[str], work: Work) -> Iterator[Outcome]:
    """``work`` mapped over the documents on the Dask distributed cluster at ``address``."""
    try:
        from distributed import Client
    except ImportError:
        raise UserError("--scheduler needs Dask: pip install 'reader[dask]'") from None
    try:
        client = Client(address, timeout="10s")  # type: ignore[no-untyped-call]
    except (OSError, TimeoutError, ValueError) as error:
        raise UserError(f"cannot reach the Dask scheduler at {address}: {error}") from None
    with client:
        threads = sum(client.nthreads().values()) or 1  # type: ignore[no-untyped-call]
        # pure=False: two documents with the same path are still two tasks, in order.
        yield from _ordered(
            paths, lambda path: client.submit(work, path, pure=False), threads * AHEAD_PER_WORKER
        )
