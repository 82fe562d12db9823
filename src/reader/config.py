"""Settings: a TOML file the user edits, `$XDG_CONFIG_HOME/reader/config.toml` (default
`~/.config/reader/config.toml`)::

      theme = "ansi-dark"          # any Textual theme name
      language = "ar"              # interface words: "en" or "ar"
      panel = "right"              # side panel: "left" (default) or "right"
      bidi = "terminal"            # "auto" (default), "app", or "terminal" (reorders)
      [keys]                       # remap a binding by its id (see the help screen)
      next-paragraph = "j,down,ctrl+n"

Reading positions (a state file we own) are in `reader.positions`.

A broken settings file (not TOML, a wrong value) is the user's to fix, so it raises `UserError`
with one clear line. Names the reader does not know (a misspelt setting, a `[keys]` entry that is
not a string) only cost a one-line warning naming the line (`Settings.warnings`): the reader
still starts. The key remaps themselves are checked against the bindings by `reader.keymap`.
"""

from __future__ import annotations

import importlib
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, cast

from reader.errors import UserError
from reader.xdg import config_home

Language = Literal["en", "ar"]
"""The language of the interface words (tab names, headings, messages)."""
PanelSide = Literal["left", "right"]
"""Which side of the article the side panel sits on."""
BidiMode = Literal["app", "terminal"]
"""Who reorders right-to-left text: the app (visual order sent) or the terminal (logical order)."""
BidiRequest = Literal["auto", "app", "terminal"]
"""How the user asks right-to-left text to be drawn (`bidi =` in config.toml, `--bidi`): `auto`
(default: decided at start from the environment and the terminal's answers, see
`reader.terminals`), `app`, or `terminal` (for terminals that reorder each row)."""

APP_NAME = "reader"
"""The directory name under the XDG base directories."""
MAX_SETTINGS_BYTES = 1024 * 1024
"""A settings file larger than this is refused (a real one is a few hundred bytes)."""


def config_dir() -> Path:
    """The directory holding `config.toml`: `$XDG_CONFIG_HOME/reader` or `~/.config/reader`."""
    return config_home() / APP_NAME


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
    """What the UI draws: always `app` order now (terminal mode defends those same cells at
    the driver, `reader.terminals.rows`); `terminal` is the old logical order."""
    bidi_request: BidiRequest = "auto"
    """What the user asked for in config.toml (`bidi = ...`)."""
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
        with path.open("rb") as file:
            data = file.read(MAX_SETTINGS_BYTES + 1)
        text = data.decode("utf-8")
    except FileNotFoundError:
        return Settings()
    except (OSError, UnicodeDecodeError) as error:
        raise UserError(f"{path}: cannot read the settings: {error}") from None
    if len(data) > MAX_SETTINGS_BYTES:
        raise UserError(f"{path}: larger than {MAX_SETTINGS_BYTES // 1024} KB; not a settings file")
    try:
        table = _toml_loads(text)
    except ValueError as error:  # tomllib.TOMLDecodeError is a ValueError
        raise UserError(f"{path}: not valid TOML: {str(error).splitlines()[0]}") from None
    except RecursionError:
        raise UserError(f"{path}: not valid TOML: tables or arrays nested too deeply") from None
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
        bidi_request=cast(BidiRequest, _choice(table, "bidi", ("auto", "app", "terminal"), "auto")),
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
