"""Regenerate the README's screenshot (docs/screenshot.png): reader in a real xterm.

xterm does no bidi and no shaping, like most terminals, so the picture shows what reader itself
draws. The app runs on a virtual X screen (Xvfb) in a fresh home (no settings, no reading
position), with TERM=xterm (xterm's own default: 16 colours), is given time to find its
entities, optionally sent keys, and the window is saved as a PNG.

    python tools/screenshot.py                      # docs/screenshot.png, 120x40, the article
    python tools/screenshot.py --out x.png --size 80x24 --keys 'j j question' -- reader FILE

Needs (Debian/Ubuntu): apt-get install xvfb xterm xdotool imagemagick fonts-dejavu-core
"""

from __future__ import annotations

import argparse
import os
import random
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NEEDED = {"Xvfb": "xvfb", "xterm": "xterm", "xdotool": "xdotool", "import": "imagemagick"}
"""The programs used, and the Debian package of each."""


def _missing() -> list[str]:
    return [package for tool, package in NEEDED.items() if shutil.which(tool) is None]


def _reader() -> list[str]:
    """This environment's `reader` script, else the module run by this Python."""
    script = Path(sys.executable).with_name("reader")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "reader"]


def capture(
    out: Path, command: list[str], cols: int, rows: int, wait: float, keys: list[str]
) -> None:
    """Run `command` in an xterm of `cols` x `rows` on a private X screen and save it to `out`."""
    display = f":{random.randint(100, 899)}"
    with tempfile.TemporaryDirectory(prefix="reader-shot-") as home:
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": home,
            "XDG_CONFIG_HOME": f"{home}/config",
            "XDG_STATE_HOME": f"{home}/state",
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
            "DISPLAY": display,
        }
        server = subprocess.Popen(
            ["Xvfb", display, "-screen", "0", "2400x1400x24"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        terminal = None
        try:
            time.sleep(1)
            # The command's own TERM is xterm's default; `sleep` keeps the window after it ends.
            inner = f"TERM=xterm {shlex.join(command)}; sleep 60"
            terminal = subprocess.Popen(
                [
                    "xterm", "-fa", "DejaVu Sans Mono", "-fs", "12",
                    "-geometry", f"{cols}x{rows}+0+0",
                    "-bg", "#101010", "-fg", "#e0e0e0",
                    "-e", "bash", "-c", inner,
                ],
                env=env,
            )  # fmt: skip
            time.sleep(wait)
            if keys:
                subprocess.run(["xdotool", "mousemove", "40", "40"], env=env, check=True)
                for key in keys:
                    subprocess.run(["xdotool", "key", "--clearmodifiers", key], env=env, check=True)
                    time.sleep(0.3)
                time.sleep(1)
            out.parent.mkdir(parents=True, exist_ok=True)
            subprocess.run(
                ["import", "-window", "root", "-trim", "+repage", str(out)], env=env, check=True
            )
        finally:
            for process in (terminal, server):
                if process is not None:
                    process.terminate()
                    process.wait(10)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshot.png")
    parser.add_argument("--size", default="120x40", help="COLSxROWS (default 120x40)")
    parser.add_argument(
        "--wait", type=float, default=8.0, help="seconds before the picture (entities load)"
    )
    parser.add_argument("--keys", default="", help="xdotool key names to send, space-separated")
    parser.add_argument("command", nargs="*", help="what to run (default: reader)")
    args = parser.parse_args(argv)
    missing = _missing()
    if missing:
        print(f"screenshot: needs apt-get install {' '.join(missing)}", file=sys.stderr)
        return 2
    cols, _, rows = args.size.partition("x")
    command = args.command or _reader()
    if command[0] == "reader":
        command = _reader() + command[1:]
    capture(args.out, command, int(cols), int(rows), args.wait, args.keys.split())
    print(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
