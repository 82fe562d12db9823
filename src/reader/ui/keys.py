"""The reader's keys: one table from which the screen's bindings, the key bar and the help come.

Every binding has an `id`, so a user remaps it in config.toml (`[keys] next-paragraph = "j,ctrl+n"`)
and Textual's keymap applies it; the key bar and the help screen show the keys in effect.
Left and right arrows are deliberately unbound: in right-to-left text "next" has no side.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from textual.binding import Binding

from reader.ui.words import word


@dataclass(slots=True)
class LastKey:
    """The last key pressed, noted by the app before any binding sees it (the screen's key
    guard looks at it to tell typing from commands)."""

    key: str | None = None
    """The key's name (`q`, `escape`, `ctrl+p`), None before the first key."""
    printable: bool = False
    """Whether the key types a character."""


@dataclass(frozen=True, slots=True)
class ReaderKey:
    """One action a reader can take and the keys that take it by default."""

    id: str
    """The binding id users remap in config.toml; also the id of its words in `words.WORDS`."""
    keys: str
    """The default keys, comma-separated, in Textual's names."""
    action: str
    """The screen action run."""
    tooltip: str
    """A sentence saying what the key does (English; shown in help)."""


READER_KEYS: tuple[ReaderKey, ...] = (
    ReaderKey("next-paragraph", "j,down", "next_paragraph", "Move to the next paragraph."),
    ReaderKey(
        "previous-paragraph", "k,up", "previous_paragraph", "Move to the previous paragraph."
    ),
    ReaderKey("next-page", "space,pagedown", "page(1)", "Scroll down a screenful."),
    ReaderKey("previous-page", "b,pageup", "page(-1)", "Scroll up a screenful."),
    ReaderKey("first-paragraph", "g,home", "first_paragraph", "Go to the first paragraph."),
    ReaderKey("last-paragraph", "G,end", "last_paragraph", "Go to the last paragraph."),
    ReaderKey(
        "next-topic",
        "right_square_bracket",
        "topic_step(1)",
        "Next paragraph of the chosen topic, or where the main topic changes.",
    ),
    ReaderKey(
        "previous-topic",
        "left_square_bracket",
        "topic_step(-1)",
        "Previous paragraph of the chosen topic, or where the main topic changes.",
    ),
    ReaderKey(
        "next-mention", "n", "mention_step(1)", "Next mention of the entity, or next search hit."
    ),
    ReaderKey(
        "previous-mention",
        "N",
        "mention_step(-1)",
        "Previous mention of the entity, or previous search hit.",
    ),
    ReaderKey("search-open", "slash", "search", "Find words in the article (Arabic-aware)."),
    ReaderKey("back", "escape", "back", "Clear the search or selection; back out one level."),
    ReaderKey("focus-next", "tab", "switch_focus", "Move the focus between article and panel."),
    ReaderKey("toggle-panel", "e", "toggle_panel", "Show or hide the side panel."),
    ReaderKey("copy-paragraph", "y", "copy_paragraph", "Copy the current paragraph's text."),
    ReaderKey("help", "question_mark,f1", "help", "Show the keys."),
    ReaderKey("quit", "q", "quit", "Quit the reader."),
)
"""The main screen's keys, in the order the help lists them."""

PANEL_KEYS = frozenset({"down", "up", "pagedown", "pageup", "home", "end", "space"})
"""Keys a focused list in the panel uses itself (moving its highlight), not the article."""

BAR_ENTRIES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("next-paragraph", "previous-paragraph"), "bar-paragraph"),
    (("next-topic", "previous-topic"), "bar-topic"),
    (("next-mention", "previous-mention"), "bar-mention"),
    (("search-open",), "bar-find"),
    (("toggle-panel",), "bar-panel"),
    (("help",), "bar-help"),
    (("quit",), "bar-quit"),
)
"""What the key bar shows: the binding ids combined in one entry, and the entry's word."""

_DISPLAY = {
    "right_square_bracket": "]",
    "left_square_bracket": "[",
    "question_mark": "?",
    "slash": "/",
    "space": "space",
    "escape": "esc",
    "pagedown": "pgdn",
    "pageup": "pgup",
    "down": "↓",
    "up": "↑",
}


def bindings() -> list[Binding]:
    """The screen's bindings, each with its id, description and tooltip.

    They are priority bindings, so the article's inherited scroll keys (up, down, home...) do not
    shadow them; the screen's `check_action` lets a focused input or list keep its own keys."""
    return [
        Binding(
            key.keys,
            key.action,
            word(key.id, "en"),
            show=False,
            priority=True,
            tooltip=key.tooltip,
            id=key.id,
        )
        for key in READER_KEYS
    ]


def keys_in_effect(binding_id: str, keymap: Mapping[str, str]) -> list[str]:
    """The keys bound to `binding_id` after the user's remaps, in Textual's names."""
    default = next((key.keys for key in READER_KEYS if key.id == binding_id), "")
    return [key.strip() for key in keymap.get(binding_id, default).split(",") if key.strip()]


def key_display(key: str) -> str:
    """A key as a reader writes it: `]` for right_square_bracket, `?` for question_mark."""
    return _DISPLAY.get(key, key)


def first_key(binding_id: str, keymap: Mapping[str, str]) -> str:
    """The first key in effect for `binding_id`, for display (empty when unbound)."""
    keys = keys_in_effect(binding_id, keymap)
    return key_display(keys[0]) if keys else ""
