"""Canonical names: clitics cut only when certain, variants grouped, no false merges, joins."""

from __future__ import annotations

import pytest

from reader.nlp.entities import EntityIndex, Mention
from reader.nlp.entities.canonical import NISBA, group_mentions, strip_proclitic
from reader.nlp.normalise import normalise


def mentions_of(*items: tuple[str, str]) -> list[Mention]:
    """Mentions ``(type, text)``, one per paragraph, in document order."""
    return [Mention(i, 0, len(text), text, kind) for i, (kind, text) in enumerate(items)]


def names(*items: tuple[str, str]) -> list[tuple[str, str, int]]:
    """``(type, name, number of mentions)`` of the entities the mentions make."""
    index = EntityIndex()
    index.add(mentions_of(*items))
    return [(e.type, e.name, len(e.mentions)) for e in index.entities()]


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["وإسبانيا"], ["إسبانيا"]),
        (["لمنظمة", "الإنتربول"], ["منظمة", "الإنتربول"]),
        (["بتركيا"], ["تركيا"]),
        (["والمغرب"], ["المغرب"]),
        (["بالرباط"], ["الرباط"]),
        (["لأنقرة"], ["أنقرة"]),
        (["للأمن", "الوطني"], ["الأمن", "الوطني"]),
        (["وبلجيكا"], ["بلجيكا"]),
        (["فالمملكة", "المغربية"], ["المملكة", "المغربية"]),
    ],
)
def test_proclitics_are_cut_when_the_rest_is_certainly_a_word(
    words: list[str], expected: list[str]
) -> None:
    assert strip_proclitic(words) == expected


@pytest.mark.parametrize(
    "word",
    ["بلال", "كمال", "وليد", "فريد", "بدر", "لبنى", "كأس", "بلجيكا", "فلسطين", "لبنان", "والي"],
)
def test_real_first_letters_are_kept(word: str) -> None:
    assert strip_proclitic([word]) == [word]


def test_the_document_can_vouch_for_a_stripped_name() -> None:
    assert strip_proclitic(["وديميرتاش"]) == ["وديميرتاش"]
    assert strip_proclitic(["وديميرتاش"], frozenset({normalise("ديميرتاش")})) == ["ديميرتاش"]


def test_a_name_cut_after_the_l_of_ll_is_the_definite_name_the_document_writes() -> None:
    """wiki-imf: «للمجلس التنفيذي» is highlighted from its second letter («ل» + «المجلس»,
    the article's alef unwritten), and was listed apart as «لمجلس التنفيذي»; written
    elsewhere as «المجلس التنفيذي», it is that entity. Without the definite name, no guess:
    «لبنان» keeps its «ل»."""
    assert names(("ORGANIZATION", "المجلس التنفيذي"), ("ORGANIZATION", "لمجلس التنفيذي")) == [
        ("ORGANIZATION", "المجلس التنفيذي", 2)
    ]
    imf = mentions_of(("ORGANIZATION", "لمجلس التنفيذي"))
    assert [g.name for g in group_mentions(imf)] == ["لمجلس التنفيذي"]
    assert names(("LOCATION", "لبنان"), ("LOCATION", "البنك"))[0][1] == "لبنان"


def test_a_word_taken_into_a_name_once_does_not_name_the_person() -> None:
    """news-08: the tagger read «غنى مارسيل خليفة» ("Marcel Khalifa sang") once, and the
    panel named him so, beside «مارسيل خليفة» written four times. A father's name after
    «بن» is no such word («مجاعة بن مرارة»), and a name written once stays the longest."""
    sang = [("PERSON", "مارسيل خليفة")] * 4 + [("PERSON", "غنى مارسيل خليفة")]
    assert names(*sang) == [("PERSON", "مارسيل خليفة", 5)]
    linked = [("PERSON", "بن مرارة")] * 2 + [("PERSON", "مجاعة بن مرارة")]
    assert names(*linked)[0][1] == "مجاعة بن مرارة"
    once = [("PERSON", "مارسيل خليفة"), ("PERSON", "غنى مارسيل خليفة")]
    assert names(*once)[0][1] == "غنى مارسيل خليفة"


def test_harakat_are_kept_when_the_clitic_is_cut() -> None:
    assert strip_proclitic(["وَإِسْبَانْيَا"]) == ["إِسْبَانْيَا"]


def test_spelling_variants_are_one_entity_shown_as_first_written() -> None:
    assert names(("PERSON", "أحمد"), ("PERSON", "احمد"), ("PERSON", "أَحْمَد")) == [
        ("PERSON", "أحمد", 3)
    ]
    assert names(("PERSON", "مصطفي"), ("PERSON", "مصطفى")) == [("PERSON", "مصطفي", 2)]
    assert names(("LOCATION", "مكة"), ("LOCATION", "مكه")) == [("LOCATION", "مكة", 2)]


def test_display_keeps_harakat_and_alef_maqsura() -> None:
    assert names(("PERSON", "مُصْطَفَى")) == [("PERSON", "مُصْطَفَى", 1)]


def test_function_words_never_become_entities() -> None:
    # «على» (on) folds to «علي» (Ali) but is a preposition: it is dropped, not merged.
    assert names(("PERSON", "علي"), ("PERSON", "على"), ("LOCATION", "في")) == [("PERSON", "علي", 1)]
    assert names(("ORGANIZATION", "على")) == []


def test_a_surname_joins_the_full_name_seen_earlier() -> None:
    assert names(("PERSON", "عبد اللطيف حموشي"), ("PERSON", "حموشي"), ("PERSON", "وحموشي")) == [
        ("PERSON", "عبد اللطيف حموشي", 3)
    ]


def test_a_surname_shared_by_two_people_stays_apart() -> None:
    found = names(("PERSON", "أحمد الجربا"), ("PERSON", "محمد الجربا"), ("PERSON", "الجربا"))
    assert sorted(found) == [
        ("PERSON", "أحمد الجربا", 1),
        ("PERSON", "الجربا", 1),
        ("PERSON", "محمد الجربا", 1),
    ]


def test_formal_and_short_country_names_are_one_entity() -> None:
    assert names(("LOCATION", "المغرب"), ("LOCATION", "المملكة المغربية")) == [
        ("LOCATION", "المغرب", 2)
    ]
    assert names(("ORGANIZATION", "الجمهورية التركية"), ("LOCATION", "بتركيا")) == [
        ("LOCATION", "تركيا", 2)
    ]
    # with no short form in the text, the formal name is shown as written
    assert names(("LOCATION", "المملكة العربية السعودية")) == [
        ("LOCATION", "المملكة العربية السعودية", 1)
    ]


def test_nisba_adjectives_link_to_their_country_and_are_not_entities() -> None:
    index = EntityIndex()
    index.add(
        mentions_of(
            ("LOCATION", "تركيا"),
            (NISBA, "التركية"),
            ("LOCATION", "التركي"),  # a tagger's LOC on a bare nisba is an adjective too
            (NISBA, "المغربي"),  # Morocco is never named: nothing to attach to
        )
    )
    (turkey,) = index.entities()
    assert (turkey.type, turkey.name, len(turkey.mentions)) == ("LOCATION", "تركيا", 1)
    assert [m.text for m in turkey.adjectives] == ["التركية", "التركي"]


def test_a_country_name_that_is_also_a_nisba_stays_a_country() -> None:
    assert names(("LOCATION", "السعودية")) == [("LOCATION", "السعودية", 1)]


def test_an_organisation_without_its_head_joins_the_full_name() -> None:
    assert names(("ORGANIZATION", "لمنظمة الإنتربول"), ("ORGANIZATION", "الإنتربول")) == [
        ("ORGANIZATION", "منظمة الإنتربول", 2)
    ]


def test_a_cut_short_event_joins_the_one_longer_event() -> None:
    assert names(("EVENT", "المعرض الدولي لتجهيزات الأمن الداخلي"), ("EVENT", "المعرض الدولي")) == [
        ("EVENT", "المعرض الدولي لتجهيزات الأمن الداخلي", 2)
    ]


def test_one_name_tagged_with_two_types_is_one_entity_of_the_majority_type() -> None:
    assert names(
        ("ORGANIZATION", "الإنتربول"), ("LOCATION", "الإنتربول"), ("ORGANIZATION", "الإنتربول")
    ) == [("ORGANIZATION", "الإنتربول", 3)]


def test_entities_sorted_by_type_then_first_mention() -> None:
    found = names(
        ("DATE", "عام 2030"),
        ("LOCATION", "أنقرة"),
        ("PERSON", "محمود ديميرتاش"),
        ("EVENT", "IGEF 2025"),
        ("LOCATION", "تركيا"),
        ("ORGANIZATION", "جهاز الشرطة"),
        ("MISC", "الإسلام"),
    )
    assert [kind for kind, _, _ in found] == [
        "PERSON",
        "LOCATION",
        "LOCATION",
        "ORGANIZATION",
        "EVENT",
        "DATE",
        "MISC",
    ]
    assert [name for _, name, _ in found][1:3] == ["أنقرة", "تركيا"]


def test_groups_point_back_at_every_mention_once() -> None:
    mentions = mentions_of(
        ("PERSON", "عبد اللطيف حموشي"),
        ("LOCATION", "تركيا"),
        ("PERSON", "حموشي"),
        (NISBA, "التركية"),
    )
    groups = group_mentions(mentions)
    members = sorted(i for g in groups for i in [*g.members, *g.adjectives])
    assert members == [0, 1, 2, 3]


def test_a_lone_first_name_joins_the_one_full_name_it_starts() -> None:
    assert names(("PERSON", "مارك زوكربيرغ"), ("PERSON", "مارك"), ("PERSON", "زوكربيرغ")) == [
        ("PERSON", "مارك زوكربيرغ", 3)
    ]
    # two people called محمد: the lone first name stays on its own
    found = names(("PERSON", "محمد علي"), ("PERSON", "محمد صلاح"), ("PERSON", "محمد"))
    assert ("PERSON", "محمد", 1) in found


def test_nested_partial_names_all_reach_the_full_name() -> None:
    found = names(("PERSON", "عبد اللطيف حموشي"), ("PERSON", "اللطيف حموشي"), ("PERSON", "حموشي"))
    assert found == [("PERSON", "عبد اللطيف حموشي", 3)]


def test_a_glued_and_is_cut_from_a_person_in_a_list_but_not_from_a_name() -> None:
    assert names(("PERSON", "ودانييلي كاستاديلو")) == [("PERSON", "دانييلي كاستاديلو", 1)]
    assert names(("PERSON", "وليد جنبلاط")) == [("PERSON", "وليد جنبلاط", 1)]
    # a word the document uses again as is («واتس آب») keeps its «و»; ties go to the first type
    assert names(
        ("ORGANIZATION", "واتس آب"), ("PERSON", "واتس آب"), ("ORGANIZATION", "واتس آب")
    ) == [("ORGANIZATION", "واتس آب", 3)]


def test_referring_nouns_and_bare_heads_are_not_names() -> None:
    assert names(("ORGANIZATION", "الجانبان"), ("PERSON", "لشركة"), ("EVENT", "المنتدى")) == []


def test_index_caches_until_new_mentions_arrive() -> None:
    index = EntityIndex()
    index.add(mentions_of(("LOCATION", "تركيا")))
    first = index.entities()
    assert index.entities() == first
    index.add([Mention(5, 0, 5, "أنقرة", "LOCATION")])
    assert [e.name for e in index.entities()] == ["تركيا", "أنقرة"]


def test_dates_and_events_group_across_digit_scripts() -> None:
    assert names(("DATE", "عام 2025"), ("DATE", "عام ٢٠٢٥")) == [("DATE", "عام 2025", 2)]
    assert names(("EVENT", "IGEF 2025"), ("EVENT", "IGEF ۲۰۲۵")) == [("EVENT", "IGEF 2025", 2)]


def _placed(items: list[tuple[int, int, str, str]]) -> list[Mention]:
    """Mentions at given (paragraph, start) places."""
    return [Mention(p, start, start + len(text), text, kind) for p, start, kind, text in items]


def test_an_acronym_closing_an_event_name_is_the_same_event() -> None:
    """«المعرض الدولي IGEF 2025»: the Arabic name and the acronym are one event."""
    groups = group_mentions(
        _placed([(0, 10, "EVENT", "المعرض الدولي"), (0, 25, "EVENT", "IGEF 2025")])
    )
    assert [(g.type, g.name, len(g.members)) for g in groups] == [("EVENT", "المعرض الدولي", 2)]


@pytest.mark.parametrize(
    "items",
    [
        # too far apart
        [(0, 10, "EVENT", "المعرض الدولي"), (0, 400, "EVENT", "IGEF 2025")],
        # another name between them
        [
            (0, 10, "EVENT", "المعرض الدولي"),
            (0, 30, "LOCATION", "أنقرة"),
            (0, 40, "EVENT", "IGEF 2025"),
        ],
        # another paragraph
        [(0, 10, "EVENT", "المعرض الدولي"), (1, 0, "EVENT", "IGEF 2025")],
        # not an acronym with a year
        [(0, 10, "EVENT", "المعرض الدولي"), (0, 25, "EVENT", "كأس العالم")],
    ],
)
def test_events_apart_stay_apart(items: list[tuple[int, int, str, str]]) -> None:
    events = [g for g in group_mentions(_placed(items)) if g.type == "EVENT"]
    assert len(events) == 2


def test_a_city_is_not_the_university_named_after_it() -> None:
    """The article «جامعة بورسعيد» of large-01 names the city too («بمدينة بورسعيد»): a name
    the tagger types a place in the main stays a place, and joins no organisation or person
    whose name ends with it («جامعة أسيوط», «جون دنفر»)."""
    import re
    from pathlib import Path

    from reader.nlp.entities import extract_document
    from reader.text.document import Document

    large = Path(__file__).resolve().parents[3] / ".." / "shared" / "data" / "texts"
    text = (large / "large-01.ar.txt").read_text(encoding="utf-8")
    article = next(d for d in text.split("</doc>") if 'title="جامعة بورسعيد"' in d)
    body = re.sub(r"<doc[^>]*>", "", article).strip()
    found = {(e.type, e.name): len(e.mentions) for e in extract_document(Document.from_text(body))}
    assert found[("LOCATION", "بورسعيد")] == 3
    assert found[("ORGANIZATION", "جامعة بورسعيد")] == 6
    assert names(("LOCATION", "دنفر"), ("PERSON", "جون دنفر"), ("LOCATION", "دنفر")) == [
        ("PERSON", "جون دنفر", 1),
        ("LOCATION", "دنفر", 2),
    ]


def test_a_phrase_of_common_words_takes_no_persons_name() -> None:
    """«العباسي» (a caliph's nisba) is no surname of «العصر العباسي» (the Abbasid era); a name
    the tagger typed otherwise still takes its person's surname («جيمي ويلز» typed an
    organisation)."""
    assert names(("PERSON", "العباسي"), ("LOCATION", "العصر العباسي"), ("PERSON", "العباسي")) == [
        ("PERSON", "العباسي", 2),
        ("LOCATION", "العصر العباسي", 1),
    ]
    assert names(("ORGANIZATION", "جيمي ويلز"), ("PERSON", "ويلز")) == [
        ("ORGANIZATION", "جيمي ويلز", 2)
    ]


def test_a_definite_word_of_another_type_is_no_persons_name() -> None:
    """«الإسلام» (Islam, typed "other" as ANERcorp types religions) joined «سيف الإسلام» as his
    surname, 74 mentions in 3 MB of large-01, and the person became "other". A definite short
    name of another type than the person's joins no person; an indefinite one the tagger
    mistyped still does («ديانا» for «ديانا حداد»)."""
    assert names(("PERSON", "سيف الإسلام"), ("MISC", "الإسلام"), ("MISC", "الإسلام")) == [
        ("PERSON", "سيف الإسلام", 1),
        ("MISC", "الإسلام", 2),
    ]
    assert names(("PERSON", "ديانا حداد"), ("MISC", "ديانا")) == [("PERSON", "ديانا حداد", 2)]


def test_a_clitic_is_cut_only_before_three_letters_or_more() -> None:
    """In 3 MB of large-01 «بول» was named «ول», «بدر» «در», «بوش» «وش» and «فيس بوك» «يس
    بوك»: a two-letter rest seen among the document's other mention words was taken for the
    word under a clitic. A name keeps its first letter unless three or more are left."""
    assert strip_proclitic(["بول", "ريان"], frozenset({"ول"})) == ["بول", "ريان"]
    assert strip_proclitic(["فيس", "بوك"], frozenset({"يس"})) == ["فيس", "بوك"]
    assert strip_proclitic(["بدر", "الجمالي"], frozenset({"در"})) == ["بدر", "الجمالي"]
    assert strip_proclitic(["وبلجيكا"]) == ["بلجيكا"]


def test_a_club_or_team_head_alone_names_nothing() -> None:
    """«نادي» and «النادي» alone (9 mentions in 3 MB of large-01) were listed as an
    organisation: the span rules' heads alone are no name, as «شركة» already was not."""
    assert names(("ORGANIZATION", "نادي"), ("ORGANIZATION", "النادي"), ("MISC", "المنتخب")) == []
    assert names(("ORGANIZATION", "نادي الزمالك")) == [("ORGANIZATION", "نادي الزمالك", 1)]


def test_an_institution_named_after_a_person_takes_none_of_his_mentions() -> None:
    """«أينشتاين» is the physicist, not a short name of «معهد ألبرت أينشتاين» (the institute;
    large-01): a full name opening with any organisation head takes no person's surname."""
    assert names(
        ("ORGANIZATION", "معهد ألبرت أينشتاين"), ("PERSON", "أينشتاين"), ("PERSON", "أينشتاين")
    ) == [("PERSON", "أينشتاين", 2), ("ORGANIZATION", "معهد ألبرت أينشتاين", 1)]


def test_a_surname_joins_the_one_full_name_it_ends_though_it_opens_one_off_names() -> None:
    """wiki-stalingrad listed «هتلر» (22 mentions) apart from «أدولف هتلر»: the tagger had also
    run «هتلر» into the word after it, once each («هتلر أيد», Hitler supported; «هتلر
    غوبلز»), so four full names could take it. A surname stands for the one person whose
    full name is written twice or more and ends with it."""
    found = names(
        ("PERSON", "أدولف هتلر"),
        ("PERSON", "هتلر"),
        ("PERSON", "هتلر أيد"),
        ("PERSON", "أدولف هتلر"),
        ("PERSON", "هتلر"),
        ("PERSON", "هتلر غوبلز"),
    )
    assert ("PERSON", "أدولف هتلر", 4) in found
    assert ("PERSON", "هتلر", 2) not in found


@pytest.mark.parametrize(
    "full",
    [
        ["فايزة أحمد", "أحمد ماهر"],  # «أحمد» opens another name: a given name
        ["محمد بن أبي زينب", "محمد بن أبي زينب"],  # a parent's name
        ["عبد السلام", "عبد السلام"],  # the rest of a given name («السلام», peace)
        ["بطليموس الثامن", "بطليموس الثامن"],  # a regnal number
    ],
)
def test_no_surname_is_read_into_a_given_or_parents_name(full: list[str]) -> None:
    """The names of 3 MB of large-01 this guards («فايزة أحمد» would have taken every lone
    «أحمد» of the text). Each full name is written twice, and one-off names open with the
    word too, so only the surname rule could join them."""
    word = full[0].split()[-1]
    items = [("PERSON", name) for name in full for _ in range(2)]
    items += [("PERSON", f"{word} قال"), ("PERSON", word)]
    assert ("PERSON", word, 1) in names(*items)
