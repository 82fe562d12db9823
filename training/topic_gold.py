"""The large-01 articles annotated as topic gold, read from the gold files themselves.

The topic lexicon and the plural table are measured over `large-01.ar.txt` with these
articles left out, so that no tune or held-out text is measured into what labels it. A
hand-kept list missed one (mixed-02, held out, curid 1795) and would miss every text added
later; the gold's `source` lines name each article's `curid`.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

GOLD = Path(__file__).resolve().parents[1] / "tests" / "data" / "topics-gold"


def gold_articles(gold: Path = GOLD) -> frozenset[str]:
    """The Wikipedia `curid`s of every gold text whose source is a large-01 article."""
    ids = set()
    for path in sorted(gold.glob("*.json")):
        source = json.loads(path.read_text(encoding="utf-8")).get("source", "")
        ids.update(re.findall(r"curid=(\d+)", source))
    return frozenset(ids)
