"""Themes of real articles: the subjects a reader would name, as noun phrases from the text.

The clear cases are pinned by what the articles are about (their Wikinews titles, see
shared/data/texts/PROVENANCE.md); the other checks hold for every text: labels are one to four
words found in the text, never only stop words, paragraph lists are valid, scores descend, and
each paragraph's main topic is one of its topics.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reader.nlp.language import detect_language
from reader.nlp.stem import fold, stem
from reader.nlp.stopwords import stop_words
from reader.nlp.topics import (
    MAX_WORDS,
    TopicIndex,
    TopicsNotSupported,
    extract_topics,
)
from reader.nlp.topics.candidates import analyse
from reader.nlp.topics.evaluation import Gold, duplicate_flags, normalise_label
from reader.nlp.topics.grouping import SYNONYM_MIN_PARAGRAPHS
from reader.nlp.topics.labels import facets, pervasive_keys
from reader.nlp.topics.lexicon import label_fault
from reader.nlp.topics.names import MAX_CHARACTERS, MAX_PARAGRAPHS, entity_names
from reader.nlp.topics.names import MAX_WORDS as NAME_WORDS
from reader.nlp.topics.persons import two_people
from reader.nlp.topics.themes import NEAR_HELD
from reader.text.document import Document

NO_GOLD = Gold("none", Path(), "tune", (), frozenset(), frozenset())
"""No gold themes: duplicates are then only labels with the same stems or one inside another."""

REPO = Path(__file__).resolve().parents[3]
TEXTS = REPO / ".." / "shared" / "data" / "texts"
DEFAULT_ARTICLE = REPO / "assets" / "article.ar.txt"
NEWS = [f"news-{n:02d}.ar.txt" for n in range(1, 9)]


def paragraphs_of(path: Path) -> list[str]:
    """The non-blank paragraphs of a file, as the reader splits them."""
    assert path.is_file(), f"test text not found: {path}"
    document = Document.from_text(path.read_text(encoding="utf-8"), path.name)
    return [p.text for p in document.paragraphs]


def labels(index: TopicIndex, top: int) -> list[str]:
    """The labels of the ``top`` most salient topics."""
    return [topic.label for topic in index.topics[:top]]


# --- the clear cases -------------------------------------------------------------------------
# Checked against what an Arabic reader names (tests/data/topics-gold, rules in
# docs/topics-annotation.md); the figures over the whole gold are in test_topics_quality.py.


def test_whatsapp_acquisition_by_facebook() -> None:
    """news-04 «فيسبوك تستحوذ على تطبيق واتس آب»: WhatsApp leads; its founder and Mark
    Zuckerberg (named in full once, then by surname: a name from the entity tagger) are
    themes; the padding the old engine showed (a currency, «الخدمة», «الشركتين») is no
    label."""
    index = extract_topics(paragraphs_of(TEXTS / "news-04.ar.txt"))
    top = labels(index, 8)
    assert index.topics[0].label == "واتس آب"
    assert "جان كوم" in top
    assert "مارك زوكربيرغ" in top
    assert not {"دولار أميركي", "الخدمة", "الشركتين"} & set(top)


def test_default_article_is_about_security_cooperation() -> None:
    """The default article (Moroccan-Turkish security talks): security cooperation is a theme;
    no bare adjective («التركية») or filler noun («المستوى») labels one."""
    index = extract_topics(paragraphs_of(DEFAULT_ARTICLE))
    top = labels(index, 8)
    assert "التعاون الأمني" in top
    assert not {"التركية", "المستوى", "التكنولوجية"} & set(top)


def test_default_article_names_the_big_events_of_its_fourth_paragraph() -> None:
    """The default article's ¶4 is about the big events Morocco will host (Interpol's assembly,
    the football cups): a theme named «كرة القدم» holds it, once the recurring single words
    («مستوى», «تركيا», «زيارة») no longer take every place a short text has for themes; no
    person's description («المسؤول الأمني», which held ¶4 before) labels a theme, and at most
    two labels are «… الأمني» phrases (three before)."""
    index = extract_topics(paragraphs_of(DEFAULT_ARTICLE))
    top = labels(index, 8)
    events = next(t for t in index.topics if t.label == "كرة القدم")
    assert 3 in events.paragraphs
    assert index.main_topic[3] == "كرة القدم"
    assert "المسؤول الأمني" not in top and "المسؤولان الأمنيان" not in top
    security = [label for label in top if label.split()[-1] in ("الأمني", "الأمنية")]
    assert len(security) <= 2  # «التحديات الأمنية», «التعاون الأمني»: distinct gold themes


def test_default_article_security_challenges_hold_the_migration_paragraph_only() -> None:
    """The default article's ¶2 is about the security challenges of illegal migration and
    organised crime. «الأمن» is in all seven paragraphs and joins «التحديات الأمنية» as its
    part; a paragraph naming only «الأمن» (¶0, ¶3–6) is no mention of security challenges, so
    the theme holds ¶1–2, ¶2 as main theme (it held all seven paragraphs before, too many
    to match the gold's ¶2 theme)."""
    index = extract_topics(paragraphs_of(DEFAULT_ARTICLE))
    challenges = next(t for t in index.topics if t.label == "التحديات الأمنية")
    assert set(challenges.paragraphs) == {1, 2}
    assert index.main_topic[2] == "التحديات الأمنية"
    for other in (0, 3, 4, 5, 6):
        assert index.main_topic[other] != "التحديات الأمنية"
        assert index.second_topic[other] != "التحديات الأمنية"


def test_default_article_keeps_its_visit_theme() -> None:
    """The default article reports a working visit: «الزيارة» opens it (¶0) and comes back in
    ¶1, 5 and 6, though no paragraph's main theme (each has a more specific subject). It is a
    theme holding those paragraphs, second theme where a paragraph has none; the next such
    theme, «المعرض الدولي» (the exhibition «تجهيزات الأمن الداخلي» already names), is not."""
    index = extract_topics(paragraphs_of(DEFAULT_ARTICLE))
    visit = next(t for t in index.topics if t.label == "الزيارة")
    assert set(visit.paragraphs) == {0, 1, 5, 6}
    assert "الزيارة" not in index.main_topic
    assert index.second_topic[0] == "الزيارة"
    assert "المعرض الدولي" not in labels(index, 8)


def test_concert_dedicated_to_darwish() -> None:
    """news-08 «مارسيل خليفة يهدي أمسيته في قرطاج إلى محمود درويش»: the singer and the poet
    are themes, named in full; no bare adjective («التونسية», «الموسيقية») or verb («حضر»)."""
    top = labels(extract_topics(paragraphs_of(TEXTS / "news-08.ar.txt")), 8)
    assert {"مارسيل خليفة", "محمود درويش"} <= set(top)
    assert not {"التونسية", "الموسيقية", "حضر", "خليفة"} & set(top)


def test_skin_cancer_study() -> None:
    """news-06 «... الرجال أكثر عرضة للإصابة بمرض سرطان الجلد»: skin cancer leads, and the
    researcher keeps her hyphenated name, whole («جوليا نيوتون - بيشوب», not «نيوتون»: the
    entity tagger reads it as one name)."""
    index = extract_topics(paragraphs_of(TEXTS / "news-06.ar.txt"))
    assert index.topics[0].label == "سرطان الجلد"
    top = labels(index, 8)
    assert "جوليا نيوتون - بيشوب" in top
    assert "نيوتون" not in top and "نيوتون - بيشوب" not in top


def test_food_security_report() -> None:
    """news-02 «... تدهور الأمن الغذائي في سوريا»: food security and wheat are themes."""
    top = labels(extract_topics(paragraphs_of(TEXTS / "news-02.ar.txt")), 8)
    assert "الأمن الغذائي" in top
    assert "القمح" in top


def test_main_and_second_theme_of_a_paragraph() -> None:
    """news-04 ¶6 (Koum on the partnership) has Koum as a theme, main or second; a paragraph's
    second theme is never its main one."""
    index = extract_topics(paragraphs_of(TEXTS / "news-04.ar.txt"))
    assert "جان كوم" in (index.main_topic[6], index.second_topic[6])
    for main, second in zip(index.main_topic, index.second_topic, strict=True):
        assert second is None or (main is not None and second != main)


# --- properties of every result ----------------------------------------------------------------

ALL_TEXTS = [
    DEFAULT_ARTICLE,
    *(TEXTS / name for name in NEWS),
    TEXTS / "persian-01.fa.txt",
    TEXTS / "urdu-01.ur.txt",
    TEXTS / "mixed-02.ar.txt",
    TEXTS / "diacritics-03.ar.txt",
]


def _label_in_text(label: str, text: str) -> bool:
    """A label is taken from the text: verbatim, or with a glued «ل» that ate the article's
    alef put back as the article («للأمن الوطني» → «الأمن الوطني»)."""
    return label in text or (label.startswith("ال") and "ل" + label[1:] in text)


@pytest.mark.parametrize("path", ALL_TEXTS, ids=lambda p: p.name)
def test_result_is_well_formed(path: Path) -> None:
    """Labels of 1-4 words from the text, not only stop words, never a bare adjective, verb,
    number, unit or filler noun, no two naming one thing (by stems, or by one shared adjective
    that is not everywhere in the text), each the main theme of some paragraph (a short text
    may keep one that opens it and recurs as second theme only) and, in a longer
    text, holding only paragraphs near one it is main or second theme of; valid
    ascending paragraph lists; scores descending from 1; main and second themes consistent
    with the theme list; numbers a permutation in order of first paragraph."""
    paragraphs = paragraphs_of(path)
    text = "\n".join(paragraphs)
    index = extract_topics(paragraphs)
    language = detect_language(paragraphs)
    stops = stop_words(language)

    assert len(index.topics) >= 2
    assert len({t.label for t in index.topics}) == len(index.topics)
    assert not any(duplicate_flags([normalise_label(t.label) for t in index.topics], NO_GOLD))
    # A theme is some paragraph's main one; in a short text, one may be only second theme
    # (the occasion it opens with and comes back to, `assignment._lede`), the first paragraph's.
    unled = [t for t in index.topics if not t.main_paragraphs]
    assert len(unled) <= (0 if len(paragraphs) >= SYNONYM_MIN_PARAGRAPHS else 1)
    for topic in unled:
        assert index.second_topic[0] == topic.label
        assert 2 * len(topic.paragraphs) >= len(paragraphs)
    if len(paragraphs) >= SYNONYM_MIN_PARAGRAPHS:
        for position, topic in enumerate(index.topics):
            held = {
                p
                for p in range(len(paragraphs))
                if position in (index.main_theme[p], index.second_theme[p])
            }
            for p in topic.paragraphs:  # near where the theme is main or second theme
                assert held & set(range(p - NEAR_HELD, p + NEAR_HELD + 1)), (topic.label, p)
    chunked = analyse(paragraphs, language).chunked
    found = [t.label for t in index.topics]
    overlaps = facets(found, pervasive_keys(chunked), language)
    # No label shares a word with another, but for two names, one the tagger's, as the engine
    # allows (`persons.two_people`): «منظمة الأغذية والزراعة», «برنامج الأغذية العالمي».
    tagged = frozenset(name for name, _ in entity_names(paragraphs, language))
    assert not any(
        not two_people(found[t], found[o], tagged, language)
        for t, others in enumerate(overlaps)
        for o in others
    ), labels(index, 20)
    for topic in index.topics:
        words = topic.label.split()
        assert 1 <= len(words) <= max(MAX_WORDS, NAME_WORDS), topic.label
        assert _label_in_text(topic.label, text), topic.label
        assert not all(fold(w) in stops for w in words), topic.label
        assert label_fault(topic.label, language) is None, topic.label
        assert topic.paragraphs, topic.label
        assert list(topic.paragraphs) == sorted(set(topic.paragraphs))
        assert topic.paragraphs[0] >= 0 and topic.paragraphs[-1] < len(paragraphs)
    scores = [t.score for t in index.topics]
    assert scores == sorted(scores, reverse=True)
    assert scores[0] == 1.0 and scores[-1] > 0

    assert len(index.main_topic) == len(paragraphs) == len(index.second_topic)
    by_label = {t.label: t for t in index.topics}
    for number, label in enumerate(index.main_topic):
        theme = index.theme_of(number)
        assert (theme.label if theme else None) == label
        if label is not None:
            assert number in by_label[label].paragraphs
            assert number in by_label[label].main_paragraphs
        second = index.second_theme_of(number)
        assert (second.label if second else None) == index.second_topic[number]
        if second is not None:
            assert number in second.paragraphs and second.label != label
    for topic in index.topics:
        assert set(topic.main_paragraphs) <= set(topic.paragraphs)
    firsts = sorted(index.topics, key=lambda t: t.number)
    assert [t.number for t in firsts] == list(range(len(index.topics)))
    assert [t.paragraphs[0] for t in firsts] == sorted(t.paragraphs[0] for t in firsts)
    # Most paragraphs of an article have a main theme.
    assert sum(label is not None for label in index.main_topic) >= 0.6 * len(paragraphs)


def _as_whole_words(label: str) -> re.Pattern[str]:
    """The label as whole words of a text: nothing but a glued conjunction or preposition
    before it, no letter after it (a stem such as «تعا» inside «التعاون» does not match)."""
    forms = [re.escape(label)]
    if label.startswith("ال"):
        forms.append(re.escape("ل" + label[1:]))
    return re.compile(rf"(?<![^\W\d_])[وفبكل]{{0,2}}(?:{'|'.join(forms)})(?![^\W\d_])")


def test_labels_are_natural_forms_not_stems() -> None:
    """Every label is made of whole words of the text as written (a stem like «تعا» for
    «التعاون» never shows)."""
    for path in [DEFAULT_ARTICLE, *(TEXTS / name for name in NEWS)]:
        paragraphs = paragraphs_of(path)
        text = "\n".join(paragraphs)
        for topic in extract_topics(paragraphs).topics:
            assert _as_whole_words(topic.label).search(text), (path.name, topic.label)


def test_forms_of_a_word_count_together() -> None:
    """«التعاون», «تعاون», «بالتعاون» and «والتعاون» share a key, so a topic about cooperation
    spans the paragraphs that write it any of these ways."""
    assert len({stem(w) for w in ("التعاون", "تعاون", "بالتعاون", "والتعاون")}) == 1
    paragraphs = [
        "أشاد الوزير بالتعاون الأمني بين البلدين في مكافحة الإرهاب .",
        "وقال إن التعاون الأمني سيتوسع ليشمل تبادل المعلومات .",
        "واتفق الطرفان على تعزيز التعاون الأمني خلال العام المقبل .",
        "ثم زار الوزير المعرض الدولي للكتاب في المدينة .",
    ]
    index = extract_topics(paragraphs, "ar")
    cooperation = [t for t in index.topics if "التعاون" in t.label]
    assert cooperation and cooperation[0].paragraphs == (0, 1, 2)


def test_result_is_deterministic() -> None:
    """The same text gives the same topics, in the same order."""
    paragraphs = paragraphs_of(TEXTS / "news-07.ar.txt")
    assert extract_topics(paragraphs) == extract_topics(paragraphs)


def test_large_text_slice_is_well_formed() -> None:
    """A slice of the 10 MB Wikipedia concatenation: many topics, all paragraphs accounted."""
    path = TEXTS / "large-01.ar.txt"
    with path.open(encoding="utf-8") as handle:
        text = handle.read(300_000)
    paragraphs = [line for line in text.split("\n") if line.strip()]
    index = extract_topics(paragraphs)
    assert len(index.topics) > 30
    assert len(index.main_topic) == len(paragraphs)
    assert all(t.paragraphs[-1] < len(paragraphs) for t in index.topics)


# --- languages ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "language"),
    [("persian-01.fa.txt", "fa"), ("urdu-01.ur.txt", "ur"), ("news-01.ar.txt", "ar")],
)
def test_language_is_detected_from_letters(name: str, language: str) -> None:
    """Urdu and Persian letters tell the language apart from Arabic."""
    assert detect_language(paragraphs_of(TEXTS / name)) == language


def test_persian_and_urdu_get_topics() -> None:
    """Persian (an essay on Ferdowsi) and Urdu (a column on Suresh Kalmadi) get topics that
    name their subjects."""
    persian = labels(extract_topics(paragraphs_of(TEXTS / "persian-01.fa.txt")), 10)
    assert any("فردوسی" in label for label in persian)
    urdu = labels(extract_topics(paragraphs_of(TEXTS / "urdu-01.ur.txt")), 3)
    assert any("کلماڈی" in label for label in urdu)


def test_unsupported_language_is_refused_clearly() -> None:
    """A language without word lists raises TopicsNotSupported naming it and the supported."""
    with pytest.raises(TopicsNotSupported, match=r"not supported for language 'he'.*ar, fa, ur"):
        extract_topics(["שלום עולם"], "he")


def test_text_in_another_script_is_refused_clearly() -> None:
    """A text with letters but no Arabic-script word (English, say) is not silently empty."""
    with pytest.raises(TopicsNotSupported, match="no Arabic-script words"):
        extract_topics(["Hello world, 2025.", "Another paragraph."])


def test_text_without_topics() -> None:
    """No paragraphs, or only numbers, punctuation and stop words: no topics, all None."""
    assert extract_topics([]) == TopicIndex((), (), (), (), ())
    index = extract_topics(["2025 - 2030 .", "في من على إلى", "Hello في"])
    assert index.topics == ()
    assert index.main_topic == index.second_topic == (None, None, None)
    assert index.theme_of(0) is None and index.theme_of(7) is None


def test_one_paragraph_document() -> None:
    """A document of one paragraph: themes all on ¶0, ¶0's main theme the first one."""
    paragraph = paragraphs_of(TEXTS / "news-01.ar.txt")[3]
    index = extract_topics([paragraph])
    assert index.topics
    assert all(t.paragraphs == (0,) for t in index.topics)
    assert index.main_topic[0] is not None
    theme = index.theme_of(0)
    assert theme is not None and theme.label == index.main_topic[0]


def test_entity_names_only_for_short_arabic_documents() -> None:
    """The tagger's names join the candidates for a short Arabic text (news-04: Zuckerberg in
    ¶3 and ¶5), not for Persian or a document longer than `MAX_PARAGRAPHS`."""
    news = paragraphs_of(TEXTS / "news-04.ar.txt")
    names = dict(entity_names(news, "ar"))
    assert sorted(names["مارك زوكربيرغ"]) == [3, 5]
    assert entity_names(news, "fa") == []
    assert entity_names(news * (MAX_PARAGRAPHS // len(news) + 1), "ar") == []


def test_entity_names_not_for_a_few_long_paragraphs() -> None:
    """A document of few but long paragraphs is not short: over `MAX_CHARACTERS` the tagger is
    not run again for themes (a one-line 4 MB file ran it whole, beside the app's entity
    worker), and a single paragraph never has a name in two."""
    news = " ".join(paragraphs_of(TEXTS / "news-04.ar.txt"))
    copies = MAX_CHARACTERS // (2 * len(news)) + 1
    assert entity_names([news, news], "ar")  # short: Zuckerberg in both
    assert entity_names([news * copies, news * copies], "ar") == []
    assert entity_names([news], "ar") == []


def test_an_ordinal_with_the_article_ends_a_name() -> None:
    """«الثانية» is a stop word as a discourse word, but «الحرب العالمية» cut before it is a
    fragment: the IMF article's founding theme is named whole; the ordinal alone never labels a
    theme."""
    text = (REPO / "tests" / "data" / "topics-gold" / "texts" / "wiki-imf.ar.txt").read_text(
        encoding="utf-8"
    )
    paragraphs = [line for line in text.splitlines() if line.strip()]
    labels = [normalise_label(t.label) for t in extract_topics(paragraphs).topics]
    assert normalise_label("الحرب العالمية الثانية") in labels
    assert normalise_label("الحرب العالمية") not in labels
    assert label_fault("الثانية") is not None and label_fault("الأول") is not None


def test_a_description_before_a_name_is_that_name_s_theme() -> None:
    """news-08 writes «الشاعر الفلسطيني محمود درويش» once and «الشاعر الفلسطيني» alone after:
    one theme, named by the name, holding the paragraphs of both (¶3 names only the poet's
    description)."""
    index = extract_topics(paragraphs_of(TEXTS / "news-08.ar.txt"))
    labels = {normalise_label(t.label): t for t in index.topics}
    assert normalise_label("الشاعر الفلسطيني") not in labels
    darwish = labels[normalise_label("محمود درويش")]
    assert 3 in darwish.paragraphs


def test_labels_sharing_only_an_adjective_are_one_theme() -> None:
    """news-02 (food security in Syria): «انتشار الأمراض الحيوانية» and «اللقاحات الحيوانية»
    are one theme (animal diseases, the gold's one theme for both), returned once; in the
    default article «الأمني» is in most paragraphs, so «التعاون الأمني» stays a theme of its
    own beside «التحديات الأمنية»."""
    news = labels(extract_topics(paragraphs_of(TEXTS / "news-02.ar.txt")), 8)
    assert sum("الحيوانية" in label for label in news) == 1
    article = labels(extract_topics(paragraphs_of(DEFAULT_ARTICLE)), 8)
    assert {"التعاون الأمني", "التحديات الأمنية"} <= set(article)


def test_a_label_sharing_a_word_with_a_better_one_is_a_facet_of_it() -> None:
    """wiki-imf: «أداء الاقتصاد الكلي» (the surveillance of members' economies, ¶8–9) ranks
    above «السياسات الاقتصادية» (spread over ten paragraphs): the second shares «اقتصاد» and
    is not returned as a theme of its own; «النظام النقدي الدولي» shares «النقد» and «الدولي»
    with «صندوق النقد الدولي», but those are all over the article, so it stays."""
    path = REPO / "tests" / "data" / "topics-gold" / "texts" / "wiki-imf.ar.txt"
    found = labels(extract_topics(paragraphs_of(path)), 8)
    assert "أداء الاقتصاد الكلي" in found
    assert "السياسات الاقتصادية" not in found
    assert {"صندوق النقد الدولي", "النظام النقدي الدولي"} <= set(found)


def test_a_name_competes_with_the_phrases_for_a_theme() -> None:
    """news-01: «خالد خوجة», the coalition's new president, is named in full in ¶5 and ¶8 by
    the entity tagger; ranked by its salience among the phrases (not after them all), it is a
    theme holding those paragraphs."""
    index = extract_topics(paragraphs_of(TEXTS / "news-01.ar.txt"))
    theme = next(t for t in index.topics if t.label == "خالد خوجة")
    assert {5, 8} <= set(theme.paragraphs)


def test_a_theme_holds_the_paragraphs_near_where_it_is_held() -> None:
    """wiki-stalingrad (86 paragraphs): the battle is named in nearly every section; its
    theme holds the opening paragraphs where it is the main theme, not every mention, so it
    overlaps the gold's «معركة ستالينغراد» (¶0–6, ¶40) instead of spreading over 31."""
    path = REPO / "tests" / "data" / "topics-gold" / "texts" / "wiki-stalingrad.ar.txt"
    index = extract_topics(paragraphs_of(path))
    battle = next(t for t in index.topics if t.label == "معركة ستالينغراد")
    gold = {0, 1, 2, 3, 4, 5, 6, 40}
    assert len(gold & set(battle.paragraphs)) / len(gold | set(battle.paragraphs)) >= 0.3


def test_a_passing_mention_in_a_longer_text_is_no_theme() -> None:
    """wiki-iodine (22 paragraphs): «الغدد» and «المصطلح» occur in one paragraph each; they
    were themes (judged generic in the gold) and are no longer."""
    path = REPO / "tests" / "data" / "topics-gold" / "texts" / "wiki-iodine.ar.txt"
    found = labels(extract_topics(paragraphs_of(path)), 20)
    assert found and "الغدد" not in found and "المصطلح" not in found
