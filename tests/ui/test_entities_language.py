"""Persian and Urdu documents in the app: the entity worker does not tag them, the panel's
Entities tab says why (wrapped over a few lines, in the interface's language), and the mention
keys stay harmless. Real texts from shared/data/texts, the real app driven by Textual's pilot."""

from __future__ import annotations

import threading

import pytest
from reader_pilot import reader_app, reader_screen, screen_text, settle, status, text_path
from textual.message import Message
from textual.pilot import Pilot
from textual.widgets import Static

from reader.config import Settings
from reader.layout import fit_label
from reader.nlp.language import entities_skipped_reason
from reader.text.load import load_document
from reader.ui import analysis
from reader.ui.widgets.side_panel import SidePanel
from reader.ui.words import word

PERSIAN = "persian-01.fa.txt"
URDU = "urdu-01.ur.txt"


def _posted_by_entity_job(name: str) -> list[Message]:
    """Run the entity job on a shared text in a thread, as the app does; what it posted."""
    posted: list[Message] = []
    document = load_document(text_path(name))
    job = threading.Thread(
        target=analysis.find_entities, args=(document, posted.append, lambda: False)
    )
    job.start()
    job.join(timeout=60)
    assert not job.is_alive()
    return posted


@pytest.mark.parametrize(("name", "language"), [(PERSIAN, "fa"), (URDU, "ur")])
def test_the_entity_job_does_not_tag_and_says_why(name: str, language: str) -> None:
    (message,) = _posted_by_entity_job(name)
    assert isinstance(message, analysis.AnalysisFailed)
    assert message.job == "entities" and message.missing
    assert message.note == f"entities-arabic-only-{language}"
    assert message.reason == entities_skipped_reason(language)


def _progress_text(pilot: Pilot[None]) -> str:
    """The words of the Entities tab's progress line (all its lines, spaces collapsed)."""
    panel = reader_screen(pilot).query_one(SidePanel)
    progress = panel.query_one("#entities-progress", Static)
    assert progress.display
    return " ".join(str(progress.render()).split())


def _panel_rows(pilot: Pilot[None], width: int) -> list[str]:
    """The screen rows inside the side panel (on the left, `width` cells)."""
    return [row[:width] for row in screen_text(pilot)]


def _note_words() -> list[str]:
    """The words of the English Persian note."""
    return word("entities-arabic-only-fa", "en").split()


async def test_a_persian_document_shows_the_note_instead_of_entities() -> None:
    app = reader_app(text_path(PERSIAN))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = reader_screen(pilot)
        note = word("entities-arabic-only-fa", "en")
        assert note == "Arabic text only: this document looks Persian"
        assert _progress_text(pilot) == note
        panel_text = " ".join(" ".join(_panel_rows(pilot, 31)).split())
        assert note in panel_text  # whole, over two lines: nothing cut away
        assert word("no-entities", "en") not in panel_text
        assert screen.navigator.entities() == []
        assert screen.query_one(SidePanel).entity_list.option_count == 0


async def test_the_note_wraps_in_the_narrow_panel() -> None:
    app = reader_app(text_path(PERSIAN))
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        await pilot.press("e")  # the panel is collapsed below 70 columns
        await pilot.pause()
        assert _progress_text(pilot) == word("entities-arabic-only-fa", "en")
        rows = [row.strip() for row in _panel_rows(pilot, 23) if row.strip()]
        note_rows = [row for row in rows if row and set(row.split()) <= set(_note_words())]
        assert len(note_rows) >= 2
        assert " ".join(note_rows) == word("entities-arabic-only-fa", "en")


async def test_an_urdu_document_gets_the_note_in_arabic_when_the_interface_is_arabic() -> None:
    app = reader_app(text_path(URDU), settings=Settings(language="ar"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        note = word("entities-arabic-only-ur", "ar")
        assert _progress_text(pilot).count(" ") == note.count(" ")
        panel = "\n".join(_panel_rows(pilot, 31))
        for each in note.split():  # shaped and in visual order, word by word
            assert fit_label(each, 40, "rtl").text in panel, each
        assert reader_screen(pilot).navigator.entities() == []


async def test_mention_keys_are_harmless_without_entities() -> None:
    app = reader_app(text_path(PERSIAN))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = reader_screen(pilot)
        await pilot.press("j", "j")
        before = screen.current
        assert before == 2
        for key in ("n", "N", "n"):
            await pilot.press(key)
            await pilot.pause()
            assert screen.current == before
        assert word("mention", "en") not in status(pilot)
        assert app.is_running
