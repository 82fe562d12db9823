"""One snapshot per visual state of the reader (pytest-textual-snapshot).

Each app is built with XDG directories in a temporary place (the autouse fixture) and its NLP
workers are waited for in `run_before`, so entities and topics are those `reader.nlp` finds,
deterministically. Every accepted SVG was converted to PNG and looked at: Arabic joined, first
words at the right, harakat on their letters.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from reader_pilot import reader_app, reader_screen, searched, settle, text_path
from textual.pilot import Pilot

from reader.config import Settings
from reader.text.document import Document
from reader.text.markdown_blocks import markdown_document
from reader.ui.widgets.side_panel import SidePanel

SnapCompare = Callable[..., bool]


def _then(*steps: Callable[[Pilot[Any]], Awaitable[None]]) -> Callable[[Pilot[Any]], Any]:
    """A `run_before` that waits for the workers, then runs `steps` in order."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        for step in steps:
            await step(pilot)
        await pilot.pause()

    return run_before


async def _choose_first_entity(pilot: Pilot[Any]) -> None:
    """Focus the entity list and choose its first entity (the most mentioned person)."""
    await pilot.press("tab", "down", "enter")
    await settle(pilot)


async def _topics_tab(pilot: Pilot[Any]) -> None:
    """Show the topics tab and choose the second topic."""
    panel = reader_screen(pilot).query_one(SidePanel)
    panel.show_tab("topics")
    await pilot.pause()
    panel.focus_list()
    await pilot.press("down", "down", "enter")  # the second topic: it marks only some paragraphs
    await settle(pilot)


async def _legend(pilot: Pilot[Any]) -> None:
    """Show the topics tab (the topic map's legend), nothing chosen."""
    reader_screen(pilot).query_one(SidePanel).show_tab("topics")
    await settle(pilot)


async def _search(pilot: Pilot[Any]) -> None:
    """Search for a word of the article and keep the search."""
    await pilot.press("slash", *"الأمن")
    await searched(pilot)
    await pilot.press("enter")
    await pilot.press("n")
    await settle(pilot)


def test_default_80x24(snap_compare: SnapCompare) -> None:
    assert snap_compare(reader_app(), terminal_size=(80, 24), run_before=_then())


def test_default_120x40(snap_compare: SnapCompare) -> None:
    assert snap_compare(reader_app(), terminal_size=(120, 40), run_before=_then())


def test_entity_selected(snap_compare: SnapCompare) -> None:
    assert snap_compare(
        reader_app(), terminal_size=(100, 30), run_before=_then(_choose_first_entity)
    )


def test_topics_tab(snap_compare: SnapCompare) -> None:
    assert snap_compare(reader_app(), terminal_size=(100, 30), run_before=_then(_topics_tab))


def test_search_with_hits(snap_compare: SnapCompare) -> None:
    assert snap_compare(reader_app(), terminal_size=(100, 30), run_before=_then(_search))


def test_help(snap_compare: SnapCompare) -> None:
    assert snap_compare(
        reader_app(), terminal_size=(100, 30), press=["question_mark"], run_before=_then()
    )


def test_help_in_arabic(snap_compare: SnapCompare) -> None:
    app = reader_app(settings=Settings(language="ar"))
    assert snap_compare(app, terminal_size=(100, 30), press=["f1"], run_before=_then())


async def _open_palette(pilot: Pilot[Any]) -> None:
    """Open the command palette, ask for entities (only the reader's provider answers, so the
    order is deterministic) and wait until the list of commands is complete."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    from textual.widgets import Input

    pilot.app.screen.query_one(Input).cursor_blink = False  # a steady cursor in the picture
    await pilot.press(*"entity")
    await pilot.pause(0.4)  # past the palette's batching of results
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_palette_open(snap_compare: SnapCompare) -> None:
    assert snap_compare(reader_app(), terminal_size=(100, 30), run_before=_then(_open_palette))


def test_narrow_panel_collapsed(snap_compare: SnapCompare) -> None:
    assert snap_compare(reader_app(), terminal_size=(60, 20), run_before=_then())


def test_too_small(snap_compare: SnapCompare) -> None:
    assert snap_compare(reader_app(), terminal_size=(36, 8), run_before=_then())


def test_mixed_arabic_english(snap_compare: SnapCompare) -> None:
    app = reader_app(text_path("mixed-03.ar.txt"))
    assert snap_compare(app, terminal_size=(100, 30), run_before=_then())


def test_fully_diacritised(snap_compare: SnapCompare) -> None:
    app = reader_app(text_path("diacritics-01.ar.txt"))
    assert snap_compare(app, terminal_size=(100, 30), run_before=_then())


def test_arabic_interface_panel_right(snap_compare: SnapCompare) -> None:
    app = reader_app(settings=Settings(language="ar", panel="right", theme="ansi-dark"))
    assert snap_compare(app, terminal_size=(100, 30), run_before=_then())


def test_topic_map_and_legend(snap_compare: SnapCompare) -> None:
    assert snap_compare(reader_app(), terminal_size=(120, 40), run_before=_then(_legend))


def test_topic_map_no_color_arabic(snap_compare: SnapCompare, monkeypatch: Any) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = reader_app(text_path("news-08.ar.txt"), settings=Settings(language="ar"))
    assert snap_compare(app, terminal_size=(100, 30), run_before=_then(_legend))


def test_topic_map_long_text(snap_compare: SnapCompare) -> None:
    app = reader_app(text_path("mixed-03.ar.txt"), settings=Settings(theme="ansi-dark"))
    assert snap_compare(app, terminal_size=(100, 30), run_before=_then(_legend))


STRUCTURED_NOTE = """# {title}

{first}

## خلفية الانتخابات

> إن المرحلة المقبلة تتطلب توحيد صفوف المعارضة والعمل معا من أجل سوريا

- عدد الأصوات: 62 صوتا
- أقرب المنافسين: 41 صوتا
  - موفق نيربيه
- مكان الاجتماع: إسطنبول

## ردود الفعل

{second}

```
reader https://ar.wikinews.org/wiki/خبر
```
"""
"""A Markdown article around the first paragraphs of news-01 (Wikinews, CC BY 2.5): a title,
two sections, a quote, a nested list and a line of code."""


def structured_article() -> Document:
    """The structured note as a document, read by the Markdown loader."""
    text = Path(text_path("news-01.ar.txt")).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line]
    note = STRUCTURED_NOTE.format(title=lines[0], first=lines[1], second=lines[2])
    return markdown_document(note.encode("utf-8"), "notes.md")


def test_structured_article(snap_compare: SnapCompare) -> None:
    """Title bold (and in the title bar), headings bold with room before them, the quote
    indented with its bar on the right, bullets on the right, the nested item deeper, the code
    line left as written."""
    app = reader_app(document=structured_article())
    assert snap_compare(app, terminal_size=(100, 34), run_before=_then())
