"""The fast lane: the same layout as the cluster pipeline, word by word, for ordinary prose.

Most paragraphs of news and encyclopaedia text hold only letters, harakat, digits, punctuation
and single spaces. For them the engine need not build an object per character: it shapes each
word once (cached: words repeat), resolves levels with `uax9` (regular expressions over a class
string), wraps word by word, and reorders whole words or level runs, reversing a run's text with
slicing. The cell map of a line is computed only when asked for, by the cluster pipeline, which
the tests hold to producing exactly the same lines.

A paragraph qualifies when every character is a one-cell base character or a combining mark
(no tab, control, invisible format character or wide character), the only white space is single
ASCII spaces between words (and any at the end), and no word starts with a mark.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate

from arabic_reshaper.letters import FINAL, INITIAL, ISOLATED, LETTERS_ARABIC, MEDIAL
from bidi.mirror import MIRRORED

from reader.layout.bidi import visual_order
from reader.layout.clusters import JOINS_AFTER, JOINS_BEFORE, LAM, LAM_ALEF, char_kind
from reader.layout.uax9 import class_string, paragraph_level, resolve_levels


def _ranges() -> tuple[str, str]:
    """The characters the fast lane takes: one-cell bases and combining marks."""
    bases: list[str] = []
    marks: list[str] = []
    spans = [(0x21, 0x7E), (0xA0, 0x5FF), (0x0600, 0x06FF), (0x0700, 0x08FF), (0x1200, 0x137F)]
    spans += [(0x2010, 0x2027), (0x2030, 0x205E), (0xFB50, 0xFDFF), (0xFE70, 0xFEFC)]
    for low, high in spans:
        for code in range(low, high + 1):
            char = chr(code)
            kind, cells = char_kind(char)
            if kind == "base" and cells == 1:
                bases.append(char)
            elif kind == "mark":
                marks.append(char)
    return "".join(bases), "".join(marks)


_BASES, _MARKS = _ranges()
_OUTSIDE = re.compile(
    "[^ " + re.escape(_BASES + _MARKS) + "]|  +[^ ]|^ |(?:^| )[" + re.escape(_MARKS) + "]"
)
_MARKS_BEFORE_BASE = re.compile("([" + re.escape(_MARKS) + "]+)(.)")
_HAS_MARK = re.compile("[" + re.escape(_MARKS) + "]")
_MARK_SET = frozenset(_MARKS)
_MIRROR = str.maketrans(MIRRORED)
_MIRRORABLE = re.compile("[" + re.escape("".join(MIRRORED)) + "]")
_RUNS = re.compile(r"0+|1+|2+")


class _ShapedWords(dict[str, tuple[str, int]]):
    """Shaped words seen so far, shaping a word on first sight (words repeat: a dict lookup in a
    list comprehension is the cheapest cache there is)."""

    def __missing__(self, word: str) -> tuple[str, int]:
        value = self[word] = shaped(word)
        return value


_WORDS = _ShapedWords()
_WORDS_LIMIT = 200_000


def qualifies(text: str) -> bool:
    """True when the fast lane can lay out `text` (see the module docstring)."""
    return bool(text) and _OUTSIDE.search(text) is None


_JOINING = str.maketrans(
    {
        c: ("D" if c in JOINS_AFTER else "R" if c in JOINS_BEFORE else "U")
        for c in " " + _BASES + _MARKS
    }
)
"""Joining type of every character the fast lane takes: D(ual), R(ight) or U(n-joining)."""
_LAM_ALEF = {
    LETTERS_ARABIC[LAM][lam_form] + LETTERS_ARABIC[alef][FINAL]: LAM_ALEF[alef][ligature_form]
    for alef in LAM_ALEF
    for lam_form, ligature_form in ((INITIAL, 0), (MEDIAL, 1))
}


def _forms_in_context() -> dict[tuple[str, str, str], str]:
    """(joining type before, letter, joining type after) → the letter's presentation form.

    A letter joins the one before when that one is dual-joining (D) and it joins at all; it joins
    the one after when it is dual-joining and the next one joins at all. Letters that join
    neither way (hamza) keep their own code point, as in `clusters.shape`."""
    table: dict[tuple[str, str, str], str] = {}
    for char, forms in LETTERS_ARABIC.items():
        kind = "D" if char in JOINS_AFTER else "R" if char in JOINS_BEFORE else "U"
        for before in "DRU":
            for after in "DRU":
                if kind == "U":
                    table[(before, char, after)] = char
                    continue
                joins_before = before == "D"
                joins_after = kind == "D" and after != "U"
                if joins_before:
                    form = MEDIAL if joins_after else FINAL
                else:
                    form = INITIAL if joins_after else ISOLATED
                table[(before, char, after)] = forms[form] or forms[ISOLATED]
    return table


_FORM_IN_CONTEXT = _forms_in_context()
_LAM_ALEF_PAIR = re.compile("|".join(_LAM_ALEF))
_ARABIC_LETTER = re.compile("[" + re.escape("".join(LETTERS_ARABIC)) + "]")


@lru_cache(maxsize=65536)
def shaped(text: str) -> tuple[str, int]:
    """A word (or a run of words) shaped in logical order, and its width in cells.

    The same joining as `clusters.shape`, for text of one-cell characters and marks only, done
    on whole strings: each base letter's form comes from its neighbours' joining types (marks
    are transparent, so they are set aside first and put back after their letter)."""
    if not _ARABIC_LETTER.search(text):
        marks = len(_HAS_MARK.findall(text))
        return text, len(text) - marks
    if _HAS_MARK.search(text):
        bases: list[str] = []
        after: list[str] = []
        for char in text:
            if char in _MARK_SET and bases:
                after[-1] += char
            else:
                bases.append(char)
                after.append("")
        base_text = "".join(bases)
    else:
        base_text = text
        after = []
    joining = base_text.translate(_JOINING)
    contexts = zip("U" + joining[:-1], base_text, joining[1:] + "U", strict=True)
    out = [_FORM_IN_CONTEXT.get(context, context[1]) for context in contexts]
    shaped_bases = "".join(out)
    if _LAM_ALEF_PAIR.search(shaped_bases):
        if after:
            # One cell for two letters: the lam's and the alef's marks both follow the ligature.
            pieces = out
            k = 0
            while k < len(pieces) - 1:
                ligature = _LAM_ALEF.get(pieces[k] + pieces[k + 1])
                if ligature is not None:
                    pieces[k] = ligature
                    pieces[k + 1] = ""
                    k += 2
                else:
                    k += 1
            shaped_text = "".join(p + m for p, m in zip(pieces, after, strict=True))
            return shaped_text, sum(1 for p in pieces if p)
        shaped_bases = _LAM_ALEF_PAIR.sub(lambda m: _LAM_ALEF[m.group()], shaped_bases)
        return shaped_bases, len(shaped_bases)
    if after:
        return "".join(p + m for p, m in zip(out, after, strict=True)), len(out)
    return shaped_bases, len(shaped_bases)


def reversed_run(text: str) -> str:
    """Shaped text at an odd level in visual order: reversed, each mark still after its base,
    mirrored brackets (rules L2, L3, L4)."""
    flipped = text[::-1]
    if _MIRRORABLE.search(flipped):
        flipped = flipped.translate(_MIRROR)
    if _HAS_MARK.search(flipped):
        flipped = _MARKS_BEFORE_BASE.sub(lambda m: m.group(2) + m.group(1)[::-1], flipped)
    return flipped


def _wrap(widths: list[int], width: int | None) -> list[tuple[int, int, int]] | None:
    """Greedy word wrap: (first word, end word, cells) per line, or None when a word is wider
    than the line. Works on running sums so that the Python loop runs per line, not per word."""
    count = len(widths)
    total = list(accumulate([w + 1 for w in widths], initial=0))  # total[i]: cells before word i
    if width is None:
        return [(0, count, total[-1] - 1)]
    if max(widths) > width:
        return None
    lines: list[tuple[int, int, int]] = []
    first = 0
    while first < count:
        # The last word that ends within the line: total[end] - total[first] - 1 <= width.
        end = bisect_right(total, total[first] + width + 1, first + 1) - 1
        end = min(max(end, first + 1), count)
        lines.append((first, end, total[end] - total[first] - 1))
        first = end
    return lines


def layout_words(
    text: str, width: int | None, direction: str
) -> tuple[bool, list[tuple[str, int, int, int]], list[int]] | None:
    """Lay out a qualifying paragraph: (rtl, lines as (visual text, width, start, end), offsets
    of the spaces dropped at line breaks), or None when the paragraph needs the cluster
    pipeline after all (a word wider than the line, or classes the fast lane does not take)."""
    if len(_WORDS) > _WORDS_LIMIT:
        _WORDS.clear()
    full_length = len(text)
    text = text.rstrip(" ")  # spaces that end a paragraph are drawn nowhere
    classes = class_string(text)
    if classes is None:
        return None
    level = paragraph_level(classes, direction)
    levels = resolve_levels(text, classes, level)
    words = text.split(" ")
    known = [_WORDS[w] for w in words]
    lines = _wrap([k[1] for k in known], width)
    if lines is None:
        return None
    starts = list(accumulate([len(w) + 1 for w in words], initial=0))
    result: list[tuple[str, int, int, int]] = []
    dropped: list[int] = []
    for first_word, end_word, cells in lines:
        start = starts[first_word]
        end = starts[end_word] - 1
        if end_word < len(words):
            dropped.append(end)
        line_levels = levels[start:end]
        if line_levels.count(line_levels[0]) == len(line_levels):
            logical = " ".join([k[0] for k in known[first_word:end_word]])
            visual = reversed_run(logical) if int(line_levels[0]) % 2 else logical
        else:
            source = text[start:end]
            runs = [(m.start(), m.end(), int(m.group()[0])) for m in _RUNS.finditer(line_levels)]
            order = visual_order([run[2] for run in runs])
            parts: list[str] = []
            for i in order:
                run_start, run_end, run_level = runs[i]
                run_text = shaped(source[run_start:run_end])[0]
                parts.append(reversed_run(run_text) if run_level % 2 else run_text)
            visual = "".join(parts)
        result.append((visual, cells, start, end))
    dropped.extend(range(len(text), full_length))
    return level % 2 == 1, result, dropped
