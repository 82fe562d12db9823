"""The layout engine: one paragraph of logical text at one width → visual lines with cell maps.

The pipeline (ARABIC-RENDERING.md): sanitise and shape in logical order (`clusters`), resolve
embedding levels once for the whole paragraph (`bidi`), wrap in logical order by the cells of the
shaped text, then per line apply L1 (trailing whitespace to the paragraph level), L2 (reverse
runs), L3 (marks stay after their base: clusters are reordered whole) and L4 (mirror brackets at
odd levels). Results are cached by (paragraph, width, direction, order).
"""

from __future__ import annotations

from functools import lru_cache, partial

from bidi.mirror import MIRRORED

from reader.layout import fastlane, pieces
from reader.layout.bidi import (
    SEPARATOR_CLASSES,
    WHITESPACE_CLASSES,
    apply_l1,
    resolve,
    visual_order,
)
from reader.layout.clusters import Cluster, shape
from reader.layout.lines import Direction, Order, ParagraphLayout, VisualLine

ELLIPSIS = "…"

_BREAKABLE = frozenset(
    " \t\u3000\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u205f"
)
"""Spaces at which a line may break (not the no-break spaces)."""


def _cluster_levels(
    clusters: list[Cluster], levels: list[int], origin: list[int] | None, text_length: int
) -> list[int]:
    """The level of each cluster: the level of its base character."""
    if origin is None:
        return [levels[c.start] for c in clusters]
    position = [0] * text_length
    for bidi_index, source in enumerate(origin):
        position[source] = bidi_index
    return [levels[position[c.start]] for c in clusters]


def _cluster_classes(
    clusters: list[Cluster], classes: list[str], origin: list[int] | None, text_length: int
) -> list[str]:
    """The bidi class of each cluster's base character (for rule L1)."""
    if origin is None:
        return [classes[c.start] for c in clusters]
    position = [0] * text_length
    for bidi_index, source in enumerate(origin):
        position[source] = bidi_index
    return [classes[position[c.start]] for c in clusters]


def _wrap(clusters: list[Cluster], width: int | None) -> list[tuple[int, int, list[int]]]:
    """Break a paragraph's clusters into lines in logical order.

    Returns (first cluster, end cluster, clusters dropped at the break) per line. Lines break after
    a run of spaces, and the spaces at a break are dropped (drawn nowhere: a trailing space would
    only move to the far edge under rule L1); a word wider than the line is broken between
    clusters.
    """
    n = len(clusters)
    # Spaces that end the paragraph are drawn nowhere, like spaces at a break.
    while n > 0 and clusters[n - 1].base in _BREAKABLE:
        n -= 1
    trailing = list(range(n, len(clusters)))
    if width is None or n == 0:
        return [(0, n, trailing)]
    lines: list[tuple[int, int, list[int]]] = []
    start = 0
    while start < n:
        used = 0
        i = start
        last_break = -1  # index just after the last space run inside the line
        while i < n:
            cells = clusters[i].cells
            if used + cells > width:
                break
            used += cells
            i += 1
            if clusters[i - 1].base in _BREAKABLE and (
                i == n or clusters[i].base not in _BREAKABLE
            ):
                last_break = i
        if i >= n:
            lines.append((start, n, trailing))
            break
        dropped: list[int] = []
        if clusters[i].base in _BREAKABLE:
            # The line is full at a space: drop the spaces that follow, and those ending the
            # line (a line of nothing but spaces is then no line at all).
            end = i
            while end > start and clusters[end - 1].base in _BREAKABLE:
                end -= 1
                dropped.append(end)
            while i < n and clusters[i].base in _BREAKABLE:
                dropped.append(i)
                i += 1
            lines.append((start, end, dropped))
            start = i
        elif last_break > start:
            end = last_break
            while end > start and clusters[end - 1].base in _BREAKABLE:
                end -= 1
            lines.append((start, end, list(range(end, last_break))))
            start = last_break
        elif i == start:
            # A single cluster wider than the whole line (a wide character at width 1).
            lines.append((start, start + 1, trailing if start + 1 == n else []))
            start += 1
        else:
            lines.append((start, i, []))  # a word longer than the line: break it by cells
            start = i
    return lines


def _mirror(cluster: Cluster) -> str:
    mirrored: str | None = MIRRORED.get(cluster.base)
    if mirrored is None or not cluster.text.startswith(cluster.base):
        return cluster.text
    return mirrored + cluster.text[len(cluster.base) :]


def _visual_line(
    clusters: list[Cluster],
    levels: list[int],
    classes: list[str],
    paragraph_level: int,
    rtl: bool,
    width: int | None,
    order: Order,
) -> VisualLine:
    """One line's clusters (logical order) → a VisualLine (rules L1..L4)."""
    if order == "visual":
        if len(set(levels)) > 1 or any(
            c in SEPARATOR_CLASSES or c in WHITESPACE_CLASSES for c in classes
        ):
            levels = list(levels)
            apply_l1(classes, levels, paragraph_level)
        indices = visual_order(levels)
    else:
        indices = list(range(len(clusters)))
    texts: list[str] = []
    cells: list[tuple[int, int]] = []
    for i in indices:
        cluster = clusters[i]
        if order == "visual" and levels[i] % 2:
            texts.append(_mirror(cluster))
        else:
            texts.append(cluster.text)
        span = (cluster.start, cluster.end)
        if cluster.cells == 1:
            cells.append(span)
        elif width is not None and cluster.cells > width:
            texts[-1] = "…"  # a wide character in a line too narrow for it
            cells.append(span)
        else:
            cells.extend([span] * cluster.cells)
    start = clusters[0].start if clusters else 0
    end = clusters[-1].end if clusters else 0
    return VisualLine("".join(texts), tuple(cells), start, end, rtl)


def layout_clusters_once(
    text: str, width: int | None, direction: Direction = "auto", order: Order = "visual"
) -> ParagraphLayout:
    """Lay out one paragraph through the cluster pipeline: any text, cell maps included
    (uncached; `layout_clusters` caches)."""
    if width is not None and width < 1:
        raise ValueError("width must be at least 1")
    shaped = shape(text)
    clusters = shaped.clusters
    paragraph_level, levels, classes = resolve(shaped.bidi_text, direction)
    rtl = paragraph_level % 2 == 1
    cluster_levels = _cluster_levels(clusters, levels, shaped.bidi_origin, len(text))
    cluster_classes = _cluster_classes(clusters, classes, shaped.bidi_origin, len(text))
    removed = list(shaped.removed)
    lines: list[VisualLine] = []
    for first, end, dropped in _wrap(clusters, width):
        for i in dropped:
            removed.extend(range(clusters[i].start, clusters[i].end))
        if not any(c.cells and c.base not in _BREAKABLE for c in clusters[first:end]):
            # Nothing to draw but spaces (an LRM between spaces, an indent at width 1): no line.
            removed.extend(i for c in clusters[first:end] if c.cells for i in range(c.start, c.end))
            continue
        lines.append(
            _visual_line(
                clusters[first:end],
                cluster_levels[first:end],
                cluster_classes[first:end],
                paragraph_level,
                rtl,
                width,
                order,
            )
        )
    if not lines:
        lines.append(VisualLine("", (), 0, 0, rtl))
    return ParagraphLayout(tuple(lines), rtl, tuple(sorted(removed)), shaped.bidi_controls)


def layout_clusters(
    text: str, width: int | None, direction: Direction = "auto", order: Order = "visual"
) -> ParagraphLayout:
    """`layout_clusters_once`, cached for paragraphs of ordinary length (a long one's layout
    is not kept: it would hold its size many times over)."""
    if len(text) > pieces.PIECE:
        return layout_clusters_once(text, width, direction, order)
    return _layout_clusters_cached(text, width, direction, order)


_layout_clusters_cached = lru_cache(maxsize=1024)(layout_clusters_once)


@lru_cache(maxsize=8192)
def layout_paragraph(
    text: str, width: int | None, direction: Direction = "auto", order: Order = "visual"
) -> ParagraphLayout:
    """Lay out one paragraph (logical text, no newline) at `width` cells (None: no wrapping).

    Every line's width is at most `width`; the first line holds the paragraph's first words; each
    cell maps back to the source characters it shows. Ordinary prose takes the fast lane, whose
    lines compute their cell maps from the cluster pipeline only when asked. A paragraph longer
    than `pieces.LONG_PARAGRAPH` characters is laid out in bounded pieces (`pieces`).
    """
    return layout_once(text, width, direction, order)


def layout_once(
    text: str,
    width: int | None,
    direction: Direction = "auto",
    order: Order = "visual",
    *,
    cached: bool = True,
) -> ParagraphLayout:
    """`layout_paragraph` without its cache (for streams such as `reader render`); `cached`
    False keeps nothing at all (the pieces of a long paragraph, each seen once)."""
    if width is not None and width < 1:
        raise ValueError("width must be at least 1")
    if len(text) > pieces.LONG_PARAGRAPH:
        return pieces.layout_long(text, width, direction, order)
    if order == "visual" and fastlane.qualifies(text):
        laid = fastlane.layout_prose(text, width, direction)
        if laid is not None:
            rtl, lines, dropped = laid
            return ParagraphLayout(
                tuple(
                    VisualLine(
                        visual,
                        None,
                        start,
                        end,
                        rtl,
                        width=cells,
                        cells_source=partial(_cells_of, text, width, direction, index),
                    )
                    for index, (visual, cells, start, end) in enumerate(lines)
                ),
                rtl,
                tuple(dropped),
                0,
            )
    if not cached:
        return layout_clusters_once(text, width, direction, order)
    return layout_clusters(text, width, direction, order)


def _cells_of(
    text: str, width: int | None, direction: Direction, index: int
) -> tuple[tuple[int, int], ...]:
    return layout_clusters(text, width, direction).lines[index].cells


def _truncate_logical(text: str, width: int) -> str:
    """Cut `text` in logical order so that it and an ellipsis fit in `width` cells."""
    shaped = shape(text)
    used = 0
    cut = 0
    for cluster in shaped.clusters:
        if used + cluster.cells > width - 1:
            break
        used += cluster.cells
        cut = cluster.end
    return text[:cut].rstrip() + ELLIPSIS


@lru_cache(maxsize=4096)
def fit_label(text: str, width: int, direction: Direction = "auto") -> VisualLine:
    """A one-line label (a title, a panel entry, a status field) shaped and reordered, cut in
    logical order with an ellipsis when it is wider than `width` (so an RTL label loses its end,
    not its beginning). Newlines and runs of white space become single spaces."""
    text = " ".join(text.split())
    if width < 1:
        return VisualLine("", (), 0, 0, False)
    single = layout_paragraph(text, None, direction)
    line = single.lines[0]
    if line.width <= width:
        return line
    cut = _truncate_logical(text, width)
    return layout_paragraph(cut, None, direction).lines[0]
