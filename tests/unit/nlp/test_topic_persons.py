"""Two people sharing a name are two themes (`reader.nlp.topics.persons`), on the Sheikh Imam
article of the topic gold (tests/data/topics-gold, its licence in its README) and each rule on
its own, with names written as the gold texts write them."""

from __future__ import annotations

from topic_texts import GOLD_TEXTS, jaccard, paragraphs_of

from reader.nlp.topics import extract_topics
from reader.nlp.topics.evaluation import normalise_label
from reader.nlp.topics.persons import runs_across_names, surname, two_people


def test_sheikh_imam_composer_and_poet_are_two_themes() -> None:
    """wiki-sheikh-imam: «زكريا أحمد», whose tunes the young Imam learnt (¶5–7), was merged
    into «أحمد فؤاد نجم», the poet of his songs (¶9–15), by the shared «أحمد», and labelled by
    the tagger's cut «زكريا أحمد لأم كلثوم»; the poet held only the three paragraphs naming
    him in full, his surname alone («نجم», ¶11–16) labelling nothing."""
    paragraphs = paragraphs_of(GOLD_TEXTS / "wiki-sheikh-imam.ar.txt")
    assert "زكريا أحمد لأم كلثوم" in paragraphs[7]
    index = extract_topics(paragraphs)
    by_label = {normalise_label(t.label): t for t in index.topics}
    composer = by_label[normalise_label("زكريا أحمد")]
    assert jaccard(set(composer.paragraphs), {5, 6, 7}) >= 0.5
    poet = by_label[normalise_label("أحمد فؤاد نجم")]
    assert not {5, 6, 7} & set(poet.main_paragraphs)
    assert jaccard(set(poet.paragraphs), {9, 10, 11, 13, 14, 15}) >= 0.5
    assert not any(runs_across_names(t.label) for t in index.topics)


def test_names_sharing_a_given_name_are_two_people() -> None:
    """A tagged name beside another sharing a word: two people unless one is inside the other
    or they end alike; labels with the article are no person's own name (wiki-imf's two
    councils are one administration)."""
    tagged = frozenset({"زكريا أحمد", "محمد أحمد عيسى"})
    assert two_people("أحمد فؤاد نجم", "زكريا أحمد", tagged, "ar")
    assert two_people("محمد أحمد عيسى", "أحمد فؤاد نجم", tagged, "ar")
    assert not two_people("زكريا أحمد", "زكريا أحمد لأم كلثوم", tagged, "ar")
    assert not two_people("نجم", "أحمد فؤاد نجم", tagged | {"نجم"}, "ar")
    assert not two_people("إمام محمد أحمد عيسى", "محمد أحمد عيسى", tagged, "ar")
    assert not two_people("أحمد فؤاد نجم", "أحمد عيسى", frozenset(), "ar")  # none tagged
    assert not two_people("المجلس التنفيذي", "مجلس المحافظين", frozenset({"المجلس التنفيذي"}), "ar")


def test_a_surname_alone_joins_the_name() -> None:
    """«نجم» is the last word of «أحمد فؤاد نجم», a name written without the article; the
    last word of a phrase with the article («خروج المركبة», news-05) is no surname."""
    assert surname("أحمد فؤاد نجم", "ar") == {"نجم"}
    assert surname("زكريا أحمد", "ar") == {"احمد"}
    assert not surname("نجم", "ar")
    assert not surname("خروج المركبة", "ar")


def test_a_preposition_inside_a_name_runs_across_two() -> None:
    """«زكريا أحمد لأم كلثوم» (¶7): «زكريا أحمد» composing for «أم كلثوم»."""
    assert runs_across_names("زكريا أحمد لأم كلثوم")
    assert not runs_across_names("أم كلثوم")
    assert not runs_across_names("الشيخ زكريا أحمد")
    assert not runs_across_names("ابى النمرس")
