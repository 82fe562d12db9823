"""What is a clitic and what is the word: a glued clitic is only cut off a word when what is
left is a word (`words.CLITIC_REST_ZIPF`): the first letter of a transliterated name is no «و»
or «ف»; and a word that only looks like a clitic and the article is one word
(`reader.nlp.stem.whole_word`): «والده», «كاليفورنيا»."""

from __future__ import annotations

from pathlib import Path

from reader.nlp.stem import stem
from reader.nlp.topics import extract_topics
from reader.nlp.topics.words import Classifier, general_frequencies
from reader.text.document import Document

REPO = Path(__file__).resolve().parents[3]
LARGE_01 = REPO / ".." / "shared" / "data" / "texts" / "large-01.ar.txt"


def _article(doc_id: str) -> list[str]:
    """The paragraphs of one article of large-01 (its `<doc>` lines dropped)."""
    assert LARGE_01.is_file(), f"test text not found: {LARGE_01}"
    text = LARGE_01.read_text(encoding="utf-8")
    start = text.index(f'<doc id="{doc_id}"')
    body = text[text.index("\n", start) + 1 : text.index("</doc>", start)]
    return [p.text for p in Document.from_text(body, "article.txt").paragraphs]


def test_a_names_first_letter_is_no_clitic() -> None:
    """«فويجو» is read whole; «وكأس» and «لمهرجان» still lose their clitic."""
    classifier = Classifier("ar", general_frequencies("ar"))
    name = classifier.word("فويجو")
    assert name is not None and not name.glued and name.key == "فويجو"
    for written, rest in [("وكأس", "كأس"), ("لمهرجان", "مهرجان")]:
        word = classifier.word(written)
        assert word is not None and word.glued and word.head == rest


def test_a_transliterated_name_labels_its_theme_whole() -> None:
    """large-01's article on Chile writes «جزر تييرا دل فويجو» (Tierra del Fuego); its theme
    was labelled «جزر تييرا دل», cut where «فويجو» was read as «ف» + «ويجو»."""
    paragraphs = _article("11841")
    assert any("جزر تييرا دل فويجو" in p for p in paragraphs)
    labels = [topic.label for topic in extract_topics(paragraphs).topics]
    assert "جزر تييرا دل فويجو" in labels
    assert "جزر تييرا دل" not in labels


def test_a_word_that_only_looks_like_clitic_and_article_is_one_word() -> None:
    """«والده» (his father) keys with «والدها», not as «الده»; «كاليفورنيا» is not «ك» +
    «اليفورنيا»; «فالكتاب» and «بالمستشفى» still lose clitic and article."""
    assert stem("والده") == stem("والدها") == "والد"
    assert stem("كاليفورنيا") == "كاليفورنيا"
    assert stem("فالكتاب") == stem("الكتاب") == "كتاب"
    classifier = Classifier("ar", general_frequencies("ar"))
    for whole in ["والده", "كاليفورنيا", "فالنسيا", "والتر"]:
        word = classifier.word(whole)
        assert word is not None and not word.glued and word.head == whole
    word = classifier.word("بالمستشفى")
    assert word is not None and word.glued and word.head == "المستشفى"


def test_a_city_is_named_whole_and_his_father_is_no_theme() -> None:
    """large-01's article on Valparaíso («فالبارايسو») had the theme «البارايسو», the name less
    its first letters read as «ف» and the article; the one on the cartoonist Ahmed Nady had a
    theme «الده», from «والده» (his father)."""
    city = _article("1276548")
    assert sum("فالبارايسو" in p for p in city) >= 3
    labels = [topic.label for topic in extract_topics(city).topics]
    assert "فالبارايسو" in labels and "البارايسو" not in labels
    cartoonist = _article("1134958")
    assert any("والده" in p for p in cartoonist)
    assert "الده" not in [topic.label for topic in extract_topics(cartoonist).topics]


def test_plus_plus_is_part_of_a_languages_name() -> None:
    """mixed-01 (Arabic Wikipedia on C++) writes «سي++» 27 times and «لغة سي» (the C
    language) 13: its subject was labelled «لغة سي», read as «سي» with the «++» dropped."""
    path = REPO / ".." / "shared" / "data" / "texts" / "mixed-01.ar.txt"
    text = path.read_text(encoding="utf-8")
    paragraphs = [p.text for p in Document.from_text(text, path.name).paragraphs]
    classifier = Classifier("ar", general_frequencies("ar"))
    word = classifier.word("سي++")
    assert word is not None and word.key.endswith("++")
    labels = [topic.label for topic in extract_topics(paragraphs).topics]
    assert "لغة سي" not in labels
    assert any("سي++" in label for label in labels)


def test_lam_before_a_word_that_begins_with_lam() -> None:
    """«للندن» is «ل» + «لندن» (to London), «للغة» «ل» + «اللغة» (the article shares its «ل»);
    both were read as «ل» + the article + the rest («الندن», «الغة»). large-01's article on
    anti-Leninism had the theme «الينين», from «للينين» (to Lenin)."""
    classifier = Classifier("ar", general_frequencies("ar"))
    for written, head, definite in [("للندن", "لندن", False), ("للغة", "اللغة", True)]:
        word = classifier.word(written)
        assert word is not None and word.glued
        assert (word.head, word.definite) == (head, definite)
    word = classifier.word("للكتاب")
    assert word is not None and word.head == "الكتاب" and word.key == stem("كتاب")
    labels = [topic.label for topic in extract_topics(_article("1769683")).topics]
    assert "لينين" in labels and "الينين" not in labels
