"""Document-level name memory on real ANERcorp sentences and real news text."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest

from reader.nlp.entities.evaluate import entity_spans, read_conll
from reader.nlp.entities.memory import NameMemory, word_keys
from reader.nlp.entities.tagger import load_tagger
from reader.nlp.tokens import tokenize

REPO = Path(__file__).resolve().parents[3]
SHARED = REPO / ".." / "shared" / "data"
TRAIN = SHARED / "ner" / "anercorp" / "derived" / "ANERCorp_CamelRules_train.txt"
TEXTS = SHARED / "texts"


@cache
def _train() -> list[tuple[list[str], list[str]]]:
    """The ANERcorp train split, read once."""
    return read_conll(TRAIN)


def _sentence(phrase: str) -> tuple[list[str], list[str]]:
    """The first train sentence holding ``phrase`` (space-separated words) and its gold labels."""
    wanted = phrase.split()
    for words, labels in _train():
        for i in range(len(words) - len(wanted) + 1):
            if words[i : i + len(wanted)] == wanted:
                return words, labels
    raise AssertionError(f"no train sentence holds {phrase!r}")


def _only(words: list[str], gold: list[str], phrase: str) -> list[str]:
    """The gold labels of ``phrase``'s words in a sentence, every other word untagged."""
    wanted = phrase.split()
    for i in range(len(words) - len(wanted) + 1):
        if words[i : i + len(wanted)] == wanted:
            stop = i + len(wanted)
            return ["O"] * i + gold[i:stop] + ["O"] * (len(words) - stop)
    raise AssertionError(f"{phrase!r} is not in the sentence")


def _untagged(words: list[str]) -> list[str]:
    """Labels of a tagger that found nothing."""
    return ["O"] * len(words)


def test_full_name_labels_a_later_bare_surname() -> None:
    """«الرئيس ... بيل كلينتون» first; «ادارة كلينتون» later gets the surname tagged PERS."""
    first, first_gold = _sentence("بيل كلينتون بانه تجاهل")
    later, later_gold = _sentence("في بداية ادارة كلينتون")
    memory = NameMemory(parts="surnames")
    memory.observe(first, first_gold)
    assert "بيل كلينتون" in memory and memory.kind_of("كلينتون") == "PERS"
    # The sentence's other names are remembered too: «البيت الابيض» (MISC in ANERcorp).
    assert memory.kind_of("البيت الأبيض") == "MISC"
    labels = memory.apply(later, _untagged(later))
    assert labels[later.index("كلينتون")] == "B-PERS" == later_gold[later.index("كلينتون")]
    # «البيت الأبيض» comes back with another hamza spelling and is found; «توني سنو» was never
    # seen, so it stays untagged: the memory adds exactly the names it saw.
    assert entity_spans(labels) == entity_spans(later_gold) - {
        (later.index("توني"), later.index("توني") + 2, "PERS")
    }


def test_names_only_keeps_bare_surnames_untagged() -> None:
    """With ``parts="names"`` only whole multi-word names are matched, not their last word."""
    first, first_gold = _sentence("بيل كلينتون بانه تجاهل")
    later, _ = _sentence("في بداية ادارة كلينتون")
    memory = NameMemory(parts="names")
    memory.observe(first, first_gold)
    assert memory.apply(later, _untagged(later))[later.index("كلينتون")] == "O"
    repeat, repeat_gold = _sentence("انتقادات وجهها بيل كلينتون")
    labels = memory.apply(repeat, _untagged(repeat))
    i = repeat.index("بيل")
    assert labels[i : i + 2] == ["B-PERS", "I-PERS"] == repeat_gold[i : i + 2]


def test_a_glued_conjunction_stays_inside_the_labelled_word() -> None:
    """«جورج بوش» remembered; «وبوش» is labelled B-PERS as a whole word, as ANERcorp's gold is."""
    first, first_gold = _sentence("الرئيس جورج بوش لاعتقال")
    later, later_gold = _sentence("أميركا تحترق وبوش يتوعد")
    assert word_keys("وبوش") == ("وبوش", "بوش")
    memory = NameMemory(parts="surnames")
    memory.observe(first, first_gold)
    labels = memory.apply(later, _untagged(later))
    assert labels[later.index("وبوش")] == "B-PERS" == later_gold[later.index("وبوش")]


def test_function_words_and_short_words_are_never_propagated() -> None:
    """Even if a tagger wrongly marks «في», «من», «التي» or a two-letter word as names, the
    memory does not spread them to other sentences."""
    words, _ = _sentence("بيل كلينتون بانه تجاهل")
    wrong = ["O"] * len(words)
    for function_word in ("في", "من", "التي", "الذين", "عندما", "وقال", "بن"):
        wrong_words = [function_word, *words]
        memory = NameMemory(parts="words")
        memory.observe(wrong_words, ["B-LOC", *wrong])
        assert len(memory) == 0
    later, _ = _sentence("في بداية ادارة كلينتون")
    memory = NameMemory(parts="words")
    memory.observe(later, ["B-LOC" if w in ("في", "من") else "O" for w in later])
    assert memory.apply(later, _untagged(later)) == _untagged(later)


def test_memory_is_bounded_by_its_horizon() -> None:
    """A name not seen again for ``horizon`` units is forgotten; seeing it again renews it."""
    first, first_gold = _sentence("بيل كلينتون بانه تجاهل")
    later, _ = _sentence("في بداية ادارة كلينتون")
    filler, _ = _sentence("والمح الى ان قدرة")
    first_gold = _only(first, first_gold, "بيل كلينتون")
    memory = NameMemory(horizon=3, parts="surnames")
    memory.observe(first, first_gold)
    for _ in range(2):
        memory.observe(filler, _untagged(filler))
    assert "كلينتون" in memory
    memory.observe(filler, _untagged(filler))
    assert len(memory) == 0 and "كلينتون" not in memory
    assert memory.apply(later, _untagged(later)) == _untagged(later)
    memory.observe(first, first_gold)
    assert memory.apply(later, _untagged(later))[later.index("كلينتون")] == "B-PERS"
    memory.clear()
    assert len(memory) == 0


def test_unsure_spans_are_not_remembered() -> None:
    """A span with any word below ``min_confidence`` teaches the memory nothing."""
    first, first_gold = _sentence("بيل كلينتون بانه تجاهل")
    sure = [0.99] * len(first)
    unsure = list(sure)
    unsure[first.index("كلينتون")] = 0.6
    labels = _only(first, first_gold, "بيل كلينتون")
    memory = NameMemory(min_confidence=0.9)
    memory.observe(first, labels, unsure)
    assert len(memory) == 0
    memory.observe(first, labels, sure)
    assert "بيل كلينتون" in memory


def test_labels_the_tagger_gave_are_left_alone() -> None:
    """Without the CRF's support to judge by, a word already labelled (even with another type
    than the remembered one) is never relabelled."""
    first, first_gold = _sentence("بيل كلينتون بانه تجاهل")
    later, _ = _sentence("في بداية ادارة كلينتون")
    memory = NameMemory()
    memory.observe(first, _only(first, first_gold, "بيل كلينتون"))
    given = ["B-ORG" if w == "كلينتون" else "O" for w in later]
    assert memory.apply(later, given) == given


def test_a_name_seen_with_two_types_equally_is_not_propagated() -> None:
    """«واشنطن» seen once as ORG and once as LOC is too ambiguous to label anything."""
    words, _ = _sentence("بيل كلينتون بانه تجاهل")
    i = words.index("واشنطن")
    memory = NameMemory(parts="words")
    memory.observe(words, ["B-ORG" if j == i else "O" for j in range(len(words))])
    memory.observe(words, ["B-LOC" if j == i else "O" for j in range(len(words))])
    assert memory.kind_of("واشنطن") in ("ORG", "LOC")
    assert memory.apply(words, _untagged(words))[i] == "O"
    memory.observe(words, ["B-LOC" if j == i else "O" for j in range(len(words))])
    memory.observe(words, ["B-LOC" if j == i else "O" for j in range(len(words))])
    assert memory.apply(words, _untagged(words))[i] == "B-LOC"


def test_horizon_must_be_positive() -> None:
    """A memory that forgets everything at once is a mistake in the caller."""
    with pytest.raises(ValueError, match="horizon"):
        NameMemory(horizon=0)


@pytest.mark.parametrize("name", ["news-01.ar.txt", "news-02.ar.txt", "news-03.ar.txt"])
def test_on_real_news_memory_only_adds_types_of_earlier_names(name: str) -> None:
    """Streaming a real article through the shipped tagger paragraph by paragraph, every label
    the memory adds is on a word the tagger left untagged, whose stem was part of a name of the
    same type in this or an earlier paragraph; the added labels are valid BIO spans."""
    tagger = load_tagger()
    memory = NameMemory(parts="surnames", min_confidence=0.0)
    seen: dict[str, set[str]] = {}
    for paragraph in (TEXTS / name).read_text(encoding="utf-8").split("\n"):
        words = [t.text for t in tokenize(paragraph)]
        if not words:
            continue
        labels = tagger.tag(words)
        for start, stop, kind in entity_spans(labels):
            for word in words[start:stop]:
                seen.setdefault(word_keys(word)[1], set()).add(kind)
        memory.observe(words, labels)
        added = memory.apply(words, labels)
        for i, (before, after) in enumerate(zip(labels, added, strict=True)):
            if before != after:
                assert before == "O"
                assert after[2:] in seen[word_keys(words[i])[1]]
        assert entity_spans(labels) <= entity_spans(added) | entity_spans(labels)
        for start, stop, _ in entity_spans(added):
            assert added[start].startswith("B-")
            assert all(label.startswith("I-") for label in added[start + 1 : stop])


def test_support_keeps_words_the_tagger_sees_no_name_in_untagged() -> None:
    """With ``min_support``, a match is labelled only if the CRF still gives its type some
    probability there; the support is asked only about the words of candidate matches."""
    first, first_gold = _sentence("بيل كلينتون بانه تجاهل")
    later, _ = _sentence("في بداية ادارة كلينتون")
    at = later.index("كلينتون")
    memory = NameMemory(parts="surnames", min_support=0.003)
    memory.observe(first, _only(first, first_gold, "بيل كلينتون"))
    asked: list[tuple[int, str]] = []

    def support(level: float) -> Callable[[int, str], float]:
        def ask(i: int, kind: str) -> float:
            asked.append((i, kind))
            return level

        return ask

    assert memory.apply(later, _untagged(later), support(0.001))[at] == "O"
    assert set(asked) == {(at, "PERS")}
    assert memory.apply(later, _untagged(later), support(0.01))[at] == "B-PERS"


def test_an_unsure_name_of_another_type_takes_the_remembered_type() -> None:
    """«واشنطن» seen three times as LOC: where the tagger calls it ORG without conviction, it
    becomes LOC with ``retype_below``; a confident ORG, or the default, is left alone."""
    words, _ = _sentence("بيل كلينتون بانه تجاهل")
    i = words.index("واشنطن")
    as_loc = ["B-LOC" if j == i else "O" for j in range(len(words))]
    as_org = ["B-ORG" if j == i else "O" for j in range(len(words))]
    retyping = NameMemory(parts="words", retype_below=0.7)
    keeping = NameMemory(parts="words", retype_below=0.0)
    for memory in (retyping, keeping):
        for _ in range(3):
            memory.observe(words, as_loc)
    assert retyping.apply(words, as_org, lambda j, kind: 0.4) == as_loc
    assert retyping.apply(words, as_org, lambda j, kind: 0.95) == as_org
    assert retyping.apply(words, as_org) == as_org  # no support given: nothing to judge by
    assert keeping.apply(words, as_org, lambda j, kind: 0.4) == as_org


def test_latin_words_are_never_remembered() -> None:
    """In a technical article a Latin word the tagger once took for a name («JavaScript» as a
    person) is not spread to its other mentions, while Arabic names still are."""
    text = (TEXTS / "mixed-03.ar.txt").read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if "JavaScript" in line)
    words = [t.text for t in tokenize(line)]
    at = words.index("JavaScript")
    labels = ["O"] * len(words)
    labels[at] = "B-PERS"
    memory = NameMemory()
    memory.observe(words, labels)
    assert len(memory) == 0
    assert memory.apply(words, _untagged(words)) == _untagged(words)
    # The same sentence with an Arabic word tagged instead: that one is remembered.
    arabic = next(i for i, w in enumerate(words) if len(w) > 3 and "\u0627" <= w[0] <= "\u064a")
    labels = ["O"] * len(words)
    labels[arabic] = "B-PERS"
    memory.observe(words, labels)
    assert len(memory) == 1
    assert memory.apply(words, _untagged(words))[arabic] == "B-PERS"
