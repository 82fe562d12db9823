"""The topics of a document: its themes, each a set of paragraphs with a label from the text.

Public data (`reader.nlp.topics.model`), what the CLI prints and the app shows:

- `extract_topics(paragraphs, language=None) -> TopicIndex`, for the document's non-blank
  paragraphs in order; raises `TopicsNotSupported` (a one-line message) for a language with no
  word lists, or a text with no Arabic-script words. Persian ("fa") and Urdu ("ur") work like
  Arabic ("ar").
- `TopicIndex.topics`: the themes, most salient first. Each `Topic` has a `label` (a noun
  phrase of one to five words as written in the text, or a name), a `score` (1.0 for the most
  salient theme), `paragraphs` (0-based, ascending: the paragraphs that speak of it, including
  every paragraph whose main or second theme it is), `main_paragraphs` (those whose main theme
  it is) and a `number` (from 0, in the order themes first appear in the text: a stable key
  for a theme's colour or glyph).
- Per paragraph (read-only sequences as long as the document, equal to the tuples of their
  items): `main_topic` / `second_topic` (the label or None) and `main_theme` / `second_theme`
  (the theme's position in `topics`, or None); `theme_of(p)` and `second_theme_of(p)` return
  the `Topic` itself. They are views of two arrays of positions, 4 bytes a paragraph each.
- An empty document, or one without any recurring content word, may have no themes: every
  paragraph then has None. A one-paragraph document has at most a few themes, all on ¶0.

The package, one job per module: `words` (reading words and chunks), `candidates` (phrases and
their salience), `names` (the entity tagger's persons, organisations and places as candidates,
short Arabic texts only; a person's other spelling written as the name,
`spellings`), `sections` (a structured document's headings, or a plain page's heading lines,
as theme evidence),
`themes` (grouping paragraphs into themes, main and second theme), `grouping` (which
phrases make one theme), `segments` (long articles: themes where they are discussed, the title
line, phrases concentrated in one stretch), `lists` (a long article's list: its lead names its
lines), `naming` (labelling the themes and merging those whose labels name one thing),
`labels` (the label of one theme), `wording` (what a written form is besides its letters: a
name with a clause's object after it, a nisba of a noun the theme writes, a glued clitic, an
ordinal cut from its «عشر»), `series` (a phrase written only before numbers names
numbered things, none of them), `verbs` (a form VIII verb that looks like a definite noun,
«التحق», labels nothing), `clauses` (words that only open clauses, such as the
imperative «راجع», are no names),
`appositions` (a description right before a name, tagged or written as one, labels the name's
theme),
`pairs` (two words the text joins with «و» name one theme), `fullnames` (a tagged name
written right after another label's last word is the rest of that person's name),
`aliases` (the other-language names an article's lead gives its subject name the subject's
theme), `nesting` (in a longer text, a bare noun found only where a better one is names part
of its theme), `lexicon` (the measured word kinds that never label a theme), `agreement` (a
word too rare for the lexicon that the text writes as an adjective labels nothing alone),
`stretches` (long documents: themes per stretch of about 600 paragraphs, gathered),
`model` (the result types), `evaluation` (scoring against hand-made gold).
Everything is linear in the text (counts in dictionaries), so the 10 MB test document takes
seconds; the app runs it in a worker thread.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.nlp.language import count_letters, document_language
from reader.nlp.topics.candidates import analyse
from reader.nlp.topics.model import Topic, TopicIndex, TopicsNotSupported, empty_index
from reader.nlp.topics.names import tagged_names
from reader.nlp.topics.sections import heading_sections, plain_headings
from reader.nlp.topics.segments import LONGEST_ARTICLE, title_of, without_title_qualifier
from reader.nlp.topics.stretches import STRETCH, by_stretches
from reader.nlp.topics.themes import build_index
from reader.nlp.topics.words import MAX_WORDS, Classifier, general_frequencies

__all__ = ["MAX_WORDS", "Topic", "TopicIndex", "TopicsNotSupported", "extract_topics"]


def extract_topics(
    paragraphs: Sequence[str],
    language: str | None = None,
    kinds: Sequence[str] | None = None,
) -> TopicIndex:
    """Find the themes of a document given as its non-blank paragraphs.

    ``language`` is "ar", "fa" or "ur"; None detects it from the letters. ``kinds``, the
    blocks' kinds (`reader.text.document.BlockKind`, as long as ``paragraphs``), tells where
    the headings are: each starts a section, evidence for a theme named by the heading
    (`sections`); a plain text that is no article under a title line may have its headings
    kept as bare lines (`sections.plain_headings`). Raises `TopicsNotSupported` for a
    language whose word lists are missing.
    """
    if kinds is not None and len(kinds) != len(paragraphs):
        raise ValueError("kinds must give one kind per paragraph")
    if language is None:
        letters = count_letters(paragraphs)
        if letters.other and not letters.arabic_script:
            raise TopicsNotSupported(
                "topics are not supported for this text: it has no Arabic-script words "
                "(topics know Arabic, Persian and Urdu)"
            )
        language = document_language(paragraphs)
    classifier = Classifier(language, general_frequencies(language))

    def themes_of(stretch: Sequence[str], start: int) -> TopicIndex:
        stretch = without_title_qualifier(stretch)
        analysis = analyse(stretch, language, classifier)
        if not analysis.candidates:
            return empty_index(len(stretch))
        names, spelled, first_names = tagged_names(stretch, language)
        marked: Sequence[str] = ["paragraph"] * len(stretch)
        if kinds is not None:
            marked = kinds[start : start + len(stretch)]
        if (
            "heading" not in marked
            and len(stretch) <= LONGEST_ARTICLE
            and title_of(stretch, language) is None
        ):
            # A plain page's headings kept as bare lines; not an article under its title line
            # (tuned without), nor a collection's stretch (its short lines are titles).
            marked = plain_headings(stretch)
        sections = heading_sections(stretch, marked)
        if not sections:
            return build_index(stretch, analysis, names, (), spelled, first_names)
        return build_index(stretch, analysis, names, sections, spelled, first_names)

    if len(paragraphs) > STRETCH * 3 // 2:
        return by_stretches(paragraphs, themes_of)
    return themes_of(paragraphs, 0)
