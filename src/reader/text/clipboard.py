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
