"""What a new user meets in the first minutes, driven through the real app with Textual's pilot
(issue: the first ten minutes). Expected places come from the core modules, not hard-coded."""

from __future__ import annotations

import pytest
from reader_pilot import (
    reader_app,
    reader_screen,
    screen_text,
    searched,
    settle,
    status,
    text_path,
)
from textual.command import CommandPalette

from reader.search import find

LONG = "news-07.ar.txt"
"""A news article long enough to page through at 80×24."""


async def test_search_typed_with_another_hamza_seat_finds_the_word() -> None:
    """«المسئولان» typed on the yeh seat finds the article's «المسؤولان» (waw seat)."""
    app = reader_app()
    paragraphs = [p.text for p in app.document.paragraphs]
    expected = [(h.paragraph, h.start, h.end) for h in find(paragraphs, "المسؤولان")]
    assert len(expected) == 1
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = reader_screen(pilot)
        await pilot.press("slash", *"المسئولان")
        await searched(pilot)
        await pilot.press("enter")
        spans = [(h[0], h[1], h[2]) for h in screen.navigator.highlights() if h[3] == "search"]
        assert spans == expected
        assert screen.current == expected[0][0]
        assert "1/1" in status(pilot)


async def test_config_problems_are_one_line_warnings_and_the_reader_still_starts() -> None:
    """A config.toml with an unknown action, a bad key and a conflicting binding: the reader
    opens, says each problem once (naming the line), and applies what was right."""
    from reader.config import config_dir, load_settings
    from reader.ui.screens.help_screen import HelpScreen

    config_dir().mkdir(parents=True)
    (config_dir() / "config.toml").write_text(
        '[keys]\nnext-paragrph = "x"\nquit = "ctrl+"\nnext-paragraph = "n"\nhelp = "ctrl+p,h"\n',
        encoding="utf-8",
    )
    app = reader_app(settings=load_settings())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        messages = [n.message for n in app._notifications]
        assert [m.split(": ", 1)[0] for m in messages] == [
            f"{config_dir() / 'config.toml'} line {n}" for n in (2, 3, 4, 5)
        ]
        assert "unknown action 'next-paragrph'" in messages[0]
        assert "'ctrl+' is not a key name" in messages[1] and messages[1].endswith("quit keeps q")
        assert "n was next-mention's key and now does next-paragraph" in messages[2]
        assert "ctrl+p is kept for the command palette; ignored for help" in messages[3]
        assert all("\n" not in m for m in messages)
        key_bar = screen_text(pilot)[-1]
        assert "q quit" in key_bar and "ctrl+" not in key_bar  # the keys in effect
        screen = reader_screen(pilot)
        await pilot.press("n")
        assert screen.current == 1
        await pilot.press("q")  # quit kept its default key
        assert not app.is_running
    app = reader_app(settings=load_settings())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("h")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape", "ctrl+p")
        assert isinstance(app.screen, CommandPalette)


async def test_the_palettes_screenshot_saves_beside_the_state_and_says_where() -> None:
    """Textual's "Screenshot" failed (no downloads folder); reader's saves an SVG in
    $XDG_STATE_HOME/reader/screenshots and names the file in a notification."""
    from reader.positions import state_dir

    app = reader_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"screenshot")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.5)
        saved = list((state_dir() / "screenshots").glob("*.svg"))
        assert len(saved) == 1
        assert "<svg" in saved[0].read_text(encoding="utf-8")[:2000]
        messages = [n.message for n in app._notifications]
        assert f"screenshot saved: {saved[0]}" in messages


async def test_what_is_highlighted_is_what_is_counted_and_visited() -> None:
    """The article's entity colours, the panel's counts and `n` cover one set: each entity's
    mentions and, for a country, its adjectives («التركية» is a mention of تركيا)."""
    from reader.nlp.entities import extract_document
    from reader.ui.highlights import ENTITY_TYPES

    app = reader_app()
    expected = extract_document(app.document)
    turkey = next(e for e in expected if e.name == "تركيا")
    assert turkey.adjectives, "the article says «التركية»"
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = reader_screen(pilot)
        coloured = {
            (p, s, e) for p, s, e, kind in screen.navigator.highlights() if kind in ENTITY_TYPES
        }
        counted = {
            (m.paragraph, m.start, m.end) for e in expected for m in (*e.mentions, *e.adjectives)
        }
        assert coloured == counted
        panel = screen.panel
        option = panel.entity_list.get_option(f"entity:{turkey.key}")
        spans = sorted(
            (m.paragraph, m.start, m.end) for m in (*turkey.mentions, *turkey.adjectives)
        )
        assert f"({len(spans)})" in str(option.prompt)
        screen.go_to_entity(turkey.key)
        await pilot.pause()
        visited = [screen.current]
        for _ in range(len(spans) - 1):
            await pilot.press("n")
            visited.append(screen.current)
        assert visited == [p for p, _, _ in spans]
        assert f"1/{len(spans)}" not in status(pilot) and f"/{len(spans)}" in status(pilot)


async def test_escape_while_typing_a_search_goes_back_where_the_reader_was() -> None:
    """As in less and vim: escape in the find bar returns to the paragraph and scroll position
    the reader left; enter keeps the hit."""
    app = reader_app(text_path(LONG))
    paragraphs = [p.text for p in app.document.paragraphs]
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = reader_screen(pilot)
        await pilot.press("j", "j")
        before = (screen.current, screen.article.scroll_y)
        query = far_word(paragraphs, before[0])
        await pilot.press("slash", *query)
        await searched(pilot)
        assert screen.current != before[0]  # the search moved to its first hit
        await pilot.press("escape")
        await pilot.pause()
        assert (screen.current, screen.article.scroll_y) == before
        assert screen.article.has_focus and not screen.navigator.search_query
        await pilot.press("slash", *query)
        await searched(pilot)
        hit = screen.current
        await pilot.press("enter")
        await pilot.pause()
        assert screen.current == hit != before[0]


def far_word(paragraphs: list[str], current: int) -> str:
    """A word of some paragraph well after `current` that no paragraph up to there holds."""
    seen = set(" ".join(paragraphs[: current + 3]).split())
    for paragraph in paragraphs[current + 3 :]:
        for candidate in paragraph.split():
            if len(candidate) > 4 and candidate not in seen and candidate.isalpha():
                return candidate
    raise AssertionError("no far word")


@pytest.mark.parametrize("typed", ["paragraph", "فقرة"])
async def test_palette_offers_paragraphs_for_the_word_paragraph(typed: str) -> None:
    """The help says the palette goes to paragraphs: typing the word (English or Arabic) lists
    them from the current one on, with their opening words; a number after it picks one."""
    app = reader_app(text_path(LONG))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = reader_screen(pilot)
        await pilot.press("j", "j", "j")
        await pilot.press("ctrl+p", *typed)
        await pilot.pause(0.4)
        rows = "\n".join(screen_text(pilot))
        assert "Go to paragraph 4: " in rows and "Go to paragraph 5: " in rows
        await pilot.press("down", "enter")
        await pilot.pause()
        assert screen.current == 4
        await pilot.press("ctrl+p", *f"{typed} 7")
        await pilot.pause(0.4)
        await pilot.press("enter")
        await pilot.pause()
        assert screen.current == 6


async def test_palette_cuts_an_arabic_name_at_its_own_end_at_60_columns() -> None:
    """At 60 columns a long Arabic name in the palette is cut in logical order, and its `…`
    sits at the name's end, which for Arabic is its left (as the side panel draws it)."""
    from reader.layout import fit_label
    from reader.nlp.entities import extract_document

    app = reader_app()
    names = [e.name for e in extract_document(app.document)]
    long_name = max(names, key=len)
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *long_name.split()[0])
        await pilot.pause(0.4)
        rows = [r.strip() for r in screen_text(pilot) if "Go to entity: " in r]
        assert rows
        row = next(r for r in rows if "…" in r)
        shown = row.split("Go to entity: ", 1)[1].strip()
        assert shown.startswith("…") and not shown.endswith("…"), shown
        # What follows the ellipsis is the name's opening words, shaped, read right to left.
        first_word = fit_label(long_name.split()[0], 99).text
        assert shown.endswith(first_word)


async def test_first_n_follows_the_entity_nearest_the_reading_position() -> None:
    """With nothing chosen, `n` no longer does nothing: it follows the entity mentioned first
    at or after the current paragraph, says so (and how to choose another), and the next `n`
    goes on to that entity's next mention. A `mention k/N` is shown only at that mention."""
    from reader.nlp.entities import extract_document
    from reader.ui.widgets.status_line import StatusLine

    app = reader_app()
    entities = extract_document(app.document)
    start = 2
    first = min(
        ((m.paragraph, m.start), e)
        for e in entities
        for m in (*e.mentions, *e.adjectives)
        if m.paragraph >= start
    )[1]
    spans = sorted((m.paragraph, m.start) for m in (*first.mentions, *first.adjectives))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = reader_screen(pilot)
        screen.go_to_paragraph(start)
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert screen.navigator.selected_entity == first.key
        at = next(i for i, (p, _) in enumerate(spans) if p >= start)
        assert screen.current == spans[at][0]
        flashed = screen.query_one(StatusLine).flashed
        assert first.name in flashed and "tab ↓ enter" in flashed
        assert f"mention {at + 1}/{len(spans)}" in status(pilot)
        await pilot.press("n")
        assert screen.current == spans[(at + 1) % len(spans)][0]
        # Moving away leaves no stale counter behind.
        elsewhere = next(p for p in range(len(app.document.paragraphs)) if p not in dict(spans))
        screen.go_to_paragraph(elsewhere)
        await pilot.pause()
        assert "mention" not in status(pilot)


async def test_first_n_before_any_entity_is_found_says_what_to_do() -> None:
    app = reader_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = reader_screen(pilot)
        assert not screen.navigator.entities()
        await pilot.press("n")
        from reader.ui.widgets.status_line import StatusLine

        assert "tab to the panel" in screen.query_one(StatusLine).flashed


async def test_reopening_says_once_where_it_resumed() -> None:
    """The reader reopens where it stopped and says so in the status line, once."""
    first = reader_app(text_path(LONG))
    async with first.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert "resumed" not in screen_text(pilot)[-2]  # nothing to resume the first time
        await pilot.press("j", "j", "j", "q")
        await pilot.pause()
    again = reader_app(text_path(LONG))
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.pause(0.2)
        assert "resumed at ¶ 4" in screen_text(pilot)[-2]  # the status row
        await pilot.press("j")
        await pilot.pause(5.2)
        assert "resumed" not in screen_text(pilot)[-2]
        assert "¶ 5/" in screen_text(pilot)[-2]


async def test_find_bar_shows_the_query_once_at_its_reading_end_with_a_cursor() -> None:
    """The typed Arabic query is drawn once, shaped, from the input's right end beside the hit
    counter (not floating mid-bar, not repeated), and its cursor is always drawn."""
    from reader.layout import fit_label

    app = reader_app()
    query = "الأمن"
    shown = fit_label(query, 99).text
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = reader_screen(pilot)
        await pilot.press("slash", *query)
        await searched(pilot)
        bar = screen.search_bar
        assert bar is not None
        row = screen_text(pilot)[bar.region.y]
        assert row.count(shown) == 1
        total = len(find([p.text for p in app.document.paragraphs], query))
        assert row.rstrip().endswith(f"1/{total}")
        gap = row.rstrip()[row.index(shown) + len(shown) : -len(f"1/{total}")]
        assert gap.strip() == "" and len(gap) <= 4, repr(gap)
        # The cursor: a cell drawn in the input's cursor style, on every frame (no blinking).
        assert not bar.input.cursor_blink
        cursor = bar.input.get_component_rich_style("input--cursor")
        for _ in range(3):
            strip = bar.input.render_line(0)
            assert any(segment.style == bar.input.rich_style + cursor for segment in strip)
            await pilot.pause(0.3)


async def test_help_box_at_60x20_scrolls_with_j_and_k() -> None:
    """At 60×20 the help box is taller than the screen: j/k (as in the article), space/b and
    g/G scroll it, so its last line can be read."""
    from textual.containers import VerticalScroll

    from reader.ui.screens.help_screen import HelpScreen

    app = reader_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        box = app.screen.query_one("#help-box", VerticalScroll)
        assert box.max_scroll_y > 0, "the box fits: nothing to test at this size"
        closing = "escape or ? closes this help"
        assert not any(closing in row for row in screen_text(pilot))
        await pilot.press("j", "j")
        await pilot.pause()
        assert box.scroll_y == 2
        await pilot.press("k")
        await pilot.pause()
        assert box.scroll_y == 1
        await pilot.press("G")
        await pilot.pause()
        assert box.scroll_y == box.max_scroll_y
        assert any(closing in row for row in screen_text(pilot))
        await pilot.press("g")
        await pilot.pause()
        assert box.scroll_y == 0
        assert isinstance(app.screen, HelpScreen)  # still open: the keys scrolled, not moved
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)
