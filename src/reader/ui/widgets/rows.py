"""Where each paragraph of the article sits on the virtual screen, for any number of paragraphs.

A Fenwick tree of paragraph heights (`RowIndex`) turns a screen row into a paragraph and back in
O(log n) and is updated one paragraph at a time; `estimate_heights` gives the first guesses,
replaced by real heights as paragraphs are laid out. Plain Python: the article view draws, this
module only counts rows.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Sequence


class RowIndex:
    """Where each paragraph starts on the virtual screen, for any number of paragraphs.

    A paragraph's block is its lines plus the blank line after it. Blocks are kept in a Fenwick
    tree, so changing one height, finding a paragraph's first row and finding the paragraph at a
    row all take O(log n): refining an estimate never rescans the document. The tree is all
    that is kept (4 bytes a paragraph): one block is read from it in O(log n) too.
    """

    def __init__(self, heights: Iterable[int]) -> None:
        """Start from each paragraph's height in lines (estimated or real)."""
        # An array of 4-byte integers, not a list of int objects: a million short lines. A
        # document within the size limit (64 MiB) has far fewer than 2**31 rows.
        self._tree = array("i", [0])
        self._tree.extend(height + 1 for height in heights)
        size = len(self._tree) - 1
        # Built in place: node i comes to hold the sum of blocks (i - lowbit(i), i].
        tree = self._tree
        for i in range(1, size + 1):
            parent = i + (i & -i)
            if parent <= size:
                tree[parent] += tree[i]
        self._top_bit = 1 << (size.bit_length() - 1) if size else 0

    def __len__(self) -> int:
        """How many paragraphs are indexed."""
        return len(self._tree) - 1

    def _block(self, paragraph: int) -> int:
        """The paragraph's block (its lines and the blank line after it): its node's sum less
        those of the nodes below it that the node covers."""
        tree = self._tree
        i = paragraph + 1
        block = tree[i]
        covered = i - (i & -i)
        i -= 1
        while i > covered:
            block -= tree[i]
            i -= i & -i
        return block

    def height(self, paragraph: int) -> int:
        """The paragraph's height in lines (without the blank line after it)."""
        return self._block(paragraph) - 1

    def set_height(self, paragraph: int, height: int) -> None:
        """Replace one paragraph's height (say, an estimate by its real height)."""
        delta = height + 1 - self._block(paragraph)
        if not delta:
            return
        i = paragraph + 1
        while i < len(self._tree):
            self._tree[i] += delta
            i += i & -i

    def start(self, paragraph: int) -> int:
        """The row of the paragraph's first line."""
        total = 0
        i = paragraph
        while i > 0:
            total += self._tree[i]
            i -= i & -i
        return total

    @property
    def total(self) -> int:
        """All rows: every paragraph's lines and the blank lines between paragraphs."""
        return max(0, self.start(len(self)) - 1)

    def locate(self, row: int) -> tuple[int, int]:
        """The paragraph whose block holds `row`, and the row's place in that block (a place
        equal to the paragraph's height is the blank line after it). Rows past the end give the
        last paragraph."""
        size = len(self)
        if not size:
            return 0, 0
        position = 0
        remaining = max(0, row)
        step = self._top_bit
        while step:
            following = position + step
            if following <= size and self._tree[following] <= remaining:
                position = following
                remaining -= self._tree[following]
            step >>= 1
        if position >= size:
            last = size - 1
            return last, self._block(last) - 1
        return position, remaining


def estimate_heights(texts: Sequence[str], width: int) -> Iterator[int]:
    """Each paragraph's likely height in lines at `width` cells, without laying it out.

    Wrapping at spaces leaves on average a few cells free at the end of each line (measured on
    the 10 MB text at 80 cells: 3 % over the real total); harakat take no cell but are rare
    enough in running text to be ignored here. Each estimate is replaced by the real height as
    soon as its paragraph is laid out.
    """
    usable = max(1, width - 3) if width > 8 else width
    return (max(1, -(-len(text) // usable)) for text in texts)
