"""Naming themes: each group of phrases gets its label, and groups whose labels name one thing
are merged (step 3 of `themes`).

A theme with no fit label (`labels.choose_label`) is dropped, and a theme whose label names
what a better theme's label names is merged into it: the same stems or one label inside the
other, a noun shared, or only an adjective shared that is not all over the text
(`_one_thing`); a description and the name it stands for (`appositions`), a subject's name in
another language (`aliases`), two words the text pairs with «و» (`pairs`), a bare noun the text
writes as possessed by a name (`possessions`) or found only where a better one is (`nesting`).
Two people sharing a word (`persons`), two sections' headings (`sections`) and, in a long
text, labels kept apart by its title (`segments`) are not merged. The commoner phrase names
the merged theme; a name keeps naming its theme.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.nlp.normalise import normalise
from reader.nlp.stem import fold
from reader.nlp.topics.agreement import Agreement
from reader.nlp.topics.aliases import Aliases
from reader.nlp.topics.appositions import Appositions
from reader.nlp.topics.candidates import Analysis, Candidate
from reader.nlp.topics.clauses import clause_openers
from reader.nlp.topics.flat import FlatText
from reader.nlp.topics.labels import (
    choose_label,
    label_key,
    share_only_qualifiers,
    written_forms,
)
from reader.nlp.topics.lexicon import is_name_like, word_kind
from reader.nlp.topics.names import MAX_CHARACTERS
from reader.nlp.topics.nesting import Nesting
from reader.nlp.topics.pairs import Pairs
from reader.nlp.topics.persons import runs_across_names, surname, two_people
from reader.nlp.topics.possessions import Possessions
from reader.nlp.topics.sections import two_sections
from reader.nlp.topics.segments import Title, another_of_title_kind, apart_from_title

__all__ = ["LABEL_SAMPLE", "name_themes"]

LABEL_SAMPLE = 8
"""How many paragraphs (the first ones) per theme its label forms are read from."""


def name_themes(
    paragraphs: Sequence[str],
    document: FlatText,
    analysis: Analysis,
    members: list[list[Candidate]],
    where: list[set[int]],
    pool: list[Candidate],
    written: dict[tuple[str, ...], str],
    titled: set[tuple[str, ...]],
    pervasive: frozenset[str],
    title: Title | None = None,
    first_names: frozenset[str] = frozenset(),
) -> tuple[list[str], list[list[Candidate]]]:
    """Label the themes; drop the unnamed ones, merge the ones whose labels name one thing.
    A theme holding a heading's phrase (``titled``) tries the heading's words first;
    ``pervasive`` keys (`labels.pervasive_keys`) shared tell nothing; a long text's ``title``
    keeps apart a label sharing only its dependent nouns (`segments.apart_from_title`) and
    another of the kind a part of it names (`segments.another_of_title_kind`). A theme
    still named by a description of a tagged person who is no theme
    (`Appositions.describes`) is dropped."""
    position = {c.keys: i for i, c in enumerate(pool)}
    member_of = {m.keys: t for t, group in enumerate(members) for m in group}
    sample = {
        t: sorted(set().union(*(where[position[m.keys]] for m in group)))[:LABEL_SAMPLE]
        for t, group in enumerate(members)
    }
    agreement = Agreement() if analysis.language == "ar" else None
    forms = written_forms(member_of, paragraphs, sample, analysis.classifier, agreement)
    for phrase, name in written.items():  # a name is written as the tagger names it
        forms[phrase][name] += 1 + max(forms[phrase].values(), default=0)
    openers = clause_openers(paragraphs, analysis.language)
    openers -= {fold(n.split()[0]) for n in written.values()}
    for counter in forms.values():  # «زكريا أحمد لأم كلثوم» is two names (`persons`)
        for form in [f for f in counter if runs_across_names(f) or fold(f.split()[0]) in openers]:
            del counter[form]  # «راجع» ("see") only ever opens a clause: no name (`clauses`)
        for form in [f for f in counter if fold(f) in first_names]:
            del counter[form]  # «لويس» of «لويس فيليب» and «لويس إرنست فالونتان»
    labels: list[str] = []
    kept: list[list[Candidate]] = []
    keys: list[tuple[frozenset[str], frozenset[str], frozenset[str]]] = []
    counts: list[int] = []  # per theme, how often its label's phrase occurs
    unnamed: list[list[Candidate]] = []  # themes with no fit label
    appositions = Appositions(document, {n for k, n in written.items() if k not in titled})
    pairs = Pairs(paragraphs)
    aliases = Aliases(paragraphs, 1, title[1] if title is not None else None)
    nesting = Nesting(len(paragraphs))
    # Possessions, names the tagger missed and numbered series read the running text word by
    # word: like the tagger's names (`names.MAX_CHARACTERS`), only in a short document (a 2 MB
    # line grew `reader topics` by 16 bytes per byte of text with the first two, 24 with the
    # series' flattened copy, against a bound of 18: tests/reliability/test_memory_bounds.py).
    short = sum(len(p) for p in paragraphs) <= MAX_CHARACTERS
    possessions = Possessions(paragraphs) if analysis.language == "ar" and short else None
    numbered_text = document if short else None  # `series` reads the flattened text too
    names = frozenset(written.values())
    people = frozenset(n for k, n in written.items() if k not in titled)
    headed = frozenset(written[k] for k in titled)
    language = analysis.language
    for group in members:
        heads = [m for m in group if m.keys in titled]
        label = (
            heads
            and choose_label(heads, forms, analysis.classifier, names, agreement, numbered_text)
        ) or choose_label(group, forms, analysis.classifier, names, agreement, numbered_text)
        if label is None:
            unnamed.append(group)
            continue
        words = frozenset(normalise(w) for w in label.split())
        stems = label_key(label, language)
        nouns = label_key(
            " ".join(w for w in label.split() if word_kind(w, language) != "adjective"), language
        )
        mine = (words, stems, nouns)
        same = next(
            (
                t
                for t, theirs in enumerate(keys)
                if not another_of_title_kind(title, labels[t], label, language)
                and not two_people(labels[t], label, people, language)
                and not another_of_title_kind(title, label, labels[t], language)
                and not two_sections(label, labels[t], headed, language)
                and _one_thing(theirs, mine, title, pervasive)
            ),
            None,
        )
        if short and is_name_like(label, language):
            appositions.add_label(label)
        described = False  # merged as a description of a name, or the name of a description
        if same is None:
            same = appositions.match(label, labels)
            described = same is not None
            if same is not None and appositions.is_name(label):
                labels[same], keys[same] = label, (words, stems, nouns)
        if same is None:
            same = aliases.match(label, labels, language)
            described = same is not None  # the subject's label keeps naming its theme
            if same is not None and not aliases.is_alias(label):
                labels[same], keys[same] = label, (words, stems, nouns)
        if same is None:
            same = pairs.match(label, labels)
        found = set().union(*(where[position[m.keys]] for m in group))
        if same is None and possessions is not None:
            same = possessions.match(label, found, labels, nesting.found, appositions.is_name)
            described = same is not None  # the name keeps naming its theme
        if same is None:
            same = nesting.match(label, found, group[0].score, labels, [k[0].score for k in kept])
        nesting.add(len(labels) if same is None else same, found)
        if same is not None:
            kept[same].extend(group)
            old = keys[same][1]
            if not described and (
                (len(stems) > len(old) and old <= stems)
                or (not (old <= stems or stems <= old) and group[0].count > counts[same])
            ):
                # A phrase and its part («الأمن», «التحديات الأمنية»): the phrase names the
                # theme, more specific than the bare word; of two phrases sharing a word, the
                # commoner.
                labels[same] = label
                keys[same] = (words, stems, nouns)
                counts[same] = group[0].count
                # The new label may name what another theme names too: «لغة سي» took the
                # theme of «سي», and «اللغة» is a part of it.
                while (
                    other := next(
                        (
                            u
                            for u, theirs in enumerate(keys)
                            if u != same and _one_thing(theirs, keys[same], title, pervasive)
                        ),
                        None,
                    )
                ) is not None:
                    same = _fold(other, same, labels, kept, keys, counts, nesting)
            continue
        labels.append(label)
        kept.append(list(group))
        keys.append((words, stems, nouns))
        counts.append(group[0].count)
    # «نجم» (a star) alone is the surname of «أحمد فؤاد نجم» (`persons.surname`).
    surnames: dict[frozenset[str], int] = {}
    for t, label in enumerate(labels):
        surnames.setdefault(surname(label, language), t)
    surnames.pop(frozenset(), None)
    for group in unnamed:
        home = surnames.get(group[0].stems)
        if home is not None:
            kept[home].extend(group)
    named = [t for t, label in enumerate(labels) if not appositions.describes(label)]
    if short:  # «المد» written «المد والجزر» (the tide) is labelled so (`pairs`)
        labels = [pairs.fixed_pair(label) or label for label in labels]
    return [labels[t] for t in named], [kept[t] for t in named]


def _one_thing(
    theirs: tuple[frozenset[str], frozenset[str], frozenset[str]],
    mine: tuple[frozenset[str], frozenset[str], frozenset[str]],
    title: Title | None,
    pervasive: frozenset[str],
) -> bool:
    """Whether two labels, each as its words, stems and the stems of its nouns, name one
    thing: the same stems or one's inside the other's, one's words inside the other's, a
    noun shared, or only an adjective shared that is not all over the text (``pervasive``);
    a long text's ``title`` keeps apart labels sharing only its dependent nouns."""
    (w, s, n), (words, stems, nouns) = theirs, mine
    return (
        s <= stems
        or stems <= s
        or (
            not apart_from_title(title, s, stems)
            and (
                w <= words
                or words <= w
                or bool(n & nouns)
                or share_only_qualifiers((s & stems) - pervasive, n | nouns)
            )
        )
    )


def _fold(
    other: int,
    theme: int,
    labels: list[str],
    kept: list[list[Candidate]],
    keys: list[tuple[frozenset[str], frozenset[str], frozenset[str]]],
    counts: list[int],
    nesting: Nesting,
) -> int:
    """Merge theme ``other`` into theme ``theme``, which keeps its label, at the better
    (earlier) of the two places; return that place."""
    first, last = min(other, theme), max(other, theme)
    kept[first] = kept[first] + kept[last]  # the better theme's head first, as when merging
    labels[first], keys[first], counts[first] = labels[theme], keys[theme], counts[theme]
    nesting.found[first] = nesting.found[first] | nesting.found[last]
    for table in (labels, kept, keys, counts, nesting.found):
        del table[last]
    return first
