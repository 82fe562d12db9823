"""What a copy of the document's text may hold: no characters that act instead of showing.

The reader copies a paragraph to the clipboard (OSC 52). The copy is pasted later, often into a
shell: a control character there is an attack, not text. ESC can end bracketed paste
(`ESC [201~`) so the rest of the paste runs as typed commands, and the explicit bidi controls
make a pasted command look different from what runs ("Trojan Source"). The copy keeps what the
reader saw: the characters, tabs included, without the controls the screen never showed.
"""

from __future__ import annotations

import re

_ACTING = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""C0 controls but tab, DEL, C1 controls, and explicit bidi embeddings/overrides/isolates."""


def clipboard_text(text: str) -> str:
    """`text` without the control characters and bidi controls a paste would act upon."""
    return _ACTING.sub("", text)


def listing_text(text: str) -> str:
    """A human-readable listing (`reader entities|topics --format table`) made safe to print on
    a terminal: each line without what would act (as for a copy), tabs as spaces. A name taken
    from a document can then neither move the cursor nor reorder the line around it."""
    return "\n".join(clipboard_text(line).replace("\t", " ") for line in text.split("\n"))
