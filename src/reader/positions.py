"""Per-document reading positions: a state file we own, `$XDG_STATE_HOME/reader/positions.json`
(default `~/.local/state/reader/positions.json`), shared by every reader running at once.

What it promises, and how:

- **Loading never fails**, whatever bytes are in the file (truncated, not UTF-8, nested ten
  thousand deep, integers of a thousand digits, lone surrogates): one reader of the file,
  `read_positions`, bounds the size it reads, catches every way parsing can fail, and keeps only
  entries of the expected shape and range. The app is told why once (`warning`).
- **A damaged file is kept aside, never overwritten**: the next save moves it to
  `positions.json.damaged-<time>` before writing a good one, so a user can recover it.
- **Readers do not lose each other's positions**: an instance writes only the entries it changed
  (`set`), merged into what is on disk *now*, under an exclusive lock (`flock` on the state
  directory itself, released by the kernel if the process dies), so saves never interleave.
- **No half files, no temporary files piling up**: the new content is written under one fixed
  temporary name (only ever under the lock), synced, then `os.replace`d over the old file; a
  `kill -9` while writing can leave at most that one name, which the next save reuses and the
  next start (`ReadingPositions()`) removes.
- **Any file name**: a path that is not valid UTF-8 (a Latin-1 or CP1256 byte) keeps its
  undecodable bytes as `\\udcXX` escapes in the JSON, so the file stays valid UTF-8 and the key
  reads back unchanged.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import re
import stat
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from reader.xdg import state_home

APP_NAME = "reader"
"""The directory name under the XDG state directory."""
FILE_NAME = "positions.json"
"""The positions file's name in the state directory."""
MAX_POSITIONS = 500
"""How many documents' reading positions are kept; the oldest are forgotten first."""
MAX_FILE_BYTES = 4 * 1024 * 1024
"""A positions file larger than this is not read (500 entries take about 100 KB)."""
MAX_PARAGRAPH = 10**9
"""Paragraph numbers at or above this are not positions (a 64 MB file has fewer paragraphs)."""
MAX_NAME = 256
"""Characters of a document's name kept with its position (the name is only a reminder)."""
MAX_KEY = 8192
"""Longest key kept (an absolute path plus size and time)."""
LOCK_SECONDS = 5.0
"""How long a save waits for another reader's save before giving up (with an OSError)."""

_SURROGATE = re.compile("[\ud800-\udfff]")
"""A lone surrogate: an undecodable file-name byte (`surrogateescape`) or a broken UTF-16 unit."""

Entry = dict[str, object]
"""One stored position: `paragraph` (int), `name` (str), `time` (seconds since the epoch)."""


def state_dir() -> Path:
    """The directory holding reading positions: `$XDG_STATE_HOME/reader` (an absolute path, as
    the XDG spec requires) or `~/.local/state/reader`."""
    return state_home() / APP_NAME


def document_key(path: str | None, text: str) -> str:
    """A key naming one document: its absolute path, size and modification time for a file; a
    hash of its text for stdin and the bundled article (which have no stable file of their own).
    """
    if path is not None and path != "-":
        with contextlib.suppress(OSError, ValueError):
            info = os.stat(path)
            return f"file:{os.path.abspath(path)}:{info.st_size}:{info.st_mtime_ns}"
    import hashlib  # here: the reader's start does not pay for it when a file has a path

    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return f"sha256:{digest}"


@dataclass
class Reading:
    """What one read of the positions file found."""

    entries: dict[str, Entry] = field(default_factory=dict)
    """The well-formed entries, by document key."""
    problem: str | None = None
    """Why the file could not be used (None when it was read, or is simply missing)."""


def _shown(path: Path) -> str:
    """A path fit for a one-line message: undecodable bytes as U+FFFD."""
    return os.fsencode(path).decode("utf-8", "replace")


def _clean_entry(key: object, entry: object) -> Entry | None:
    """The entry in canonical form, or None when it is not a position (wrong type, range)."""
    if not isinstance(key, str) or not key or len(key) > MAX_KEY or not isinstance(entry, dict):
        return None
    paragraph = entry.get("paragraph")
    if type(paragraph) is not int or not 0 <= paragraph < MAX_PARAGRAPH:
        return None
    name = entry.get("name", "")
    moment = entry.get("time", 0.0)
    if type(moment) is int:
        moment = float(moment) if 0 <= moment < 10**12 else 0.0
    if type(moment) is not float or not 0.0 <= moment < 1e12:  # also refuses NaN
        moment = 0.0
    return {
        "paragraph": paragraph,
        "name": name[:MAX_NAME] if isinstance(name, str) else "",
        "time": moment,
    }


def parse_positions(data: bytes) -> Reading:
    """Parse the bytes of a positions file; never raises (a problem is reported instead)."""
    try:
        raw = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        return Reading(problem="not UTF-8 text")
    except RecursionError:
        return Reading(problem="nested too deeply")
    except ValueError as error:  # JSONDecodeError, or an integer too long to convert
        return Reading(problem=f"not valid JSON ({str(error).splitlines()[0][:80]})")
    if not isinstance(raw, dict):
        return Reading(problem="not a JSON object")
    reading = Reading()
    for key, entry in raw.items():
        clean = _clean_entry(key, entry)
        if clean is not None:
            reading.entries[key] = clean
    return reading


def read_positions(path: Path) -> Reading:
    """Read the positions file at `path`: the one reader used by both loading and saving.

    A missing file is an empty reading; anything else that is not a regular file, or larger than
    `MAX_FILE_BYTES`, or unreadable, or unparsable, is a reading with a `problem`. Opens without
    blocking, so a FIFO put in the file's place cannot hang the reader.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        return Reading()
    except OSError as error:
        return Reading(problem=error.strerror or str(error))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return Reading(problem="not a regular file")
        if info.st_size > MAX_FILE_BYTES:
            return Reading(problem=f"larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
        chunks: list[bytes] = []
        total = 0
        while total <= MAX_FILE_BYTES:
            chunk = os.read(fd, MAX_FILE_BYTES + 1 - total)
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > MAX_FILE_BYTES:
            return Reading(problem=f"larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
    except OSError as error:
        return Reading(problem=error.strerror or str(error))
    finally:
        os.close(fd)
    return parse_positions(b"".join(chunks))


def dump_positions(entries: dict[str, Entry]) -> bytes:
    """The file's bytes for `entries`: JSON, UTF-8, lone surrogates written as `\\uXXXX`
    escapes (valid JSON that reads back as the same string)."""
    text = json.dumps(entries, ensure_ascii=False, indent=1)
    text = _SURROGATE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)
    return (text + "\n").encode("utf-8")


def _temporary(path: Path) -> Path:
    """The one temporary name used while replacing `path` (only ever under the lock)."""
    return path.with_name(f".{path.name}.tmp")


@contextlib.contextmanager
def locked(directory: Path, seconds: float = LOCK_SECONDS) -> Iterator[None]:
    """Hold an exclusive `flock` on `directory` (the lock dies with the process: no stale lock
    file). Raises `OSError` if another process holds it for more than `seconds`."""
    fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        deadline = time.monotonic() + seconds
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise OSError(f"{_shown(directory)} is locked by another reader") from None
                time.sleep(0.005)
        yield
    finally:
        os.close(fd)  # releases the lock


def _sync_directory(directory: Path) -> None:
    """Make a rename in `directory` durable (best effort: some file systems refuse)."""
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _write_all(fd: int, data: bytes) -> None:
    """Write all of `data` to `fd` (os.write may write less than asked)."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def replace_file(path: Path, data: bytes) -> None:
    """Replace `path` with `data` so readers see the old file or the new one, never a part.

    The caller holds the lock (`locked`), so the one temporary name is ours: it is truncated,
    written, synced and renamed over `path`. A process killed meanwhile leaves that one name,
    which the next save overwrites and the next start removes.
    """
    temporary = _temporary(path)
    try:
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, 0o600)
        try:
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _sync_directory(path.parent)


def atomic_write_text(path: Path, text: str) -> None:
    """Write `text` (UTF-8; lone surrogates escaped as in the positions file) to `path` so that
    readers see the old file or the new one, never a part; holds the directory's lock."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with locked(path.parent):
        replace_file(path, text.encode("utf-8", "backslashreplace"))


def _keep_aside(path: Path) -> Path | None:
    """Move a damaged file out of the way (never delete it); returns where it went."""
    stamp = time.strftime("%Y%m%dT%H%M%S", time.gmtime())
    aside = path.with_name(f"{path.name}.damaged-{stamp}")
    if aside.exists():
        aside = aside.with_name(f"{aside.name}-{os.getpid()}")
    try:
        os.rename(path, aside)
    except FileNotFoundError:
        return None
    return aside


def _saved_at(item: tuple[str, Entry]) -> float:
    """When an entry was saved (entries are cleaned, so `time` is a float)."""
    moment = item[1].get("time", 0.0)
    return moment if isinstance(moment, float) else 0.0


class ReadingPositions:
    """The paragraph each document was left at, kept in the XDG state directory.

    Loading never fails: an unreadable or damaged file is ignored and `warning` says why, so the
    app can tell the user once. `save` raises only `OSError` (a full disk, a read-only home).
    """

    def __init__(self, path: Path | None = None) -> None:
        """Read the positions file (or start empty when it is missing or damaged)."""
        self.path = path or state_dir() / FILE_NAME
        """Where the positions are stored."""
        self.warning: str | None = None
        """Why the stored positions were ignored, if they were."""
        self._changed: dict[str, Entry] = {}
        reading = read_positions(self.path)
        self._entries = reading.entries
        if reading.problem is not None:
            self.warning = (
                f"reading positions ignored ({_shown(self.path)}: {reading.problem});"
                " the file will be kept aside"
            )
        self._remove_stale_temporary()

    def _remove_stale_temporary(self) -> None:
        """Remove a temporary file a killed reader left, if no save is running now."""
        temporary = _temporary(self.path)
        if not os.path.lexists(temporary):
            return
        with contextlib.suppress(OSError), locked(self.path.parent, seconds=0.0):
            temporary.unlink(missing_ok=True)

    def get(self, key: str) -> int | None:
        """The paragraph the document `key` was left at, or None when it was never opened."""
        entry = self._changed.get(key) or self._entries.get(key)
        if entry is None:
            return None
        paragraph = entry["paragraph"]
        return paragraph if isinstance(paragraph, int) else None

    def set(self, key: str, paragraph: int, name: str = "") -> None:
        """Remember `paragraph` for the document `key` (in memory; `save` writes the file)."""
        entry = _clean_entry(key, {"paragraph": paragraph, "name": name, "time": time.time()})
        if entry is not None:
            self._changed[key] = entry

    def save(self) -> None:
        """Write the positions this instance changed, merged into the file as it is now, under
        the directory's lock; the oldest beyond `MAX_POSITIONS` are forgotten. A damaged file
        is kept aside first. Nothing is written when nothing changed."""
        if not self._changed:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with locked(self.path.parent):
            reading = read_positions(self.path)
            if reading.problem is not None:
                _keep_aside(self.path)
            merged = {**reading.entries, **self._changed}
            newest = dict(sorted(merged.items(), key=_saved_at, reverse=True)[:MAX_POSITIONS])
            replace_file(self.path, dump_positions(newest))
        self._entries = newest
        self._changed = {}
