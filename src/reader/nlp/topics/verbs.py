"""Verbs that look definite: «التحق» (he joined) is no «ال» + «تحق».

The measured lexicon (`lexicon`) keys every word without its article, so the perfect of a
form VIII verb whose root begins with «ل» («لحق» → «التحق», «لقي» → «التقى», «لزم» → «التزم»)
was counted as a definite noun, and biographies in large-01 labelled themes «التحق» and
«التحقت» («التحق بكلية الحقوق», joined the law school). Such a word is «الت» and the root's
last two letters, with a perfect ending («ت», «ا», «وا») or none; its imperfect, «يلت» and
the same two letters («يلتحق»), is a word of general text (`VERB_ZIPF`), which no definite noun
has: «يلتمر», «يلتبت», «يلتراث» are not words. A noun the two letters make after «ت» and
much more common than the verb keeps the noun reading: «التهم» is mostly «the charges» («تهم»,
Zipf 4.8, against «يلتهم», devours, 3.2), and stays a label.
"""

from __future__ import annotations

from reader.nlp.stem import fold, strip_marks
from reader.nlp.topics.words import Classifier

__all__ = ["VERB_ZIPF", "looks_definite_verb"]

VERB_ZIPF = 3.0
"""How common in general text (Zipf) the imperfect must be: in large-01 the words «التـ» with
two more letters whose imperfect is at least this common are all verbs but «التهم»; the rest
are at the floor (1.5) or near it («يلتين», 2.4, a stem of «تين»)."""

NOUN_MARGIN = 1.0
"""How much more common (Zipf) than the verb the noun after «ت» must be to keep the noun
reading («تهم» 4.8, «يلتهم» 3.2; «تحق» 4.0, «يلتحق» 3.5 is the verb)."""

_ENDINGS = ("", "ت", "ا", "وا")
"""The perfect's endings kept apart from the root: none, «ت» (she), «ا» (the two), «وا» (they)."""


def looks_definite_verb(word: str, classifier: Classifier) -> bool:
    """Whether ``word``, written like a definite noun, is the perfect of a form VIII verb of a
    root beginning with «ل» (Arabic only)."""
    if classifier.language != "ar":
        return False
    folded = fold(strip_marks(word))
    if not folded.startswith("الت"):
        return False
    rest = folded[3:]
    for ending in _ENDINGS:
        if not rest.endswith(ending):
            continue
        letters = rest[: len(rest) - len(ending)]
        if len(letters) == 2:
            verb = classifier.general_zipf("يلت" + letters)
            noun = classifier.general_zipf("ت" + letters)
            return verb >= VERB_ZIPF and noun < verb + NOUN_MARGIN
    return False
