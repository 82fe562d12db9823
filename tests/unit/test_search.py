"""Arabic-aware search: hits ignore harakat and tatweel, fold spelling variants, and map back to the
original paragraph text exactly."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.search import Hit, find, normalise
from reader.text.document import Document

TEXTS = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "texts"


def paragraphs_of(name: str) -> list[str]:
    """The paragraphs of a shared real text, as the Document model splits them."""
    document = Document.from_text((TEXTS / name).read_text(encoding="utf-8"), name)
    return [paragraph.text for paragraph in document.paragraphs]


def shown(paragraphs: list[str], hit: Hit) -> str:
    """The original text a hit covers."""
    return paragraphs[hit.paragraph][hit.start : hit.end]


def test_unvoweled_query_finds_voweled_word() -> None:
    """«الكهف» typed without harakat finds «الْكَهْفِ» in the fully diacritised sura."""
    paragraphs = paragraphs_of("diacritics-01.ar.txt")
    hits = find(paragraphs, "الكهف")
    texts = [shown(paragraphs, hit) for hit in hits]
    assert "الْكَهْفِ" in texts
    # كَهْفِهِمْ holds no ال, so only the four «الْكَهْفِ» match (each with its final kasra).
    assert texts.count("الْكَهْفِ") == 4
    assert len(hits) == 4


def test_alef_wasla_folds_to_alef() -> None:
    """The Uthmani text writes «ٱلْكَهْفِ» with alef wasla: the plain query finds it too."""
    paragraphs = paragraphs_of("diacritics-02.ar.txt")
    texts = [shown(paragraphs, hit) for hit in find(paragraphs, "الكهف")]
    assert texts == ["ٱلْكَهْفِ"] * 4


def test_hit_end_includes_trailing_marks() -> None:
    """A hit ending on a letter ends after that letter's harakat, not before them."""
    paragraph = "قَالَ الْكَاتِبُ"
    (hit,) = find([paragraph], "كاتب")
    assert paragraph[hit.start : hit.end] == "كَاتِبُ"
    assert hit.end == len(paragraph)


@pytest.mark.parametrize(
    "name", ["news-01.ar.txt", "news-04.ar.txt", "news-07.ar.txt", "diacritics-03.ar.txt"]
)
def test_hits_map_back_to_the_query(name: str) -> None:
    """For every word of a real text, each hit's original span normalises to the query."""
    paragraphs = paragraphs_of(name)
    words = {word for paragraph in paragraphs[:6] for word in paragraph.split() if len(word) > 2}
    assert words
    for word in sorted(words):
        hits = find(paragraphs, word)
        assert hits, word  # the word itself is in the text
        for hit in hits:
            assert normalise(shown(paragraphs, hit)) == normalise(word)


def test_hits_are_in_reading_order_and_counted_per_occurrence() -> None:
    """Hits come paragraph by paragraph, left to right in logical order, without overlaps."""
    paragraphs = paragraphs_of("news-01.ar.txt")
    hits = find(paragraphs, "الائتلاف")
    expected = sum(normalise(paragraph).count(normalise("الائتلاف")) for paragraph in paragraphs)
    assert len(hits) == expected > 3
    keys = [(hit.paragraph, hit.start) for hit in hits]
    assert keys == sorted(keys)
    for before, after in pairwise(hits):
        assert before.paragraph < after.paragraph or before.end <= after.start


@pytest.mark.parametrize(
    ("text", "query"),
    [
        ("أحمد", "احمد"),
        ("إسطنبول", "اسطنبول"),
        ("آمال", "امال"),
        ("ٱلرحيم", "الرحيم"),
        ("احمد", "أحمد"),  # the query is folded the same way
        ("مستشفى", "مستشفي"),
        ("مستشفي", "مستشفى"),
        ("المدرسة", "المدرسه"),
        ("المدرسه", "المدرسة"),
        ("مسؤول", "مسئول"),  # hamza on waw, typed on yeh
        ("مسئول", "مسؤول"),
        ("شيئا", "شيءا"),  # hamza on yeh, typed on the line
        ("مؤتمر", "مءتمر"),
    ],
)
def test_spelling_variants_fold(text: str, query: str) -> None:
    """Hamza-seated and wasla alefs, alef maqsura and taa marbuta match their plain forms."""
    assert find([f"في {text} اليوم"], query) == [Hit(0, 3, 3 + len(text))]


def test_hamza_seats_fold_in_real_texts() -> None:
    """«المسئولان» finds the default article's «المسؤولان»; «مئتمر» every «مؤتمر» of news-07,
    exactly where the seat the text uses is found, and nothing else."""
    article = Document.from_text(
        (Path(__file__).resolve().parents[2] / "assets" / "article.ar.txt").read_text("utf-8")
    )
    paragraphs = [p.text for p in article.paragraphs]
    assert find(paragraphs, "المسئولان") == find(paragraphs, "المسؤولان")
    assert [shown(paragraphs, h) for h in find(paragraphs, "المسئولان")] == ["المسؤولان"]
    news = paragraphs_of("news-07.ar.txt")
    hits = find(news, "مئتمر")
    assert hits == find(news, "مؤتمر") == find(news, "مءتمر")
    assert len(hits) == sum(p.count("مؤتمر") for p in news) > 0


def test_tatweel_is_ignored_on_both_sides() -> None:
    """A stretched word matches its plain spelling, and a stretched query the plain text."""
    paragraph = "قال الكـــاتب كلمته"
    (hit,) = find([paragraph], "الكاتب")
    assert paragraph[hit.start : hit.end] == "الكـــاتب"
    (hit,) = find(["قال الكاتب كلمته"], "الكـاتـب")
    assert (hit.start, hit.end) == (4, 10)


def test_latin_is_case_insensitive() -> None:
    """Latin letters match regardless of case, including a case fold that changes length."""
    paragraphs = ["أعلن موقع Facebook اليوم", "FACEBOOK و facebook", "Straße"]
    hits = find(paragraphs, "faceBOOK")
    assert [(hit.paragraph, shown(paragraphs, hit)) for hit in hits] == [
        (0, "Facebook"),
        (1, "FACEBOOK"),
        (1, "facebook"),
    ]
    (hit,) = find(paragraphs, "STRASSE")
    assert shown(paragraphs, hit) == "Straße"


@pytest.mark.parametrize("query", ["", "\u064e\u0651", "\u0640\u0640"])
def test_query_with_nothing_to_match_finds_nothing(query: str) -> None:
    """An empty query, or one holding only harakat or tatweel, gives no hits."""
    assert find(paragraphs_of("news-01.ar.txt"), query) == []


def test_no_match_across_paragraphs() -> None:
    """The end of one paragraph and the start of the next are not one phrase."""
    assert find(["كلمة أولى", "ثانية"], "أولى ثانية") == []
    assert find(["كلمة أولى", "ثانية"], "أولى\nثانية") == []


def test_large_document_is_searchable() -> None:
    """The 10 MB text: hits in paragraphs far down map back exactly."""
    document = Document.from_text((TEXTS / "large-01.ar.txt").read_text(encoding="utf-8"))
    paragraphs = [paragraph.text for paragraph in document.paragraphs]
    hits = find(paragraphs, "النوبة")
    assert len(hits) > 10
    assert hits[-1].paragraph > len(paragraphs) // 10
    for hit in hits:
        assert normalise(shown(paragraphs, hit)) == "النوبه"


arabic_letters = st.sampled_from("ابتثجحخدذرسشصضطظعغفقكلمنهويءأإآٱىة")
marks = st.sampled_from("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0640")


@given(
    st.lists(st.tuples(arabic_letters, st.lists(marks, max_size=2)), min_size=1, max_size=12),
    st.integers(min_value=0, max_value=11),
    st.integers(min_value=1, max_value=5),
)
def test_any_slice_of_a_word_is_found_where_it_is(
    word: list[tuple[str, list[str]]], first: int, length: int
) -> None:
    """Take letters [first, first+length) of a voweled word: searching their bare form finds a
    hit that starts at that letter and covers it with its marks."""
    first = min(first, len(word) - 1)
    chosen = word[first : first + length]
    text = "".join(letter + "".join(ms) for letter, ms in word)
    query = "".join(letter for letter, _ in chosen)
    start = sum(1 + len(ms) for _, ms in word[:first])
    end = start + sum(1 + len(ms) for _, ms in chosen)
    hits = find([text], query)
    assert Hit(0, start, end) in hits or any(hit.start < start for hit in hits)
    for hit in hits:
        assert normalise(text[hit.start : hit.end]) == normalise(query)
