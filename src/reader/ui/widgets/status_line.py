"""The status line: where the reader is (`¶ 3/7 · 42% · topic: …`) and what the app wants said."""

from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from reader.config import Language
from reader.ui.labels import fit, interface_direction


class StatusLine(Widget):
    """Two labels on one line, both drawn by the layout engine.

    `position` (paragraph, percentage, main topic, mention or hit counter) sits on the reading
    side of the interface language; `notice` (bidi controls removed, a message) on the other.
    The screen computes both; this widget only draws them.
    """

    position: reactive[str] = reactive("")
    """Where the reader is, as logical text."""
    notice: reactive[str] = reactive("")
    """A lasting notice for the far end of the line (may be empty)."""
    flashed: reactive[str] = reactive("")
    """A passing notice shown instead of `notice` for a few seconds (see `flash`)."""

    def __init__(self, language: Language, *, id: str | None = None) -> None:
        """An empty status line for an interface in `language`."""
        super().__init__(id=id)
        self._language: Language = language

    def flash(self, notice: str, seconds: float = 3.0) -> None:
        """Show `notice` for `seconds`, then the lasting notice again."""
        self.flashed = notice
        self.set_timer(seconds, lambda: setattr(self, "flashed", ""))

    def render(self) -> Content:
        """Both labels, each given the room it needs, the position first."""
        width = self.content_size.width
        shown = self.flashed or self.notice
        notice_width = min(len(shown) + 2, width // 2) if shown else 0
        direction = interface_direction(self._language)
        arabic = self._language == "ar"
        position = fit(
            self.position,
            width - notice_width,
            align="right" if arabic else "left",
            direction=direction,
        )
        notice = fit(
            shown,
            notice_width,
            align="left" if arabic else "right",
            style="$text-warning",
            direction=direction,
        )
        return Content.assemble(notice, position) if arabic else Content.assemble(position, notice)
