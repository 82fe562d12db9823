"""Checking the user's key remaps (`[keys]` in config.toml) before Textual applies them.

Textual's keymap silently ignores an unknown binding id, an empty key list and a key name no
terminal sends, and when two bindings end up on one key, which one runs is an accident of
order. Here each such problem becomes one warning naming the line of config.toml, and the
keymap handed to Textual has no clash left:

- an unknown id (a misspelt or made-up action) is ignored, with the closest id suggested;
- a key that is not a Textual key name (`ctrl+`, `Ctrl+n`, `pgdn`) is dropped; a remap left
  without any good key keeps the binding's default keys;
- a key the app keeps for itself (ctrl+p, the palette) is dropped from a remap;
- a remapped key that another binding had by default moves to the remap (what the user
  wrote last wins over what they did not write) and the warning says the other binding lost
  it; a key two remaps both claim stays with the first line and is dropped from the later one.

Pure: no Textual import beyond its table of key names, and the bindings come in as data.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.config import Settings

MODIFIERS = ("ctrl", "shift", "alt", "meta", "super", "hyper")
"""The modifier prefixes Textual writes, in key names such as `ctrl+shift+n`."""

RESERVED = {"ctrl+p": "the command palette", "ctrl+q": "quitting"}
"""Keys the app itself binds before the reader's bindings are looked at: a remap onto them
would never run."""


@dataclass(frozen=True, slots=True)
class CheckedKeymap:
    """The keymap to give Textual (binding id to comma-separated keys) and the warnings."""

    keymap: dict[str, str]
    warnings: tuple[str, ...]


def _named_keys() -> frozenset[str]:
    """The key names (without modifiers) Textual reports: `escape`, `pagedown`, `f5`..."""
    from textual.keys import Keys

    return frozenset(key.value for key in Keys if "+" not in key.value and "<" not in key.value)


def normal_key(key: str) -> str | None:
    """`key` in the form Textual reports it (`?` → `question_mark`), or None when no key press
    can ever have that name."""
    from textual.keys import _character_to_key, key_to_character

    *modifiers, base = key.split("+") if key != "+" else ["+"]
    if (
        not base
        or any(m not in MODIFIERS for m in modifiers)
        or len(set(modifiers)) < len(modifiers)
    ):
        return None
    if len(base) == 1:
        if not base.isprintable() or base == " ":
            return None
        base = _character_to_key(base)
    elif base not in _named_keys() and key_to_character(base) is None:
        return None
    return "+".join([*modifiers, base])


def check_keymap(
    remaps: Mapping[str, str],
    defaults: Mapping[str, str],
    *,
    lines: Mapping[str, int] | None = None,
    path: Path | str = "config.toml",
) -> CheckedKeymap:
    """Check `remaps` (binding id to the keys the user wrote, in file order) against `defaults`
    (every binding id the app has, to its default keys); `lines` says where each remap is."""
    lines = lines or {}
    warnings: list[tuple[int, str]] = []
    written_as: dict[tuple[str, str], str] = {}  # (id, normal key) -> as written, for messages

    def warn(binding: str, text: str) -> None:
        line = lines.get(binding)
        warnings.append((line or 0, f"{path} line {line}: {text}" if line else f"{path}: {text}"))

    default_keys = {
        binding: [k for k in (normal_key(key.strip()) for key in keys.split(",")) if k]
        for binding, keys in defaults.items()
    }
    chosen: dict[str, list[str]] = {}
    for binding, written in remaps.items():
        if binding not in defaults:
            close = difflib.get_close_matches(binding, list(defaults), n=1)
            hint = f"did you mean {close[0]}?" if close else "the help (?) lists the actions"
            warn(binding, f"unknown action {binding!r} ignored; {hint}")
            continue
        keys: list[str] = []
        bad: list[str] = []
        for key in (k.strip() for k in written.split(",")):
            normal = normal_key(key) if key else None
            if normal is None:
                bad += [repr(key)] if key else []
            elif normal not in keys:
                keys.append(normal)
                written_as.setdefault((binding, normal), key)
        kept = "" if keys else f"; {binding} keeps {defaults[binding]}"
        if bad:
            names = (
                f"{', '.join(bad)} {'is not a key name' if len(bad) == 1 else 'are not key names'}"
            )
            warn(binding, f"{names} (e.g. j, G, ctrl+n, f2, pagedown){kept}")
        elif not keys:
            warn(binding, f"no keys given{kept}")
        if not keys:
            continue
        chosen[binding] = keys

    owner: dict[str, str] = {}  # key -> the remap that has it
    for binding, keys in chosen.items():
        for key in list(keys):
            if key in owner:
                shown = written_as.get((binding, key), key)
                warn(binding, f"{shown} is already {owner[key]}'s key; ignored for {binding}")
                keys.remove(key)
            elif key in RESERVED:
                shown = written_as.get((binding, key), key)
                warn(binding, f"{shown} is kept for {RESERVED[key]}; ignored for {binding}")
                keys.remove(key)
            else:
                owner[key] = binding
    keymap = {binding: ",".join(keys) for binding, keys in chosen.items() if keys}
    for binding, keys in chosen.items():
        if not keys:
            warn(binding, f"no key left for {binding}; it keeps {defaults[binding]}")
    for other, keys in default_keys.items():
        if other in keymap:
            continue
        lost = [key for key in keys if key in owner]
        for key in lost:
            left = [k for k in keys if k not in owner]
            after = f"{other} keeps {','.join(left)}" if left else f"{other} has no key left"
            shown = written_as.get((owner[key], key), key)
            warn(owner[key], f"{shown} was {other}'s key and now does {owner[key]}; {after}")
        if lost:  # "" when none is left: the key bar and help then show no key for it
            keymap[other] = ",".join(k for k in keys if k not in owner)
    warnings.sort(key=lambda item: item[0])  # in the file's order (stable within a line)
    return CheckedKeymap(keymap, tuple(text for _, text in warnings))


def settings_keymap(settings: Settings) -> CheckedKeymap:
    """The checked keymap of the user's settings, against the reader's bindings (its keys table
    and the app's ctrl+c), with the settings' own warnings first."""
    from reader.config import config_dir
    from reader.ui.keys import READER_KEYS

    if not settings.keys:
        return CheckedKeymap({}, settings.warnings)
    defaults = {key.id: key.keys for key in READER_KEYS}
    defaults["interrupt"] = "ctrl+c"
    checked = check_keymap(
        settings.keys,
        defaults,
        lines=settings.key_lines,
        path=settings.path or config_dir() / "config.toml",
    )
    return CheckedKeymap(checked.keymap, settings.warnings + checked.warnings)
