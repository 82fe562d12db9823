"""Draw docs/terminals/*.png: reader (default settings, so `--bidi auto`) in real terminals on a
virtual X display, so anyone can look again after a change.

Needs (Debian 12): xvfb imagemagick xterm konsole mlterm sakura pterm fonts-dejavu-core
fonts-noto-core. Run from the checkout with the venv's reader installed:

    python tools/terminal_screenshots.py [--only konsole,mlterm] [--args "--bidi app"]

Each terminal runs `reader` at 120x36 in a private home (no settings, no reading positions);
after a few seconds (first paint, then the entity and topic panels) the window is captured.
A terminal that is not installed is skipped with a line saying so.
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "docs" / "terminals"
DISPLAY = ":97"
COLUMNS, ROWS = 120, 36

TERMINALS: dict[str, list[str]] = {
    "xterm": [
        "xterm",
        "-fa",
        "DejaVu Sans Mono",
        "-fs",
        "11",
        "-geometry",
        f"{COLUMNS}x{ROWS}+0+0",
        "-e",
    ],
    "vte-sakura": ["sakura", "--columns", str(COLUMNS), "--rows", str(ROWS), "-x"],
    "konsole": [
        "konsole",
        "--nofork",
        "--separate",
        "--hide-menubar",
        "--hide-tabbar",
        "-p",
        f"TerminalColumns={COLUMNS}",
        "-p",
        f"TerminalRows={ROWS}",
        "-e",
    ],
    "mlterm": ["mlterm", "-g", f"{COLUMNS}x{ROWS}+0+0", "-e"],
    "pterm": ["pterm", "-geometry", f"{COLUMNS}x{ROWS}+0+0", "-e"],
    "pterm-settings": ["pterm", "-geometry", f"{COLUMNS}x{ROWS}+0+0", "-e"],
}
"""How to start each terminal running a command (the command follows)."""

PUTTY_SETTINGS = "DisableBidi=1\nDisableArabicShaping=1\n"
"""PuTTY's own bidi and shaping switched off, as the README advises (Settings › Terminal ›
Features); `pterm-settings` runs with these as its default settings, `pterm` without."""


def putty_home(home: Path) -> Path:
    """A home whose PuTTY default settings turn off PuTTY's bidi and Arabic shaping."""
    settings = home / "putty-settings" / ".putty" / "sessions" / "Default%20Settings"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text(PUTTY_SETTINGS, encoding="ascii")
    return home / "putty-settings"


def reader_command() -> list[str]:
    """This environment's `reader` script."""
    script = Path(sys.executable).with_name("reader")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "reader"]


def main() -> int:
    """Start Xvfb, run reader in each terminal, capture, stop everything started."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="", help="comma-separated terminal names")
    parser.add_argument("--args", default="", help="extra reader arguments")
    parser.add_argument("--wait", type=float, default=8.0, help="seconds before the capture")
    parser.add_argument("--suffix", default="", help="added to each file name")
    options = parser.parse_args()
    for tool in ("Xvfb", "import", "convert"):
        if shutil.which(tool) is None:
            print(f"{tool} is missing: apt-get install xvfb imagemagick", file=sys.stderr)
            return 2
    names = [n for n in options.only.split(",") if n] or list(TERMINALS)
    OUT.mkdir(parents=True, exist_ok=True)
    xvfb = subprocess.Popen(
        ["Xvfb", DISPLAY, "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        time.sleep(1.0)
        with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as home:
            env = {
                **os.environ,
                "DISPLAY": DISPLAY,
                "HOME": home,
                "XDG_CONFIG_HOME": f"{home}/config",
                "XDG_STATE_HOME": f"{home}/state",
                "XDG_RUNTIME_DIR": home,
                "LANG": "C.UTF-8",
                "LC_ALL": "C.UTF-8",
            }
            for key in ("KONSOLE_VERSION", "VTE_VERSION", "MLTERM", "TERM_PROGRAM", "TMUX"):
                env.pop(key, None)
            command = reader_command() + shlex.split(options.args)
            for name in names:
                start = TERMINALS[name]
                if shutil.which(start[0]) is None:
                    print(f"{name}: {start[0]} is not installed, skipped")
                    continue
                own = (
                    {**env, "HOME": str(putty_home(Path(home)))}
                    if name == "pterm-settings"
                    else env
                )
                terminal = subprocess.Popen(
                    start + command,
                    env=own,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                    start_new_session=True,
                )
                try:
                    time.sleep(options.wait)
                    raw = Path(home) / f"{name}.png"
                    subprocess.run(
                        ["import", "-display", DISPLAY, "-window", "root", str(raw)], check=True
                    )
                    target = OUT / f"{name}{options.suffix}.png"
                    subprocess.run(
                        ["convert", str(raw), "-trim", "+repage", str(target)], check=True
                    )
                    print(f"{name}: {target.relative_to(REPO)}")
                finally:
                    os.killpg(terminal.pid, signal.SIGTERM)
                    terminal.wait(timeout=10)
    finally:
        xvfb.terminate()
        xvfb.wait(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
