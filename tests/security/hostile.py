"""The hostile document of the security tests: escape sequences, C1 controls, markup and bidi
controls, each sequence followed by a unique word so its raw bytes can be looked for."""

from __future__ import annotations

import re

HOSTILE_LINES = (
    # A short Arabic headline: the title bar shows the first paragraph.
    "مقال \x1b]0;PWNED-TITLE\x07 عن الأمن",
    "هذا مقال عادي يتحدث عن أمن الطرفيات",
    "clear \x1b[2JCLEARED then home \x1b[HHOMED then reset \x1bcRESET",
    "clipboard \x1b]52;c;UFdORUQtQ0xJUEJPQVJE\x07 end",
    "link \x1b]8;;http://evil.example/\x1b\\click\x1b]8;;\x1b\\ end",
    "title \x1b]2;PWNED-OSC2\x1b\\ and report \x1b[6nREPORTED and \x1b[21tWINOPS",
    "device \x1bP+q544e\x1b\\DCS and private \x1b[?1049lALTOFF",
    "c1 \x9b31mC1RED and \x9d0;C1TITLE\x9c end",
    "markup [bold]x[/bold] [@click=app.quit]q[/] [link=http://x]y[/link]",
    "bidi invoice\u202efdp.exe and \u2067isolate\u2069 \u202aembed\u202c \u202boverride\u202c",
)
"""A document full of terminal escape sequences (each followed by a unique word), C1 controls,
Rich/Textual markup and bidi controls."""

HOSTILE_BIDI_CONTROLS = sum(
    len(re.findall("[\u202a-\u202e\u2066-\u2069]", line)) for line in HOSTILE_LINES
)
"""How many explicit bidi controls (embeddings, overrides, isolates) HOSTILE_LINES holds."""

PLANTED = (
    b"\x1b]0;PWNED-TITLE",
    b"\x1b[2JCLEARED",
    b"\x1b[HHOMED",
    b"\x1bcRESET",
    b"\x1b]52;c;UFdORUQtQ0xJUEJPQVJE",
    b"\x1b]8;;http://evil.example/",
    b"\x1b]2;PWNED-OSC2",
    b"\x1b[6nREPORTED",
    b"\x1b[21tWINOPS",
    b"\x1bP+q544e",
    b"\x1b[?1049lALTOFF",
)
"""The document's sequences as raw bytes: none may ever be written to the terminal."""
