"""Sanitising and shaping: a paragraph's characters become terminal cells (grapheme clusters).

A cluster is what one terminal position shows: a base character with its combining marks
(harakat, shadda, tanwin...), or a lam-alef ligature (two letters and the marks between them).
Each cluster keeps the range of source offsets it shows, which is how every highlight, search
hit and copy maps back to the logical text.

Shaping uses arabic-reshaper's table of presentation forms (`LETTERS_ARABIC`) with our own
joining loop rather than `ArabicReshaper.reshape`, because:
- we need a shaped→source index map, which `reshape` does not give;
- `reshape` 3.1.0 raises `IndexError` or silently drops a letter when a ZWJ stands before a
  lam-alef (measured; see the regression tests);
- only the four mandatory lam-alef ligatures are wanted (no `ARABIC LIGATURE ALLAH`, which is one
  code point drawn several cells wide), and harakat must be kept.

What never reaches the terminal: the explicit bidi controls U+202A..U+202E and U+2066..U+2069
(removed and counted: they can make text lie about itself), C0/C1 control characters (shown as
visible symbols, so an escape sequence in a document is inert), and invisible format characters
(ZWJ, ZWNJ, LRM, RLM, ALM, ZWSP, BOM...: they act on shaping or bidi, then are dropped).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from arabic_reshaper.letters import FINAL, INITIAL, ISOLATED, LETTERS_ARABIC, MEDIAL
from rich.cells import cell_len, get_character_cell_size

BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
"""Explicit embeddings, overrides and isolates: removed from untrusted text and counted."""

ZWJ = "\u200d"
ZWNJ = "\u200c"
VS16 = "\ufe0f"
NBSP = "\u00a0"
"""Variation selector 16: makes the character before it an emoji, drawn 2 cells wide."""
LAM = "\u0644"
TAB = "\t"
TAB_CELLS = 4
"""A tab is drawn as this many spaces (tab stops have no meaning in wrapped RTL text)."""

DOTTED_CIRCLE = "\u25cc"
"""The conventional base for a combining mark that has no letter to sit on."""

LAM_ALEF = {
    # alef variant: (isolated ligature, final ligature)
    "\u0622": ("\ufef5", "\ufef6"),  # with madda above
    "\u0623": ("\ufef7", "\ufef8"),  # with hamza above
    "\u0625": ("\ufef9", "\ufefa"),  # with hamza below
    "\u0627": ("\ufefb", "\ufefc"),  # plain alef
}
"""The four mandatory lam-alef ligatures: two letters, one cell."""

JOINS_BEFORE = {c for c, forms in LETTERS_ARABIC.items() if forms[FINAL] or forms[MEDIAL]}
JOINS_AFTER = {c for c, forms in LETTERS_ARABIC.items() if forms[INITIAL] or forms[MEDIAL]}
JOINS_BEFORE.discard(ZWJ)
JOINS_AFTER.discard(ZWJ)


def control_picture(char: str) -> str:
    """The visible stand-in for a control character: ␛ for ESC, ␀ for NUL, ␡ for DEL, and
    U+FFFD for C1 controls (which have no pictures). Makes escape sequences inert."""
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    return "\ufffd"


@lru_cache(maxsize=4096)
def char_kind(char: str) -> tuple[str, int]:
    """Classify one character for layout: (kind, cells).

    kind is `base` (starts a cluster), `mark` (combining, drawn on the base before it), `hidden`
    (drawn nowhere, e.g. ZWJ or LRM), `control` (a C0/C1 control, drawn as a picture),
    `bidi` (an explicit bidi control, removed and counted) or `tab`.
    """
    code = ord(char)
    if 0x0621 <= code <= 0x063A or 0x0641 <= code <= 0x064A:
        return ("base", 1)  # the common Arabic letters, the hot path
    if char == TAB:
        return ("tab", TAB_CELLS)
    if char in BIDI_CONTROLS:
        return ("bidi", 0)
    category = unicodedata.category(char)
    if category == "Cc":
        return ("control", 1)
    if category == "Cs":  # a lone surrogate (from bytes decoded with surrogateescape)
        return ("control", 1)
    cells = get_character_cell_size(char)
    if cells == 0:
        if category in ("Mn", "Me", "Mc"):
            return ("mark", 0)
        return ("hidden", 0)
    return ("base", cells)


@dataclass(slots=True)
class Cluster:
    """One drawable unit in logical order: its shaped text, cells and source range."""

    text: str
    """What the terminal draws: a presentation form (or any character) and its marks."""
    cells: int
    """Terminal cells: 1, or 2 for a wide character; a tab is `TAB_CELLS`."""
    start: int
    """First source offset shown (in the paragraph)."""
    end: int
    """One past the last source offset shown."""
    base: str
    """The source base character (for bidi classes, mirroring and line breaking)."""


@dataclass(slots=True)
class Shaped:
    """A paragraph turned into clusters, plus what was not drawn."""

    clusters: list[Cluster]
    removed: list[int]
    """Source offsets drawn nowhere: bidi controls and invisible format characters."""
    bidi_controls: int
    bidi_text: str
    """The text given to the bidi algorithm: the source with bidi controls deleted and controls
    replaced by their pictures (one character for one, apart from the deleted controls)."""
    bidi_origin: list[int] | None
    """Source offset of each `bidi_text` character, or None when they are the same offsets."""


def _joining_forms(text: str) -> list[int | None]:
    """For each character, the presentation form index it takes (ISOLATED/INITIAL/MEDIAL/FINAL),
    or None for characters that have no forms. Marks and invisible format characters are
    transparent (Unicode joining type T), ZWJ causes joining, anything else breaks it."""
    forms: list[int | None] = [None] * len(text)
    previous = -1  # index of the previous letter that can join to what follows, or -1
    previous_zwj = False
    for i, char in enumerate(text):
        if char in JOINS_BEFORE or char in JOINS_AFTER:
            joined = char in JOINS_BEFORE and (previous >= 0 or previous_zwj)
            if joined and previous >= 0:
                forms[previous] = INITIAL if forms[previous] == ISOLATED else MEDIAL
            forms[i] = FINAL if joined else ISOLATED
            previous = i if char in JOINS_AFTER else -1
            previous_zwj = False
        elif char == ZWJ:
            if previous >= 0:
                forms[previous] = INITIAL if forms[previous] == ISOLATED else MEDIAL
            previous_zwj = True
            previous = -1
        elif char != ZWNJ and char_kind(char)[0] in ("mark", "hidden", "bidi"):
            continue  # transparent: harakat do not break joining
        else:
            previous = -1
            previous_zwj = False
    return forms


def _form(char: str, form: int | None) -> str:
    if form is None:
        return char
    forms = LETTERS_ARABIC[char]
    shaped: str = forms[form] or forms[ISOLATED] or char
    return shaped


_UNSAFE_FOR_BIDI = re.compile(
    "[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def bidi_input(text: str) -> tuple[str, list[int] | None]:
    """The text the bidi algorithm sees: bidi controls deleted (they must not act), control
    characters replaced by their pictures; with the source offset of each character when they
    differ from the positions (None when the text is unchanged)."""
    if not _UNSAFE_FOR_BIDI.search(text):
        return text, None
    chars: list[str] = []
    origin: list[int] = []
    for i, char in enumerate(text):
        kind = char_kind(char)[0]
        if kind == "bidi":
            continue
        chars.append(control_picture(char) if kind == "control" else char)
        origin.append(i)
    return "".join(chars), origin


def shape(text: str) -> Shaped:
    """Sanitise and shape a paragraph (no newlines) into clusters in logical order."""
    forms: list[int | None] = (
        _joining_forms(text) if _has_arabic_letters(text) else [None] * len(text)
    )
    clusters: list[Cluster] = []
    removed: list[int] = []
    bidi_controls = 0
    i = 0
    n = len(text)
    while i < n:
        char = text[i]
        kind, cells = char_kind(char)
        if kind == "base":
            ligature = _lam_alef(text, i, forms) if char == LAM else None
            if ligature is not None:
                clusters.append(ligature)
                i = ligature.end
                continue
            clusters.append(Cluster(_form(char, forms[i]), cells, i, i + 1, char))
        elif kind == "mark":
            if (
                clusters
                and clusters[-1].end == i
                and clusters[-1].base != TAB
                and clusters[-1].cells
            ):
                last = clusters[-1]
                last.text += char
                last.end = i + 1
                if last.base.isspace():
                    # A mark drawn on a space (the Quran's pause marks) is text: not a break
                    # opportunity, never dropped with the spaces at a break or paragraph end.
                    last.base = NBSP
                if char == VS16:
                    last.cells = cell_len(last.text)  # ❤ + VS16 is an emoji: 2 cells (rich)
            else:
                clusters.append(Cluster(DOTTED_CIRCLE + char, 1, i, i + 1, DOTTED_CIRCLE))
        elif kind == "hidden":
            if (
                clusters
                and clusters[-1].end == i
                and clusters[-1].cells  # not an LRM's empty cluster
                and i + 1 < n
                and char_kind(text[i + 1])[0] == "mark"
            ):
                clusters[-1].end = i + 1  # keep a following mark on its letter: ب‍َ is one cell
            else:
                removed.append(i)
                if unicodedata.bidirectional(char) in ("L", "R", "AL") and not (
                    i + 1 < n and char_kind(text[i + 1])[0] == "mark"
                ):
                    # LRM, RLM, ALM: drawn nowhere, but their level still splits runs in
                    # reordering (`abc RLM def` in an RTL paragraph shows `defabc`).
                    clusters.append(Cluster("", 0, i, i + 1, char))
        elif kind == "tab":
            clusters.append(Cluster(" " * TAB_CELLS, TAB_CELLS, i, i + 1, TAB))
        elif kind == "control":
            picture = control_picture(char)
            clusters.append(Cluster(picture, 1, i, i + 1, picture))
        else:  # an explicit bidi control
            removed.append(i)
            bidi_controls += 1
        i += 1
    bidi_text, bidi_origin = bidi_input(text)
    return Shaped(clusters, removed, bidi_controls, bidi_text, bidi_origin)


def _has_arabic_letters(text: str) -> bool:
    return any("\u0600" <= c <= "\u06ff" or c == ZWJ for c in text)


def _lam_alef(text: str, i: int, forms: list[int | None]) -> Cluster | None:
    """A lam-alef ligature starting at the lam at `i`, with any marks between and after the two
    letters, or None when no alef follows. The marks follow the ligature in the output."""
    j = i + 1
    marks = ""
    n = len(text)
    while j < n and char_kind(text[j])[0] == "mark":
        marks += text[j]
        j += 1
    if j >= n or text[j] not in LAM_ALEF:
        return None
    isolated, final = LAM_ALEF[text[j]]
    lam_form = forms[i]
    ligature = final if lam_form in (FINAL, MEDIAL) else isolated
    end = j + 1
    while end < n and char_kind(text[end])[0] == "mark":
        marks += text[end]
        end += 1
    return Cluster(ligature + marks, 1, i, end, LAM)
