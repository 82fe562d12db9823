"""A word too rare for the lexicon, written by the text as an adjective, labels no theme
(`topics.agreement`, `labels.choose_label`): wiki-pasteur's «المضعَّف» (weakened), which the
text writes only after a definite noun («البكتيريا المضعّفة», «الأمراض المضعَّفة», «الشكل
المضعَّف»), was a label of its own (rule 8 of docs/topics-annotation.md: a bare adjective)."""

from __future__ import annotations

from collections import Counter

from topic_texts import GOLD_TEXTS, TEXTS, paragraphs_of

from reader.nlp.normalise import normalise
from reader.nlp.topics import extract_topics
from reader.nlp.topics.agreement import Agreement
from reader.nlp.topics.candidates import Candidate
from reader.nlp.topics.labels import choose_label, written_forms
from reader.nlp.topics.lexicon import bare_form, label_fault, word_kind
from reader.nlp.topics.words import Classifier, general_frequencies

PASTEUR = GOLD_TEXTS / "wiki-pasteur.ar.txt"
IMAM = GOLD_TEXTS / "wiki-sheikh-imam.ar.txt"


def _agreement(paragraphs: list[str], words: list[str]) -> Agreement:
    """The agreement counts of ``words`` (one-word phrases) over the whole text, read as the
    engine reads a theme's paragraphs."""
    classifier = Classifier("ar", general_frequencies("ar"))
    keys = {(classifier.word(w).key,): 0 for w in words}  # type: ignore[union-attr]
    agreement = Agreement()
    written_forms(keys, paragraphs, {0: list(range(len(paragraphs)))}, classifier, agreement)
    return agreement


def test_the_lexicon_alone_lets_the_participle_through() -> None:
    """«المضعَّف» is written in the text, unmeasured, and passes the measured filter."""
    assert normalise("المضعَّف") in normalise(PASTEUR.read_text(encoding="utf-8"))
    assert word_kind("المضعَّف") is None
    assert label_fault("المضعَّف") is None


def test_the_text_writes_the_participle_as_an_adjective_and_its_nouns_as_nouns() -> None:
    """Counted in the text, the participle follows a definite noun; the nouns it qualifies,
    and the disease and the scientist's institute, do not."""
    paragraphs = paragraphs_of(PASTEUR)
    agreement = _agreement(paragraphs, ["المضعَّف", "البكتيريا", "الأمراض", "الجمرة"])
    assert agreement.is_adjective("المضعَّف")
    assert agreement.is_adjective("مضعّف")  # its indefinite form is the same word
    for noun in ("البكتيريا", "الأمراض", "الجمرة"):
        assert not agreement.is_adjective(noun), noun


def test_a_nisba_adjective_does_not_make_its_noun_one() -> None:
    """news-08 writes «العاصمة التونسية» and «تونس»: the adjective's stem is the country's,
    but the words are counted apart, so «تونس» is no adjective (it labels the city)."""
    paragraphs = paragraphs_of(TEXTS / "news-08.ar.txt")
    agreement = _agreement(paragraphs, ["التونسية", "تونس"])
    assert agreement.is_adjective("التونسية")
    assert not agreement.is_adjective("تونس")
    assert bare_form("التونسية") != bare_form("تونس")


def test_pasteur_loses_the_participle_label_and_keeps_its_themes() -> None:
    """The whole engine: no label is the participle, alone or with the filler noun it
    qualifies («الشكل المضعَّف»), and the scientist, the anthrax vaccine, the poultry and the
    germ theory stay."""
    labels = [t.label for t in extract_topics(paragraphs_of(PASTEUR)).topics]
    assert not any("مضعف" in normalise(label) for label in labels), labels
    assert {"لويس باستور", "لقاح الجمرة الخبيثة", "الدواجن", "نظرية جرثومية المرض"} <= set(labels)


def test_a_surname_after_a_title_is_no_adjective() -> None:
    """wiki-sheikh-imam writes «الشيخ الحريري» as well as «الشيخ درويش الحريري»: in its
    sentences that say only the first, the surname follows a definite word like an
    adjective, but it is a word of a name the tagger found, so it may still label a theme."""
    sentences = [s for p in paragraphs_of(IMAM) for s in p.split("،") if "الشيخ الحريري" in s]
    assert len(sentences) == 2 and not any("درويش" in s for s in sentences)
    agreement = _agreement(sentences, ["الحريري"])
    assert agreement.is_adjective("الحريري")
    classifier = Classifier("ar", general_frequencies("ar"))
    key = classifier.word("الحريري").key  # type: ignore[union-attr]
    member = Candidate((key,), count=4, weight=1.0)
    forms = {(key,): Counter({"الحريري": 2})}
    assert choose_label([member], forms, classifier, frozenset(), agreement) is None
    names = frozenset({"درويش الحريري"})
    assert choose_label([member], forms, classifier, names, agreement) == "الحريري"
