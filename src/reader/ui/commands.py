"""The command palette's reader commands: go to a chapter or section, an entity, a topic or a
paragraph (ctrl+p).

Chapters are a book's table of contents; a web page or a Markdown note without one offers its
headings as sections.

Entities and topics come from what `reader.nlp` has found so far (the screen's navigator);
`go to paragraph` takes a number typed in the palette, or the word (`paragraph`, «فقرة»), which
lists the paragraphs from the current one with their opening words. Displays are drawn through
the layout engine (names may be Arabic; a cut name keeps its ellipsis at its own end); matching
is done on logical text, with the search module's Arabic normalisation so `احمد` finds `أحمد`.

The palette knows the screen only through `PaletteTarget` (what it reads and calls), so this
module does not import the reader screen, which lists this provider in its COMMANDS.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Protocol, runtime_checkable

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from reader.config import Language
from reader.text.document import Document
from reader.ui.labels import fit_ending, interface_direction
from reader.ui.navigation import Navigator, mentions_of
from reader.ui.words import word


@runtime_checkable
class PaletteTarget(Protocol):
    """What the palette needs of the screen it opens over (the reader screen)."""

    language: Language
    navigator: Navigator
    document: Document

    @property
    def current(self) -> int:
        """The paragraph being read (an index from 0)."""

    def go_to_entity(self, key: str) -> None:
        """Select the entity `key` and go to its first mention."""

    def go_to_topic(self, index: int) -> None:
        """Select topic `index` and go to its first paragraph."""

    def go_to_paragraph(self, index: int, *, top: bool = False) -> None:
        """Make paragraph `index` current (at the top with `top`)."""


DISCOVER_ENTITIES = 12
"""How many entities (the most mentioned) the palette lists before anything is typed."""


PARAGRAPH_HITS = 20
"""How many paragraphs `paragraph` typed alone offers (from the current one on)."""

PARAGRAPH_WORDS = ("paragraph", "go to paragraph", "فقرة", "الفقرة", "انتقل إلى الفقرة")
"""What a reader types to go to a paragraph (besides a bare number or ¶4)."""


def _paragraph_request(query: str) -> tuple[int | None, float] | None:
    """`(number or None, score)` when `query` asks for a paragraph: a number (`4`, `¶4`, `#4`),
    or (the start of) a paragraph word with or without one (`paragraph 4`, `para`, «فقرة ٤»)."""
    from reader.search import normalise

    text = query.strip()
    digits = "".join(c for c in text if c.isdigit())
    rest = normalise("".join(c for c in text if not c.isdigit()).strip(" ¶#:"))
    number = int(digits) if digits else None  # Arabic-Indic digits (٤) read as well
    if not rest:
        return (number, 1.0) if number is not None else None
    if len(rest) < 2:
        return None
    for candidate in map(normalise, PARAGRAPH_WORDS):
        if candidate.startswith(rest) or rest.startswith(candidate):
            return number, 1.0
    return None


class ReaderCommands(Provider):
    """Go to entity / topic / paragraph, in the interface language."""

    @property
    def reader(self) -> PaletteTarget | None:
        """The reader screen the palette was opened over."""
        screen = self.screen
        return screen if isinstance(screen, PaletteTarget) else None

    def _width(self) -> int:
        """Cells available for one command's label in the palette."""
        return max(10, min(self.app.size.width - 12, 70))

    def _display(self, text: str, ending: str = "") -> Content:
        """A command's label, shaped and fitted, in the interface's direction; when it ends with
        `ending` (a name from the document), that is what is cut, ellipsis at its own end."""
        reader = self.reader
        language = reader.language if reader is not None else "en"
        return fit_ending(text, ending, self._width(), direction=interface_direction(language))

    def _places(self, reader: PaletteTarget) -> list[tuple[str, str, Callable[[], object]]]:
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

    def _commands(self, reader: PaletteTarget) -> list[tuple[str, str, Callable[[], object]]]:
        """Every (label, matching text, command) for the chapters or sections, and the entities
        and topics known now."""
        language = reader.language
        commands = self._places(reader)
        entities = sorted(reader.navigator.entities(), key=lambda e: -len(mentions_of(e)))
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
        for label, name, command in shown:
            yield DiscoveryHit(self._display(label, name), command, text=label)

    async def search(self, query: str) -> Hits:
        """Commands matching `query`; a number offers `go to paragraph N`."""
        reader = self.reader
        if reader is None:
            return
        from reader.search import normalise

        language = reader.language
        count = reader.navigator.paragraph_count
        asked = _paragraph_request(query)
        weight = 1.0
        if asked is not None and count:
            weight = 0.8  # a paragraph asked for comes first; entities like 2025 come after
            number, rank = asked
            if number is not None:
                wanted = [max(1, min(number, count))]
            else:  # "paragraph" or «فقرة» alone: the paragraphs from the current one on
                first = reader.current
                wanted = list(range(first + 1, min(count, first + PARAGRAPH_HITS) + 1))
            for place, index in enumerate(wanted):
                opening = " ".join(reader.document.paragraphs[index - 1].text.split()[:8])
                label = f"{word('go-paragraph', language)} {index}"
                shown = label if number is not None else f"{label}: {opening}"
                yield Hit(
                    rank - place * 1e-4,
                    self._display(shown, opening if number is None else ""),
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
                yield Hit(
                    min(score, 0.99) * weight, self._display(label, matched), command, text=label
                )
