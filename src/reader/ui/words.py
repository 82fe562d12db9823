"""The interface's own words (tab names, headings, messages, key descriptions), English and Arabic.

Which language is a setting (`language` in config.toml, `--lang`). The words are plain logical
text: like every Arabic-capable string on screen they are drawn through the layout engine
(`reader.layout.fit_label`), never handed to the terminal raw.
"""

from __future__ import annotations

from reader.config import Language

WORDS: dict[str, tuple[str, str]] = {
    # The side panel.
    "entities": ("Entities", "الكيانات"),
    "topics": ("Topics", "المواضيع"),
    "PERSON": ("People", "أشخاص"),
    "LOCATION": ("Places", "أماكن"),
    "ORGANIZATION": ("Organisations", "منظمات"),
    "EVENT": ("Events", "أحداث"),
    "DATE": ("Dates", "تواريخ"),
    "MISC": ("Other", "أخرى"),
    "finding-entities": ("finding entities…", "استخراج الكيانات…"),
    "finding-topics": ("finding topics…", "استخراج المواضيع…"),
    "no-entities": ("no entities found", "لم يُعثر على كيانات"),
    "no-topics": ("no topics found", "لم يُعثر على مواضيع"),
    "topics-empty-document": ("the document is empty: no topics", "المستند فارغ: لا مواضيع"),
    "topics-one-paragraph": (
        "one paragraph: all its topics are on it",
        "فقرة واحدة: كل مواضيعها فيها",
    ),
    "entities-missing": ("entity finding is not available", "استخراج الكيانات غير متاح"),
    "topics-missing": ("topic finding is not available", "استخراج المواضيع غير متاح"),
    "too-long-to-analyse": ("too long to analyse", "النص أطول من أن يحلل"),
    "entities-arabic-only": ("Arabic text only", "للنصوص العربية فقط"),
    "entities-arabic-only-fa": (
        "Arabic text only: this document looks Persian",
        "للنصوص العربية فقط: يبدو هذا النص فارسيًا",
    ),
    "entities-arabic-only-ur": (
        "Arabic text only: this document looks Urdu",
        "للنصوص العربية فقط: يبدو هذا النص أرديًا",
    ),
    "failed": ("failed", "تعذّر"),
    "more": ("more", "غيرها"),
    # The status line.
    "topic": ("topic", "الموضوع"),
    "bidi-removed": ("bidi controls removed", "من محارف التحكم الاتجاهي أزيلت"),
    "mention": ("mention", "الذكر"),
    "hit": ("hit", "النتيجة"),
    "no-hits": ("no hits", "لا نتائج"),
    "copied": ("paragraph copied", "نُسخت الفقرة"),
    "resumed": ("resumed at", "استئناف من"),
    "following": ("following", "تتبع"),
    "choose-another": ("tab ↓ enter: another", "tab ↓ enter: غيره"),
    "no-entity-yet": (
        "no entity to follow yet: tab to the panel, ↓, enter",
        "لا كيان للتتبع بعد: tab إلى اللوحة ثم ↓ ثم enter",
    ),
    "loading": ("…", "…"),
    # The search bar.
    "search": ("find", "بحث"),
    "search-placeholder": ("type to find, enter to keep, escape to close", "اكتب للبحث"),
    # Small terminals.
    "too-small": ("The terminal is too small.", "النافذة صغيرة جدًا."),
    "too-small-hint": ("Make it at least 40×10.", "كبّرها إلى 40×10 على الأقل."),
    # The help screen.
    "help-title": ("Keys", "المفاتيح"),
    "help-close": ("escape or ? closes this help", "escape أو ? تغلق هذه المساعدة"),
    # Key descriptions (by binding id), for the help screen and the key bar.
    "next-paragraph": ("next paragraph", "الفقرة التالية"),
    "previous-paragraph": ("previous paragraph", "الفقرة السابقة"),
    "next-page": ("next page", "الصفحة التالية"),
    "previous-page": ("previous page", "الصفحة السابقة"),
    "first-paragraph": ("first paragraph", "الفقرة الأولى"),
    "last-paragraph": ("last paragraph", "الفقرة الأخيرة"),
    "next-topic": (
        "next paragraph of the chosen topic, or next topic change",
        "فقرة الموضوع المختار التالية، أو تغيّر الموضوع التالي",
    ),
    "previous-topic": (
        "previous paragraph of the chosen topic, or topic change",
        "فقرة الموضوع المختار السابقة، أو تغيّر الموضوع السابق",
    ),
    "next-mention": ("next mention or search hit", "الذكر أو النتيجة التالية"),
    "previous-mention": ("previous mention or search hit", "الذكر أو النتيجة السابقة"),
    "search-open": ("find in the article", "البحث في المقال"),
    "back": ("clear or back out one level", "إلغاء أو رجوع خطوة"),
    "focus-next": ("move between article and panel", "التنقل بين المقال واللوحة"),
    "toggle-panel": ("show or hide the panel", "إظهار اللوحة أو إخفاؤها"),
    "copy-paragraph": ("copy the paragraph", "نسخ الفقرة"),
    "help": ("help", "مساعدة"),
    "command-palette": (
        "commands: go to entity, topic, paragraph",
        "الأوامر: انتقل إلى كيان أو موضوع أو فقرة",
    ),
    "quit": ("quit", "خروج"),
    "switch-tab": ("in the panel: the other tab", "في اللوحة: التبويب الآخر"),
    "choose-entity": (
        "choose an entity: tab, ↓ to it, enter",
        "اختيار كيان: tab ثم ↓ إليه ثم enter",
    ),
    "adjectives-note": ("«التركية» counts as a mention of تركيا", "«التركية» تُعد ذكرًا لتركيا"),
    # Short forms for the key bar.
    "bar-paragraph": ("paragraph", "فقرة"),
    "bar-topic": ("topic", "موضوع"),
    "bar-mention": ("mention", "ذكر"),
    "bar-find": ("find", "بحث"),
    "bar-panel": ("panel", "اللوحة"),
    "bar-help": ("help", "مساعدة"),
    "bar-quit": ("quit", "خروج"),
    # The command palette.
    "go-entity": ("Go to entity", "انتقل إلى الكيان"),
    "go-topic": ("Go to topic", "انتقل إلى الموضوع"),
    "go-paragraph": ("Go to paragraph", "انتقل إلى الفقرة"),
    "go-chapter": ("Go to chapter", "انتقل إلى الفصل"),
    "go-section": ("Go to section", "انتقل إلى القسم"),
}
"""Each word by its id: (English, Arabic)."""


def word(name: str, language: Language) -> str:
    """The interface word `name` in `language` (the id itself when there is no such word)."""
    pair = WORDS.get(name)
    if pair is None:
        return name
    return pair[1] if language == "ar" else pair[0]
