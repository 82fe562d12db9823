"""The topic scorer (`reader.nlp.topics.evaluation`), the label lexicon, and the figures the
theme finder reaches on the hand-made gold (tests/data/topics-gold, rules in
docs/topics-annotation.md).

The floors below are the figures measured when the theme finder was written (README, section
"Topics: measured"), rounded down: a change that loses themes, lets padding back into labels
or brings duplicates back fails here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.nlp.topics.evaluation import (
    Gold,
    GoldTheme,
    Returned,
    TextScore,
    duplicate_flags,
    load_gold,
    main,
    normalise_label,
    predict,
    score_text,
)
from reader.nlp.topics.lexicon import label_fault, word_kind

REPO = Path(__file__).resolve().parents[3]
GOLD = REPO / "tests" / "data" / "topics-gold"


def _gold(themes: list[tuple[str, list[str], list[int]]], acceptable: tuple[str, ...] = ()) -> Gold:
    return Gold(
        "test",
        Path(),
        "tune",
        tuple(
            GoldTheme(label, frozenset(normalise_label(f) for f in [label, *forms]), frozenset(p))
            for label, forms, p in themes
        ),
        frozenset(normalise_label(a) for a in acceptable),
        frozenset(),
    )


# --- the scorer ----------------------------------------------------------------------------------


def test_labels_compare_after_arabic_normalisation() -> None:
    """Harakat, tatweel, hamza seats, ى/ي, ة/ه and punctuation do not change a label."""
    assert normalise_label("«الأُمَّة» ـ  المُتَّحِدَة") == normalise_label("الامه المتحده")
    assert normalise_label("نيوتون - بيشوب") == "نيوتون بيشوب"


def test_a_match_needs_the_label_and_the_paragraphs() -> None:
    """Label among the accepted forms and Jaccard >= 0.3: [0,1,2] vs [2,3,4] is 1/5 (no),
    [0,1,2] vs [1,2,3] is 2/4 (yes); a wrong label with the right paragraphs is no match."""
    gold = _gold([("سرطان الجلد", ["المرض"], [0, 1, 2])])
    assert score_text(gold, [Returned("المرض", frozenset({2, 3, 4}))], []).matched == 0
    assert score_text(gold, [Returned("المرض", frozenset({1, 2, 3}))], []).matched == 1
    assert score_text(gold, [Returned("الجلد", frozenset({0, 1, 2}))], []).matched == 0


def test_matches_are_one_to_one() -> None:
    """Two returned themes cannot both match one gold theme; a returned theme that could match
    two gold themes is given to the one that leaves the other matched too."""
    gold = _gold([("أ ب", ["ج"], [0, 1]), ("د", ["ج"], [0, 1, 2])])
    one = score_text(gold, [Returned("ج", frozenset({0, 1})), Returned("ج", frozenset({0, 1}))], [])
    assert one.matched == 2  # each gold theme takes one of them
    same = _gold([("أ", [], [0, 1])])
    two = score_text(same, [Returned("أ", frozenset({0, 1})), Returned("أ", frozenset({0}))], [])
    assert two.matched == 1
    assert two.duplicates == 1


def test_precision_counts_acceptable_labels_and_not_duplicates() -> None:
    """Accepted forms and `acceptable` entries count, an unknown label does not (and is listed
    as unjudged), a label inside a label ranked above is a duplicate."""
    gold = _gold([("مارسيل خليفة", ["خليفة"], [0, 1])], acceptable=("تونس",))
    returned = [
        Returned("مارسيل خليفة", frozenset({0, 1})),
        Returned("تونس", frozenset({1})),
        Returned("خليفة", frozenset({0})),
        Returned("حضر", frozenset({1})),
    ]
    score = score_text(gold, returned, ["مارسيل خليفة", "تونس"])
    assert (score.acceptable, score.returned, score.duplicates) == (2, 4, 1)
    assert score.unjudged == ("حضر",)
    assert score.paragraph_accuracy == 0.5  # ¶1's main theme «تونس» is no form of its theme


def test_duplicates_by_stems_and_nesting() -> None:
    """One label's words or stems inside another's: duplicates («الأمن» is a part of
    «التعاون الأمني» by stems); different subjects: not."""
    labels = [normalise_label(x) for x in ("التعاون الأمني", "الأمن", "تعاون", "الهجرة")]
    assert duplicate_flags(labels, _gold([])) == [False, True, True, False]


def test_gold_files_are_well_formed() -> None:
    """At least 14 annotated texts, a few held out; every theme has accepted forms and valid
    paragraphs of its text; every text file exists."""
    golds = load_gold(GOLD)
    assert len(golds) >= 14
    assert 3 <= sum(g.split == "heldout" for g in golds) <= 5
    for gold in golds:
        raw = json.loads((GOLD / f"{gold.name}.json").read_text(encoding="utf-8"))
        assert "source" in raw, gold.name
        assert gold.path.is_file(), gold.path
        paragraphs = sum(1 for line in gold.path.read_text("utf-8").splitlines() if line.strip())
        assert 3 <= len(gold.themes) <= 8, gold.name
        for theme in gold.themes:
            assert normalise_label(theme.label) in theme.accept
            assert theme.paragraphs and max(theme.paragraphs) < paragraphs, theme.label


def test_scorer_command_prints_the_table(capsys: pytest.CaptureFixture[str]) -> None:
    """`python -m reader.nlp.topics.evaluation` prints a row per text and the three totals."""
    assert main(["--gold", str(GOLD)]) == 0
    out = capsys.readouterr().out
    assert out.count("| news-0") == 8
    assert "tune (" in out and "heldout (" in out and "all (" in out


# --- the lexicon ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "fault"),
    [
        ("التونسية", "adjective"),
        ("الموسيقية", "adjective"),
        ("دولار أميركي", "unit"),
        ("المستوى", "filler"),
        ("الإطار", "filler"),
        ("المرة الأولى", "filler"),  # a filler noun with only an ordinal: «for the first time»
        ("الحرب العالمية الثانية", None),  # an ordinal ends a name
        ("أوضح", "verb"),
        ("19 مليار", "number"),
        ("أصواته", "pronoun"),
        ("التعاون الأمني", None),
        ("الهجرة غير الشرعية", None),
        ("مارك زوكربيرغ", None),
        ("سرطان الجلد", None),
        ("الأغنية", None),  # ends like a feminine nisba, but measured as a noun
    ],
)
def test_label_faults(label: str, fault: str | None) -> None:
    """The measured word kinds keep bare adjectives, verbs, numbers, units and filler nouns
    out of labels, and let noun phrases and names through."""
    assert label_fault(label) == fault


def test_word_kinds_come_from_measurement() -> None:
    """A nisba adjective is one in its feminine and plural forms once the masculine was
    measured; Persian has no lexicon, so its words have no kind."""
    assert word_kind("الأمني") == "adjective"
    assert word_kind("السوفياتية") == "adjective"
    assert word_kind("الأمن") != "adjective"
    assert word_kind("فردوسی", "fa") is None


# --- the figures on the gold ---------------------------------------------------------------------


def _totals(scores: list[TextScore]) -> tuple[float, float, float, int]:
    recall = sum(s.matched for s in scores) / sum(s.gold_themes for s in scores)
    precision = sum(s.acceptable for s in scores) / sum(s.returned for s in scores)
    accuracy = sum(s.correct_paragraphs for s in scores) / sum(s.paragraphs for s in scores)
    return recall, precision, accuracy, sum(s.duplicates for s in scores)


WIDENED = frozenset({"mixed-03", "wiki-everest", "wiki-pasteur"})
"""Tune texts annotated in session 7, before the finder was run on them, to widen the tune
set with kinds it lacked: their first figures were the finder's out-of-sample figures."""

WIDENED_10 = frozenset({"wiki-paris-commune", "wiki-sea"})
"""Tune texts annotated in session 10 the same way: long articles without section headings."""


def test_figures_on_the_gold_hold() -> None:
    """The theme finder's figures on the first eleven tuning texts (the default article among
    them) stay at least where they were measured (recall@8 0.77 = 50/65, label precision
    0.94 = 59/63, paragraph accuracy 0.62 = 129/209, no duplicate; gold articles kept out of the
    lexicon since); on the three texts that
    widened the tune set (`WIDENED`; first measured at recall@8 0.27 = 6/22, label precision
    0.67 = 14/21, paragraph accuracy 0.10 = 24/237, 1 duplicate) where the clause-opener and
    plain-heading rules brought them (recall@8 0.45 = 10/22, label precision 0.71 = 15/21,
    paragraph accuracy 0.47 = 112/237, 2 duplicates: mixed-03's «الوضع التفاعلي» names the
    theme now matched by «تشغيل قشرة JavaScript») and then the lead's other-language names
    (`aliases`: «ساجارماثا» joins «جبل إفرست»; recall@8 0.50 = 11/22, label precision 0.75 =
    15/20, paragraph accuracy 0.48 = 114/237, 1 duplicate); and on the
    held-out texts (never tuned on: recall@8 0.33 = 9/27, label precision 0.81 = 22/27,
    paragraph accuracy 0.31 = 24/77, 3 duplicates; its three new labels judged by the written
    rules after the method was fixed). Session 9's label classes (a participle the text writes
    as an adjective, `agreement`; the rest of a person's full name, `fullnames`; a masculine
    nisba, `lexicon`) took the eleven to label precision 0.97 = 59/61 and paragraph accuracy
    0.63 = 131/209, the three to label precision 0.79 = 15/19, and the held-out texts to
    paragraph accuracy 0.32 = 25/77, every recall unchanged. The two texts of session 10
    (`WIDENED_10`) were first measured at recall@8 0.27 = 4/15, label precision 0.71 = 10/14,
    paragraph accuracy 0.325 = 13/40, no duplicate; two phrases run together label nothing
    (`lexicon`: «النوع الثاني الطحالب الثابتة»), which took them to recall@8 0.33 = 5/15, label
    precision 0.79 = 11/14, paragraph accuracy 0.40 = 16/40. When the entity tagger learnt
    to name «صندوق النقد الدولي» (wiki-imf's subject, missing from its entity panel), the
    name kept «مقر الصندوق» (the Fund's seat, judged a passing mention) apart from it as
    another name sharing a word (`persons.two_people`): the eleven's label precision fell to
    0.95 = 61/64 and paragraph accuracy to 0.617 = 129/209. The word lexicon had been measured
    with the two texts of session 10 still in its corpus; measured without them, «الباريسية»
    is no adjective (its uses were that article's) and wiki-paris-commune loses «الأحياء
    الباريسية» for «اليسار» (not acceptable): `WIDENED_10` label precision 0.73 = 11/15.
    Merging a facet of the subject into it, or keeping apart only people's names, was measured
    and not kept: either took
    «ارتفاع الجبل», a gold theme, into «جبل إفرست» (wiki-everest 3/7 -> 2/7)."""
    gold = load_gold(GOLD)
    scores = [score_text(g, *predict(g)) for g in gold if g.split == "tune"]
    first = [s for s in scores if s.name not in WIDENED | WIDENED_10]
    recall, precision, accuracy, duplicates = _totals(first)
    assert recall >= 0.76
    assert precision >= 0.95
    assert accuracy >= 0.61
    assert duplicates == 0
    recall, precision, accuracy, duplicates = _totals([s for s in scores if s.name in WIDENED])
    assert recall >= 0.5
    assert precision >= 0.78
    assert accuracy >= 0.48
    assert duplicates <= 1
    recall, precision, accuracy, duplicates = _totals([s for s in scores if s.name in WIDENED_10])
    assert recall >= 0.33
    assert precision >= 0.73
    assert accuracy >= 0.4
    assert duplicates == 0
    held = [score_text(g, *predict(g)) for g in gold if g.split == "heldout"]
    recall, precision, accuracy, duplicates = _totals(held)
    assert recall >= 0.33
    assert precision >= 0.8
    assert accuracy >= 0.32
    assert duplicates <= 3
