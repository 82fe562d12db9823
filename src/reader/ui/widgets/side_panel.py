"""The side panel: the entities the article mentions, grouped by type, and the topics it covers.

The panel shows only what `reader.nlp` found (the screen hands it down as it streams in); every
label is drawn through the layout engine, cut in logical order with an ellipsis to the panel's
width. Choosing an entry posts a message up; the screen decides what happens.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option, OptionDoesNotExist

from reader.config import Language
from reader.layout.lines import Direction
from reader.ui.labels import Align, cut, fit, interface_direction
from reader.ui.words import word

if TYPE_CHECKING:
    from textual.widgets import TabbedContent, TabPane

MAX_PER_TYPE = 60
"""Entities listed per type (the most mentioned); the palette finds the others."""
ENTITY_TYPES = ("PERSON", "LOCATION", "ORGANIZATION", "EVENT", "DATE", "MISC")
"""The order entity types are listed in; unknown types follow, alphabetically."""


@dataclass(frozen=True, slots=True)
class EntityEntry:
    """What the panel shows of one entity: its key, type, canonical name and mention count."""

    key: str
    type: str
    name: str
    count: int


@dataclass(frozen=True, slots=True)
class TopicEntry:
    """What the panel shows of one topic: its label and the paragraphs it covers (0-based)."""

    label: str
    paragraphs: tuple[int, ...]


class SidePanel(Vertical):
    """Two tabs, Entities and Topics, each a progress line above a list."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "left,right",
            "switch_tab",
            "switch tab",
            show=False,
            tooltip="Show the other tab (entities or topics).",
            id="switch-tab",
        ),
    ]

    class EntityChosen(Message):
        """The reader chose an entity in the panel."""

        def __init__(self, key: str) -> None:
            """`key` names the entity (`Entity.key`)."""
            super().__init__()
            self.key = key

    class TopicChosen(Message):
        """The reader chose a topic in the panel."""

        def __init__(self, index: int) -> None:
            """`index` is the topic's position in the topic index."""
            super().__init__()
            self.index = index

    def __init__(
        self, language: Language, *, id: str | None = None, classes: str | None = None
    ) -> None:
        """An empty panel speaking `language`; entries arrive through `show_entities` and
        `show_topics`."""
        super().__init__(id=id, classes=classes)
        self._language: Language = language
        self._entities: Sequence[EntityEntry] = ()
        self._topics: Sequence[TopicEntry] = ()
        self._entity_progress = word("finding-entities", language)
        self._topic_progress = word("finding-topics", language)
        self.built = False
        """True once the tabs are mounted (just after the first screen is drawn)."""

    def on_mount(self) -> None:
        """Build the tabs once the first screen is drawn (they cost more than the article)."""
        self.call_after_refresh(self._build)

    async def _build(self) -> None:
        """Mount the two tabs and show what has arrived so far."""
        from textual.widgets import TabPane  # imported after the first paint, like the tabs

        entities = TabPane(
            self._tab_title("entities"),
            Static(self._entity_progress, id="entities-progress", markup=False),
            OptionList(id="entity-list"),
            id="entities-tab",
        )
        topics = TabPane(
            self._tab_title("topics"),
            Static(self._topic_progress, id="topics-progress", markup=False),
            OptionList(id="topic-list"),
            id="topics-tab",
        )
        # Tabs read from the reading side: in Arabic the first tab (entities) is the right one.
        panes = (topics, entities) if self._language == "ar" else (entities, topics)
        await self.mount(_Tabs(panes))
        self.built = True
        self._render_entities()
        self._render_topics()

    def _tab_title(self, word_id: str) -> Content:
        """A tab's title, shaped."""
        text = word(word_id, self._language)
        return fit(text, len(text) + 1, direction=interface_direction(self._language))

    @property
    def tabs(self) -> TabbedContent:
        """The two tabs."""
        from textual.widgets import TabbedContent

        return self.query_one(TabbedContent)

    @property
    def entity_list(self) -> OptionList:
        """The list of entities."""
        return self.query_one("#entity-list", OptionList)

    @property
    def topic_list(self) -> OptionList:
        """The list of topics."""
        return self.query_one("#topic-list", OptionList)

    def show_entities(self, entities: Sequence[EntityEntry], progress: str) -> None:
        """Show `entities` (any order; they are grouped here) and a progress line (empty when
        extraction has finished)."""
        self._entities = entities
        self._entity_progress = progress
        self._render_entities()

    def show_topics(self, topics: Sequence[TopicEntry], progress: str) -> None:
        """Show `topics` in the order given and a progress line (empty when done)."""
        self._topics = topics
        self._topic_progress = progress
        self._render_topics()

    def show_entity_progress(self, progress: str) -> None:
        """Update only the entities' progress line (empty when extraction has finished)."""
        if progress != self._entity_progress:
            self._entity_progress = progress
            if self.built:
                self._progress("#entities-progress", progress)
                if not progress and not self._entities:
                    self._render_entities()

    def show_topic_progress(self, progress: str) -> None:
        """Update only the topics' progress line (empty when done)."""
        if progress != self._topic_progress:
            self._topic_progress = progress
            if self.built:
                self._progress("#topics-progress", progress)
                if not progress and not self._topics:
                    self._render_topics()

    def _list_width(self, option_list: OptionList) -> int:
        """Cells available for one option's label in `option_list`."""
        width = option_list.content_region.width or self.content_region.width
        # Leave room for the scrollbar (one cell, see reader.tcss) whether or not it shows yet:
        # a label one cell too wide would wrap onto a second line.
        return max(4, width - option_list.styles.scrollbar_size_vertical - 1)

    def _progress(self, selector: str, text: str) -> None:
        """Show or hide a tab's progress line: one line while finding, a few when it says why
        nothing is found (entities are for Arabic text only), wrapped between words."""
        progress = self.query_one(selector, Static)
        width = max(4, self.content_region.width - 2)
        direction = interface_direction(self._language)
        lines = _wrapped(text, width, direction) if text else []
        progress.update(
            Content("\n").join(
                fit(line, width, align=self._align(), direction=direction) for line in lines
            )
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

    def _render_entities(self) -> None:
        """Rebuild the entity list grouped by type, keeping the highlighted entity."""
        if not self.built:
            return
        self._progress("#entities-progress", self._entity_progress)
        option_list = self.entity_list
        width = self._list_width(option_list)
        kept = self._highlighted_id(option_list)
        groups: dict[str, list[EntityEntry]] = {}
        for entity in self._entities:
            groups.setdefault(entity.type, []).append(entity)
        order = [t for t in ENTITY_TYPES if t in groups] + sorted(
            t for t in groups if t not in ENTITY_TYPES
        )
        options: list[Option | None] = []
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
            members = members[:MAX_PER_TYPE]
            options.extend(
                Option(
                    self._entry(self._counted(e.name, e.count, width - 2), width, indent=2),
                    id=f"entity:{e.key}",
                )
                for e in members
            )
            if hidden:
                more = f"… {hidden} {word('more', self._language)}"
                options.append(
                    Option(self._entry(more, width, indent=2, words=True), disabled=True)
                )
        if not options and not self._entity_progress:
            options.append(
                Option(
                    self._entry(word("no-entities", self._language), width, words=True),
                    disabled=True,
                )
            )
        self._replace_options(option_list, options, kept)

    def _render_topics(self) -> None:
        """Rebuild the topic list: each topic's label, then the paragraphs it covers."""
        if not self.built:
            return
        self._progress("#topics-progress", self._topic_progress)
        option_list = self.topic_list
        width = self._list_width(option_list)
        kept = self._highlighted_id(option_list)
        options: list[Option | None] = []
        for index, topic in enumerate(self._topics):
            covered = _numbers(topic.paragraphs, width)
            prompt = Content("\n").join(
                [
                    self._entry(topic.label, width),
                    self._entry(f"¶ {covered}", width, indent=2, style="dim", words=True),
                ]
            )
            options.append(Option(prompt, id=f"topic:{index}"))
        if not options and not self._topic_progress:
            options.append(
                Option(
                    self._entry(word("no-topics", self._language), width, words=True), disabled=True
                )
            )
        self._replace_options(option_list, options, kept)

    @staticmethod
    def _counted(name: str, count: int, width: int) -> str:
        """`name (count)`, the name cut (with an ellipsis) so the count always shows."""
        suffix = f" ({count})"
        return cut(name, max(1, width - len(suffix))) + suffix

    @staticmethod
    def _highlighted_id(option_list: OptionList) -> str | None:
        """The id of the highlighted option, to keep it highlighted across a rebuild."""
        if option_list.highlighted is None or option_list.option_count == 0:
            return None
        return option_list.get_option_at_index(option_list.highlighted).id

    @staticmethod
    def _replace_options(
        option_list: OptionList, options: list[Option | None], kept: str | None
    ) -> None:
        """Swap in `options`, then highlight `kept` again. Nothing is highlighted until the
        reader moves in the list: a highlight would look like a choice nobody made."""
        option_list.set_options(options)
        if kept is not None:
            with contextlib.suppress(OptionDoesNotExist):  # the entry may have gone away
                option_list.highlighted = option_list.get_option_index(kept)

    def on_resize(self) -> None:
        """Labels are fitted to the width: fit them again."""
        if not self.built:
            return
        self._render_entities()
        self._render_topics()

    def action_switch_tab(self) -> None:
        """Show the other tab and focus its list."""
        if not self.built:
            return
        other = "topics-tab" if self.tabs.active == "entities-tab" else "entities-tab"
        self.tabs.active = other
        (self.topic_list if other == "topics-tab" else self.entity_list).focus()

    def focus_list(self) -> None:
        """Focus the list in the tab shown."""
        if not self.built:
            return
        (self.topic_list if self.tabs.active == "topics-tab" else self.entity_list).focus()

    def show_tab(self, name: str) -> None:
        """Show the `entities` or `topics` tab."""
        if not self.built:
            return
        self.tabs.active = f"{name}-tab"

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        """Turn a chosen option into an `EntityChosen` or `TopicChosen` message."""
        event.stop()
        option_id = event.option.id or ""
        kind, _, value = option_id.partition(":")
        if kind == "entity":
            self.post_message(self.EntityChosen(value))
        elif kind == "topic":
            self.post_message(self.TopicChosen(int(value)))


PROGRESS_LINES = 3
"""The most lines a tab's progress line wraps onto; the last is cut with an ellipsis."""


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


class _Tabs(Vertical):
    """The panel's tabbed part, mounted after the first paint (see `SidePanel._build`)."""

    def __init__(self, panes: Sequence[TabPane]) -> None:
        """Hold `panes` (in display order) for `compose`."""
        super().__init__()
        self._panes = panes

    def compose(self) -> ComposeResult:
        """The tabs, the entities tab shown first."""
        from textual.widgets import TabbedContent

        with TabbedContent(initial="entities-tab"):
            yield from self._panes
