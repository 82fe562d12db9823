"""The XDG base directories reader uses, as the XDG Base Directory spec defines them.

The spec says a relative path in `$XDG_CONFIG_HOME` or `$XDG_STATE_HOME` is invalid and must be
ignored: the default under the home directory is used instead (a relative one would put the
user's settings and reading positions wherever the reader happens to be started).
"""

from __future__ import annotations

import os
from pathlib import Path


def _base(variable: str, default: Path) -> Path:
    """`$variable` when it is set to an absolute path, else `default`."""
    value = os.environ.get(variable, "")
    return Path(value) if value and os.path.isabs(value) else default


def config_home() -> Path:
    """`$XDG_CONFIG_HOME`, or `~/.config`."""
    return _base("XDG_CONFIG_HOME", Path.home() / ".config")


def state_home() -> Path:
    """`$XDG_STATE_HOME`, or `~/.local/state`."""
    return _base("XDG_STATE_HOME", Path.home() / ".local" / "state")
