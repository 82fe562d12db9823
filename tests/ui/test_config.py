"""Settings (config.toml) and reading positions (positions.json) in the XDG directories."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from reader.config import Settings, config_dir, load_settings
from reader.errors import UserError
from reader.positions import ReadingPositions, atomic_write_text, document_key, state_dir


def _write_settings(text: str) -> None:
    """Write config.toml in the (temporary) XDG config directory."""
    config_dir().mkdir(parents=True, exist_ok=True)
    (config_dir() / "config.toml").write_text(text, encoding="utf-8")


def test_directories_follow_xdg(xdg_dirs: Path) -> None:
    assert config_dir() == xdg_dirs / "config" / "reader"
    assert state_dir() == xdg_dirs / "state" / "reader"


def test_missing_settings_give_the_defaults() -> None:
    assert load_settings() == Settings()
    assert Settings().panel == "left"
    assert Settings().language == "en"


def test_settings_are_read() -> None:
    _write_settings(
        'theme = "ansi-light"\nlanguage = "ar"\npanel = "right"\nbidi = "terminal"\n'
        '[keys]\nnext-paragraph = "j,ctrl+n"\n'
    )
    settings = load_settings()
    assert settings == Settings(
        theme="ansi-light",
        language="ar",
        panel="right",
        bidi_request="terminal",
        keys={"next-paragraph": "j,ctrl+n"},
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("theme = ", "not valid TOML"),
        ('panel = "top"', "panel must be one of left, right"),
        ('language = "fr"', "language must be one of en, ar"),
        ("theme = 3", "theme must be a string"),
    ],
)
def test_bad_settings_are_one_clear_line(text: str, message: str) -> None:
    _write_settings(text)
    with pytest.raises(UserError) as caught:
        load_settings()
    assert message in str(caught.value)
    assert "config.toml" in str(caught.value)
    assert "\n" not in str(caught.value)


def test_unknown_settings_and_keys_that_are_not_strings_are_warnings_naming_the_line() -> None:
    """A misspelt setting or a [keys] value of the wrong type does not stop the reader: one
    warning each, naming the file and the line, and the rest of the file still applies."""
    _write_settings('colour = "red"\npanel = "right"\n\n[keys]\nquit = 3\nhelp = "f2"\n')
    settings = load_settings()
    assert settings.panel == "right"
    assert settings.keys == {"help": "f2"}
    assert settings.key_lines == {"quit": 5, "help": 6}
    path = config_dir() / "config.toml"
    assert settings.warnings == (
        f"{path} line 1: unknown setting 'colour' ignored"
        " (settings: theme, language, panel, bidi, keys)",
        f'{path} line 5: quit must be a string of keys, e.g. quit = "j,ctrl+n"; ignored',
    )


def test_keys_written_as_dotted_names_or_quoted_are_found_on_their_line() -> None:
    _write_settings('theme = "ansi-dark"\nkeys.quit = "Q"\nkeys."help" = 4\n')
    settings = load_settings()
    assert settings.key_lines == {"quit": 2, "help": 3}
    assert settings.warnings[0].endswith(
        'line 3: help must be a string of keys, e.g. help = "j,ctrl+n"; ignored'
    )


def test_positions_round_trip() -> None:
    positions = ReadingPositions()
    assert positions.get("doc") is None
    positions.set("doc", 12, "doc.txt")
    positions.save()
    assert ReadingPositions().get("doc") == 12
    assert ReadingPositions().warning is None


def test_saving_merges_with_what_another_reader_saved() -> None:
    first, second = ReadingPositions(), ReadingPositions()
    first.set("a", 1)
    first.save()
    second.set("b", 2)
    second.save()
    merged = ReadingPositions()
    assert (merged.get("a"), merged.get("b")) == (1, 2)


@pytest.mark.parametrize("content", ["{not json", "[1, 2]", '{"a": {"paragraph": -1}}'])
def test_a_corrupt_positions_file_is_ignored(content: str) -> None:
    path = state_dir() / "positions.json"
    path.parent.mkdir(parents=True)
    path.write_text(content, encoding="utf-8")
    positions = ReadingPositions()
    assert positions.get("a") is None
    if content.startswith("{not") or content.startswith("["):
        assert positions.warning is not None and "positions.json" in positions.warning
    positions.set("a", 3)
    positions.save()  # a good file replaces the corrupt one
    assert json.loads(path.read_text(encoding="utf-8"))["a"]["paragraph"] == 3


def test_atomic_write_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "out" / "file.json"
    atomic_write_text(target, "one")
    atomic_write_text(target, "two")
    assert target.read_text(encoding="utf-8") == "two"
    assert os.listdir(target.parent) == ["file.json"]


def test_document_key_changes_with_the_file(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("نص", encoding="utf-8")
    key = document_key(str(path), "نص")
    assert key.startswith("file:") and str(path) in key
    path.write_text("نص أطول", encoding="utf-8")
    assert document_key(str(path), "نص أطول") != key
    assert document_key("-", "نص") == document_key(None, "نص")
    assert document_key(None, "نص") != document_key(None, "نص آخر")
