"""A word a document only ever writes at the start of a clause labels no theme
(`reader.nlp.topics.clauses`), on real texts: the MDN JavaScript shell page (mixed-03, licence
in shared/data/texts/PROVENANCE.md) and the Everest and Pasteur articles of the topic gold
(tests/data/topics-gold, licence in its README)."""

from __future__ import annotations

from pathlib import Path

from reader.nlp.stem import fold
from reader.nlp.topics import extract_topics
from reader.nlp.topics.clauses import clause_openers
from reader.text.document import Document

REPO = Path(__file__).resolve().parents[3]
SHARED_TEXTS = REPO.parent / "shared" / "data" / "texts"
GOLD_TEXTS = REPO / "tests" / "data" / "topics-gold" / "texts"


def paragraphs_of(path: Path) -> list[str]:
    """The non-blank paragraphs of a file, as the reader splits them."""
    assert path.is_file(), f"test text not found: {path}"
    document = Document.from_text(path.read_text(encoding="utf-8"), path.name)
    return [p.text for p in document.paragraphs]


def test_see_of_cross_references_labels_no_theme() -> None:
    """mixed-03: the imperative «راجع» ("see …", six times, each opening its clause) was
    taken for a name and labelled a theme, then «راجع إصدار» ("see the version of")."""
    paragraphs = paragraphs_of(SHARED_TEXTS / "mixed-03.ar.txt")
    assert sum(p.count("راجع ") for p in paragraphs) >= 5
    labels = [t.label for t in extract_topics(paragraphs).topics]
    assert labels, "the page has themes"
    assert not [label for label in labels if fold(label.split()[0]) == fold("راجع")]


def test_clause_openers_are_verbs_not_names() -> None:
    """«راجع» only ever opens a clause in mixed-03; names are also written inside sentences:
    «ساجارماثا» after «بالنيبالية» and «حديقة» (wiki-everest), «باستير» after a verb
    (wiki-pasteur); measured or definite words are never taken («الغلاف»)."""
    mdn = clause_openers(paragraphs_of(SHARED_TEXTS / "mixed-03.ar.txt"))
    assert fold("راجع") in mdn
    assert fold("الغلاف") not in mdn
    everest = clause_openers(paragraphs_of(GOLD_TEXTS / "wiki-everest.ar.txt"))
    assert fold("ساجارماثا") not in everest
    pasteur = clause_openers(paragraphs_of(GOLD_TEXTS / "wiki-pasteur.ar.txt"))
    assert fold("باستير") not in pasteur and fold("باستور") not in pasteur


def test_persian_has_no_clause_openers() -> None:
    """Persian clauses end with their verb: no word is ruled out for opening them."""
    assert clause_openers(paragraphs_of(SHARED_TEXTS / "persian-01.fa.txt"), "fa") == frozenset()
