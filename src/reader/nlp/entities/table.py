"""A read-only word table on disk, memory-mapped: opening it costs nothing, a look-up a hash.

The tagger's tables (word clusters, gazetteer classes, vector priors, the network's vocabulary)
hold about 90,000 words each. Parsing them into dictionaries took a quarter of a second at every
start of `reader entities`, for a command that may look up a dozen words. Here a table is one
file, mapped into memory; a look-up hashes the word (CRC-32, in C), probes a slot array and
compares bytes, so only the pages of the words a document uses are ever read.

Layout, all integers little-endian::

    magic  b"RDRTAB1\\n"
    uint32 slot count S (a power of two), uint32 entry count
    uint32 slots[S]       record offset + 1 from the start of the file, 0 for an empty slot
    records               uint16 key length, uint16 value length, key, value (UTF-8)

A value is the entry's fields joined by tabs. `write_table` builds the file in a fixed order, so
the same table always gives the same bytes.
"""

from __future__ import annotations

import mmap
import struct
import sys
import zlib
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.abc import Traversable

__all__ = ["MappedTable", "TableError", "open_table", "table_bytes", "write_table"]

MAGIC = b"RDRTAB1\n"
_HEADER = struct.Struct("<8sII")
_RECORD = struct.Struct("<HH")
_EMPTY: tuple[str, ...] = ()

SEEN_WORDS = 8_192
"""How many looked-up words a table remembers the answer for (about 1 MB each: the first words
asked, the text's common ones; 20,000 in four tables held about 8 MB of strings and tuples)."""


class TableError(ValueError):
    """The bytes are not a table (wrong magic, truncated, offsets outside the file)."""


class MappedTable(Mapping[str, tuple[str, ...]]):
    """A table's bytes (a memory map or plain bytes) read as ``word -> fields``."""

    def __init__(self, data: bytes | mmap.mmap) -> None:
        """Check the header and the slot array; records are read only when looked up."""
        if len(data) < _HEADER.size:
            raise TableError("too short for a table")
        magic, slots, entries = _HEADER.unpack_from(data, 0)
        if magic != MAGIC or slots & (slots - 1) or slots == 0:
            raise TableError("not a word table")
        end = _HEADER.size + 4 * slots
        if len(data) < end:
            raise TableError("the table is truncated")
        self._data = data
        view = memoryview(data)[_HEADER.size : end]
        if sys.byteorder == "little":
            self._slots: memoryview | list[int] = view.cast("I")
        else:  # pragma: no cover - every platform we ship on is little-endian
            self._slots = list(struct.unpack(f"<{slots}I", view))
        self._mask = slots - 1
        self._size: int = entries
        self._seen: dict[str, tuple[str, ...]] = {}

    def _record(self, offset: int) -> tuple[bytes, int, int]:
        """``(key, value start, value end)`` of the record at ``offset``."""
        data = self._data
        if offset + _RECORD.size > len(data):
            raise TableError("a record lies outside the table")
        key_length, value_length = _RECORD.unpack_from(data, offset)
        start = offset + _RECORD.size
        value_start = start + key_length
        value_end = value_start + value_length
        if value_end > len(data):
            raise TableError("a record lies outside the table")
        return data[start:value_start], value_start, value_end

    def get_fields(self, word: str) -> tuple[str, ...]:
        """The fields of ``word``, or an empty tuple if the table does not hold it.

        The answers for the first `SEEN_WORDS` words asked are kept: running text asks for the
        same words again and again, and a dictionary hit is ten times cheaper than a probe.
        """
        found = self._seen.get(word)
        if found is None:
            found = self._probe(word)
            if len(self._seen) < SEEN_WORDS:
                self._seen[word] = found
        return found

    def forget(self) -> None:
        """Drop the answers kept for the words asked so far (`reader.nlp.entities.forget`)."""
        self._seen.clear()

    def _probe(self, word: str) -> tuple[str, ...]:
        """Look ``word`` up in the mapped slots."""
        try:
            key = word.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate is never a key
            return _EMPTY
        slots = self._slots
        mask = self._mask
        slot = zlib.crc32(key) & mask
        for _ in range(mask + 1):
            offset = slots[slot]
            if not offset:
                return _EMPTY
            found, value_start, value_end = self._record(offset - 1)
            if found == key:
                value = self._data[value_start:value_end]
                return tuple(value.decode("utf-8").split("\t")) if value else _EMPTY
            slot = (slot + 1) & mask
        return _EMPTY

    def __getitem__(self, word: str) -> tuple[str, ...]:
        """The fields of ``word``; KeyError if absent (or if it has no fields)."""
        fields = self.get_fields(word)
        if not fields:
            raise KeyError(word)
        return fields

    def get(self, word: str, default: tuple[str, ...] = _EMPTY) -> tuple[str, ...]:  # type: ignore[override]
        """The fields of ``word``, or ``default`` (an empty tuple) if absent."""
        return self.get_fields(word) or default

    def __contains__(self, word: object) -> bool:
        """Whether the table holds ``word``."""
        return isinstance(word, str) and bool(self.get_fields(word))

    def __iter__(self) -> Iterator[str]:
        """The words, in slot order."""
        for offset in self._slots:
            if offset:
                yield self._record(offset - 1)[0].decode("utf-8")

    def __len__(self) -> int:
        """How many words the table holds."""
        return self._size


def table_bytes(items: Iterable[tuple[str, Iterable[str]]]) -> bytes:
    """The bytes of a table holding ``items`` (word, fields); words sorted, so the same table
    always gives the same bytes. Fields may not contain tabs; a word with no field is left out
    (the table could not tell it from an absent one)."""
    entries = sorted(
        (word.encode("utf-8"), "\t".join(fields).encode("utf-8")) for word, fields in items
    )
    entries = [(key, value) for key, value in entries if value]
    slots = 1
    while slots < 2 * max(len(entries), 1):
        slots *= 2
    table = [0] * slots
    records = bytearray()
    base = _HEADER.size + 4 * slots
    for key, value in entries:
        if len(key) > 0xFFFF or len(value) > 0xFFFF:
            raise ValueError(f"entry too long for a table: {key[:40]!r}")
        slot = zlib.crc32(key) & (slots - 1)
        while table[slot]:
            slot = (slot + 1) & (slots - 1)
        table[slot] = base + len(records) + 1
        records += _RECORD.pack(len(key), len(value)) + key + value
    header = _HEADER.pack(MAGIC, slots, len(entries))
    return header + struct.pack(f"<{slots}I", *table) + bytes(records)


def write_table(path: Path, items: Iterable[tuple[str, Iterable[str]]]) -> None:
    """Write `table_bytes` of ``items`` to ``path``."""
    path.write_bytes(table_bytes(items))


def open_table(resource: Traversable) -> MappedTable:
    """Open a table file: memory-mapped if it is a file on disk (an installed package), else
    read whole (a package inside a zip). OSError if missing, TableError if damaged."""
    if isinstance(resource, Path):
        with resource.open("rb") as handle:
            try:
                data: bytes | mmap.mmap = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
            except ValueError:  # an empty file cannot be mapped
                data = b""
        return MappedTable(data)
    return MappedTable(resource.read_bytes())
