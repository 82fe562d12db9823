"""How the text words a label: what a written form is besides its letters.

`labels.choose_label` reads a theme's written forms in order of preference and takes the first
fit one. These tests tell a form that reads like a name but is the text's grammar around one:
a tagged name with the noun after it (a clause's subject and object), a nisba standing for the
noun it is made from, a preposition or conjunction glued to a word, and an ordinal cut from its
«عشر». Each was found reading `reader topics` on large-01 articles never tuned on; each is
tested on those articles (`tests/unit/nlp/test_topic_labels.py`).
"""

from __future__ import annotations

from collections import Counter

from reader.nlp.stem import fold
from reader.nlp.topics.flat import FlatText, flat
from reader.nlp.topics.lexicon import (
    LATER_ORDINALS,
    ORDINALS,
    bare_form,
    is_definite,
    word_kind,
)
from reader.nlp.topics.words import CLITIC_LETTERS

__all__ = [
    "glued_preposition",
    "in_a_name",
    "name_and_object",
    "nisba_of",
    "unglued",
    "with_teen",
]


_TEENS = frozenset({"عشر", "عشره"})
"""«عشر», «عشرة»: the second word of the ordinals 11th to 19th («التاسع عشر»)."""


def with_teen(form: str, document: FlatText) -> str:
    """``form`` with the «عشر» the text writes after its last word, an ordinal, most of the
    time: a number word is a stop word, so «القرن التاسع عشر» (the 19th century) was cut to
    «القرن التاسع» (the 9th) in three large-01 articles."""
    words = form.split()
    if len(words) < 2 or bare_form(words[-1]) not in ORDINALS | LATER_ORDINALS:
        return form  # an ordinal alone is none of its names («الرابع» of «لويس الرابع عشر»)
    after = document.words_after(form)
    teens = [word for word in after if fold(word) in _TEENS]
    if 2 * len(teens) <= len(after):
        return form
    return f"{form} {Counter(teens).most_common(1)[0][0]}"


def glued_preposition(form: str) -> bool:
    """Whether one word without the article is «ب» (by, with) or «ك» (as) glued to a word the
    lexicon measured as a noun: the classifier cuts a clitic off only where the rest is clearly
    commoner than the whole, so «بزعامة» (led by) stayed one word, and labelled a theme of
    fifteen paragraphs in large-01's article on the Islamic State. A name the tagger found is
    none («كمال»), so this is asked only of a short text, whose names the tagger found."""
    folded = fold(form)
    return (
        len(folded) > 4
        and folded[0] in "بك"
        and not is_definite(form)
        and word_kind(form) is None
        and word_kind(folded[1:]) in ("common", "noun", "filler")
    )


def unglued(form: str, document: FlatText) -> str:
    """``form`` without a conjunction or preposition glued to its first word when the text
    also writes the rest on its own: the classifier cuts a clitic off only a word it knows
    (`words.CLITIC_REST_ZIPF`), so a foreign name keeps it, and the Simona Halep article
    (large-01) had a theme «لسيمونا» (for Simona) beside «سيمونا هاليب». A word the lexicon
    measured, or a rest it measured («فيصل» is no «ف» + «يصل», arrives), is left whole."""
    words = form.split()
    first = words[0]
    if (
        len(first) <= 3
        or first[0] not in CLITIC_LETTERS
        or first.startswith("ال")
        or word_kind(first) is not None
        or word_kind(first[1:]) is not None
    ):
        return form
    rest = " ".join([first[1:], *words[1:]])
    return rest if document.writes(flat(rest)) else form


def nisba_of(form: str, bases: set[str]) -> bool:
    """Whether ``form`` is one definite word, a nisba («الفرويدي», Freudian) of a word its
    theme writes too («فرويد»): the adjective made from the noun, not the noun. A definite
    form outranks a bare one as a label, so Freud's theme in large-01's Otto Rank article was
    «الفرويدي» (written once) over «فرويد» (nine times)."""
    if " " in form or not is_definite(form):
        return False
    bare = bare_form(form)
    base = bare[:-1]
    if len(base) >= 4 and base[-2] == "ا":
        return False  # «الأغاني» of «أغان»: a plural whose «ي» the article brings back
    return len(bare) > 3 and bare.endswith("ي") and base in bases


def name_and_object(words: list[str], names: frozenset[str]) -> bool:
    """Whether a label is one of the tagger's names followed by a common noun without the
    article that is no word of a name: a name heads no iḍāfa, so the noun is what the person
    did something to, the rest of a clause whose verb came before («ولدت ستيلا ... أطلقت ستيلا
    مجموعة», Stella [launched] a collection)."""
    folded = {fold(name) for name in names}
    for k in range(1, len(words)):
        if fold(" ".join(words[:k])) not in folded:
            continue
        after = words[k]
        if (
            not is_definite(after)
            and word_kind(after) in ("common", "noun")
            and not in_a_name(after, names)
        ):
            return True
    return False


def in_a_name(form: str, names: frozenset[str]) -> bool:
    """Whether ``form`` is a word of one of the tagger's names: a surname with the article is
    written after a title as an adjective is after its noun («الشيخ الحريري»), and is none."""
    folded = fold(form)
    return any(folded == fold(word) for name in names for word in name.split())
