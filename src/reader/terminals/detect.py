"""Deciding the bidi mode: does reader order right-to-left text itself, or must it defend its
rows against a terminal that reorders them?

`app` sends cells in visual order and asks the terminal not to reorder (`CSI 8 l`, honoured by
VTE and mintty; terminals without bidi ignore it). `terminal` sends the same cells with each
written run wrapped in a left-to-right override (see `reader.terminals.rows`), for terminals
that run the bidi algorithm over every row and cannot be switched off (Konsole, mlterm).

The decision comes first from the environment (a terminal exports its name to the programs it
starts: `KONSOLE_VERSION`, `MLTERM`, `VTE_VERSION`, ...), then, when the environment says
nothing (over SSH), from what the terminal answers to XTVERSION (`CSI > q`) and DA2 (`CSI > c`).
The answers used here were measured under a virtual X display (docs/terminals/README.md).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

Mode = Literal["app", "terminal"]
"""Who orders right-to-left text on screen."""
Requested = Literal["auto", "app", "terminal"]
"""What the user asked for (`--bidi`, or `bidi =` in config.toml)."""

PUTTY_ADVICE = (
    "PuTTY mirrors whole rows and honours no override: in Settings > Terminal > Features tick"
    " 'Disable bidirectional text display' and 'Disable Arabic text shaping'"
)
"""What a PuTTY (or pterm) user must do: its bidi honours no override, mark or isolate."""
TMUX_ADVICE = (
    "inside tmux or screen the outer terminal cannot be asked; run `reader check-terminal`"
    " in the outer terminal and set bidi in config.toml"
)
"""What to do where detection cannot see the terminal that draws."""


@dataclass(frozen=True, slots=True)
class Answers:
    """What a terminal answered to the start-up query (each None when it did not answer)."""

    version: str | None = None
    """The XTVERSION reply, e.g. `Konsole 22.12.3`, `XTerm(379)`, `tmux 3.3a`."""
    da2: tuple[int, ...] | None = None
    """The DA2 parameters, e.g. (1, 115, 0) for Konsole, (24, 279, 0) for mlterm 3.9."""
    answerback: str | None = None
    """The reply to ENQ, if asked (PuTTY says `PuTTY`); only `check-terminal` asks."""
    complete: bool = False
    """The terminal answered the DA1 query sent last, so every answer it had was read."""


@dataclass(frozen=True, slots=True)
class Decision:
    """The bidi mode to use, and why (shown by the help screen and `check-terminal`)."""

    mode: Mode
    terminal: str
    """The terminal as far as it is known (`Konsole`, `mlterm`, `VTE 7006`, `unknown`)."""
    reason: str
    """One short line: where the decision came from."""
    advice: str | None = None
    """What the user may need to do, where no mode can be right on its own (PuTTY, tmux)."""


_XTVERSION = re.compile(r"\x1bP>\|([^\x1b\x07]*)(?:\x1b\\|\x07)")
_DA2 = re.compile(r"\x1b\[>([0-9;]*)c")
_DA1 = re.compile(r"\x1b\[\?[0-9;]*c")
_PRINTABLE_RUN = re.compile(r"^[\x20-\x7e]+")


def parse_answers(data: bytes) -> Answers:
    """Read the replies to ENQ, XTVERSION, DA2 and DA1 out of the bytes the terminal sent."""
    text = data.decode("utf-8", "replace")
    version = _XTVERSION.search(text)
    da2 = _DA2.search(text)
    answerback = _PRINTABLE_RUN.match(text)
    params: tuple[int, ...] | None = None
    if da2 is not None:
        try:
            params = tuple(int(part) for part in da2.group(1).split(";") if part)
        except ValueError:
            params = None
    return Answers(
        version=version.group(1).strip() if version else None,
        da2=params,
        answerback=answerback.group(0) if answerback else None,
        complete=_DA1.search(text) is not None,
    )


_REORDERING = ("Konsole",)
"""Terminals measured to run the bidi algorithm over each row, whatever they are told."""


def _from_environment(environ: Mapping[str, str]) -> Decision | None:
    """A decision from what the terminal exported to the programs it starts, if it did."""
    if environ.get("KONSOLE_VERSION"):
        return Decision("terminal", "Konsole", "KONSOLE_VERSION is set: Konsole reorders rows")
    if environ.get("MLTERM") or environ.get("TERM", "").startswith("mlterm"):
        return Decision("app", "mlterm", "MLTERM is set: mlterm's own bidi is switched off")
    if environ.get("VTE_VERSION"):
        return Decision(
            "app", f"VTE {environ['VTE_VERSION']}", "VTE_VERSION is set: VTE honours CSI 8 l"
        )
    if environ.get("WT_SESSION"):
        return Decision("app", "Windows Terminal", "WT_SESSION is set: no bidi of its own")
    program = environ.get("TERM_PROGRAM", "")
    if program == "Apple_Terminal":
        return Decision("terminal", "Terminal.app", "TERM_PROGRAM=Apple_Terminal: it reorders rows")
    if program in ("WezTerm", "iTerm.app", "vscode", "ghostty", "mintty", "Hyper", "tabby"):
        return Decision("app", program, f"TERM_PROGRAM={program}: no bidi by default")
    if environ.get("KITTY_WINDOW_ID") or environ.get("TERM") == "xterm-kitty":
        return Decision("app", "kitty", "kitty: no bidi")
    if environ.get("ALACRITTY_WINDOW_ID") or environ.get("TERM") == "alacritty":
        return Decision("app", "Alacritty", "Alacritty: no bidi")
    if environ.get("XTERM_VERSION"):
        return Decision("app", environ["XTERM_VERSION"], "XTERM_VERSION is set: no bidi")
    return None


def _in_multiplexer(environ: Mapping[str, str]) -> bool:
    """Whether reader runs inside tmux or screen, which hide the terminal that draws."""
    term = environ.get("TERM", "")
    return bool(
        environ.get("TMUX")
        or environ.get("STY")
        or environ.get("TERM_PROGRAM") == "tmux"
        or term.startswith(("screen", "tmux"))
    )


def _from_answers(answers: Answers) -> Decision | None:
    """A decision from the terminal's answers, if they name a terminal we know."""
    version = answers.version or ""
    da2 = answers.da2 or ()
    for name in _REORDERING:
        if version.lower().startswith(name.lower()):
            return Decision("terminal", version, f"the terminal answers {version!r}: it reorders")
    if da2[:2] == (1, 115):
        return Decision("terminal", "Konsole", "its DA2 answer is Konsole's: it reorders rows")
    if da2[:1] == (24,):
        return Decision("app", "mlterm", "its DA2 answer is mlterm's: its bidi is switched off")
    if (answers.answerback or "").startswith("PuTTY") or da2[:2] == (0, 136):
        return Decision(
            "app", "PuTTY", "its answer is PuTTY's: it mirrors whole rows", PUTTY_ADVICE
        )
    if da2[:1] == (65,):
        return Decision("app", f"VTE {da2[1]}", "its DA2 answer is VTE's: it honours CSI 8 l")
    if version:
        return Decision("app", version, f"the terminal answers {version!r}: no bidi known")
    if da2[:1] == (41,):
        return Decision("app", "xterm", "its DA2 answer is xterm's: no bidi")
    return None


def decide(
    requested: Requested,
    environ: Mapping[str, str],
    answers: Answers | None = None,
    *,
    source: str = "--bidi",
) -> Decision:
    """The bidi mode for `requested` (`source` names where it was asked: `--bidi` or the
    config file), this environment and, when asked, the terminal's answers (None: not asked)."""
    if requested != "auto":
        return Decision(requested, "as told", f"{source} {requested}")
    multiplexed = _in_multiplexer(environ)
    found = _from_environment(environ)
    if found is not None:
        if multiplexed:
            return Decision(
                found.mode,
                found.terminal,
                f"inside tmux or screen; {found.reason} (it may be stale)",
                TMUX_ADVICE,
            )
        return found
    if multiplexed:
        return Decision(
            "app", "unknown", "inside tmux or screen: the outer terminal is hidden", TMUX_ADVICE
        )
    if answers is not None:
        found = _from_answers(answers)
        if found is not None:
            return found
        if not answers.complete and answers.da2 is None and answers.version is None:
            return Decision("app", "unknown", "the terminal did not answer: no bidi assumed")
    return Decision("app", "unknown", "nothing names the terminal: no bidi assumed")


MLTERM_OFF = "\x1b]5379;use_ctl=false\x07"
"""mlterm's configuration sequence turning its complex text layout (bidi and shaping) off.
mlterm 3.9 was measured to count zero-width controls as columns and to end an override where
colours change, so no override keeps its rows whole; with this it shows cells as sent."""
MLTERM_ON = "\x1b]5379;use_ctl=true\x07"
"""Gives mlterm its bidi and shaping back when reader leaves."""


def switch_sequences(decision: Decision) -> tuple[str, str]:
    """Extra sequences to send on entering and leaving the app for this terminal (mlterm's
    bidi off and on again), or empty strings."""
    if decision.terminal == "mlterm" and decision.mode == "app":
        return MLTERM_OFF, MLTERM_ON
    return "", ""


def needs_query(requested: Requested, environ: Mapping[str, str]) -> bool:
    """Whether asking the terminal could change the decision (auto, and the environment is
    silent, and no multiplexer sits between us and the terminal)."""
    return (
        requested == "auto" and _from_environment(environ) is None and not _in_multiplexer(environ)
    )
