"""Embedding levels for a paragraph without explicit formatting characters, at C speed.

The engine deletes explicit bidi controls from untrusted text before resolving levels, so what it
resolves is always one isolating run sequence at the paragraph level: rules W1..W7, N0..N2 and
I1..I2 of UAX #9 over the paragraph. Each character becomes one letter of a class string
(`str.translate` over a table generated from python-bidi's own Rust tables), and each rule is a
regular-expression pass over that string, so the cost per character is C code, not Python.
Paragraphs holding explicit formatting characters or characters outside the Basic Multilingual
Plane go to python-bidi instead (`bidi.resolve_with_rust`). Both paths are checked against the
whole of Unicode's BidiCharacterTest.txt, and this one against python-bidi on random text.

Class letters: L R A(L) E(N) N (AN) s (ES) t (ET) c (CS) m (NSM) b (BN) B S w (WS) o (ON),
X for every explicit formatting class.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from bidi.mirror import MIRRORED

from reader.layout.bidi_classes import RANGES

CODES = {
    "L": "L", "R": "R", "AL": "A", "EN": "E", "ES": "s", "ET": "t", "AN": "N", "CS": "c",
    "NSM": "m", "BN": "b", "B": "B", "S": "S", "WS": "w", "ON": "o",
    "LRE": "X", "LRO": "X", "RLE": "X", "RLO": "X", "PDF": "X",
    "LRI": "X", "RLI": "X", "FSI": "X", "PDI": "X",
}  # fmt: skip
"""One letter per bidi class."""

_UNSUPPORTED = re.compile("[X\U00010000-\U0010ffff]")
_AL_SPAN = re.compile(r"A[^RL]*")
_L_SPAN = re.compile(r"L[^R]*")
_SEPARATOR_IN_EN = re.compile(r"(?<=E)[sc](?=E)")
_COMMON_IN_AN = re.compile(r"(?<=N)c(?=N)")
_TERMINATORS = re.compile(r"t+(?=E)|(?<=E)t+")
_NEUTRALS = re.compile(r"[woSB]+")
_SINGLE_NEUTRAL_R = re.compile(r"(?<=[RNE])[woSB](?=[RNE])")
_SINGLE_NEUTRAL_L = re.compile(r"(?<=L)[woSB](?=L)")
_MARKS = re.compile(r"m+")
_FIRST_STRONG = re.compile(r"[LRA]")
_NOT_PLAIN_RTL = re.compile(r"[^RAmwostcb]")
_NOT_PLAIN_LTR = re.compile(r"[^Lmwostcb]")
_W6 = str.maketrans("stc", "ooo")
_LEVELS_EVEN = str.maketrans("LREN", "0122")
_LEVELS_ODD = str.maketrans("LREN", "2122")


@lru_cache(maxsize=1)
def _table() -> dict[int, str]:
    """code point → class letter for ASCII and for every BMP character not of class L.

    Characters left out of the table (class L beyond ASCII) pass through `translate` unchanged
    and become `L` afterwards: a table of the 6,000-odd others builds in a fraction of the time
    of one covering all 65,536 (this is paid on the first paragraph laid out)."""
    table = dict.fromkeys(range(0x80), "L")
    for low, high, cls in RANGES:
        if low < 0x10000:
            table.update(dict.fromkeys(range(low, min(high, 0xFFFF) + 1), CODES[cls]))
    return table


_BEYOND_ASCII = re.compile("[^\x00-\x7f]")


def class_string(text: str) -> str | None:
    """One class letter per character, or None when the text needs the full algorithm
    (explicit embeddings, overrides or isolates, or characters beyond the BMP)."""
    classes = text.translate(_table())
    if _UNSUPPORTED.search(classes):
        return None
    return classes if classes.isascii() else _BEYOND_ASCII.sub("L", classes)


def first_strong_level(text: str) -> int | None:
    """1 when the first strong character of `text` is right-to-left, 0 when left-to-right, None
    when it has none (isolates are not skipped: for deciding long paragraphs piece by piece)."""
    classes = text.translate(_table())
    first = _FIRST_STRONG.search(classes if classes.isascii() else _BEYOND_ASCII.sub("L", classes))
    if first is None:
        return None
    return 0 if first.group() == "L" else 1


def paragraph_level(classes: str, direction: str) -> int:
    """Rules P2/P3 (no isolates here): the first strong character decides, LTR when none."""
    if direction == "rtl":
        return 1
    if direction == "ltr":
        return 0
    first = _FIRST_STRONG.search(classes)
    return 1 if first is not None and first.group() != "L" else 0


@lru_cache(maxsize=1)
def _brackets() -> tuple[dict[str, str], frozenset[str]]:
    """Opening bracket → its closing bracket (Bidi_Paired_Bracket), and the closing ones."""
    pairs: dict[str, str] = {}
    for char, mirror in MIRRORED.items():
        if unicodedata.category(char) == "Ps" and unicodedata.category(mirror) == "Pe":
            pairs[char] = mirror
    return pairs, frozenset(pairs.values())


@lru_cache(maxsize=1)
def _bracket_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Regexes finding opening brackets, closing brackets, and either."""
    openers, closers = _brackets()
    either = "".join(openers) + "".join(closers) + "".join(_CANONICAL)
    return (
        re.compile("[" + re.escape("".join(openers)) + "]"),
        re.compile("[" + re.escape("".join(closers)) + "]"),
        re.compile("[" + re.escape(either) + "]"),
    )


_CANONICAL = {"\u2329": "\u3008", "\u232a": "\u3009"}
"""Brackets that are canonically equivalent to others (BD16 compares them as equal)."""


def _bracket_pairs(text: str, classes: list[str]) -> list[tuple[int, int]]:
    """Rule BD16: positions of matching bracket pairs among characters of class ON."""
    openers, closers = _brackets()
    stack: list[tuple[str, int]] = []
    pairs: list[tuple[int, int]] = []
    for found in _bracket_patterns()[2].finditer(text):
        i = found.start()
        if classes[i] != "o":
            continue
        char = _CANONICAL.get(found.group(), found.group())
        if char in openers:
            if len(stack) == 63:
                break
            stack.append((_CANONICAL.get(openers[char], openers[char]), i))
        elif char in closers:
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == char:
                    pairs.append((stack[depth][1], i))
                    del stack[depth:]
                    break
    pairs.sort()
    return pairs


def _strong(cls: str) -> str:
    """N0/N1 see numbers as R."""
    return "L" if cls == "L" else "R"


def _resolve_brackets(text: str, c: str, original: str, sos: str, embedding: str) -> str:
    """Rule N0: paired brackets take the embedding direction, or the opposite one where the
    text inside and before them says so."""
    work = list(c)
    opposite = "R" if embedding == "L" else "L"
    for open_at, close_at in _bracket_pairs(text, work):
        inside = work[open_at + 1 : close_at]
        has_l = "L" in inside
        has_r = "R" in inside or "E" in inside or "N" in inside
        has_embedding = has_l if embedding == "L" else has_r
        has_opposite = has_r if embedding == "L" else has_l
        if has_embedding:
            resolved = embedding
        elif has_opposite:
            before = sos
            for k in range(open_at - 1, -1, -1):
                if work[k] in "LREN":
                    before = _strong(work[k])
                    break
            resolved = opposite if before == opposite else embedding
        else:
            continue
        for at in (open_at, close_at):
            work[at] = resolved
            k = at + 1
            while k < len(work) and original[k] == "m":
                work[k] = resolved
                k += 1
    return "".join(work)


def resolve_levels(text: str, classes: str, level: int) -> str:
    """Rules W1..I2 for one paragraph: a string of level digits, one per character.

    `classes` comes from `class_string(text)`; X9's BN characters take the level of the
    character before them (they are never drawn)."""
    if level % 2 and not _NOT_PLAIN_RTL.search(classes):
        return "1" * len(classes)  # Arabic letters, marks, spaces, punctuation: all R
    if not level % 2 and not _NOT_PLAIN_LTR.search(classes):
        return "0" * len(classes)  # Latin letters, marks, spaces, punctuation: all L
    sos = "R" if level % 2 else "L"
    embedding = sos
    bn_positions: list[int] = []
    if "b" in classes:
        bn_positions = [m.start() for m in re.finditer("b", classes)]
        keep = [i for i in range(len(classes)) if classes[i] != "b"]
        text = "".join(text[i] for i in keep)
        classes = classes.replace("b", "")
    original = classes
    c = classes
    if "m" in c:  # W1
        c = _MARKS.sub(lambda m: (c[m.start() - 1] if m.start() else sos) * len(m.group()), c)
    if "E" in c and "A" in c:  # W2
        c = _AL_SPAN.sub(lambda m: m.group().replace("E", "N"), c)
    c = c.replace("A", "R")  # W3
    if "s" in c or "c" in c:  # W4
        c = _SEPARATOR_IN_EN.sub("E", c)
        c = _COMMON_IN_AN.sub("N", c)
    if "t" in c and "E" in c:  # W5
        c = _TERMINATORS.sub(lambda m: "E" * len(m.group()), c)
    c = c.translate(_W6)
    if "E" in c:  # W7
        c = _L_SPAN.sub(lambda m: m.group().replace("E", "L"), sos + c)[1:]
    if "o" in c:  # N0
        openers, closers, _ = _bracket_patterns()
        if openers.search(text) and closers.search(text):
            c = _resolve_brackets(text, c, original, sos, embedding)
    if "w" in c or "o" in c or "S" in c or "B" in c:  # N1, N2
        framed = sos + c + sos
        framed = _SINGLE_NEUTRAL_R.sub("R", framed)
        framed = _SINGLE_NEUTRAL_L.sub("L", framed)

        def fill(m: re.Match[str]) -> str:
            before = _strong(framed[m.start() - 1])
            after = _strong(framed[m.end()])
            return (before if before == after else embedding) * (m.end() - m.start())

        c = _NEUTRALS.sub(fill, framed)[1:-1]
    levels = c.translate(_LEVELS_ODD if level % 2 else _LEVELS_EVEN)  # I1, I2
    if bn_positions:
        out = list(levels)
        for position in bn_positions:
            out.insert(position, out[position - 1] if position else str(level))
        levels = "".join(out)
    return levels
