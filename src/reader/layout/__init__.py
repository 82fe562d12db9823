"""The layout engine: logical text in, shaped visual-order terminal lines out, with cell maps.

Everything reader puts on screen (article, panel, title, status, help) and `reader render` goes
through `layout_paragraph` or `fit_label`. No Textual here.
"""

from reader.layout.engine import fit_label, layout_paragraph
from reader.layout.lines import Direction, Order, ParagraphLayout, VisualLine

__all__ = ["Direction", "Order", "ParagraphLayout", "VisualLine", "fit_label", "layout_paragraph"]
