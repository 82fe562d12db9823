"""What a new user meets in the first minutes, driven through the real app with Textual's pilot
(issue: the first ten minutes). Expected places come from the core modules, not hard-coded."""

from __future__ import annotations

from reader_pilot import reader_app, reader_screen, searched, settle, status

from reader.search import find


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
