"""Stop words for topic finding: the words that never name a topic on their own.

Particles, pronouns, auxiliaries and the verbs of reporting («قال», «أضاف», «أوضح») carry no
subject. The lists are stopwords-iso's (shipped in `reader/nlp/data/`, see its ATTRIBUTION note)
plus the hand-made additions below, all compared in the folded spelling of `reader.nlp.stem.fold`.
A word with a glued conjunction or preposition («وفي», «بأن», «لهذا») is a stop word when the
rest of it is.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from reader.nlp.stem import fold

__all__ = ["JOINERS", "StopWords", "stop_words"]

_EXTRA = {
    "ar": """
        اضاف اضافت اوضح اوضحت اشار اشارت تابع تابعت اعلن اعلنت اكد اكدت اكدوا قال قالت قالوا
        يقول تقول ذكر ذكرت يذكر تذكر شدد شددت وصف وصفت جاء جاءت يعد تعد يعتبر تعتبر تم يتم
        تمت كانوا يكونوا اصبحت صارت بات باتت ظلت يبلغ تبلغ بلغ بلغت يوجد توجد
        ايضا خاصه خصوصا بشكل اطار جانب طريق مجال نحو حاليا حسب وفق وفقا اثناء عبر لدي لديه
        لديها لديهم عده عدة مختلف كلا كافه جميع بعضها بعضهم اي ايه اكثر اقل اغلب معظم
        حيث بينما كذلك ذلك هذا هذه تلك هؤلاء الذي التي الذين اللذين اللتين منذ بعدما قبلما
        يناير فبراير مارس ابريل مايو يونيو يوليو اغسطس سبتمبر اكتوبر نوفمبر ديسمبر
        كانون شباط اذار نيسان حزيران تموز ايلول تشرين
        الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت
        واحد واحده اثنان اثنين اثنتين ثلاث ثلاثه اربع خمس خمسه ست سته سبع سبعه ثمان ثماني
        تسع تسعه عشر عشره مئه مائه الف الاف مليون ملايين مليار مليارات
        شيء اشياء امر امور يمكن يجب ينبغي قد لقد سوف لن لم كل غير عدم دون ضمن مزيد المزيد
        بموجب بواسطه بوساطه لمده طوال بفضل بشان بخصوص لصالح بدلا بالقرب طبقا قبيل عقب جراء
        ازاء بمناسبه بهدف بصفه بصوره بغيه طيله بحق ابان خارج بامكان بامكانه بامكانها بامكانهم
        تحت فوق وراء
        ال
        غيره غيرها غيرهم غيرهما غيرهن جميعها جميعهم معظمها معظمهم اغلبها اغلبهم نفسها نفسهم
        """,
    "fa": """
        است هست هستند بود بودند شد شده شدند شود شوند کرد کرده کردند کند کنند دارد دارند
        داشت داشته گفت گفته میگويد ميگويد ميشود ميكند ميكنند ميتواند باشد باشند خواهد
        اين آن اينكه آنكه آنها اينها همين همان چنين چنان هر همه برخي ديگر ديگري
        يك دو سه چهار پنج شش هفت هشت نه ده صد هزار ميليون
        همي زو ازو بدو كزو كه چو
        """,
    "ur": """
        کے کی کا کو کہ میں سے نے پر تک ہے ہیں تھا تھی تھے ہو ہوا ہوئی ہوئے ہونے ہوں ہوتا ہوتی
        ہوتے گا گی گے اور یا بھی تو ہی نہ نہیں جو جس جن جنہوں جب تب اب پھر یہ وہ یہی وہی اس
        ان اسے انہیں انہوں انھوں ایک دو تین چار پانچ سو ہزار لاکھ کروڑ کر کرنے کرتے کرتا کرتی
        کرنا کریں کرے کیا کیے کئے کیں گیا گئی گئے گئیں جا جاتا جاتی جاتے جائے جائیں دیا دی دیے
        دئیے دے دینے لیا لی لیے لئے لیکن مگر اگر کیونکہ چونکہ تاکہ ساتھ بعد پہلے طرح طرف
        وجہ بارے علاوہ درمیان خلاف مطابق والے والی والا رہا رہی رہے سکتا سکتی سکتے چاہیے
        کوئی کسی کچھ سب تمام بہت زیادہ کم خود اپنے اپنی اپنا ہم آپ میں ہمارے ہماری
        اپ تھیں صرف یعنی جیسے ایسے ایسا ایسی جیسا جیسی کیسے کہاں یہاں وہاں
        """,
}
"""Words the lists above lack: reporting verbs, months and weekdays, numerals, quantifiers (with
a pronoun too: «غيرها», others, opened a label «غيرها الكثير» in large-01), and
compound prepositions, a preposition glued to a noun («بموجب», under; «لمدة», for a period of;
«بوساطة», by means of; «بحق», against; «إبان», during; «خارج», outside; «بإمكان», it is
possible for), written as one word, and prepositions of place stopwords-iso lacks («تحت»,
under; «فوق», above; «وراء», behind): large-01's articles labelled themes «لمدة», «بموجب
معاهدة», «بحق الأقباط», «عبد الناصر إبان», «فرنسا خارج حدود», «بإمكان المستخدم» and «تحتَ
سيطرة الثوار»; and the article written apart, before a Latin-script name («جهاز الـ DS», which
labelled a theme «جهاز ال»). «داخل» (inside) is no stop word: counted out of a long text it
moved its themes' ranks; it only opens no label (`topics.lexicon.PREPOSITIONS`)."""

_NOT_STOP = {
    "ar": {"اب", "اخ", "شرع", "عدس", "حار", "عين", "رب", "قوه", "صفر", "جلل", "زياره", "كرب"},
    "fa": set(),
    "ur": set(),
}
"""Entries of stopwords-iso that are content words in the folded spelling (آب, أخ, شرع...)."""

JOINERS: dict[str, frozenset[str]] = {
    "ar": frozenset(fold(w) for w in ("غير", "تحت", "فوق")),
    "fa": frozenset(),
    "ur": frozenset(fold(w) for w in ("کے", "کی", "کا")),
}
"""Stop words that may stand inside a key phrase («الهجرة غير الشرعية», «گجرات کے فسادات»),
never at its start or end: so may «تحت» and «فوق» («الأشعة فوق البنفسجية», ultraviolet
rays; «تحت الحمراء», infrared). Not «خارج»: inside a phrase it gave «فرنسا خارج حدود»
(France outside [its] borders) in large-01."""

_CLITICS = "وفبلك"
"""Letters that glue to the front of an Arabic-script word as conjunction or preposition."""


class StopWords:
    """The stop words of one language, in folded spelling."""

    def __init__(self, language: str, words: frozenset[str]) -> None:
        """Keep ``words`` (already folded) for ``language``."""
        self.language = language
        self.words = words

    def __contains__(self, folded: object) -> bool:
        """Whether the folded word is a stop word, also with up to two clitics in front."""
        if not isinstance(folded, str):
            return False
        words = self.words
        if folded in words:
            return True
        if self.language != "ur":
            rest = folded
            for _ in range(2):
                if len(rest) > 2 and rest[0] in _CLITICS:
                    rest = rest[1:]
                    if rest in words:
                        return True
                else:
                    break
        return False


def _read_list(language: str) -> set[str]:
    name = f"topics-stopwords-{language}.txt"
    package = resources.files("reader.nlp") / "data" / name
    if not package.is_file():
        return set()
    lines = package.read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


@cache
def stop_words(language: str) -> StopWords:
    """Return the stop words of ``language`` ("ar", "fa" or "ur")."""
    words = _read_list(language) | {fold(w) for w in _EXTRA.get(language, "").split()}
    words -= _NOT_STOP.get(language, set())
    return StopWords(language, frozenset(words))
