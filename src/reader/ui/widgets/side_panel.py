"""The side panel: the entities the article mentions, grouped by type, and the topics it covers.

The panel shows only what `reader.nlp` found: the screen hands it the entries as they stream in,
and binds each tab's progress line down once (`entity_progress`, `topic_progress`). The tabs
themselves (`reader.ui.widgets.panes`) are built just after the first screen is drawn.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.reactive import reactive
from textual.widgets import OptionList

from reader.config import Language
from reader.ui.words import word

if TYPE_CHECKING:
    from textual.widgets import TabbedContent

    from reader.ui.topic_legend import Swatch
    from reader.ui.widgets.panes import EntityPane, Pane, TopicPane


@dataclass(frozen=True, slots=True)
class EntityEntry:
    """What the panel shows of one entity: its key, type, canonical name and mention count."""

    key: str
    type: str
    name: str
    count: int


@dataclass(frozen=True, slots=True)
class TopicEntry:
    """What the panel shows of one topic: its label, the paragraphs it covers (0-based) and its
    swatch in the topic map (the legend)."""

    label: str
    paragraphs: tuple[int, ...]
    swatch: Swatch | None = None


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

    entity_progress: reactive[str] = reactive("", init=False, repaint=False)
    """The entities tab's progress line (empty once extraction has finished). Handed down
    only: the tab's progress line repaints itself, the rest of the panel stays as drawn."""
    topic_progress: reactive[str] = reactive("", init=False, repaint=False)
    """The topics tab's progress line (empty once done)."""

    def __init__(
        self, language: Language, *, id: str | None = None, classes: str | None = None
    ) -> None:
        """An empty panel speaking `language`; entries arrive through `show_entities` and
        `show_topics`."""
        super().__init__(id=id, classes=classes)
        self._language: Language = language
        self.set_reactive(SidePanel.entity_progress, word("finding-entities", language))
        self.set_reactive(SidePanel.topic_progress, word("finding-topics", language))
        self._entities: Sequence[EntityEntry] = ()
        self._topics: Sequence[TopicEntry] = ()
        self._paragraph_count = -1
        self._entity_pane: EntityPane | None = None
        self._topic_pane: TopicPane | None = None
        self._when_built: list[Callable[[], None]] = []

    @property
    def built(self) -> bool:
        """True once the tabs are mounted (just after the first screen is drawn)."""
        return self._entity_pane is not None and self._topic_pane is not None

    def when_built(self, callback: Callable[[], None]) -> None:
        """Call `callback` once the tabs are mounted (at once if they are, or if the panel is
        gone). Quitting waits for this: Textual's tabs raise when the app closes in the middle
        of their mounting («No Tab with id …»)."""
        if self.built or not self.is_attached:
            callback()
        else:
            self._when_built.append(callback)

    def on_mount(self) -> None:
        """Build the tabs once the first screen is drawn (they cost more than the article)."""
        self.call_after_refresh(self._build)

    async def _build(self) -> None:
        """Mount the two tabs and show what has arrived so far, then run what waited for them."""
        try:
            if self.is_attached:  # else the reader quit before the first frame was followed up
                await self._mount_tabs()
        finally:
            waiting, self._when_built = self._when_built, []
            for callback in waiting:
                callback()

    async def _mount_tabs(self) -> None:
        """Mount the two tabs and show what has arrived so far."""
        from reader.ui.widgets.panes import EntityPane, TopicPane  # after the first paint

        width = self._width
        entities = EntityPane(self._language, self.entity_progress, width)
        topics = TopicPane(self._language, self.topic_progress, width)
        # Tabs read from the reading side: in Arabic the first tab (entities) is the right one.
        panes = (topics, entities) if self._language == "ar" else (entities, topics)
        await self.mount(_Tabs(panes))
        # What arrived while the tabs were being mounted, then drawn once.
        entities.set_reactive(EntityPane.progress, self.entity_progress)
        topics.set_reactive(TopicPane.progress, self.topic_progress)
        entities.entries, topics.entries = self._entities, self._topics
        topics.paragraph_count = self._paragraph_count
        self._entity_pane, self._topic_pane = entities, topics
        entities.redraw()
        topics.redraw()

    def _width(self) -> int:
        """The panel's width inside its borders: what the tabs fit their labels to."""
        return self.content_region.width

    def _panes(self) -> tuple[Pane, ...]:
        """The tabs, once built."""
        return tuple(pane for pane in (self._entity_pane, self._topic_pane) if pane is not None)

    def watch_entity_progress(self, progress: str) -> None:
        """Hand the new progress line to the entities tab."""
        if self._entity_pane is not None:
            self._entity_pane.progress = progress

    def watch_topic_progress(self, progress: str) -> None:
        """Hand the new progress line to the topics tab."""
        if self._topic_pane is not None:
            self._topic_pane.progress = progress

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

    def show_entities(self, entities: Sequence[EntityEntry]) -> None:
        """Show `entities` (any order; they are grouped by type)."""
        self._entities = entities
        if self._entity_pane is not None:
            self._entity_pane.show(entities)

    def show_topics(self, topics: Sequence[TopicEntry], paragraph_count: int) -> None:
        """Show `topics` in the order given, found in a document of `paragraph_count`
        paragraphs."""
        self._topics = topics
        self._paragraph_count = paragraph_count
        if self._topic_pane is not None:
            self._topic_pane.show(topics, paragraph_count)

    def on_resize(self) -> None:
        """Labels are fitted to the width: fit them again."""
        for pane in self._panes():
            pane.redraw()

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


class _Tabs(Vertical):
    """The panel's tabbed part, mounted after the first paint (see `SidePanel._build`)."""

    def __init__(self, panes: Sequence[Pane]) -> None:
        """Hold `panes` (in display order) for `compose`."""
        super().__init__()
        self._panes = panes

    def compose(self) -> ComposeResult:
        """The tabs, the entities tab shown first."""
        from textual.widgets import TabbedContent

        with TabbedContent(initial="entities-tab"):
            yield from self._panes
