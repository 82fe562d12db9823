"""The topic map's picture, without widgets: a letter and a colour per theme, and the document
scaled to a column of cells, each showing the theme that fills most of its stretch of text.

The legend (`legend`) gives the `PALETTE_SIZE` most salient themes a slot each, numbered in the
order the themes first appear in the text (`Topic.number`), so the map's colours run down the
document in order; every other theme is drawn as `OTHER`. A slot has a colour (colour-blind-safe
in truecolour themes, one of the terminal's own sixteen in the ANSI themes) and a letter, which is
what tells the themes apart when there is no colour (`NO_COLOR`, a monochrome terminal).

`scale` maps the paragraphs to `height` rows from the per-paragraph theme array alone (no text is
read, nothing is laid out): a short document gives each paragraph at least one row and shares the
rest by length; a long one gives each row an equal stretch of characters and the theme that holds
most of them. It is linear in the paragraphs, so the 10 MB document is mapped in milliseconds.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from textual.color import Color

from reader.config import Language

if TYPE_CHECKING:  # for the checker only: the UI loads no reader.nlp before the workers do
    from reader.nlp.topics import Topic

PALETTE_SIZE = 8
"""Themes with a colour and letter of their own: beyond eight, colours stop being told apart."""
TRUECOLOR = (
    "#E69F00",
    "#56B4E9",
    "#009E73",
    "#F0E442",
    "#0072B2",
    "#D55E00",
    "#CC79A7",
    "#8DD3C7",
)
"""Slot colours in truecolour themes: Okabe and Ito's colour-blind-safe set (black left out for a
light teal), which also falls onto distinct colours when a terminal has only sixteen."""
ANSI = (
    "ansi_yellow",
    "ansi_cyan",
    "ansi_green",
    "ansi_magenta",
    "ansi_blue",
    "ansi_red",
    "ansi_white",
    "ansi_bright_black",
)
"""Slot colours in the ANSI themes and on terminals of sixteen colours: the terminal's own
palette, six hues and two greys (a bright hue is too close to its plain one in many palettes)."""
SIXTEEN = (
    "rgb(170,85,0)",
    "rgb(0,170,170)",
    "rgb(0,170,0)",
    "rgb(170,0,170)",
    "rgb(0,0,170)",
    "rgb(170,0,0)",
    "rgb(170,170,170)",
    "rgb(85,85,85)",
)
"""The `ANSI` colours for a truecolour theme on a terminal of sixteen colours: the values the
colour downgrade matches to exactly those sixteen (so the terminal shows its own yellow, cyan
and so on; nearer-looking truecolour would fall onto too few of them)."""
LIGHT_TEXT = frozenset({3, 4, 5, 7})
"""Slots whose letter is drawn in white in the sixteen-colour sets (black on the others)."""
LETTERS: dict[Language, str] = {"en": "ABCDEFGH", "ar": "أبجدهوزح"}
"""Slot letters: Latin, or the first eight of the abjad order for an Arabic interface."""
Palette = Literal["truecolor", "ansi", "sixteen"]
"""The colour sets a slot's colour comes from (see `palette`)."""
OTHER = "·"
"""What a theme without a slot of its own shows (a long document has many themes)."""


@dataclass(frozen=True, slots=True)
class Swatch:
    """How one theme is drawn in the map and the legend."""

    slot: int | None
    """Its palette slot (colour and letter), or None for a theme drawn as `OTHER`."""
    letter: str
    """The letter (logical text) standing for it, `OTHER` when it has no slot."""


@dataclass(frozen=True, slots=True)
class MapRow:
    """One row of the map: the paragraphs it stands for and the theme that fills most of it."""

    first: int
    """The first paragraph with text in the row."""
    last: int
    """The last paragraph with text in the row (inclusive)."""
    theme: int | None
    """The position in `TopicIndex.topics` of the theme holding most of the row's characters,
    or None where none of them has a theme."""


def palette(theme_ansi: bool, color_system: str | None) -> Palette:
    """Which colours the slots take: the terminal's own in an ANSI theme (`ansi`) and on a
    terminal of sixteen colours (`sixteen`), else the truecolour set."""
    if theme_ansi:
        return "ansi"
    return "sixteen" if color_system in ("standard", "windows") else "truecolor"


def legend(topics: Sequence[Topic], language: Language) -> tuple[Swatch, ...]:
    """Each theme's swatch, by its position in `topics` (most salient first): the first
    `PALETTE_SIZE` get a slot each, in the order they first lead a paragraph (so the letters
    run A, B, C down the map), then of first appearance."""
    count = len(topics)

    def first_led(i: int) -> tuple[int, int]:
        """The theme's first paragraph as main theme (or after all), then its number."""
        mains = topics[i].main_paragraphs
        return (mains[0] if mains else 1 << 62, topics[i].number)

    shown = sorted(range(min(count, PALETTE_SIZE)), key=first_led)
    slots = {position: slot for slot, position in enumerate(shown)}
    letters = LETTERS[language]
    return tuple(
        Swatch(slots[i], letters[slots[i]]) if i in slots else Swatch(None, OTHER)
        for i in range(count)
    )


def swatch_style(slot: int, palette: Palette) -> str:
    """The Textual style of `slot`'s cells: its colour behind a letter that reads on it."""
    slot %= PALETTE_SIZE
    if palette == "ansi":
        text = "ansi_bright_white" if slot in LIGHT_TEXT else "ansi_black"
        return f"{text} on {ANSI[slot]}"
    if palette == "sixteen":
        return f"{'#ffffff' if slot in LIGHT_TEXT else '#000000'} on {SIXTEEN[slot]}"
    background = TRUECOLOR[slot]
    dark_text = Color.parse(background).get_contrast_text(1.0).brightness < 0.5
    return f"{'#000000' if dark_text else '#ffffff'} on {background}"


def scale(lengths: Sequence[int], themes: Sequence[int | None], height: int) -> list[MapRow]:
    """The document's paragraphs (their lengths in characters and main themes) on `height` rows.

    With no more paragraphs than rows, each paragraph gets one row and the rows left over go to
    the longest ones (largest remainders of a share by length), so every paragraph is seen.
    Otherwise row `r` stands for the `r`-th of `height` equal stretches of the text (a paragraph
    counts one character more, for the break after it) and shows the theme with most characters
    there (paragraphs without a theme left aside); a paragraph longer than a stretch fills
    several rows.
    """
    count = len(lengths)
    if count == 0 or height <= 0:
        return []
    if count <= height:
        return _each_paragraph_seen([length + 1 for length in lengths], themes, height)
    # Read in one pass, no list of weights: one word a line is hundreds of thousands.
    total = sum(lengths) + count
    weight_of: list[dict[int | None, int]] = [{} for _ in range(height)]
    first = [-1] * height
    last = [-1] * height
    start = 0
    for paragraph, (length, theme) in enumerate(zip(lengths, themes, strict=True)):
        weight = length + 1
        end = start + weight
        row = start * height // total
        if (end - 1) * height // total == row:  # the common case: within one row
            counts = weight_of[row]
            counts[theme] = counts.get(theme, 0) + weight
            if first[row] < 0:
                first[row] = paragraph
            last[row] = paragraph
            start = end
            continue
        while row < height:  # a paragraph over several rows: each gets its overlap
            row_start, row_end = -(-row * total // height), -(-(row + 1) * total // height)
            overlap = min(end, row_end) - max(start, row_start)
            if overlap > 0:
                counts = weight_of[row]
                counts[theme] = counts.get(theme, 0) + overlap
                if first[row] < 0:
                    first[row] = paragraph
                last[row] = paragraph
            if row_end >= end:
                break
            row += 1
        start = end
    return [
        MapRow(first[row], last[row], _heaviest(weight_of[row]))
        for row in range(height)
        if first[row] >= 0
    ]


def _each_paragraph_seen(
    weights: Sequence[int], themes: Sequence[int | None], height: int
) -> list[MapRow]:
    """One row per paragraph, and the `height - len(weights)` rows left shared by length."""
    spare = height - len(weights)
    total = sum(weights)
    shares = [spare * weight / total for weight in weights]
    extra = [int(share) for share in shares]
    left = spare - sum(extra)
    by_remainder = sorted(range(len(weights)), key=lambda p: (-(shares[p] - extra[p]), p))
    for paragraph in by_remainder[:left]:
        extra[paragraph] += 1
    return [
        MapRow(paragraph, paragraph, themes[paragraph])
        for paragraph in range(len(weights))
        for _ in range(1 + extra[paragraph])
    ]


def _heaviest(counts: dict[int | None, int]) -> int | None:
    """The theme with most characters (the more salient one on a tie); None only when no text
    of the stretch has a theme (text without one is spread over no theme, not one of its own:
    it would outweigh every theme of a long document split among many)."""
    themes = [theme for theme in counts if theme is not None]
    if not themes:
        return None
    return min(themes, key=lambda theme: (-counts[theme], theme))


def row_of(rows: Sequence[MapRow], paragraph: int) -> range:
    """The rows (a range of indices into `rows`) that stand for `paragraph`."""
    low = bisect_left([row.last for row in rows], paragraph)
    high = bisect_right([row.first for row in rows], paragraph)
    return range(low, max(low, high))
