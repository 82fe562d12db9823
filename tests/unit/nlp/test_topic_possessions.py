"""Possessions (`reader.nlp.topics.possessions`): a bare noun the text writes as possessed by a
named thing («مستخدمي الخدمة», the users of the service WhatsApp) is part of that name's
theme, not a second label for it; a noun of a name's paragraphs the text never writes as the
name's stays a theme."""

from __future__ import annotations

from pathlib import Path

from reader.nlp.normalise import normalise
from reader.nlp.topics import extract_topics
from reader.nlp.topics.possessions import Possessions
from reader.text.document import Document

REPO = Path(__file__).resolve().parents[3]
NEWS_04 = REPO / ".." / "shared" / "data" / "texts" / "news-04.ar.txt"


def _paragraphs(path: Path) -> list[str]:
    assert path.is_file(), f"test text not found: {path}"
    document = Document.from_text(path.read_text(encoding="utf-8"), path.name)
    return [p.text for p in document.paragraphs]


def test_the_users_of_the_service_are_part_of_its_theme() -> None:
    """news-04 names WhatsApp «خدمة واتس آب» and its users «مستخدمي الخدمة»: «المستخدمين» is
    no label of its own, and the app's theme holds the paragraphs speaking of the users."""
    paragraphs = _paragraphs(NEWS_04)
    users = [n for n, p in enumerate(paragraphs) if "مستخدم" in p]
    assert len(users) >= 2
    assert any("مستخدمي الخدمة" in paragraphs[n] for n in users)
    assert any('خدمة " واتس آب' in p for p in paragraphs)
    topics = extract_topics(paragraphs).topics
    labels = [normalise(topic.label) for topic in topics]
    assert normalise("المستخدمين") not in labels
    app = [t for t in topics if normalise(t.label) == normalise("واتس آب")]
    assert len(app) == 1
    assert set(users) <= set(app[0].paragraphs)


def test_only_what_is_written_as_the_names_joins_it() -> None:
    """Read from news-04: «المستخدمين», written «مستخدمي الخدمة», joins «واتس آب»;
    «الاستحواذ», written «الاستحواذ على واتس آب» (a preposition's object, not a possession),
    does not, nor does a noun outside the name's paragraphs or a name's own theme."""
    paragraphs = _paragraphs(NEWS_04)
    possessions = Possessions(paragraphs)
    everywhere = set(range(len(paragraphs)))
    names = {"واتس آب"}.__contains__
    assert possessions.match("المستخدمين", {3, 4, 7}, ["واتس آب"], [everywhere], names) == 0
    assert possessions.match("الاستحواذ", {1, 2, 4}, ["واتس آب"], [everywhere], names) is None
    assert possessions.match("المستخدمين", {3, 4, 7}, ["واتس آب"], [{0, 3, 4}], names) is None
    assert (
        possessions.match("المستخدمين", {3, 4, 7}, ["الصفقة"], [everywhere], set().__contains__)
        is None
    )
