"""Settings (a TOML file the user edits) and per-document reading positions (a state file we own).

Both live in the XDG base directories, so tests and users can point them elsewhere:

- settings: `$XDG_CONFIG_HOME/reader/config.toml` (default `~/.config/reader/config.toml`)::

      theme = "ansi-dark"          # any Textual theme name
      language = "ar"              # interface words: "en" or "ar"
      panel = "right"              # side panel: "left" (default) or "right"
      bidi = "terminal"            # "app" (default) or "terminal" for terminals that reorder
      [keys]                       # remap a binding by its id (see the help screen)
      next-paragraph = "j,down,ctrl+n"

- reading positions: `$XDG_STATE_HOME/reader/positions.json` (default
  `~/.local/state/reader/positions.json`), one entry per document, written atomically (a
  temporary file then `os.replace`), so a crash never leaves half a file. A corrupt state file is
  ignored with a warning: losing a reading position must never stop the reader from starting.

A broken settings file (not TOML, a wrong value) is the user's to fix, so it raises `UserError`
with one clear line. Names the reader does not know (a misspelt setting, a `[keys]` entry that is
not a string) only cost a one-line warning naming the line (`Settings.warnings`): the reader
still starts. The key remaps themselves are checked against the bindings by `reader.keymap`.
"""

from __future__ import annotations

import contextlib
import importlib
import json
import os
import re
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, cast

from reader.errors import UserError

Language = Literal["en", "ar"]
"""The language of the interface words (tab names, headings, messages)."""
PanelSide = Literal["left", "right"]
"""Which side of the article the side panel sits on."""
BidiMode = Literal["app", "terminal"]
"""Who reorders right-to-left text: the app (visual order sent) or the terminal (logical order)."""

APP_NAME = "reader"
"""The directory name under the XDG base directories."""
MAX_POSITIONS = 500
"""How many documents' reading positions are kept; the oldest are forgotten first."""


def config_dir() -> Path:
    """The directory holding `config.toml`: `$XDG_CONFIG_HOME/reader` or `~/.config/reader`."""
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / APP_NAME


def state_dir() -> Path:
    """The directory holding reading positions: `$XDG_STATE_HOME/reader` or
    `~/.local/state/reader`."""
    base = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(base) / APP_NAME


@dataclass(frozen=True, slots=True)
class Settings:
    """What the user chose in `config.toml`; every field has a sensible default."""

    theme: str | None = None
    """A Textual theme name, or None for the default theme."""
    language: Language = "en"
    """The language of the interface words."""
    panel: PanelSide = "left"
    """The side panel's side: left by default, where an RTL reader's eye ends a line."""
    bidi: BidiMode = "app"
    """`terminal` for terminals that reorder right-to-left text themselves."""
    keys: Mapping[str, str] = field(default_factory=dict)
    """Key remaps: binding id to a comma-separated list of keys."""
    key_lines: Mapping[str, int] = field(default_factory=dict, compare=False)
    """The line of `config.toml` each remap is on (for warnings), when it could be found."""
    warnings: tuple[str, ...] = ()
    """One line each: what in `config.toml` was ignored, and where."""
    path: Path | None = field(default=None, compare=False)
    """The settings file read, if there was one."""


def _toml_loads(text: str) -> dict[str, object]:
    """Parse TOML with `tomllib` (Python 3.11+) or its backport `tomli` (Python 3.10)."""
    module = importlib.import_module("tomllib" if sys.version_info >= (3, 11) else "tomli")
    result: dict[str, object] = module.loads(text)
    return result


def _choice(table: Mapping[str, object], key: str, allowed: tuple[str, ...], default: str) -> str:
    """Read one of a few allowed strings from the settings, or raise a one-line UserError."""
    value = table.get(key, default)
    if value not in allowed:
        raise UserError(
            f"{config_dir() / 'config.toml'}: {key} must be one of {', '.join(allowed)},"
            f" not {value!r}"
        )
    return str(value)


def load_settings(path: Path | None = None) -> Settings:
    """Read the settings file; a missing file gives the defaults.

    Raises `UserError` for a file that is not valid TOML or holds a wrong value, naming the file.
    """
    path = path or config_dir() / "config.toml"
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Settings()
    except (OSError, UnicodeDecodeError) as error:
        raise UserError(f"{path}: cannot read the settings: {error}") from None
    try:
        table = _toml_loads(text)
    except ValueError as error:  # tomllib.TOMLDecodeError is a ValueError
        raise UserError(f"{path}: not valid TOML: {error}") from None
    theme = table.get("theme")
    if theme is not None and not isinstance(theme, str):
        raise UserError(f"{path}: theme must be a string")
    lines = _setting_lines(text)
    warnings = [
        f"{_where(path, lines.get(name))}: unknown setting {name!r} ignored"
        f" (settings: {', '.join(KNOWN_SETTINGS)})"
        for name in table
        if name not in KNOWN_SETTINGS
    ]
    keys = table.get("keys", {})
    if not isinstance(keys, dict):
        keys = {}
        warnings.append(
            f"{_where(path, lines.get('keys'))}: keys must be a table, e.g. [keys] then"
            ' quit = "q"; ignored'
        )
    remaps: dict[str, str] = {}
    for binding, value in keys.items():
        if isinstance(value, str):
            remaps[binding] = value
        else:
            warnings.append(
                f"{_where(path, lines.get('keys.' + binding))}: {binding} must be a string of"
                f' keys, e.g. {binding} = "j,ctrl+n"; ignored'
            )
    return Settings(
        theme=theme,
        language=cast(Language, _choice(table, "language", ("en", "ar"), "en")),
        panel=cast(PanelSide, _choice(table, "panel", ("left", "right"), "left")),
        bidi=cast(BidiMode, _choice(table, "bidi", ("app", "terminal"), "app")),
        keys=remaps,
        key_lines={k[5:]: n for k, n in lines.items() if k.startswith("keys.")},
        warnings=tuple(warnings),
        path=path,
    )


KNOWN_SETTINGS = ("theme", "language", "panel", "bidi", "keys")
"""The names config.toml may set at its top level."""

_TABLE_LINE = re.compile(r"\s*\[\s*([^\]]*?)\s*\]\s*(?:#.*)?$")
_KEY_LINE = re.compile(
    r"""\s*((?:"[^"]*"|'[^']*'|[\w-]+)(?:\s*\.\s*(?:"[^"]*"|'[^']*'|[\w-]+))*)\s*="""
)


def _setting_lines(text: str) -> dict[str, int]:
    """Where each setting is in the TOML `text`: dotted name (``keys.quit``) to line number
    (from 1). A plain reading of tables and ``name =`` lines, enough to point at a line; TOML
    itself was parsed by `tomllib`."""
    found: dict[str, int] = {}
    table: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        header = _TABLE_LINE.match(line)
        if header:
            table = [part.strip().strip("\"'") for part in header.group(1).split(".")]
            found.setdefault(".".join(table), number)
            continue
        key = _KEY_LINE.match(line)
        if key:
            parts = [part.strip().strip("\"'") for part in key.group(1).split(".")]
            found.setdefault(".".join([*table, *parts]), number)
    return found


def _where(path: Path, line: int | None) -> str:
    """``config.toml line 3`` (the path as given, the line when known)."""
    return f"{path} line {line}" if line is not None else str(path)


def document_key(path: str | None, text: str) -> str:
    """A key naming one document: its absolute path, size and modification time for a file; a
    hash of its text for stdin and the bundled article (which have no stable file of their own).
    """
    if path is not None and path != "-":
        with contextlib.suppress(OSError):
            info = os.stat(path)
            return f"file:{os.path.abspath(path)}:{info.st_size}:{info.st_mtime_ns}"
    import hashlib  # here: the reader's start does not pay for it when a file has a path

    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return f"sha256:{digest}"


def atomic_write_text(path: Path, text: str) -> None:
    """Write `text` to `path` so that readers see the old file or the new one, never a part:
    write a temporary file in the same directory, flush it, then `os.replace` it over `path`."""
    import tempfile  # here, not at start: only saving needs it

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


class ReadingPositions:
    """The paragraph each document was left at, kept in the XDG state directory.

    Loading never fails: an unreadable or corrupt file is ignored and `warning` says why, so the
    app can tell the user once.
    """

    def __init__(self, path: Path | None = None) -> None:
        """Read the positions file (or start empty when it is missing or corrupt)."""
        self.path = path or state_dir() / "positions.json"
        """Where the positions are stored."""
        self.warning: str | None = None
        """Why the stored positions were ignored, if they were."""
        self._entries: dict[str, dict[str, object]] = {}
        self._load()

    def _load(self) -> None:
        """Fill `_entries` from the file, keeping only well-formed entries."""
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return
        except (OSError, ValueError) as error:
            self.warning = f"reading positions ignored ({self.path}: {error})"
            return
        if not isinstance(raw, dict):
            self.warning = f"reading positions ignored ({self.path}: not a JSON object)"
            return
        for key, entry in raw.items():
            if (
                isinstance(entry, dict)
                and isinstance(entry.get("paragraph"), int)
                and entry["paragraph"] >= 0
            ):
                self._entries[str(key)] = entry

    def get(self, key: str) -> int | None:
        """The paragraph the document `key` was left at, or None when it was never opened."""
        entry = self._entries.get(key)
        return None if entry is None else cast(int, entry["paragraph"])

    def set(self, key: str, paragraph: int, name: str = "") -> None:
        """Remember `paragraph` for the document `key` (in memory; `save` writes the file)."""
        self._entries[key] = {"paragraph": paragraph, "name": name, "time": time.time()}

    def save(self) -> None:
        """Write all positions atomically, forgetting the oldest beyond `MAX_POSITIONS`.

        Merges with what is on disk now, so two readers open at once do not erase each other's
        documents."""
        on_disk = ReadingPositions.__new__(ReadingPositions)
        on_disk.path, on_disk.warning, on_disk._entries = self.path, None, {}
        on_disk._load()
        merged = {**on_disk._entries, **self._entries}

        def saved_at(item: tuple[str, dict[str, object]]) -> float:
            """When an entry was saved (0 for entries without a time)."""
            moment = item[1].get("time", 0.0)
            return float(moment) if isinstance(moment, (int, float)) else 0.0

        newest = dict(sorted(merged.items(), key=saved_at, reverse=True)[:MAX_POSITIONS])
        atomic_write_text(self.path, json.dumps(newest, ensure_ascii=False, indent=1))
