"""The span rules for the error classes seen outside newswire (`reader.nlp.entities.shapes`),
on real sentences of the shared Wikipedia texts and on the outside dev set."""

from __future__ import annotations

import pytest
from entity_texts import LARGE, REPO, found, real

from reader.nlp.entities import extract_document, extract_paragraphs
from reader.nlp.entities.evaluate import pipeline_labels, read_conll, score
from reader.nlp.entities.gazetteer import is_function_word
from reader.nlp.entities.memory import NameMemory
from reader.nlp.entities.relations import possessed_relation
from reader.nlp.entities.shapes import software_head_before
from reader.nlp.normalise import normalise
from reader.text.document import Document

DEV = REPO / "training" / "dev" / "outside-dev.conll"


@pytest.fixture(scope="module")
def large() -> str:
    """The Wikipedia articles of large-01."""
    return LARGE.read_text(encoding="utf-8")


def test_places_keep_their_qualifiers(large: str) -> None:
    text = real(large, "وفتحت أكثر آسيا الوسطى في زمن الدولة الأموية , ولما جاءت الدولة العثمانية")
    assert found(text) == [
        ("آسيا الوسطى", "LOCATION"),
        ("الدولة الأموية", "LOCATION"),
        ("الدولة العثمانية", "LOCATION"),
    ]
    text = real(large, "وإعلان استقلال جهمورية شمال قبرص التركية على الجزء المحتل من شمال قبرص")
    assert found(text).count(("شمال قبرص", "LOCATION")) == 2


def test_a_place_qualifier_after_a_conjunction_ends_the_place(large: str) -> None:
    """«غرب ووسط أفريقيا» is two regions: the place takes the qualifier joined to it by «و» and
    stops there, never spanning the conjunction (as «غرب ووسط أفريقيا» whole)."""
    text = real(large, "يوجد في إسبانيا أكثر من 200.000 مهاجر من غرب ووسط أفريقيا")
    places = [t for t, kind in found(text) if kind == "LOCATION"]
    assert "وسط أفريقيا" in places
    assert not any("غرب" in t for t in places)


def test_organisation_heads_make_organisations(large: str) -> None:
    text = real(large, "في الدوري الصيني الممتاز نادي شانغهاي والمنتخب البرازيلي الوطني")
    assert ("نادي شانغهاي", "ORGANIZATION") in found(text)
    assert ("المنتخب البرازيلي الوطني", "ORGANIZATION") in found(text)
    text = real(large, "وقد انتهت العملية العسكرية بانتصار القوات التركية، بعد إنزال تركيا")
    assert found(text) == [("القوات التركية", "ORGANIZATION"), ("تركيا", "LOCATION")]
    # A national team is not its country.
    assert found("فاز منتخب البرتغال على منتخب فرنسا في النهائي.") == [
        ("منتخب البرتغال", "ORGANIZATION"),
        ("منتخب فرنسا", "ORGANIZATION"),
    ]


def test_titles_stay_outside_people_and_ordinals_inside(large: str) -> None:
    text = real(large, "لا يعرف الكثير عن البابا سلفستر الأول، رغم أنه شغل الكرسي الرسولي")
    assert found(text) == [("سلفستر الأول", "PERSON")]
    text = real(large, "بعد انتهاء الحملات الصليبية بهزيمة لويس التاسع ملك فرنسا، في مصر")
    assert found(text)[0] == ("لويس التاسع", "PERSON")
    assert found("بنى الوليد بن عبد الملك المسجد الأموي في دمشق.")[0] == (
        "الوليد بن عبد الملك",
        "PERSON",
    )


def test_adjectives_and_common_words_are_not_people(large: str) -> None:
    text = real(large, "اتُهم زوراً وبهتاناً بأنه يتآمر لاعادة الملكية")
    assert found(text) == []
    assert not [m for m in found("قال الطالب: أنا سعيد بهذه النتيجة.") if m[1] == "PERSON"]
    text = real(large, "كرة قدم برازيلي الذي يلعب")
    assert not [m for m in found(text) if m[1] == "PERSON"]


def test_software_is_not_a_person() -> None:
    mentions = found("يعمل البرنامج على نظام التشغيل لينكس وعلى متصفح فايرفوكس.")
    assert not [m for m in mentions if m[1] in ("PERSON", "ORGANIZATION", "LOCATION")]


def test_a_program_named_after_its_description_is_software() -> None:
    """news-04 names WhatsApp after «تطبيق» (app), its description and a quotation mark;
    the tagger reads «واتس آب» as a person, and so it was listed under people, 13 times."""
    news = (REPO / ".." / "shared" / "data" / "texts" / "news-04.ar.txt").read_text("utf-8")
    text = real(news, 'استحواذها على تطبيق التراسل الفوري " واتس آب " WhatsApp في صفقة')
    assert ("واتس آب", "MISC") in found(text)
    words = [normalise(w) for w in text.split()]
    assert software_head_before(words, words.index("واتس"))
    # A preposition, a verb or a name between them: no head of this name.
    after_preposition = real(news, 'إلى " فيسبوك "').split()
    assert not software_head_before(after_preposition, 2)


def test_the_look_back_for_a_software_head_is_a_few_words() -> None:
    """Quotation marks and a Latin name may stand between head and name; a run of English
    may not (it would also make the look back as long as the paragraph)."""
    name = ["واتس", "آب"]
    assert software_head_before(["تطبيق", '"', "WhatsApp", "Messenger", '"', *name], 5)
    english = [
        "the",
        "shell",
        "can",
        "be",
        "run",
        "in",
        "interactive",
        "mode",
        "or",
        "with",
        "a",
        "file",
    ]
    assert not software_head_before(["تطبيق", *english, *name], len(english) + 1)


def test_a_program_is_software_all_through_its_document() -> None:
    """Once named after its head, a program the tagger reads as a person is software in the
    rest of the document: news-04 as `reader entities` reads it."""
    path = REPO / ".." / "shared" / "data" / "texts" / "news-04.ar.txt"
    document = Document.from_text(path.read_text("utf-8"), path.name)
    whatsapp = [e for e in extract_document(document) if e.name == "واتس آب"]
    assert len(whatsapp) == 1 and whatsapp[0].type == "MISC"
    assert len(whatsapp[0].mentions) >= 12
    # «لشركة " واتس آب "», the company, is an organisation; no mention is a person.
    assert "PERSON" not in {m.type for m in whatsapp[0].mentions}


def test_a_place_or_an_organisation_after_a_software_head_keeps_its_type(large: str) -> None:
    """«برنامج طهران النووي» is Tehran's programme; «تطبيق الجزيرة» Al Jazeera's app: the
    channel named later stays an organisation (it became MISC 88 times in 3 MB)."""
    app = real(large, "وتويتر ويوتيوب وإنستغرام وتطبيق الجزيرة")
    channel = real(large, "برنامج ليسينينغ بوست لقناة الجزيرة")
    memory = NameMemory()
    _, second = extract_paragraphs([(0, app), (1, channel)], memory)
    assert memory.kinds  # the app is software ...
    assert ("الجزيرة", "ORGANIZATION") in [(m.text, m.type) for m in second]  # ... not the channel
    assert ("طهران", "LOCATION") in found("بسبب برنامج طهران النووي غير أنه يواجه مخاطر")


def test_a_television_programme_in_quotes_is_no_person(large: str) -> None:
    text = real(large, 'لتصوير حلقة خاصة من برنامج "جاي جوان" الذي يعرض على قناة')
    assert ("جاي جوان", "MISC") in found(text)


def test_a_fund_with_a_name_is_an_organisation(large: str) -> None:
    """«صندوق» (fund, box) heads a name only with a noun and its adjective or more after it:
    the IMF article did not list the IMF, 16 times named there; ANERcorp never tags it."""
    imf = REPO / "tests" / "data" / "topics-gold" / "texts" / "wiki-imf.ar.txt"
    document = Document.from_text(imf.read_text("utf-8"), imf.name)
    names = {e.name: e for e in extract_document(document)}
    assert names["صندوق النقد الدولي"].type == "ORGANIZATION"
    assert len(names["صندوق النقد الدولي"].mentions) >= 10
    text = real(large, "لدراسة إنشاء صندوق أهلى لتنمية الاقتصاد المصري")
    assert ("صندوق أهلى لتنمية الاقتصاد المصري", "ORGANIZATION") in found(text)
    for common in (
        real(large, "تحول أن يتحول صندوق الانتخاب إلى مصدر لتسلط"),  # the ballot box
        real(large, "في عاموده اليومي صندوق الدنيا فقال"),  # a column's name
    ):
        assert not [m for m in found(common) if "صندوق" in m[0]]


def test_a_double_barrelled_surname_is_one_name(large: str) -> None:
    """news-06 names «جوليا نيوتون - بيشوب»: the panel listed «جوليا نيوتون» and «بيشوب»
    as two people (issue 10 saw the topic label cut at the hyphen)."""
    news = (REPO / ".." / "shared" / "data" / "texts" / "news-06.ar.txt").read_text("utf-8")
    text = real(news, "حيث تقول جوليا نيوتون - بيشوب ، مستشارة أمراض الجلد")
    assert [m for m in found(text) if m[1] == "PERSON"] == [("جوليا نيوتون - بيشوب", "PERSON")]
    # A cast list (a role and its actor; two actors and a dash) and a byline stay apart.
    for listed, apart in (
        (real(large, "- حكم شهرزاد - رغدة"), "رغدة"),
        (real(large, "- أصحاب المعالي - لطفى لبيب – أشرف سيف"), "أشرف سيف"),
        (real(large, "باسمة وليم - أسيوط"), "أسيوط"),
    ):
        assert apart in [m[0] for m in found(listed)]


def test_an_organisation_ends_after_its_coordinated_word() -> None:
    """news-02: the tagger ran FAO's name on into «الجهات المانحة» (the donors) it appeals to."""
    news = (REPO / ".." / "shared" / "data" / "texts" / "news-02.ar.txt").read_text("utf-8")
    text = real(news, "ناشدت منظمة الأغذية والزراعة الجهات المانحة والمتبرعين لجمع")
    assert ("منظمة الأغذية والزراعة", "ORGANIZATION") in found(text)


def test_outside_dev_set_keeps_its_floor() -> None:
    """The whole extraction, each sentence on its own, on the outside dev set: PERS, LOC and ORG
    together were 0.618 before these rules and 0.743 with them."""
    sentences = read_conll(DEV)
    words = [w for w, _ in sentences]
    scores = score((labels for _, labels in sentences), pipeline_labels(words, range(len(words))))
    kinds = [scores[k] for k in ("PERS", "LOC", "ORG")]
    found_, gold, correct = (
        sum(getattr(s, a) for s in kinds) for a in ("found", "gold", "correct")
    )
    f1 = 2 * correct / (found_ + gold)
    assert f1 >= 0.70, f1
    assert scores["ORG"].f1 >= 0.6


def test_an_ordinal_from_eleven_to_nineteen_stays_whole(large: str) -> None:
    """«عشر» after a regnal ordinal is part of the name even when the tagger found the ordinal
    itself («كليمنت الحادي» tagged, «عشر» left out)."""
    text = real(large, "وفي 3 يناير اتهم البابا كايمنت الثالث عشر الكتاب بأنه مخز فاسق")
    assert ("كايمنت الثالث عشر", "PERSON") in found(text)
    text = real(large, "من قبل البابا كليمنت الحادي عشر، حيث خصص المصلى الألباني على شرفه")
    assert ("كليمنت الحادي عشر", "PERSON") in found(text)


def test_a_glued_pronoun_and_its_predicate_are_not_a_person(large: str) -> None:
    """«وأنا» is «و» + «أنا»: the word after it is a predicate, as after «أنا» alone."""
    text = real(large, "وم الفرحة وانا جنبك")
    assert not [m for m in found(text) if m[1] == "PERSON"]
    said = found("قال المدرب: وأنا سعيد بهذا الفوز، فأنت تعرف أن الفريق لعب جيدا.")
    assert not [m for m in said if m[1] == "PERSON"]


def test_a_name_spelt_like_a_function_word_keeps_its_hamza(large: str) -> None:
    """The edge trim cut function words without looking at a written hamza seat: «إمام» was
    read as «أمام» (in front of) and «آنا» as «أنا» (I). A seat written out must match."""
    text = real(large, "مع الفنان عادل إمام والفنانة لبلبة")
    assert ("عادل إمام", "PERSON") in found(text)
    text = real(large, "رزق ليوبولد وزوجته آنا ماريا موزارت بولدهما")
    assert ("آنا ماريا موزارت", "PERSON") in found(text)
    # A bare alef may stand for any seat; harakat are ignored.
    assert [is_function_word(w) for w in ("أمام", "امام", "إمام", "أنا", "انا", "آنا", "إنَّ")] == [
        True, True, False, True, True, False, True,
    ]  # fmt: skip


def test_a_relation_with_a_pronoun_is_outside_the_person(large: str) -> None:
    """«ونجليه علاء» is "and his two sons Alaa": a relation noun with a possessive pronoun is no
    part of the name after it, whatever its number or proclitics; a name that merely starts
    like one («أمية», not «أم» + «ي» + «ه») is left whole."""
    text = real(large, "وزوجته سوزان صالح ثابت ونجليه علاء وجمال مبارك")
    people = [t for t, kind in found(text) if kind == "PERSON"]
    assert "علاء" in people
    assert not any("نجليه" in t for t in people)
    text = real(large, "وكلاهما - الشيخ اللقاني ووالده الخرشي - تلقى معارفه")
    assert ("الخرشي", "PERSON") in found(text)
    assert not any("والده" in t for t, _ in found(text))
    text = real(large, "إضافة إلى الرسالة المصرية لأمية بن أبي الصلت الداني الذي")
    assert any(t.startswith("أمية بن أبي الصلت") for t, kind in found(text) if kind == "PERSON")
    forms = ("ونجليه", "ووالده", "وزوجتيهما", "أبونا", "أبيه", "زوجته", "منافسيه", "حماتها")
    assert all(possessed_relation(normalise(w)) for w in forms)
    names = ("أمية", "أندريه", "يوحنا", "رينيه", "عبده", "نبيله", "أسامة", "طالب", "أمامه")
    assert not any(possessed_relation(normalise(w)) for w in names)


def test_a_kind_of_place_alone_is_no_place(large: str) -> None:
    """«القصر» (the palace) refers back to a palace named before; it is no place name. A place
    whose name is such a noun with more words stays whole, and the nouns ANERcorp's annotators
    do tag alone (Medina, the Gulf) are left to the tagger."""
    text = real(
        large,
        "لكنه في النهاية يكتفي بأن يقرر طرد (فاطمة) من القصر للأبد، بعد أن تعب من تلك الحرب.",
    )
    assert found(text) == [("فاطمة", "PERSON")]
    text = real(large, "فأمر من في القصر أن يقذفوا العساكر الشاميَّة بالنشَّاب والحجارة.")
    assert not [t for t, kind in found(text) if kind == "LOCATION"]
    # Not a noun the annotators tag alone: the Gulf stays a place.
    assert found("وصلت القوات إلى الخليج بعد أسبوع.") == [("الخليج", "LOCATION")]


def test_a_word_with_tanween_alone_is_no_name_of_any_type(large: str) -> None:
    """An indefinite accusative («بطريركاً», "as patriarch"; «إدارياً», administratively) is an
    adverb or a predicate: no place or other name alone, as it was already no person."""
    text = real(
        large,
        "أصله من الإسكندرية، وأقام بطريركاً 31 سنة و4 أشهر و15 يوماً، في الفترة من يوليو عام 544",
    )
    assert ("الإسكندرية", "LOCATION") in found(text)
    assert not any("بطريرك" in t for t, _ in found(text))
    text = real(large, "وهو إدارياً يتبع حي شمال دسوق، ويطل على شارع الاستاد")
    assert not any("إداري" in t for t, _ in found(text))


def test_a_state_tagged_as_an_organisation_is_a_place(large: str) -> None:
    """«الدولة الفاطمية» is a state, a place as «الدولة الأموية» is when the tagger leaves it
    out; the tagger had typed it an organisation."""
    text = real(large, "حسب النظام المتبَّع في الدولة الفاطمية، كان أكبر أبناء الخليفة هو الذي")
    assert ("الدولة الفاطمية", "LOCATION") in found(text)
    assert not [m for m in found(text) if m[1] == "ORGANIZATION"]


def test_a_name_after_operation_is_an_operations_code_name(large: str) -> None:
    """«عملية أورانوس» (Operation Uranus) and «عملية سليمان» (Operation Solomon) are events,
    not an organisation or a person; a place after «عملية» stays a place."""
    stalingrad = REPO / "tests" / "data" / "topics-gold" / "texts" / "wiki-stalingrad.ar.txt"
    text = real(
        stalingrad.read_text(encoding="utf-8"),
        "في 19 نوفمبر 1942، أطلق الجيش الأحمر عملية أورانوس، الوحدات السوفياتية المهاجمة",
    )
    assert ("عملية أورانوس", "EVENT") in found(text)
    text = real(large, 'وهي "عملية الأخوة"(1979-1990) وعملية سليمان (1990-1991).')
    assert ("عملية سليمان", "EVENT") in found(text)  # the glued «و» cut off


def test_a_caliphs_regnal_title_is_one_name_with_him(large: str) -> None:
    """The Fatimid and Abbasid articles of large-01 name caliphs by titles the tagger cut at the
    glued preposition («لدين الله» a person, «الله» or «بالله» "other"). Where the tagger saw a
    person in it or before it, the whole title is the person's; «الإيمان بالله» (faith in God)
    has the shape of none."""
    text = real(large, "توفي الخليفة المنصور سنة 341هـ، فخلفه ابنه المعز لدين الله، رابع الخلفاء")
    assert ("المعز لدين الله", "PERSON") in found(text)
    text = real(large, "وبين مُحمَّد القائم بأمر الله الذي خلفه في الحُكم")
    assert ("مُحمَّد القائم بأمر الله", "PERSON") in found(text)
    assert not [m for m in found(text) if m[1] == "MISC"]
    assert [m for m in found("إن الإيمان بالله واجب على كل مسلم.") if "الإيمان" in m[0]] == []


def test_a_name_right_after_a_device_or_a_game_is_a_product(large: str) -> None:
    """«جهاز "وي يو"» (the Wii U console) was a person, 19 times in its article; after a
    description «جهاز» and «لعبة» head an agency or a sport, and the person after it stays one
    (ANERcorp train: «لعبة الكريكيت الاسبق عمران خان»)."""
    text = real(large, 'ومع ذلك، بخلاف جهاز وي، فإن جهاز "وي يو" غير متوافق مع ألعاب')
    assert ("وي يو", "MISC") in found(text)
    text = "الذي يتزعمه اسطورة لعبة الكريكيت الاسبق عمران خان ."
    assert ("عمران خان", "PERSON") in found(text)


def test_a_places_qualifier_alone_is_no_place(large: str) -> None:
    """«شبه» (semi-) of «شبه القارة الهندية» was a place by itself in the blacksmith's article
    of large-01; with the lone qualifier gone, the qualifier rule joins «شبه» to the place the
    tagger found after it."""
    text = real(large, "وفي شبه القارة الهندية، كان الصلب من نوع ووتز")
    assert not [t for t, kind in found(text) if kind == "LOCATION"]


def test_a_name_written_with_plus_plus_is_a_program(large: str) -> None:
    """The C++ article of mixed-01: «سي++» was left untagged, «كود سي» ("C code") read as a
    person and «سي بلس بلس» as an organisation. A name with «++» (or «بلس بلس») is MISC with
    its signs; «++C», C++ typed in visual order, lends its signs to no Arabic word before it."""
    mixed = (LARGE.parent / "mixed-01.ar.txt").read_text(encoding="utf-8")
    text = real(mixed, "يقوم بتصريف كود سي++ إلى كود سي مكافئ")
    assert ("سي++", "MISC") in found(text)
    assert not [t for t, kind in found(text) if kind == "PERSON"]
    text = real(mixed, "لـسي++، من هذه المصرفات")
    assert ("سي++", "MISC") in found(text)
    text = real(mixed, "بتعيير لغة ++C ونشرت المعيار")
    assert not [t for t, kind in found(text) if "لغة" in t]
    # Calcium's charge in large-01: a definite word takes no «++».
    text = real(large, "الصوديوم + والكالسيوم ++) ويسمى بإزالة الاستقطاب")
    assert not [t for t, kind in found(text) if kind == "MISC"]


def test_the_realm_between_a_sovereigns_title_and_his_name_is_a_place(large: str) -> None:
    """«ملك الصقليتين فرديناند الأول» (King of the Two Sicilies Ferdinand I) left the realm
    untagged, and «دوق بارما فيليب» read the duchy as the duke's given name. Not a beauty
    queen's title («ملكة جمال العالم»: «جمال» is a given name too), nor «ملك» as property
    before a rank («مخزن ملك اللواء إسماعيل الشاعر»)."""
    text = real(large, "ودوق لوكسمبورغ وشقيق ملك الصقليتين فرديناند الأول ,، وأبو")
    assert ("الصقليتين", "LOCATION") in found(text)
    assert ("فرديناند الأول", "PERSON") in found(text)
    text = real(large, "ماريا لويسا دي بارما بنت دوق بارما فيليب بن الملك فيليب الخامس")
    assert found(text)[1:3] == [("بارما", "LOCATION"), ("فيليب", "PERSON")]
    text = real(large, "حصلت على لقب ملكة جمال العالم. اشتهرت")
    assert not [t for t, kind in found(text) if kind == "LOCATION"]
    text = real(large, "المحتويات من داخل مخزن ملك اللواء إسماعيل الشاعر مدير أمن")
    assert not [t for t, kind in found(text) if kind == "LOCATION"]


def test_a_names_latin_spelling_after_it_is_the_same_name(large: str) -> None:
    """Wikipedia glosses a name in its own spelling: «Carlos IV de España» and the pope's
    «Silvester I»/«Sylvester I» were untagged, «Gottfried Wilhelm Leibniz» an organisation
    (mixed-02). A Latin run after a name, in brackets or quotation marks and maybe after a
    language label, is that name again; one unlabelled word after a chemical compound the tagger
    read as a person is a term, not a name («وهيرنيارين (Herniarin)»)."""
    text = real(large, "الملك كارلوس الرابع (بالإسبانية: Carlos IV de España) كان")
    assert ("Carlos IV de España", "PERSON") in found(text)
    text = real(
        large, "البابا سلفستر الأول (باللاتينية: Silvester I، وبالإنجليزية: Sylvester I) هو"
    )
    assert found(text)[1:] == [("Silvester I", "PERSON"), ("Sylvester I", "PERSON")]
    mixed = (LARGE.parent / "mixed-02.ar.txt").read_text(encoding="utf-8")
    text = real(mixed, "ثم كشف غوتفريد لايبنتس « Gottfried Wilhelm Leibniz » آل")
    assert ("Gottfried Wilhelm Leibniz", "PERSON") in found(text)
    text = real(large, "وأهم مركباتها امبيليفيرون (Umbeliferone) وهيرنيارين (Herniarin)")
    assert not [t for t, kind in found(text) if t.isascii()]


def test_the_name_after_a_gods_title_is_a_god(large: str) -> None:
    """The Egyptology articles of large-01 left the gods after their title untagged («الإلهة
    ساتيس» was a place where tagged, «للإله "تحوت"» nothing): a god is a person, the title
    outside. Not a verb after the title («بالإله وسمح»), nor «عبد الإله», a man's name."""
    text = real(large, "وقبل ذلك كانت الإلهة ساتيس هي التي تحمل لقب")
    assert found(text) == [("ساتيس", "PERSON")]
    text = real(large, 'وهى الحيوانات المقدسة للإله "تحوت"، إضافة إلى')
    assert ("تحوت", "PERSON") in found(text)
    text = real(large, "حتى شبَّه نفسه بالإله وسمح لأتباعه")
    assert found(text) == []
    # «حسب» (according to) and a word with a clitic and the article are no god's name.
    assert found(real(large, "ولكن قد يتغير ذلك الإله حسب الموقف")) == []
    assert found(real(large, "من ناحية الحدوث ، المعبود بالتَسْبِيحْ ،")) == []
    text = real(large, "والزيوت للمستثمر السعودي عبد الإله الكعكي")
    assert ("عبد الإله الكعكي", "PERSON") in found(text)


def test_a_numbered_dynasty_is_an_organisation(large: str) -> None:
    """The Egyptology articles of large-01 date by dynasty, and every «الأسرة» with its ordinal
    was untagged. Not a family with an adjective alone («الأسرة الحاكمة», the ruling family)."""
    text = real(large, "بين فترة الأسرة السابعة عشر والأسرة الواحد")
    assert ("الأسرة السابعة عشر", "ORGANIZATION") in found(text)
    text = real(large, "من ملوك الأسرة الخامسة والعشرون وأتخذ من مروي")
    assert ("الأسرة الخامسة والعشرون", "ORGANIZATION") in found(text)
    text = real(large, "ومع مجيئ الأسرة المصرية التاسعة عشر أثناء")
    assert found(text) == [("الأسرة المصرية التاسعة عشر", "ORGANIZATION")]
    assert not found(real(large, "كانت من قصور الأسرة الحاكمة واستضافت"))


def test_a_name_after_a_kind_of_place_is_a_place(large: str) -> None:
    """«مبنى ماسبيرو» (the television building) and «قرية أبو خراش» had a person after the
    head; a street named after a man keeps its head and stays apart from him: the article
    «شارع مكرم عبيد» of large-01 listed the street as the person «مكرم عبيد» three times. Not
    «وحي» (revelation), which normalises as «و» + «حي»."""
    text = real(large, "اعتصامهم مساء الرابع من أكتوبر أمام مبنى ماسبيرو احتجاجاً")
    assert ("مبنى ماسبيرو", "LOCATION") in found(text)
    text = real(large, "نسبة إلى قريته التي ولد بها، قرية أبو خراش، التابعة لمركز")
    assert found(text) == [("أبو خراش", "LOCATION")]
    text = real(large, "يحتفل بنزول وحي ناموس موسى")
    assert "LOCATION" not in {kind for _, kind in found(text)}
    start = large.index('title="شارع مكرم عبيد"')
    article = large[large.index("\n", start) + 1 : large.index("</doc>", start)]
    names = {e.name: e for e in extract_document(Document.from_text(article, "makram.txt"))}
    assert names["شارع مكرم عبيد"].type == "LOCATION"
    assert len(names["شارع مكرم عبيد"].mentions) == 3
    assert names["مكرم عبيد باشا"].type == "PERSON"
