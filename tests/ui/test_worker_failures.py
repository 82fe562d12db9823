"""An analysis job that raises does not take the reader down: its worker fails alone, and the
panel says so where that analysis's results would be.

The failures are injected by replacing one job in `analysis.JOBS` with one that raises; the
other jobs are the real ones, so the test also shows they carry on.
"""

from __future__ import annotations

import pytest
from reader_pilot import reader_app, reader_screen, screen_text, status
from textual.pilot import Pilot
from textual.widgets import Static
from textual.worker import WorkerState

from reader.text.document import Document
from reader.ui import analysis
from reader.ui.widgets.side_panel import SidePanel
from reader.ui.words import word

FAILURE = "injected failure"


def _broken(document: Document, post: analysis.Post, cancelled: analysis.Cancelled) -> None:
    """A job with a bug: it raises before posting anything."""
    raise RuntimeError(FAILURE)


def _with_broken(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """Make the job called `name` the broken one."""
    jobs = tuple(
        analysis.AnalysisJob(job.name, _broken, job.description) if job.name == name else job
        for job in analysis.JOBS
    )
    assert any(job.run is _broken for job in jobs)
    monkeypatch.setattr(analysis, "JOBS", jobs)


async def _finished(pilot: Pilot[None]) -> None:
    """Wait until every analysis worker has ended, failed or not (`wait_for_complete` would
    raise the failure here instead)."""
    screen = reader_screen(pilot)
    while not screen.analysis_started:
        await pilot.pause(0.02)
    ended = {WorkerState.SUCCESS, WorkerState.ERROR, WorkerState.CANCELLED}
    while any(worker.state not in ended for worker in screen.analysis_workers.values()):
        await pilot.pause(0.05)
    await pilot.pause()
    await pilot.pause()


def _progress(pilot: Pilot[None], tab: str) -> str:
    """The words of a tab's progress line."""
    line = reader_screen(pilot).query_one(SidePanel).query_one(f"#{tab}-progress", Static)
    return " ".join(str(line.render()).split()) if line.display else ""


@pytest.mark.parametrize(("failing", "working"), [("entities", "topics"), ("topics", "entities")])
async def test_a_failing_job_leaves_the_reader_up_and_its_tab_says_so(
    monkeypatch: pytest.MonkeyPatch, failing: str, working: str
) -> None:
    _with_broken(monkeypatch, failing)
    app = reader_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await _finished(pilot)
        workers = reader_screen(pilot).analysis_workers
        assert workers[failing].state == WorkerState.ERROR
        assert workers[working].state == WorkerState.SUCCESS
        assert app.is_running
        assert _progress(pilot, failing) == f"{word('failed', 'en')}: RuntimeError: {FAILURE}"
        assert _progress(pilot, working) == ""  # the other analysis ran to its end
        panel = reader_screen(pilot).query_one(SidePanel)
        lists = {"entities": panel.entity_list, "topics": panel.topic_list}
        assert lists[failing].option_count == 0
        assert lists[working].option_count > 0
        await pilot.press("j")  # and the reader still reads
        await pilot.pause()
        assert reader_screen(pilot).current == 1
        assert "¶ 2/" in status(pilot)


async def test_a_failing_count_of_bidi_controls_leaves_the_rest_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _with_broken(monkeypatch, "bidi")
    document = Document.from_text("فقرة \u202eمعكوسة\u202c.\nفقرة ثانية.\n", "bidi.txt")
    app = reader_app(document=document)
    async with app.run_test(size=(100, 30)) as pilot:
        await _finished(pilot)
        assert reader_screen(pilot).analysis_workers["bidi"].state == WorkerState.ERROR
        assert app.is_running
        assert reader_screen(pilot).bidi_controls == 0
        assert word("bidi-removed", "en") not in "\n".join(screen_text(pilot))
        assert _progress(pilot, "topics") == _progress(pilot, "entities") == ""
