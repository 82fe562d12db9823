"""The command palette's reader commands: go to a chapter or section, an entity, a topic or a
paragraph (ctrl+p).

Chapters are a book's table of contents; a web page or a Markdown note without one offers its
headings as sections.

Entities and topics come from what `reader.nlp` has found so far (the screen's navigator);
`go to paragraph` takes a number typed in the palette. Displays are drawn through the layout
engine (names may be Arabic); matching is done on logical text, with the search module's Arabic
normalisation so `احمد` finds `أحمد`.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from reader.ui.labels import fit, interface_direction
from reader.ui.words import word

if TYPE_CHECKING:
    from reader.ui.screens.reader_screen import ReaderScreen

DISCOVER_ENTITIES = 12
"""How many entities (the most mentioned) the palette lists before anything is typed."""


class ReaderCommands(Provider):
    """Go to entity / topic / paragraph, in the interface language."""

    @property
    def reader(self) -> ReaderScreen | None:
        """The reader screen the palette was opened over."""
        from reader.ui.screens.reader_screen import ReaderScreen

        screen = self.screen
        return screen if isinstance(screen, ReaderScreen) else None

    def _width(self) -> int:
        """Cells available for one command's label in the palette."""
        return max(10, min(self.app.size.width - 12, 70))

    def _display(self, text: str) -> Content:
        """A command's label, shaped and fitted, in the interface's direction."""
        reader = self.reader
        language = reader.language if reader is not None else "en"
        return fit(text, self._width(), direction=interface_direction(language))

    def _places(self, reader: ReaderScreen) -> list[tuple[str, str, Callable[[], object]]]:
        """(label, matching text, command) for each chapter of a book, or else each heading."""
        language = reader.language
        document = reader.document
        if document.chapters:
            places = [(chapter.title, chapter.paragraph) for chapter in document.chapters]
            what = word("go-chapter", language)
        else:
            places = [(p.text, p.index) for p in document.paragraphs if p.kind == "heading"]
            what = word("go-section", language)
        return [
            (f"{what}: {title}", title, partial(reader.go_to_paragraph, index, top=True))
            for title, index in places
        ]

    def _commands(self, reader: ReaderScreen) -> list[tuple[str, str, Callable[[], object]]]:
        """Every (label, matching text, command) for the chapters or sections, and the entities
        and topics known now."""
        language = reader.language
        commands = self._places(reader)
        entities = sorted(reader.navigator.entities(), key=lambda e: -len(e.mentions))
        for entity in entities:
            label = f"{word('go-entity', language)}: {entity.name}"
            commands.append((label, entity.name, partial(reader.go_to_entity, entity.key)))
        for index, topic in enumerate(reader.navigator.topics()):
            label = f"{word('go-topic', language)}: {topic.label}"
            commands.append((label, topic.label, partial(reader.go_to_topic, index)))
        return commands

    async def discover(self) -> Hits:
        """Before typing: the chapters or sections, the most mentioned entities, the topics."""
        reader = self.reader
        if reader is None:
            return
        places = len(self._places(reader))
        commands = self._commands(reader)
        entities = len(reader.navigator.entities())
        entity_count = min(DISCOVER_ENTITIES, entities)
        shown = commands[: places + entity_count] + commands[places + entities :]
        for label, _, command in shown:
            yield DiscoveryHit(self._display(label), command, text=label)

    async def search(self, query: str) -> Hits:
        """Commands matching `query`; a number offers `go to paragraph N`."""
        reader = self.reader
        if reader is None:
            return
        from reader.search import normalise

        language = reader.language
        number = query.strip().lstrip("¶#").strip()
        weight = 1.0
        if number.isdigit() and reader.navigator.paragraph_count:
            weight = 0.8  # a number asks for a paragraph first; entities like 2025 come after
            index = max(1, min(int(number), reader.navigator.paragraph_count))
            label = f"{word('go-paragraph', language)} {index}"
            yield Hit(
                1.0,
                self._display(label),
                partial(reader.go_to_paragraph, index - 1, top=True),
                text=label,
            )
        matcher = self.matcher(query)
        folded = normalise(query.strip())
        for label, matched, command in self._commands(reader):
            score = matcher.match(label)
            if folded and folded in normalise(matched):
                score = max(score, 0.9)
            if score > 0:
                yield Hit(min(score, 0.99) * weight, self._display(label), command, text=label)
