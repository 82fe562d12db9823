"""Choosing the bidi mode: each terminal's environment, each terminal's recorded answers to the
start-up query (bytes recorded from the real terminals of Debian 12 under Xvfb), and terminals
that answer nothing; the query itself on a real pty."""

from __future__ import annotations

import os
import threading
import time

import pytest

from reader.terminals.detect import (
    MLTERM_OFF,
    MLTERM_ON,
    PUTTY_ADVICE,
    TMUX_ADVICE,
    decide,
    needs_query,
    parse_answers,
    switch_sequences,
)
from reader.terminals.query import TIMEOUT, ask

RECORDED = {
    "konsole": b"\x1bP>|Konsole 22.12.3\x1b\\\x1b[>1;115;0c\x1b[?62;1;4c",
    "mlterm": b"\x1b[>24;279;0c\x1b[?63;1;2;3;4;6;7;15;18;22;29c",
    "xterm": b"\x1bP>|XTerm(379)\x1b\\\x1b[>41;379;0c\x1b[?64;1;2;6;9;15;16;17;18;21;22;28c",
    "pterm": b"PuTTY\x1b[>0;136;0c\x1b[?6c",
    "vte": b"\x1b[>65;7006;1c\x1b[?65;1;9c",
    "tmux": b"\x1bP>|tmux 3.3a\x1b\\\x1b[>84;0;0c\x1b[?1;2c",
}
"""What each terminal answered to ENQ, XTVERSION, DA2 and DA1 (pterm alone answers ENQ)."""


@pytest.mark.parametrize(
    ("environ", "mode", "terminal"),
    [
        ({"KONSOLE_VERSION": "221203", "TERM": "xterm-256color"}, "terminal", "Konsole"),
        ({"MLTERM": "3.9.0", "TERM": "mlterm"}, "app", "mlterm"),
        ({"TERM": "mlterm"}, "app", "mlterm"),
        ({"VTE_VERSION": "7006", "TERM": "xterm-256color"}, "app", "VTE 7006"),
        ({"WT_SESSION": "abc", "TERM": "xterm-256color"}, "app", "Windows Terminal"),
        ({"TERM_PROGRAM": "WezTerm"}, "app", "WezTerm"),
        ({"TERM_PROGRAM": "iTerm.app"}, "app", "iTerm.app"),
        ({"TERM_PROGRAM": "Apple_Terminal"}, "terminal", "Terminal.app"),
        ({"TERM": "xterm-kitty"}, "app", "kitty"),
        ({"ALACRITTY_WINDOW_ID": "1"}, "app", "Alacritty"),
        ({"XTERM_VERSION": "XTerm(379)", "TERM": "xterm"}, "app", "XTerm(379)"),
    ],
)
def test_the_environment_decides(environ: dict[str, str], mode: str, terminal: str) -> None:
    decision = decide("auto", environ)
    assert (decision.mode, decision.terminal) == (mode, terminal)
    assert not needs_query("auto", environ)


@pytest.mark.parametrize(
    ("name", "mode", "terminal"),
    [
        ("konsole", "terminal", "Konsole 22.12.3"),
        ("mlterm", "app", "mlterm"),
        ("xterm", "app", "XTerm(379)"),
        ("pterm", "app", "PuTTY"),
        ("vte", "app", "VTE 7006"),
    ],
)
def test_the_answers_decide_over_ssh(name: str, mode: str, terminal: str) -> None:
    """Over SSH only TERM arrives: the answers name the terminal."""
    environ = {"TERM": "xterm-256color"}
    assert needs_query("auto", environ)
    answers = parse_answers(RECORDED[name])
    assert answers.complete
    decision = decide("auto", environ, answers)
    assert (decision.mode, decision.terminal) == (mode, terminal)
    assert (decision.advice == PUTTY_ADVICE) == (name == "pterm")


def test_putty_is_known_by_its_da2_without_the_answerback() -> None:
    """The app does not send ENQ (a late answerback would become key presses): DA2 suffices."""
    answers = parse_answers(RECORDED["pterm"].removeprefix(b"PuTTY"))
    assert answers.answerback is None
    assert decide("auto", {"TERM": "xterm"}, answers).terminal == "PuTTY"


def test_the_parsed_answers() -> None:
    konsole = parse_answers(RECORDED["konsole"])
    assert (konsole.version, konsole.da2, konsole.answerback) == (
        "Konsole 22.12.3",
        (1, 115, 0),
        None,
    )
    assert parse_answers(RECORDED["pterm"]).answerback == "PuTTY"
    assert parse_answers(RECORDED["mlterm"]).version is None


def test_a_terminal_that_answers_nothing_gets_app_mode() -> None:
    decision = decide("auto", {"TERM": "xterm"}, parse_answers(b""))
    assert decision.mode == "app"
    assert "did not answer" in decision.reason


def test_a_terminal_that_answers_only_da1_gets_app_mode() -> None:
    answers = parse_answers(b"\x1b[?1;2c")
    assert answers.complete and answers.version is None and answers.da2 is None
    assert decide("auto", {"TERM": "linux"}, answers).mode == "app"


def test_inside_tmux_the_outer_terminal_is_unknown() -> None:
    environ = {"TERM": "tmux-256color", "TMUX": "/tmp/tmux-0/default,1,0", "TERM_PROGRAM": "tmux"}
    assert not needs_query("auto", environ)  # tmux would answer for itself
    decision = decide("auto", environ, parse_answers(RECORDED["tmux"]))
    assert decision.mode == "app"
    assert decision.advice == TMUX_ADVICE
    konsole = decide("auto", {**environ, "KONSOLE_VERSION": "221203"})
    assert konsole.mode == "terminal" and konsole.advice == TMUX_ADVICE


def test_what_the_user_asks_wins() -> None:
    environ = {"KONSOLE_VERSION": "221203"}
    assert decide("app", environ).mode == "app"
    assert decide("terminal", {"VTE_VERSION": "7006"}, source="bidi in config.toml").reason == (
        "bidi in config.toml terminal"
    )
    assert not needs_query("app", {"TERM": "xterm"})


def _fake_terminal(master: int, answer: bytes, delay: float) -> threading.Thread:
    """Answer the query on the pty's terminal side after `delay` seconds."""

    def run() -> None:
        query = b""
        while not query.endswith(b"\x1b[c"):
            query += os.read(master, 100)
        time.sleep(delay)
        if answer:
            os.write(master, answer)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread


def test_the_query_on_a_pty_reads_the_answers() -> None:
    master, slave = os.openpty()
    try:
        _fake_terminal(master, RECORDED["konsole"], 0.0)
        started = time.monotonic()
        data = ask(slave, slave)
        assert time.monotonic() - started < TIMEOUT
        assert decide("auto", {}, parse_answers(data)).mode == "terminal"
    finally:
        os.close(master)
        os.close(slave)


def test_a_silent_terminal_costs_only_the_timeout() -> None:
    master, slave = os.openpty()
    try:
        _fake_terminal(master, b"", 0.0)
        started = time.monotonic()
        data = ask(slave, slave)
        took = time.monotonic() - started
        assert data == b""
        assert TIMEOUT <= took < TIMEOUT + 0.1
    finally:
        os.close(master)
        os.close(slave)


def test_mlterm_gets_its_bidi_switched_off_and_back() -> None:
    on_mlterm = decide("auto", {"MLTERM": "3.9.0"})
    assert switch_sequences(on_mlterm) == (MLTERM_OFF, MLTERM_ON)
    assert switch_sequences(decide("auto", {}, parse_answers(RECORDED["mlterm"]))) == (
        MLTERM_OFF,
        MLTERM_ON,
    )
    assert switch_sequences(decide("auto", {"KONSOLE_VERSION": "221203"})) == ("", "")
    assert switch_sequences(decide("terminal", {"MLTERM": "3.9.0"})) == ("", "")
