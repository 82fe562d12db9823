"""Long articles under a title line (`reader.nlp.topics.segments`): themes where they are
discussed, on the Wikipedia articles of the topic gold (tests/data/topics-gold, their licences
in its README), and each rule on its own."""

from __future__ import annotations

from topic_texts import GOLD_TEXTS, TEXTS, jaccard, paragraphs_of

from reader.nlp.topics import extract_topics
from reader.nlp.topics.candidates import analyse
from reader.nlp.topics.evaluation import normalise_label
from reader.nlp.topics.segments import (
    LONG_TEXT,
    LONGEST_ARTICLE,
    PERVASIVE_DAMPING,
    another_of_title_kind,
    apart_from_title,
    concentrated,
    damp_pervasive,
    name_by_title,
    title_of,
)

# --- on the articles -----------------------------------------------------------------------------


def test_iodine_article_has_its_title_diagnosis_and_deficiency_apart() -> None:
    """wiki-iodine (22 paragraphs under «متلازمة نقص اليود الخلقي»): the hormone deficiency,
    named in nearly every paragraph, no longer swallows the syndrome of the title (¶0–2 in the
    gold) nor the diagnosis (¶8, ¶9, ¶20), and is the main theme where it is discussed."""
    index = extract_topics(paragraphs_of(GOLD_TEXTS / "wiki-iodine.ar.txt"))
    by_label = {normalise_label(t.label): t for t in index.topics}
    title = by_label[normalise_label("متلازمة نقص اليود الخلقي")]
    assert title.main_paragraphs[:3] == (0, 1, 2)
    assert jaccard(set(title.paragraphs), {0, 1, 2}) >= 0.3
    diagnosis = by_label[normalise_label("التشخيص")]
    assert {8, 20} <= set(diagnosis.main_paragraphs)
    assert jaccard(set(diagnosis.paragraphs), {8, 9, 20}) >= 0.3
    deficiency = by_label[normalise_label("نقص هرمون الغدة الدرقية")]
    assert not {0, 1, 2} & set(deficiency.main_paragraphs)
    assert jaccard(set(deficiency.paragraphs), {6, 7, 10, 11, 12}) >= 0.3
    assert len(index.topics) >= 5  # it returned 3 themes when one phrase owned the article


def test_sheikh_imam_article_is_named_by_its_title() -> None:
    """wiki-sheikh-imam: «إمام» folds to the preposition «أمام», so «الشيخ إمام» is never a
    phrase and the article's subject was labelled «الشيخ الحريري» (his teacher, ¶4–6); the
    title line names it, and the prison years (¶12–15) are a theme of their own."""
    index = extract_topics(paragraphs_of(GOLD_TEXTS / "wiki-sheikh-imam.ar.txt"))
    subject = next(t for t in index.topics if t.label == "الشيخ إمام")
    assert index.main_topic[0] == "الشيخ إمام"
    assert jaccard(set(subject.paragraphs), {0, 1, 2, 3, 4, 8, 16, 17, 18}) >= 0.3
    teacher = [t for t in index.topics if t.label == "الشيخ الحريري"]
    assert all(set(t.paragraphs) <= {4, 5, 6} for t in teacher)  # never the subject's label
    prison = next(t for t in index.topics if t.label == "السجن")
    assert set(prison.paragraphs) <= {12, 13, 14, 15}


def test_news_without_a_title_line_is_read_as_before() -> None:
    """A news text's first line is a headline of more than five words: no title, none of the
    article rules (news-08 has 20 paragraphs, as long as the articles)."""
    paragraphs = paragraphs_of(TEXTS / "news-08.ar.txt")
    assert len(paragraphs) >= LONG_TEXT
    assert title_of(paragraphs, "ar") is None


# --- the rules -----------------------------------------------------------------------------------


def test_title_is_a_short_first_line_of_an_article() -> None:
    body = ["فقرة من المقالة عن الموضوع نفسه."] * (LONG_TEXT - 1)
    title = title_of(["معركة ستالينغراد", *body], "ar")
    assert title is not None
    head, stems = title
    assert head in stems and len(stems) == 2
    assert title_of(["معركة ستالينغراد", *body[:-1]], "ar") is None  # too short a text
    assert title_of(["معركة ستالينغراد", *body * 40][: LONGEST_ARTICLE + 1], "ar") is None
    assert title_of(["كانت معركة ستالينغراد من أكبر معارك الحرب", *body], "ar") is None


def test_only_labels_sharing_no_head_with_the_title_are_kept_apart() -> None:
    """«نقص هرمون» shares only «نقص», a dependent noun of «متلازمة نقص اليود»: another
    subject; «أعمال الصندوق» shares the head of «صندوق النقد»: a facet of it."""
    syndrome = (
        "متلازم",
        frozenset({"متلازم", "نقص", "يود"}),
    )
    assert apart_from_title(syndrome, syndrome[1], frozenset({"نقص", "هرم"}))
    assert not apart_from_title(syndrome, frozenset({"نقص", "هرم"}), frozenset({"نقص", "خلق"}))
    assert not apart_from_title(syndrome, syndrome[1], frozenset({"متلازم", "داون"}))
    assert not apart_from_title(syndrome, syndrome[1], frozenset({"نقص", "يود"}))  # a part
    assert not apart_from_title(None, syndrome[1], frozenset({"نقص", "هرم"}))


def test_title_names_the_theme_holding_its_head() -> None:
    title = title_of(["الشيخ إمام", *["نص"] * LONG_TEXT], "ar")
    assert title is not None
    named = name_by_title("الشيخ إمام", title, ["أم كلثوم", "الشيخ الحريري", "الشيخ زكريا"], "ar")
    assert named == ["أم كلثوم", "الشيخ إمام", "الشيخ زكريا"]
    kept = ["الشيخ إمام", "الشيخ الحريري"]
    assert name_by_title("الشيخ إمام", title, kept, "ar") == kept  # already named


def test_a_phrase_concentrated_in_one_stretch_is_a_candidate() -> None:
    """In 24 paragraphs, «الإمداد الجوي» four times in ¶10–12 is concentrated; «النهر», as
    often but one paragraph in six, is not; neither is anything in a short text."""
    filler = "وتحدث الكاتب عن أمور شتى في هذه الفقرة."
    paragraphs = [filler] * 24
    for number in (0, 6, 12, 18):
        paragraphs[number] = "وعبر الجنود النهر في الصباح. " + filler
    for number in (10, 11, 12):
        paragraphs[number] += " وفشل الإمداد الجوي للجيش."
    paragraphs[11] += " وتوقف الإمداد الجوي تماما."
    analysis = analyse(paragraphs, "ar")
    found = {c.keys for c in concentrated(analysis, [], 50)}

    def keys(text: str) -> tuple[str, ...]:
        words = [analysis.classifier.word(w) for w in text.split()]
        return tuple(w.key for w in words if w is not None)

    assert keys("الإمداد الجوي") in found
    assert keys("النهر") not in found
    assert keys("النهر") in {c.keys for c in analysis.candidates}
    assert concentrated(analyse(paragraphs[: LONG_TEXT - 1], "ar"), [], 50) == []


def test_a_pervasive_theme_yields_where_it_is_named_less_than_on_average() -> None:
    """Theme 0 is in all four paragraphs (more than half): it keeps its weight where it is
    named more than on average (¶0) and weighs `PERVASIVE_DAMPING` as much elsewhere; theme 1,
    in one paragraph, is untouched."""
    weights = [{0: 6.0}, {0: 1.0, 1: 2.0}, {0: 1.0}, {0: 2.0}]
    spread = [4, 1]
    damp_pervasive(weights, spread)
    assert weights[0] == {0: 6.0}
    assert weights[1] == {0: PERVASIVE_DAMPING, 1: 2.0}
    assert weights[3][0] == 2.0 * PERVASIVE_DAMPING
    untouched = [{0: 1.0}, {0: 5.0}, {1: 1.0}, {1: 1.0}]
    damp_pervasive(untouched, [2, 2])
    assert untouched == [{0: 1.0}, {0: 5.0}, {1: 1.0}, {1: 1.0}]


def test_stalingrad_top_themes_include_a_section_subject() -> None:
    """wiki-stalingrad (86 paragraphs): in an article a theme's rank counts the paragraphs it
    holds more than its salience over the whole text, so the air war («سلاح الجو الألماني»,
    the gold's «القصف الجوي» over ¶2, ¶21–28, ¶41–46) is among the top 8 beside the names
    that run through every section."""
    index = extract_topics(paragraphs_of(GOLD_TEXTS / "wiki-stalingrad.ar.txt"))
    top = {t.label: t for t in index.topics[:8]}
    air = top["سلاح الجو الألماني"]
    gold = {2, 21, 23, 24, 27, 28, 41, 42, 43, 44, 45, 46}
    assert jaccard(set(air.paragraphs), gold) >= 0.3
    assert "معركة ستالينغراد" in top and "باولوس" in top


def test_sheikh_imam_teacher_is_a_theme_apart_from_the_title() -> None:
    """wiki-sheikh-imam: «الشيخ الحريري» (Darwish al-Hariri, his teacher, gold ¶4–6) starts
    with «الشيخ», a part of the title, and goes on with a word the title lacks: another
    sheikh. It was merged into the bare «الشيخ» and so into the subject's theme; now it is a
    theme of its own, beside «الشيخ إمام»."""
    index = extract_topics(paragraphs_of(GOLD_TEXTS / "wiki-sheikh-imam.ar.txt"))
    labels = [normalise_label(t.label) for t in index.topics]
    assert normalise_label("الشيخ إمام") in labels
    teacher = next(
        t
        for t in index.topics
        if normalise_label(t.label) in {normalise_label("الشيخ الحريري"), "درويش الحريري"}
    )
    assert jaccard(set(teacher.paragraphs), {4, 5, 6}) >= 0.3
    assert set(teacher.main_paragraphs) <= {4, 5, 6}


def test_another_of_the_title_kind() -> None:
    """Under a title, a label that starts with a part of it and goes on outside it names
    another thing of that kind; the title itself, or a facet («أعمال الصندوق»), does not.
    Titles and phrases from the gold articles."""
    sheikh = paragraphs_of(GOLD_TEXTS / "wiki-sheikh-imam.ar.txt")
    battle = paragraphs_of(GOLD_TEXTS / "wiki-stalingrad.ar.txt")
    fund = paragraphs_of(GOLD_TEXTS / "wiki-imf.ar.txt")
    imam, stalingrad, imf = (title_of(p, "ar") for p in (sheikh, battle, fund))
    assert "الشيخ الحريري" in " ".join(sheikh)
    assert another_of_title_kind(imam, "الشيخ", "الشيخ الحريري", "ar")
    assert not another_of_title_kind(imam, "الشيخ", "الشيخ إمام", "ar")  # the title
    assert not another_of_title_kind(imam, "الشيخ الحريري", "الشيخ", "ar")  # the other way
    assert "معركة الأطلسي" in " ".join(battle)
    assert another_of_title_kind(stalingrad, "معركة", "معركة الأطلسي", "ar")
    assert not another_of_title_kind(stalingrad, "ستالينغراد", "معركة ستالينغراد", "ar")
    assert "أعمال الصندوق" in " ".join(fund)
    assert not another_of_title_kind(imf, "الصندوق", "أعمال الصندوق", "ar")
    assert not another_of_title_kind(None, "الشيخ", "الشيخ الحريري", "ar")
