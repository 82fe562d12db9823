"""The side panel's tabs: one pane class per tab on a shared base, each a progress line above a
list.

Imported only when the panel builds its tabs, just after the first screen is drawn (Textual's
tab widgets cost more than the article). Every label is drawn through the layout engine, cut in
logical order with an ellipsis to the panel's width. Choosing an entry posts a message up; the
screen decides what happens.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from textual import on
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import OptionList, Static, TabPane
from textual.widgets.option_list import Option, OptionDoesNotExist

from reader.config import Language
from reader.layout.lines import Direction
from reader.ui.highlights import ENTITY_TYPES
from reader.ui.labels import Align, cut, fit, interface_direction
from reader.ui.topic_legend import OTHER, Swatch, palette, swatch_style
from reader.ui.words import word

if TYPE_CHECKING:
    from reader.ui.widgets.side_panel import EntityEntry, TopicEntry

MAX_PER_TYPE = 60
"""Entities listed per type (the most mentioned); the palette finds the others."""
PROGRESS_LINES = 3
"""The most lines a tab's progress line wraps onto; the last is cut with an ellipsis."""

Options = list[Option | None]
"""What a pane's list shows: options, `None` for a separator."""


class Pane(TabPane):
    """One tab: a progress line (how far the analysis has come, or why there is nothing) above
    a list of what it found. Subclasses say what the list holds (`_options`)."""

    progress: reactive[str] = reactive("", init=False, repaint=False)
    """The progress line (empty once the analysis has finished); bound down from the screen.
    Its `Static` repaints itself (`watch_progress`): repainting the whole tab 20 times a second
    while entities stream in left every old line of its list behind as cycles, kept for good
    by the entity worker's `gc.freeze`."""

    EMPTY = ""
    """The interface word shown when the analysis finished and found nothing."""

    def __init__(
        self,
        name: str,
        list_id: str,
        language: Language,
        progress: str,
        panel_width: Callable[[], int],
    ) -> None:
        """The `name` tab (`entities` or `topics`, also its title's word) with the list
        `list_id`; labels are fitted to `panel_width()` cells."""
        super().__init__(
            _tab_title(name, language),
            Static(progress, id=f"{name}-progress", markup=False),
            OptionList(id=list_id),
            id=f"{name}-tab",
        )
        self.set_reactive(Pane.progress, progress)
        self._language: Language = language
        self._panel_width = panel_width
        self._progress_id = f"#{name}-progress"
        self._list_id = f"#{list_id}"

    @property
    def option_list(self) -> OptionList:
        """The pane's list."""
        return self.query_one(self._list_id, OptionList)

    def has_entries(self) -> bool:
        """Whether the analysis has found anything to list."""
        raise NotImplementedError

    def _options(self, width: int) -> Options:
        """The list's options for entries `width` cells wide."""
        raise NotImplementedError

    def watch_progress(self, progress: str) -> None:
        """Show the new progress line (and `EMPTY` when the analysis ended finding nothing)."""
        if not self.is_mounted:
            return
        self._show_progress()
        if not progress and not self.has_entries():
            self.redraw()

    def redraw(self) -> None:
        """Draw the progress line and rebuild the list, keeping the highlighted entry."""
        if not self.is_mounted:
            return
        self._show_progress()
        option_list = self.option_list
        width = self._list_width(option_list)
        kept = _highlighted_id(option_list)
        options = self._options(width)
        if not options and not self.progress:
            options.append(
                Option(
                    self._entry(word(self.EMPTY, self._language), width, words=True), disabled=True
                )
            )
        _replace_options(option_list, options, kept)

    def _list_width(self, option_list: OptionList) -> int:
        """Cells available for one option's label in `option_list`."""
        width = option_list.content_region.width or self._panel_width()
        # Leave room for the scrollbar (one cell, see reader.tcss) whether or not it shows yet:
        # a label one cell too wide would wrap onto a second line.
        return max(4, width - option_list.styles.scrollbar_size_vertical - 1)

    def _show_progress(self) -> None:
        """Show or hide the progress line: one line while finding, a few when it says why
        nothing is found (entities are for Arabic text only), wrapped between words."""
        text = self.progress
        progress = self.query_one(self._progress_id, Static)
        width = max(4, self._panel_width() - 2)
        direction = interface_direction(self._language)
        lines = _wrapped(text, width, direction) if text else []
        # No layout for a new text: its size is the panel's width and the height set below
        # (a change of which lays out by itself). A layout 20 times a second, while entities
        # stream in, redrew every widget's scrollbar each time.
        progress.update(
            Content("\n").join(
                fit(line, width, align=self._align(), direction=direction) for line in lines
            ),
            layout=False,
        )
        progress.styles.height = max(1, len(lines))
        progress.display = bool(text)

    def _align(self) -> Align:
        """Labels sit on the interface language's reading side."""
        return "right" if self._language == "ar" else "left"

    def _entry(
        self, text: str, width: int, indent: int = 0, style: str = "", words: bool = False
    ) -> Content:
        """One list line: `text` fitted to `width` minus `indent`, indented on the reading side.
        `words` says the text is the interface's own (laid out in the interface's direction)."""
        direction = interface_direction(self._language) if words else "auto"
        body = fit(text, width - indent, align=self._align(), direction=direction)
        if style:
            body = body.stylize(style)
        pad = Content(" " * indent)
        return (
            Content.assemble(body, pad) if self._language == "ar" else Content.assemble(pad, body)
        )


class EntityPane(Pane):
    """The entities tab: the entities grouped by type, the most mentioned first in each."""

    EMPTY = "no-entities"

    class Chosen(Message):
        """The reader chose an entity."""

        def __init__(self, key: str) -> None:
            """`key` names the entity (`Entity.key`)."""
            super().__init__()
            self.key = key

    def __init__(self, language: Language, progress: str, panel_width: Callable[[], int]):
        """An empty entities tab speaking `language`."""
        super().__init__("entities", "entity-list", language, progress, panel_width)
        self.entries: Sequence[EntityEntry] = ()
        """The entities shown (any order; they are grouped here)."""

    def has_entries(self) -> bool:
        """Whether any entity was found."""
        return bool(self.entries)

    def show(self, entries: Sequence[EntityEntry]) -> None:
        """List `entries`."""
        self.entries = entries
        self.redraw()

    def _options(self, width: int) -> Options:
        """A heading per type (with its count), then its entities with their mention counts."""
        groups: dict[str, list[EntityEntry]] = {}
        for entity in self.entries:
            groups.setdefault(entity.type, []).append(entity)
        order = [t for t in ENTITY_TYPES if t in groups] + sorted(
            t for t in groups if t not in ENTITY_TYPES
        )
        options: Options = []
        for entity_type in order:
            members = sorted(groups[entity_type], key=lambda e: (-e.count, e.name))
            heading = word(entity_type, self._language)
            heading = heading.upper() if self._language == "en" else heading
            options.append(
                Option(
                    self._entry(f"{heading} {len(members)}", width, style="bold", words=True),
                    disabled=True,
                )
            )
            hidden = max(0, len(members) - MAX_PER_TYPE)
            options.extend(
                Option(
                    self._entry(_counted(e.name, e.count, width - 2), width, indent=2),
                    id=f"entity:{e.key}",
                )
                for e in members[:MAX_PER_TYPE]
            )
            if hidden:
                more = f"… {hidden} {word('more', self._language)}"
                options.append(
                    Option(self._entry(more, width, indent=2, words=True), disabled=True)
                )
        return options

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        """Turn a chosen entity into a `Chosen` message."""
        event.stop()
        kind, _, key = (event.option.id or "").partition(":")
        if kind == "entity":
            self.post_message(self.Chosen(key))


class TopicPane(Pane):
    """The topics tab: each topic's label, then the paragraphs it covers."""

    EMPTY = "no-topics"

    class Chosen(Message):
        """The reader chose a topic."""

        def __init__(self, index: int) -> None:
            """`index` is the topic's position in the topic index."""
            super().__init__()
            self.index = index

    def __init__(self, language: Language, progress: str, panel_width: Callable[[], int]):
        """An empty topics tab speaking `language`."""
        super().__init__("topics", "topic-list", language, progress, panel_width)
        self.entries: Sequence[TopicEntry] = ()
        """The topics shown, in this order."""
        self.paragraph_count = -1
        """How many paragraphs the document has (-1 until the topics are found)."""

    def has_entries(self) -> bool:
        """Whether any topic was found."""
        return bool(self.entries)

    def show(self, entries: Sequence[TopicEntry], paragraph_count: int) -> None:
        """List `entries`, found in a document of `paragraph_count` paragraphs."""
        self.entries = entries
        self.paragraph_count = paragraph_count
        self.redraw()

    def _options(self, width: int) -> Options:
        """Two lines per topic: its swatch in the topic map (the legend), its label with how
        many paragraphs it covers, then their numbers. An empty document says so; a document
        of one paragraph says its topics are all on it."""
        options: Options = []
        if self.paragraph_count == 0:
            note = word("topics-empty-document", self._language)
            return [Option(self._entry(note, width, words=True), disabled=True)]
        if self.paragraph_count == 1 and self.entries:
            note = word("topics-one-paragraph", self._language)
            options.append(Option(self._entry(note, width, style="dim", words=True), disabled=True))
        for index, topic in enumerate(self.entries):
            covered = _numbers(topic.paragraphs, width - 5)
            label = _counted(topic.label, len(topic.paragraphs), width - 3)
            prompt = Content("\n").join(
                [
                    self._with_swatch(self._entry(label, width - 3), topic.swatch),
                    self._entry(f"¶ {covered}", width, indent=3, style="dim", words=True),
                ]
            )
            options.append(Option(prompt, id=f"topic:{index}"))
        return options

    def _with_swatch(self, body: Content, swatch: Swatch | None) -> Content:
        """`body` with the topic's swatch (its letter on its colour) on the reading side."""
        if swatch is None or swatch.slot is None:
            cells = Content(f"{OTHER} ").stylize("$text-muted")
        else:
            letter = fit(swatch.letter, 1).plain
            colours = palette(self.app.current_theme.ansi, self.app.console.color_system)
            cells = Content(f"{letter} ").stylize(swatch_style(swatch.slot, colours))
        if self._language == "ar":
            return Content.assemble(body, " ", cells)
        return Content.assemble(cells, " ", body)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        """Turn a chosen topic into a `Chosen` message."""
        event.stop()
        kind, _, index = (event.option.id or "").partition(":")
        if kind == "topic":
            self.post_message(self.Chosen(int(index)))


def _tab_title(word_id: str, language: Language) -> Content:
    """A tab's title, shaped."""
    text = word(word_id, language)
    return fit(text, len(text) + 1, direction=interface_direction(language))


def _counted(name: str, count: int, width: int) -> str:
    """`name (count)`, the name cut (with an ellipsis) so the count always shows."""
    suffix = f" ({count})"
    return cut(name, max(1, width - len(suffix))) + suffix


def _highlighted_id(option_list: OptionList) -> str | None:
    """The id of the highlighted option, to keep it highlighted across a rebuild."""
    if option_list.highlighted is None or option_list.option_count == 0:
        return None
    return option_list.get_option_at_index(option_list.highlighted).id


def _replace_options(option_list: OptionList, options: Options, kept: str | None) -> None:
    """Swap in `options`, then highlight `kept` again. Nothing is highlighted until the reader
    moves in the list: a highlight would look like a choice nobody made."""
    option_list.set_options(options)
    if kept is not None:
        with contextlib.suppress(OptionDoesNotExist):  # the entry may have gone away
            option_list.highlighted = option_list.get_option_index(kept)


def _wrapped(text: str, width: int, direction: Direction) -> list[str]:
    """`text` broken between words into lines (logical text) that each fit in `width` cells,
    at most `PROGRESS_LINES` of them, the last holding the rest (to be cut by `fit`)."""
    lines: list[str] = []
    words = text.split()
    while words:
        if len(lines) == PROGRESS_LINES - 1:
            lines.append(" ".join(words))
            break
        taken = 1
        while taken < len(words):
            candidate = " ".join(words[: taken + 1])
            if cut(candidate, width, direction) != candidate:
                break
            taken += 1
        lines.append(" ".join(words[:taken]))
        words = words[taken:]
    return lines


def _numbers(paragraphs: Sequence[int], width: int) -> str:
    """`1, 3, 4` for paragraphs 0, 2, 3: as many (counted from 1) as fit in `width` cells, then
    an ellipsis (a topic of a large document may cover thousands of paragraphs)."""
    shown: list[str] = []
    used = 0
    for paragraph in paragraphs:
        number = str(paragraph + 1)
        used += len(number) + 2
        if used > width:
            shown.append("…")
            break
        shown.append(number)
    return ", ".join(shown)
