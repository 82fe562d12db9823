"""The main screen: the controller that owns the reading state and wires keys to the widgets.

Data flows down (the screen hands the panel its entries, the article its highlights, the status
line its text) and up as messages (the article's current paragraph, a chosen entity or topic, a
search edit, results from the analysis workers). Workers never touch widgets: they post messages
to this screen, which keeps the entity and topic indexes. A worker whose job raises ends alone
(`exit_on_error=False`): `on_worker_state_changed` shows the failure in the job's tab. Every
handler is named `on_<message>`, Textual's way, so a handler needs no import of a widget that is
loaded only later (the panes, the search bar).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.command import Provider
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Input
from textual.worker import Worker, WorkerState, get_current_worker

from reader.config import Settings
from reader.layout import Direction
from reader.text.clipboard import clipboard_text
from reader.text.document import Document
from reader.ui import analysis
from reader.ui.commands import ReaderCommands
from reader.ui.heap import trim_heap
from reader.ui.highlights import Highlight
from reader.ui.keys import PANEL_KEYS, READER_KEYS, LastKey, bindings
from reader.ui.navigation import WINDOW, Navigator, mentions_of
from reader.ui.topic_legend import Swatch, legend
from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.key_bar import KeyBar
from reader.ui.widgets.side_panel import EntityEntry, SidePanel, TopicEntry
from reader.ui.widgets.status_line import StatusLine
from reader.ui.widgets.title_bar import TitleBar, document_title
from reader.ui.widgets.too_small import TooSmall
from reader.ui.widgets.topic_map import TopicMap
from reader.ui.words import word

if TYPE_CHECKING:  # imported when first needed (the panes and the search bar after first paint)
    from reader.ui.widgets.panes import EntityPane, TopicPane
    from reader.ui.widgets.search_bar import SearchBar

NARROW = 70
"""Below this many columns the side panel collapses (`e` still shows it)."""
MIN_WIDTH, MIN_HEIGHT = 40, 10
"""Below this size the screen asks for a larger terminal."""
ANALYSIS_DELAY = 0.25
"""Seconds between the first screen and the start of the analysis workers, so the first frame
reaches the terminal before their imports and work compete with it for the interpreter."""
PANEL_REFRESH_SECONDS = 0.4
"""How often the panel and highlights are redrawn while entities stream in."""
OWN_ACTIONS = frozenset(key.action.split("(")[0] for key in READER_KEYS)
"""The screen's own actions (names without arguments), the ones its key guard looks after."""
ALWAYS_ALLOWED = frozenset({"back", "switch_focus", "help", "quit"})
"""Actions still run while the search input has focus, by keys that type nothing (escape,
tab, f1)."""


class ReaderScreen(Screen[None]):
    """Title, side panel, article, search bar, status line and key bar; the keys of the reader."""

    BINDINGS: ClassVar[list[BindingType]] = list(bindings())
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {ReaderCommands}

    bidi_controls: reactive[int] = reactive(0)
    """How many explicit bidi controls the layout engine removed from the document."""
    entity_progress: reactive[str] = reactive("", init=False, repaint=False)
    """How far entity extraction has come, or why there are no entities (empty once done);
    bound down to the panel's entities tab. The screen draws nothing of it: a change repaints
    the panel's progress line only, not every widget (20 times a second while entities
    stream in, each repaint leaving the old lines behind as cycles that `gc.freeze` kept)."""
    topic_progress: reactive[str] = reactive("", init=False, repaint=False)
    """How far topic extraction has come, or why there are no topics; bound down likewise."""

    def __init__(
        self,
        document: Document,
        settings: Settings,
        *,
        direction: Direction = "auto",
        start_paragraph: int = 0,
        last_key: LastKey | None = None,
    ) -> None:
        """Read `document` with `settings`, starting at `start_paragraph` (where the reader
        stopped last time); `last_key` is the app's note of the last key pressed."""
        super().__init__(id="reader")
        self.document = document
        self.settings = settings
        self.language = settings.language
        self.direction: Direction = direction
        self.navigator = Navigator(document)
        """The reading state: entities, topics, search, and the selections over them."""
        self._start_paragraph = start_paragraph
        self._panel_wide = True
        self._panel_narrow = False
        self.last_key = last_key or LastKey()
        """The last key pressed, as the app noted it (the key guard reads it)."""
        self.set_reactive(ReaderScreen.entity_progress, word("finding-entities", self.language))
        self.set_reactive(ReaderScreen.topic_progress, word("finding-topics", self.language))
        self._dirty = False
        self._highlight_center = 0
        self.analysis_started = False
        """True once the analysis workers were started (a moment after the first screen)."""
        self.analysis_workers: dict[analysis.JobName, Worker[None]] = {}
        """The analysis workers by job name (`analysis.JOBS`), once started."""
        self._search_origin: tuple[int, float] | None = None
        """Paragraph and scroll position when the search bar opened (escape goes back)."""
        self._shown_entities: object = None  # the entity list the panel shows (identity)
        self._shown_topics: object = None
        self.swatches: tuple[Swatch, ...] = ()
        """Each theme's letter and colour (`reader.ui.topic_legend`), once topics are found."""

    # Building the screen

    def compose(self) -> ComposeResult:
        """The widgets, the panel on the side the settings say."""
        yield TitleBar(document_title(self.document), id="title")
        with Horizontal(id="body"):
            panel = SidePanel(
                self.language, id="panel", classes=f"-{self.settings.panel}"
            ).data_bind(
                entity_progress=ReaderScreen.entity_progress,
                topic_progress=ReaderScreen.topic_progress,
            )
            article = ArticleView(
                self.document, direction=self.direction, bidi=self.settings.bidi, id="article"
            )
            topic_map = TopicMap(self.document.paragraphs, id="topic-map")
            if self.settings.panel == "right":
                yield from (article, topic_map, panel)
            else:
                yield from (panel, article, topic_map)
        status = StatusLine(self.language, id="status")
        status.position = self.navigator.status_text(self._start_paragraph, self.language)
        yield status
        yield KeyBar(self.settings.keys, self.language, id="keys")
        yield TooSmall(self.language, id="too-small")

    def on_mount(self) -> None:
        """Place the reader at its remembered paragraph and start the analysis workers."""
        self.article.focus()
        if self._start_paragraph:
            self.article.goto_paragraph(self._start_paragraph, top=True)
            resumed = f"{word('resumed', self.language)} ¶ {self._start_paragraph + 1}"
            self.query_one(StatusLine).flash(resumed, 5)  # said once, at the start
        self._apply_size()
        self._update_status()
        # The analysis starts once the first screen is drawn: its imports and its work would
        # otherwise compete with the first paint for the interpreter.
        self.call_after_refresh(self.set_timer, ANALYSIS_DELAY, self._start_analysis)

    def _start_analysis(self) -> None:
        """Start the thread workers that count bidi controls and find topics and entities, each
        waiting for the one before to finish (`analysis.wait_for_turn`): one job's working
        memory at a time. A job that fails does not end the reader, nor the jobs after it:
        `on_worker_state_changed` says so in the panel."""
        self.analysis_started = True
        previous: threading.Event | None = None
        for job in analysis.JOBS:
            finished = threading.Event()
            self.analysis_workers[job.name] = self.run_worker(
                self._job(job.run, previous, finished),
                name=job.name,
                group=job.name,
                description=job.description,
                exit_on_error=False,
                thread=True,
            )
            previous = finished
        self.set_interval(PANEL_REFRESH_SECONDS, self._refresh_if_dirty)

    def _job(
        self, job: analysis.Job, previous: threading.Event | None, finished: threading.Event
    ) -> Callable[[], None]:
        """A thread-worker body running `job(document, post, cancelled)` once `previous` is
        set (the job before has ended), and setting `finished` when it ends, however."""

        def run() -> None:
            """Run the job in its turn with this worker's cancellation flag, then give what it
            freed back to the system (`reader.ui.heap`): otherwise it stays in the thread's
            heap, and the next job's thread would not reuse it."""
            worker = get_current_worker()

            def cancelled() -> bool:
                """Whether the reader has stopped this worker (it is quitting)."""
                return worker.is_cancelled

            try:
                if analysis.wait_for_turn(previous, cancelled):
                    try:
                        job(self.document, self.post_message, cancelled)
                    finally:
                        trim_heap()
            finally:
                finished.set()

        return run

    # Widgets and state

    @property
    def article(self) -> ArticleView:
        """The article view."""
        return self.query_one("#article", ArticleView)

    @property
    def topic_map(self) -> TopicMap:
        """The topic map beside the article."""
        return self.query_one(TopicMap)

    @property
    def panel(self) -> SidePanel:
        """The side panel."""
        return self.query_one(SidePanel)

    @property
    def current(self) -> int:
        """The paragraph being read."""
        return self.article.current

    def go_to_paragraph(self, index: int, *, top: bool = False) -> None:
        """Make `index` the current paragraph and bring it into view."""
        self.article.goto_paragraph(index, top=top)

    def _apply_size(self) -> None:
        """Collapse the panel when narrow; ask for a bigger terminal when too small."""
        width, height = self.size
        self.set_class(width < MIN_WIDTH or height < MIN_HEIGHT, "-too-small")
        narrow = width < NARROW
        self.set_class(narrow, "-narrow")
        shown = self._panel_narrow if narrow else self._panel_wide
        panel = self.panel
        panel.display = shown
        if not shown and panel.has_focus_within:
            self.article.focus()

    def on_resize(self) -> None:
        """Re-apply the size rules."""
        self._apply_size()

    # The key guard

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Let keys reach the search input and the panel's lists when they have the focus.

        The screen's keys are priority bindings (so the article's inherited scroll keys do not
        shadow them); this gives a focused input its typing and a focused list its arrows.
        """
        if action not in OWN_ACTIONS:
            return True
        focused = self.focused
        if isinstance(focused, Input):  # typing goes to the input: `q` or `?` is a letter
            return action in ALWAYS_ALLOWED and not self.last_key.printable
        if focused is not None and self.panel in focused.ancestors_with_self:
            last_key = self.last_key.key
            if last_key in PANEL_KEYS or (last_key == "escape" and action != "back"):
                return False
        return True

    # Key actions

    def action_next_paragraph(self) -> None:
        """Move to the next paragraph."""
        self.go_to_paragraph(self.current + 1)

    def action_previous_paragraph(self) -> None:
        """Move to the previous paragraph."""
        self.go_to_paragraph(self.current - 1)

    def action_page(self, pages: int) -> None:
        """Scroll by screenfuls; the current paragraph follows."""
        self.article.page(pages)

    def action_first_paragraph(self) -> None:
        """Go to the first paragraph."""
        self.go_to_paragraph(0, top=True)

    def action_last_paragraph(self) -> None:
        """Go to the last paragraph."""
        self.go_to_paragraph(len(self.document.paragraphs) - 1)

    def action_topic_step(self, step: int) -> None:
        """Next/previous paragraph of the chosen topic, or where the main topic changes."""
        target = self.navigator.topic_step(self.current, step)
        if target is not None:
            self.go_to_paragraph(target)

    def action_mention_step(self, step: int) -> None:
        """Next/previous search hit while searching, else mention of the selected entity. With
        neither, the first `n` follows the entity mentioned nearest the reading position (and
        says which, and how to choose another)."""
        navigator = self.navigator
        if not navigator.search_query and navigator.selected_entity is None:
            entity = navigator.choose_nearest_entity(self.current, step)
            status = self.query_one(StatusLine)
            if entity is None:
                status.flash(word("no-entity-yet", self.language), 5)
                return
            following = f"{word('following', self.language)} {entity.name}"
            status.flash(f"{following} · {word('choose-another', self.language)}", 5)
            target = navigator.mention_paragraph()
            if target is not None and target != self.current:
                self.go_to_paragraph(target)
            self._update_highlights()
            self._update_status()
            return
        target = self.navigator.mention_step(self.current, step)
        if target is not None:
            self.go_to_paragraph(target)
            self._update_highlights()
        self._update_status()

    @property
    def search_bar(self) -> SearchBar | None:
        """The search bar, once the reader has opened it."""
        from reader.ui.widgets.search_bar import SearchBar  # imported when first needed

        bars = self.query(SearchBar)
        return bars.first() if bars else None

    async def action_search(self) -> None:
        """Open the search bar (mounted the first time) and focus its input."""
        bar = self.search_bar
        if bar is None:
            from reader.ui.widgets.search_bar import SearchBar

            bar = SearchBar(self.language, self.navigator.find, id="search")
            await self.mount(bar, before=self.query_one(StatusLine))
        if self._search_origin is None:  # where the reader was, for escape to go back to
            self._search_origin = (self.current, self.article.scroll_y)
        bar.display = True
        bar.input.focus()

    def action_back(self) -> None:
        """Back out one level: the search input, then the search, the entity, the topic, the
        panel's focus."""
        bar = self.search_bar
        if bar is not None and bar.display and bar.input.has_focus:
            bar.input.value = ""
            bar.display = False
            self.navigator.clear_search()
            self._focus_article()
            if self._search_origin is not None:  # back where the reader was, as in less and vim
                self.article.return_to(*self._search_origin)
                self._search_origin = None
        elif self.navigator.search_query:
            self.navigator.clear_search()
            if bar is not None:
                bar.input.value = ""
                bar.display = False
        elif self.navigator.selected_entity is not None:
            self.navigator.select_entity(None)
        elif self.navigator.chosen_topic is not None:
            self.navigator.choose_topic(None)
        elif self.panel.has_focus_within:
            self._focus_article()
        self._update_highlights()
        self._update_status()

    def action_switch_focus(self) -> None:
        """Move the focus between the article and the panel (showing the panel if hidden)."""
        if self.panel.has_focus_within or not self.panel.display:
            self._focus_article()
        else:
            self.panel.focus_list()

    def _focus_article(self) -> None:
        """Give the article the focus."""
        self.article.focus()

    def action_toggle_panel(self) -> None:
        """Show or hide the side panel."""
        if self.size.width < NARROW:
            self._panel_narrow = not self.panel.display
        else:
            self._panel_wide = not self.panel.display
        self._apply_size()

    def action_copy_paragraph(self) -> None:
        """Copy the current paragraph's logical text (OSC 52, works over SSH)."""
        if self.document.paragraphs:
            paragraph = self.document.paragraphs[self.current].text
            self.app.copy_to_clipboard(clipboard_text(paragraph))  # no ESC to end a paste
            self.query_one(StatusLine).flash(word("copied", self.language))

    def action_help(self) -> None:
        """Show the keys."""
        from reader.ui.screens.help_screen import HelpScreen

        self.app.push_screen(HelpScreen(self.settings.keys, self.language))

    async def action_quit(self) -> None:
        """Quit (the app saves the reading position and restores the terminal)."""
        await self.app.action_quit()

    # Choosing things: from the panel, the palette and the search bar

    def on_entity_pane_chosen(self, event: EntityPane.Chosen) -> None:
        """Select the entity: highlight its mentions and jump to the first."""
        self.go_to_entity(event.key)

    def on_topic_pane_chosen(self, event: TopicPane.Chosen) -> None:
        """Choose the topic: mark its paragraphs and jump to the first."""
        self.go_to_topic(event.index)

    def go_to_entity(self, key: str) -> None:
        """Select the entity `key` and jump to its first mention."""
        target = self.navigator.select_entity(key)
        self._update_highlights()
        if target is not None:
            self.go_to_paragraph(target)
        self._update_status()

    def go_to_topic(self, index: int) -> None:
        """Choose topic number `index` and jump to its first paragraph."""
        target = self.navigator.choose_topic(index)
        self._update_highlights()
        if target is not None:
            self.go_to_paragraph(target)
        self._update_status()

    def on_search_bar_hits_found(self, event: SearchBar.HitsFound) -> None:
        """Show the hits of the query still in the search bar, from the first at or after the
        current paragraph (an empty query ends the search)."""
        bar = self.search_bar
        if bar is None or event.query != bar.query_text:
            return  # the reader typed on (or closed the search): a newer search follows
        if event.query:
            target = self.navigator.search(event.query, self.current, event.hits)
            if target is not None:
                self.go_to_paragraph(target)
        else:
            self.navigator.clear_search()
        self._update_highlights()
        self._update_status()

    def on_search_bar_submitted(self, event: SearchBar.Submitted) -> None:
        """Keep the search and go back to the article (n/N step through the hits), staying at
        the hit."""
        self._search_origin = None
        if not event.query and self.search_bar is not None:
            self.search_bar.display = False
        self._focus_article()

    # Messages from the article and the workers

    def on_article_view_current_changed(self, event: ArticleView.CurrentChanged) -> None:
        """Follow the current paragraph in the status line (and move the highlight window)."""
        self.navigator.follow(event.paragraph)
        self.topic_map.current = event.paragraph
        if abs(event.paragraph - self._highlight_center) > WINDOW // 2:
            self._update_highlights()
        self._update_status()

    def on_topic_map_jump(self, event: TopicMap.Jump) -> None:
        """A click on the map: go to the stretch of text its row stands for."""
        self.go_to_paragraph(event.paragraph, top=True)

    def on_entities_found(self, event: analysis.EntitiesFound) -> None:
        """Add a batch of mentions; redraw soon (or now, when extraction is over)."""
        self.navigator.add_mentions(event.mentions)
        if event.entities is not None:
            self.navigator.set_entities(event.entities, event.completed)
        if event.finished:
            self.entity_progress = ""
            self._refresh_panel()
        else:
            self.entity_progress = self._progress_text("finding-entities", event.done, event.total)
            self._dirty = True

    def on_entity_progress(self, event: analysis.EntityProgress) -> None:
        """Update the progress line."""
        self.entity_progress = self._progress_text("finding-entities", event.done, event.total)

    def on_topics_found(self, event: analysis.TopicsFound) -> None:
        """Keep the topic index and show it: in the panel and in the topic map."""
        self.navigator.set_topics(event.index)
        self.swatches = legend(event.index.topics, self.language)
        self.topic_map.show(event.index.main_theme, self.swatches)
        self.topic_progress = ""
        self._refresh_panel()
        self._update_status()

    def on_analysis_failed(self, event: analysis.AnalysisFailed) -> None:
        """Say in the panel that entities or topics are not available."""
        if event.missing:
            self._show_failure(event.job, word(event.note or f"{event.job}-missing", self.language))
        else:
            self._show_failure(event.job, f"{word('failed', self.language)}: {event.reason}")

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """An analysis job that raised: its tab says it failed, and why (the reader stays up).
        A failed count of bidi controls only leaves the status line without it."""
        worker = event.worker
        if event.state != WorkerState.ERROR or worker.group not in analysis.JOB_NAMES:
            return
        error = worker.error
        reason = analysis.failure_reason(error) if error is not None else ""
        self.log.error(f"analysis job {worker.name!r} failed: {reason}")
        if worker.group in ("entities", "topics"):
            self._show_failure(worker.group, f"{word('failed', self.language)}: {reason}")

    def _show_failure(self, job: str, reason: str) -> None:
        """Show `reason` in place of the `job` tab's progress line."""
        if job == "entities":
            self.entity_progress = reason
        else:
            self.topic_progress = reason
        self._refresh_panel()

    def on_bidi_controls_counted(self, event: analysis.BidiControlsCounted) -> None:
        """Remember how many bidi controls were removed, for the status line."""
        self.bidi_controls = event.count
        self._update_status()

    def _progress_text(self, word_id: str, done: int, total: int) -> str:
        """`finding entities… 42%`."""
        return f"{word(word_id, self.language)} {100 * done // max(1, total)}%"

    # Drawing

    def _refresh_if_dirty(self) -> None:
        """The timer's tick: redraw the panel if entities arrived since the last tick."""
        if self._dirty:
            self._refresh_panel()

    def _refresh_panel(self) -> None:
        """Hand the panel its entries and the article its highlights."""
        self._dirty = False
        panel = self.panel
        entities = self.navigator.entities()
        if entities is not self._shown_entities:  # a new grouping: rebuild the list
            self._shown_entities = entities
            panel.show_entities(
                [EntityEntry(e.key, e.type, e.name, len(mentions_of(e))) for e in entities]
            )
        topics = self.navigator.topics()
        if topics is not self._shown_topics:
            self._shown_topics = topics
            panel.show_topics(
                [
                    TopicEntry(t.label, tuple(t.paragraphs), swatch)
                    for t, swatch in zip(topics, self.swatches, strict=True)
                ],
                self.navigator.paragraph_count,
            )
        self._update_highlights()

    def _update_highlights(self) -> None:
        """Give the article every highlight the reading state implies."""
        self._highlight_center = self.current
        self.article.set_highlights(
            [
                Highlight(paragraph, start, end, kind)
                for paragraph, start, end, kind in self.navigator.highlights()
            ]
        )

    def _update_status(self) -> None:
        """Write the status line from the reading state."""
        status = self.query_one(StatusLine)
        status.position = self.navigator.status_text(self.current, self.language)
        if self.bidi_controls:
            status.notice = f"{self.bidi_controls} {word('bidi-removed', self.language)}"
        if self.navigator.search_query and self.search_bar is not None:
            self.search_bar.show_result(self.navigator.search_summary(self.language))
