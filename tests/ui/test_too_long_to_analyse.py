"""A document over the analysis limit is read, but its Entities and Topics tabs say it is too
long to analyse instead of the workers growing with it (issue 15). The limit is lowered for the
test so that a real shared text is over it; the jobs run as the app runs them."""

from __future__ import annotations

import threading

import pytest
from reader_pilot import reader_app, reader_screen, settle, text_path
from textual.message import Message

from reader.text.load import load_document
from reader.ui import analysis
from reader.ui.widgets.side_panel import SidePanel
from reader.ui.words import word

TEXT = "news-01.ar.txt"


def _posted(job: analysis.Job) -> list[Message]:
    """Run an analysis job on the shared text in a thread, as the app does; what it posted."""
    posted: list[Message] = []
    document = load_document(text_path(TEXT))
    thread = threading.Thread(target=job, args=(document, posted.append, lambda: False))
    thread.start()
    thread.join(timeout=60)
    assert not thread.is_alive()
    return posted


@pytest.mark.parametrize(
    ("job", "name"), [(analysis.find_entities, "entities"), (analysis.find_topics, "topics")]
)
def test_a_job_over_the_limit_says_so_and_finds_nothing(
    job: analysis.Job, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    size = len(load_document(text_path(TEXT)).text)
    monkeypatch.setattr(analysis, "ANALYSIS_LIMIT", size - 1)
    (message,) = _posted(job)
    assert isinstance(message, analysis.AnalysisFailed)
    assert message.job == name and message.missing
    assert message.note == "too-long-to-analyse"
    assert f"{size:,} characters" in message.reason


def test_a_document_at_the_limit_is_analysed(monkeypatch: pytest.MonkeyPatch) -> None:
    size = len(load_document(text_path(TEXT)).text)
    monkeypatch.setattr(analysis, "ANALYSIS_LIMIT", size)
    (message,) = _posted(analysis.find_topics)
    assert isinstance(message, analysis.TopicsFound)
    assert message.index.topics


def test_the_real_limit_is_over_the_ten_megabyte_article() -> None:
    with open(text_path("large-01.ar.txt"), encoding="utf-8") as file:
        assert len(file.read()) < analysis.ANALYSIS_LIMIT


async def test_the_tabs_say_too_long_and_the_article_is_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(analysis, "ANALYSIS_LIMIT", 1000)
    app = reader_app(text_path(TEXT))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = reader_screen(pilot)
        panel = screen.query_one(SidePanel)
        note = word("too-long-to-analyse", "en")
        assert panel.entity_progress == note
        assert panel.topic_progress == note
        assert screen.navigator.entities() == []
        await pilot.press("j")
        await pilot.pause()
        assert screen.current == 1
