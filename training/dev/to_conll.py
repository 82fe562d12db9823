"""Turn the bracketed dev set (`outside-dev.txt`) into CoNLL (`outside-dev.conll`).

Each line of the bracketed file is ``source<TAB>sentence``: tokens separated by single spaces,
an entity written ``[first … last]TYPE`` (TYPE one of PERS, LOC, ORG, MISC). A ``[`` or ``]``
standing alone is a token, not a bracket. Run from the checkout:
``python training/dev/to_conll.py``.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
_CLOSE = re.compile(r"^(.*)\](PERS|LOC|ORG|MISC)$")


def parse(sentence: str) -> tuple[list[str], list[str]]:
    """Tokens and BIO labels of one bracketed sentence."""
    words: list[str] = []
    labels: list[str] = []
    inside = False
    start = 0
    for token in sentence.split(" "):
        opens = token.startswith("[") and len(token) > 1
        if opens:
            if inside:
                raise ValueError(f"nested bracket at {token!r}: {sentence}")
            inside, start = True, len(words)
            token = token[1:]
        close = _CLOSE.match(token) if inside else None
        words.append(close.group(1) if close else token)
        labels.append("O")
        if close:
            kind = close.group(2)
            labels[start] = "B-" + kind
            for i in range(start + 1, len(words)):
                labels[i] = "I-" + kind
            inside = False
    if inside:
        raise ValueError(f"unclosed bracket: {sentence}")
    return words, labels


def main() -> int:
    """Write the CoNLL file beside the bracketed one."""
    out: list[str] = []
    for line in (HERE / "outside-dev.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        _, sentence = line.split("\t", 1)
        words, labels = parse(sentence)
        out.extend(f"{w} {label}" for w, label in zip(words, labels, strict=True))
        out.append("")
    (HERE / "outside-dev.conll").write_text("\n".join(out), encoding="utf-8")
    print(f"{sum(1 for x in out if x)} tokens")
    return 0


if __name__ == "__main__":
    sys.exit(main())
