"""Checking key remaps from config.toml: every problem is one warning naming the line, and the
keymap Textual gets has no clash left (see `reader.keymap`)."""

from __future__ import annotations

import pytest

from reader.keymap import check_keymap, normal_key
from reader.ui.keys import READER_KEYS

DEFAULTS = {key.id: key.keys for key in READER_KEYS} | {"interrupt": "ctrl+c"}
"""The reader's real bindings."""


@pytest.mark.parametrize(
    ("key", "normal"),
    [
        ("j", "j"),
        ("G", "G"),
        ("?", "question_mark"),
        ("question_mark", "question_mark"),
        ("]", "right_square_bracket"),
        ("ctrl+n", "ctrl+n"),
        ("ctrl+shift+f5", "ctrl+shift+f5"),
        ("pagedown", "pagedown"),
        ("space", "space"),
        ("ctrl+", None),
        ("Ctrl+n", None),
        ("pgdn", None),
        ("ctrl+ctrl+n", None),
        ("jj", None),
        (" ", None),
    ],
)
def test_key_names(key: str, normal: str | None) -> None:
    assert normal_key(key) == normal


def test_a_good_remap_passes_without_warnings() -> None:
    checked = check_keymap({"next-paragraph": "j,ctrl+n"}, DEFAULTS, lines={"next-paragraph": 2})
    assert checked.keymap == {"next-paragraph": "j,ctrl+n"}
    assert checked.warnings == ()


def test_unknown_action_is_named_with_its_line_and_a_suggestion() -> None:
    checked = check_keymap(
        {"next-paragrph": "x", "fly": "z"}, DEFAULTS, lines={"next-paragrph": 3, "fly": 4}
    )
    assert checked.keymap == {}
    assert checked.warnings == (
        "config.toml line 3: unknown action 'next-paragrph' ignored; did you mean next-paragraph?",
        "config.toml line 4: unknown action 'fly' ignored; the help (?) lists the actions",
    )


def test_bad_keys_are_dropped_and_a_remap_without_good_keys_keeps_its_defaults() -> None:
    checked = check_keymap(
        {"quit": "ctrl+,Q", "help": "pgdn"}, DEFAULTS, lines={"quit": 2, "help": 3}
    )
    assert checked.keymap == {"quit": "Q"}
    assert checked.warnings == (
        "config.toml line 2: 'ctrl+' is not a key name (e.g. j, G, ctrl+n, f2, pagedown)",
        "config.toml line 3: 'pgdn' is not a key name (e.g. j, G, ctrl+n, f2, pagedown);"
        " help keeps question_mark,f1",
    )


def test_a_key_taken_from_another_binding_is_said_and_removed_from_it() -> None:
    """`next-paragraph = "n,y"`: n was next-mention's only key, y copy-paragraph's."""
    checked = check_keymap({"next-paragraph": "n,y"}, DEFAULTS, lines={"next-paragraph": 2})
    assert checked.keymap == {"next-paragraph": "n,y", "next-mention": "", "copy-paragraph": ""}
    assert checked.warnings == (
        "config.toml line 2: n was next-mention's key and now does next-paragraph;"
        " next-mention has no key left",
        "config.toml line 2: y was copy-paragraph's key and now does next-paragraph;"
        " copy-paragraph has no key left",
    )
    checked = check_keymap({"copy-paragraph": "?"}, DEFAULTS, lines={"copy-paragraph": 2})
    assert checked.keymap == {"copy-paragraph": "question_mark", "help": "f1"}
    assert checked.warnings == (
        "config.toml line 2: ? was help's key and now does copy-paragraph; help keeps f1",
    )


def test_two_remaps_claiming_one_key_keep_it_for_the_first_line() -> None:
    checked = check_keymap({"help": "x", "quit": "x,Q"}, DEFAULTS, lines={"help": 2, "quit": 3})
    assert checked.keymap == {"help": "x", "quit": "Q"}
    assert checked.warnings == ("config.toml line 3: x is already help's key; ignored for quit",)


def test_the_palette_key_stays_the_palettes() -> None:
    checked = check_keymap({"help": "ctrl+p,h"}, DEFAULTS, lines={"help": 2})
    assert checked.keymap == {"help": "h"}
    assert checked.warnings == (
        "config.toml line 2: ctrl+p is kept for the command palette; ignored for help",
    )


def test_empty_keys_keep_the_defaults_with_a_warning() -> None:
    checked = check_keymap({"quit": " , "}, DEFAULTS, lines={"quit": 2}, path="/x/config.toml")
    assert checked.keymap == {}
    assert checked.warnings == ("/x/config.toml line 2: no keys given; quit keeps q",)


def test_several_bad_keys_are_one_warning() -> None:
    checked = check_keymap({"quit": "Ctrl+q,pgdn"}, DEFAULTS, lines={"quit": 7})
    assert checked.warnings == (
        "config.toml line 7: 'Ctrl+q', 'pgdn' are not key names"
        " (e.g. j, G, ctrl+n, f2, pagedown); quit keeps q",
    )
