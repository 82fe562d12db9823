"""Transliterated foreign names the tagger misses (`reader.nlp.entities.foreign` and the rule in
`reader.nlp.entities.shapes`), on real sentences of the shared Wikipedia text, and the mined list
against the script that mines it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from reader.nlp.entities import extract_paragraph
from reader.nlp.entities.evaluate import pipeline_labels, read_conll, score
from reader.nlp.entities.foreign import foreign_names, foreign_score, lookalikes
from reader.nlp.entities.shapes import refine_spans
from reader.nlp.normalise import normalise
from reader.nlp.tokens import tokenize

REPO = Path(__file__).resolve().parents[3]
LARGE = REPO / ".." / "shared" / "data" / "texts" / "large-01.ar.txt"
DEV = REPO / "training" / "dev" / "outside-dev.conll"
DATA = REPO / "src" / "reader" / "nlp" / "entities" / "data"


@pytest.fixture(scope="module")
def large() -> str:
    """The Wikipedia articles of large-01."""
    return LARGE.read_text(encoding="utf-8")


def people(large: str, sentence: str) -> list[str]:
    """The persons found in ``sentence``, checked to be a piece of large-01."""
    assert sentence in large
    return [m.text for m in extract_paragraph(0, sentence) if m.type == "PERSON"]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("وقضى بعض الوقت بوردو ضيفاً على منتسكيو، ثم في برجندي مع بيفون.", "منتسكيو"),
        ("وحين هبط لاروشفوكول بالمثل بمختلف الدوافع إلى حب الذات", "لاروشفوكول"),
        ("الأخلاق النفعية التي جاء بها بالفعل هتشنسون (1725)", "هتشنسون"),
        ("يعادل الإله المصري القديم جب الإله كرونوس عند الإغريق.", "كرونوس"),
    ],
)
def test_a_lone_transliterated_name_is_a_person(large: str, sentence: str, name: str) -> None:
    # None of these words is in the mined list: the spelling alone finds them.
    assert normalise(name) not in foreign_names().words
    assert name in people(large, sentence)


def test_the_spelling_score_tells_foreign_names_from_arabic_words() -> None:
    for name in ("منتسكيو", "لاروشفوكول", "هتشنسون"):
        assert foreign_score(normalise(name)) >= 20, name
    for word in ("مختبرات", "محمد", "التحسين", "الجوية", "نظريات"):
        assert foreign_score(normalise(word)) < 0, word
    assert normalise("سيكون") in lookalikes()


def untagged(sentence: str) -> list[tuple[str, str]]:
    """The span rules on ``sentence`` as if the tagger had found nothing in it."""
    raw = [t.text for t in tokenize(sentence)]
    words = [normalise(w) for w in raw]
    return [(" ".join(raw[a:b]), kind) for a, b, _, kind in refine_spans(raw, words, [])]


def test_common_words_and_places_are_left_alone(large: str) -> None:
    # «كونيغسبرغ» scores as a foreign name but comes after «في»: a place, not a person.
    text = "مقرهم كان في مارينبورغ ثم في كونيغسبرغ"
    assert text in large
    assert foreign_score(normalise("كونيغسبرغ")) >= 20
    assert untagged(text) == []
    # Loanwords and verbs spelt like names: «كيلو», «سيكون».
    text = "وسار لمسافة عشرة كيلو مترات إلى كاتدرائية الثالوث المقدس"
    assert text in large
    assert untagged(text) == []


def test_a_run_of_foreign_looking_words_is_one_person(large: str) -> None:
    text = "اقصي عن ملكه عام 1974 إثر ثورة شيوعية قادها منغستو هيلا مريام."
    assert text in large
    assert any(name.startswith("منغستو هيلا") for name in people(large, text))


def test_the_dev_set_gains_persons() -> None:
    """Outside dev set, each sentence alone: PERS was 0.686 before the foreign-name rule."""
    sentences = read_conll(DEV)
    words = [w for w, _ in sentences]
    scores = score((labels for _, labels in sentences), pipeline_labels(words, range(len(words))))
    assert scores["PERS"].f1 >= 0.74, scores["PERS"].f1


def test_shipped_lists_are_what_the_miner_makes() -> None:
    sys.path.insert(0, str(REPO / "training"))
    try:
        import mine_foreign_names as miner  # type: ignore[import-not-found]
    finally:
        sys.path.remove(str(REPO / "training"))
    classes = miner.mine()
    weights, common = miner.shape_weights(set(classes))
    assert (DATA / "foreign-shape.tsv").read_text(encoding="utf-8") == "".join(
        f"{gram}\t{weight}\n" for gram, weight in sorted(weights.items()) if weight
    )
    assert (DATA / "foreign-lookalikes.txt").read_text(encoding="utf-8").split() == common
    shipped = {
        line.split("\t")[0]: set(line.split("\t")[1:])
        for line in (DATA / "foreign-names.tsv").read_text(encoding="utf-8").splitlines()
    }
    assert shipped == {word: set(kinds) for word, kinds in classes.items()}
    # The aligner keeps transliterations and drops translations.
    assert miner.aligned(["شايلا", "ستايلز"], "Shyla Stylez") == [
        ("شايلا", "Shyla"),
        ("ستايلز", "Stylez"),
    ]
    assert miner.aligned(["كتاب", "الأحبار"], "Liber Pontificalis") is None
