"""A plain text whose headings were kept as bare lines (`sections.plain_headings`), on the MDN
JavaScript shell page (mixed-03, converted from HTML; licence in
shared/data/texts/PROVENANCE.md): its headings start sections like a Markdown file's, and two
sections' headings sharing a word stay two themes (`sections.two_sections`)."""

from __future__ import annotations

from topic_texts import GOLD_TEXTS, TEXTS, jaccard, paragraphs_of

from reader.nlp.normalise import normalise
from reader.nlp.topics import extract_topics
from reader.nlp.topics.sections import plain_headings, two_sections


def test_headings_of_a_converted_page() -> None:
    """mixed-03: «تشغيل قشرة JavaScript», «خيارات سطر الأوامر», «خيارات البيئة» and «وظائف
    مدمجة» are headings; the command shown after a colon («شبيبة», the machine-translated
    `js`), the option lines («-c, --compileonly») and the prose are not."""
    paragraphs = paragraphs_of(TEXTS / "mixed-03.ar.txt")
    kinds = plain_headings(paragraphs)
    headings = {n: paragraphs[n] for n, kind in enumerate(kinds) if kind == "heading"}
    for heading in ("تشغيل قشرة JavaScript", "خيارات سطر الأوامر", "خيارات البيئة"):
        assert heading in headings.values()
    assert paragraphs[7] == "شبيبة" and 7 not in headings
    assert paragraphs[17] == "-c, --compileonly" and 17 not in headings
    assert all(len(text.split()) <= 5 for text in headings.values())


def test_articles_and_news_have_no_plain_headings() -> None:
    """A news text and a Wikipedia article of the gold have no line read as a heading."""
    for path in (TEXTS / "news-04.ar.txt", GOLD_TEXTS / "wiki-pasteur.ar.txt"):
        assert set(plain_headings(paragraphs_of(path))) == {"paragraph"}, path.name


def test_sections_of_a_plain_page_are_themes() -> None:
    """mixed-03: the command-line options (¶15–37) and the environment options (¶38–43) were
    no themes (the options' lines never name them) or one theme of both («خيارات»)."""
    paragraphs = paragraphs_of(TEXTS / "mixed-03.ar.txt")
    by_label = {normalise(t.label): t for t in extract_topics(paragraphs).topics}
    options = by_label[normalise("خيارات سطر الأوامر")]
    assert jaccard(set(options.paragraphs), set(range(15, 38))) >= 0.5
    environment = by_label[normalise("خيارات البيئة")]
    assert jaccard(set(environment.paragraphs), set(range(38, 44))) >= 0.5


def test_two_sections() -> None:
    """Two headings sharing a word are two sections; one inside the other names one thing,
    and a label that is no heading is not concerned."""
    headings = frozenset({"خيارات سطر الأوامر", "خيارات البيئة", "معبد ديبود", "معبد ديبود بمدريد"})
    assert two_sections("خيارات سطر الأوامر", "خيارات البيئة", headings, "ar")
    assert not two_sections("معبد ديبود", "معبد ديبود بمدريد", headings, "ar")
    assert not two_sections("خيارات سطر الأوامر", "الخيارات", headings, "ar")
