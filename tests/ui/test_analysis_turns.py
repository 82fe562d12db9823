"""The analysis jobs take turns: each worker waits for the job before it to end, so the reader
holds one job's working memory at a time, and a reader that quits while one job runs never
starts the ones after it.

The jobs are the real ones on a shared text, wrapped only to note when each ran.
"""

from __future__ import annotations

import itertools
import threading
import time

import pytest
from reader_pilot import reader_app, reader_screen, settle, text_path
from textual.worker import WorkerState

from reader.text.document import Document
from reader.ui import analysis


def _noted(job: analysis.AnalysisJob, runs: list[tuple[str, float, float]]) -> analysis.Job:
    """`job` run as before, its name, start and end added to `runs` once it ends."""

    def run(document: Document, post: analysis.Post, cancelled: analysis.Cancelled) -> None:
        start = time.monotonic()
        try:
            job.run(document, post, cancelled)
        finally:
            runs.append((job.name, start, time.monotonic()))

    return run


async def test_the_jobs_run_one_after_another_cheap_first(monkeypatch: pytest.MonkeyPatch) -> None:
    runs: list[tuple[str, float, float]] = []
    jobs = tuple(
        analysis.AnalysisJob(job.name, _noted(job, runs), job.description) for job in analysis.JOBS
    )
    monkeypatch.setattr(analysis, "JOBS", jobs)
    app = reader_app(text_path("news-01.ar.txt"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        workers = reader_screen(pilot).analysis_workers
        assert {worker.state for worker in workers.values()} == {WorkerState.SUCCESS}
        assert reader_screen(pilot).navigator.entities()  # the real jobs found something
        assert reader_screen(pilot).navigator.topic_index is not None
    assert [name for name, _, _ in runs] == ["bidi", "topics", "entities"]
    for (_, _, ended), (_, started, _) in itertools.pairwise(runs):
        assert started >= ended


async def test_quitting_during_a_job_starts_none_after_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Topics stand for a long job: it runs until its worker is cancelled (the reader quits);
    entities, whose turn comes next, never start."""
    running, stopped = threading.Event(), threading.Event()
    entities_started = threading.Event()

    def long_topics(document: Document, post: analysis.Post, cancelled: analysis.Cancelled) -> None:
        running.set()
        while not cancelled():
            time.sleep(0.01)
        stopped.set()

    def entities(document: Document, post: analysis.Post, cancelled: analysis.Cancelled) -> None:
        entities_started.set()
        analysis.find_entities(document, post, cancelled)

    replaced = {"topics": long_topics, "entities": entities}
    jobs = tuple(
        analysis.AnalysisJob(job.name, replaced.get(job.name, job.run), job.description)
        for job in analysis.JOBS
    )
    monkeypatch.setattr(analysis, "JOBS", jobs)
    app = reader_app(text_path("news-01.ar.txt"))
    async with app.run_test(size=(100, 30)) as pilot:
        while not running.is_set():
            await pilot.pause(0.02)
        await pilot.pause(0.3)  # entities would have started by now, were they not waiting
        assert not entities_started.is_set()
        await pilot.press("q")
    assert stopped.wait(5), "the running job was not cancelled on quit"
    time.sleep(3 * analysis.TURN_POLL_SECONDS)  # the waiting worker notices it was cancelled
    assert not entities_started.is_set()


def test_a_job_cancelled_while_waiting_for_its_turn_never_starts() -> None:
    previous = threading.Event()
    cancelled = threading.Event()
    threading.Timer(0.05, cancelled.set).start()
    assert not analysis.wait_for_turn(previous, cancelled.is_set)
    previous.set()
    assert analysis.wait_for_turn(previous, lambda: False)
    assert analysis.wait_for_turn(None, lambda: False)
