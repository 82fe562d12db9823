"""One-line labels drawn through the layout engine: the only way text reaches the screen here.

A title, a panel entry, the status line, a help line: anything that may hold Arabic is shaped,
reordered and, when too long, cut in LOGICAL order with an ellipsis by `reader.layout.fit_label`;
this module turns the resulting visual line into Textual `Content` (plain text with styles, never
markup, so `[bold]` in a document stays `[bold]`), aligned to the label's reading side.
"""

from __future__ import annotations

from typing import Any, Literal

from textual.content import Content

from reader.layout import fit_label, layout_paragraph
from reader.layout.lines import Direction, VisualLine

Align = Literal["start", "left", "right"]
"""Where a label sits in its width: `start` follows its direction (right for RTL)."""

_order: list[Literal["visual", "logical"]] = ["visual"]
"""The order labels are sent in: `logical` when the terminal reorders (`--bidi terminal`)."""


def set_order(order: Literal["visual", "logical"]) -> None:
    """Send labels in `order` from now on (the app sets it once, from `--bidi`)."""
    _order[0] = order


def fit(
    text: str,
    width: int,
    *,
    align: Align = "start",
    style: str = "",
    pad: bool = True,
    direction: Direction = "auto",
) -> Content:
    """`text` as one screen line of at most `width` cells, padded to `width` on the side its
    alignment asks for (unless `pad` is False), with `style` over the whole line.

    `direction` is the label's base direction: `auto` (its first strong character) suits text
    from the document; the interface's own Arabic sentences pass `rtl`, since they may start
    with a key name such as `escape`."""
    if width <= 0:
        return Content("")
    line = fit_label(text, width, direction)
    if _order[0] == "logical":
        line = _logical(text, line, direction)
    content = Content(line.text, cell_length=line.width)
    padding = max(0, width - line.width)
    right = align == "right" or (align == "start" and line.rtl)
    if padding and pad:
        content = content.pad_left(padding) if right else content.pad_right(padding)
    return content.stylize(style) if style else content


def _logical(text: str, visual: VisualLine, direction: Direction) -> VisualLine:
    """The label `visual` (from `fit_label`) in logical order, for terminals that reorder:
    the same characters, cut at the same place, shaped but not reordered."""
    text = " ".join(text.split())
    if visual.end < len(text):  # cut: `visual` shows text[:end - 1] and an ellipsis
        text = text[: visual.end - 1] + "…"
    lines = layout_paragraph(text, None, direction, order="logical").lines
    return lines[0] if lines else visual


def fit_ending(
    text: str, ending: str, width: int, *, direction: Direction = "auto", **options: Any
) -> Content:
    """`fit(text, ...)` for a label that ends with `ending` taken from the document (`Go to
    entity: NAME`): when it is too wide, the ending is what is cut, and its ellipsis stays at
    the ending's own end. An Arabic name cut inside an English label would otherwise have its
    ellipsis resolved with the label's direction, at the name's start (its right, not its left).
    A mark of the ending's direction after the ellipsis ties it to the name; the layout engine
    reads the mark for the order and draws nothing for it."""
    if not ending or not text.endswith(ending):
        return fit(text, width, direction=direction, **options)
    from reader.layout import fit_label

    flat = " ".join(text.split())
    if width <= 0 or fit_label(flat, width, direction).end >= len(flat):
        return fit(text, width, direction=direction, **options)
    prefix = text[: len(text) - len(ending)]
    spaced = 1 if prefix[-1:].isspace() else 0  # the space before the ending, kept by `fit`
    room = width - fit_label(" ".join(prefix.split()), 1 << 16, direction).width - spaced
    short = cut(ending, max(1, room))
    mark = "\u200f" if fit_label(ending, 1 << 16).rtl else "\u200e"
    return fit(prefix + short + mark, width, direction=direction, **options)


def cut(text: str, width: int, direction: Direction = "auto") -> str:
    """`text` (logical) cut so that it fits in `width` cells, ending with an ellipsis if cut:
    for composing a label from parts, say a name cut to leave room for its count."""
    text = " ".join(text.split())
    line = fit_label(text, max(1, width), direction)
    return text if line.end >= len(text) else text[: max(0, line.end - 1)] + "…"


def interface_direction(language: str) -> Direction:
    """The base direction of the interface's own sentences in `language`."""
    return "rtl" if language == "ar" else "ltr"
