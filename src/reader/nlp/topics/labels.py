"""Labels: the written form that names a theme.

A theme's label phrase is known by its keys (stems); the label shown is the best way the text
writes it, read in a few of the theme's paragraphs.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from reader.nlp.stem import fold
from reader.nlp.topics.words import Classifier, chunks, phrases


def written_labels(
    label_keys: dict[tuple[str, ...], int],
    paragraphs: Sequence[str],
    where: dict[int, list[int]],
    classifier: Classifier,
) -> dict[int, str]:
    """Name each topic by the best written form of its label phrase (``label_keys`` maps the
    phrase to the topic), read in the paragraphs ``where`` lists for it: a definite form names
    a subject best («الشركة» over «شركته»), then one with more words in their base form
    («الأمن» over «الأمني»), then the commonest form. Each paragraph is read once, whatever the
    number of topics in it."""
    forms: dict[int, Counter[str]] = defaultdict(Counter)
    wanted: dict[int, set[int]] = defaultdict(set)
    for topic, numbers in where.items():
        for number in numbers:
            wanted[number].add(topic)
    for number in sorted(wanted):
        text = paragraphs[number]
        for chunk, spans in chunks(text, classifier):
            for first, stop in phrases(chunk):
                topic = label_keys.get(chunk[first:stop], -1)
                if topic not in wanted[number]:
                    continue
                start, end = spans[first]
                head = classifier.word(text[start:end])
                assert head is not None  # every word in a chunk was classified
                forms[topic][head.head + text[end : spans[stop - 1][1]]] += 1

    def preference(item: tuple[str, int]) -> tuple[bool, int, int, str]:
        form, count = item
        return form.startswith("ال"), base_words(form, classifier), count, form

    return {topic: max(counter.items(), key=preference)[0] for topic, counter in forms.items()}


def base_words(form: str, classifier: Classifier) -> int:
    """How many words of ``form`` are written in their base form: nothing but the article
    around the stem («الأمن», not the adjective «الأمني»; «الشركة» is as close as it gets)."""
    base = 0
    for written in form.split():
        word = classifier.word(written)
        if word is None:
            continue
        bare = fold(word.head)
        if bare.startswith("ال") and len(bare) > 3:
            bare = bare[2:]
        base += bare == word.key
    return base
