"""The words extraction looks for, in Arabic, English and Russian.

Reporting verbs say that someone spoke and, for some, what kind of claim it was;
readout nouns mark an institution's statement; complementisers start reported
speech; date words place a statement in time. Arabic words are listed as printed
and matched after `textmatch.fold`, so hamza, alef and taa marbuta variants need no
entries of their own. Nothing here names a person, a side or a topic: those come
from the store's vocabularies.
"""

from __future__ import annotations

from typing import Final

# fmt: off

# kind -> verb forms (past, present, feminine, dual, participle). "statement" is
# the kind of a verb that says only that someone spoke.
REPORTING_VERBS: Final[dict[str, tuple[str, ...]]] = {
    "demand": (
        # Arabic: demanded, called for, urged
        "طالب", "طالبت", "يطالب", "تطالب", "مطالبا", "مطالبة",
        "دعا", "دعت", "يدعو", "تدعو", "داعيا", "داعية",
        "حث", "حثت", "يحث",
        # English
        "demanded", "demands", "demanding", "called for", "calls for", "urged", "urges",
        # Russian
        "потребовал", "потребовала", "потребовали", "требует", "требуют",
        "призвал", "призвала", "призвали", "призывает",
    ),
    "rejection": (
        "رفض", "رفضت", "يرفض", "ترفض", "رافضا", "نفى", "نفت", "ينفي",
        "rejected", "rejects", "denied", "denies", "dismissed",
        "отверг", "отвергла", "отвергли", "отвергает", "отрицает", "опроверг",
    ),
    "warning": (
        "حذر", "حذرت", "يحذر", "تحذر", "محذرا", "محذرة",
        "warned", "warns", "cautioned",
        "предупредил", "предупредила", "предупредили", "предупреждает",
    ),
    "proposal": (
        "اقترح", "اقترحت", "يقترح", "تقترح", "مقترحا",
        "proposed", "proposes", "suggested", "suggests", "offered",
        "предложил", "предложила", "предложили", "предлагает",
    ),
    "acceptance": (
        "وافق", "وافقت", "يوافق", "رحب", "رحبت", "يرحب", "مرحبا",
        "agreed", "welcomed", "accepted",
        "согласился", "согласилась", "приветствовал", "приветствовала",
    ),
    "statement": (
        "قال", "قالت", "يقول", "تقول", "قوله", "قائلا", "قائلة",
        "أكد", "أكدت", "يؤكد", "تؤكد", "مؤكدا", "مؤكدة",
        "أضاف", "أضافت", "يضيف", "تضيف", "مضيفا", "مضيفة",
        "أشار", "أشارت", "يشير", "تشير", "مشيرا", "مشيرة",
        "شدد", "شددت", "يشدد", "تشدد", "مشددا", "مشددة",
        "أعلن", "أعلنت", "يعلن", "تعلن", "معلنا",
        "أعرب", "أعربت", "يعرب", "معربا",
        "اعتبر", "اعتبرت", "يعتبر", "تعتبر", "معتبرا", "معتبرة",
        "أوضح", "أوضحت", "يوضح", "موضحا", "موضحة",
        "تابع", "تابعت", "صرح", "صرحت", "يصرح", "ذكر", "ذكرت", "يذكر",
        "لفت", "لفتت", "لافتا", "نوه", "نوهت", "أبلغ", "أبلغت",
        "أجاب", "أجابت", "جاء في", "بحسب", "وفقا",
        "said", "says", "stated", "states", "stressed", "stresses", "added", "adds",
        "told", "noted", "notes", "declared", "announced", "emphasised", "emphasized",
        "insisted", "explained", "according to", "continued",
        "заявил", "заявила", "заявили", "заявляет", "сказал", "сказала", "сказали",
        "подчеркнул", "подчеркнула", "подчеркнули", "отметил", "отметила", "отметили",
        "добавил", "добавила", "сообщил", "сообщила", "сообщили", "объявил",
        "пояснил", "пояснила", "по словам", "говорится",
    ),
}

# What the quoted words themselves say, for a verb that says only "said"; the first
# kind whose cue occurs wins, the most specific kinds first.
KIND_CUES: Final[dict[str, tuple[str, ...]]] = {
    "warning": (
        "لن نسمح", "سنتخذ", "ستتخذ", "إجراءات جوابية", "عواقب", "وإلا", "إن لم", "إذا لم",
        "إذا استمر", "إذا استمرت", "قطع للعلاقات", "قطع العلاقات",
        "will not allow", "will not tolerate", "consequences", "otherwise", "or else",
        "if they continue", "sever relations", "break off relations",
        "не позволим", "не допустим", "ответные меры", "последствия", "иначе",
        "если продолжат", "разрыв отношений",
    ),
    "rejection": (
        "غير مقبول", "عدم قبول", "لا نقبل", "لن نقبل", "لا يوافق", "نرفض",
        "unacceptable", "we reject", "does not accept", "will never accept", "will not accept",
        "неприемлем", "неприемлемо", "не принимаем", "не примем", "отвергаем",
    ),
    "proposal": (
        "نقترح", "سيكون من الصواب", "we propose", "we suggest", "it would be right to",
        "предлагаем", "было бы правильно",
    ),
    "acceptance": (
        "نرحب", "اتفق", "اتفقنا", "اتفقا", "اتفقتا", "we welcome", "we agreed", "as agreed",
        "приветствуем", "договорились",
    ),
    "demand": (
        "يجب", "ضرورة", "طلبنا", "نطلب", "سأطلب", "نطالب", "فقط إذا", "استفسارا", "must",
        "demand", "we insist", "we ask", "only if", "должны", "необходимо", "требуем",
        "обязаны", "только если",
    ),
    "response": (
        "الرد", "ردود", "الردود", "ردهم", "ردها", "استجابة", "reply", "replies", "response",
        "ответ", "ответы", "ответе",
    ),
}

# The subject of the verb is an institution's statement, not a person speaking.
READOUT_NOUNS: Final = (
    "بيان", "البيان", "التصريحات", "وزارة", "الخارجية", "الكرملين", "الرئاسة", "المكتب الصحفي",
    "الخدمة الصحفية",
    "statement", "readout", "ministry", "press service", "press office", "kremlin",
    "white house", "state department",
    "заявлении", "заявление", "сообщении", "мид", "министерство", "пресс-служба",
    "пресс-службе", "кремль", "кремле",
)

# Words standing for someone already named: the speaker carries over.
BACK_REFERENCES: Final = (
    "الدبلوماسي", "الوزير", "المسؤول", "المتحدث", "المتحدثة", "الدبلوماسية",
    "the diplomat", "the minister", "the official", "the spokesman", "the spokeswoman",
    "he", "she",
    "дипломат", "министр", "он", "она",
)

# A quotation led only by these continues the speaker before ("also: '...'").
CONTINUATIONS: Final = ("كما", "و", "also", "and", "также", "и")

# Words that start reported speech: the claim is what follows.
COMPLEMENTISERS: Final = (
    "أن", "أنه", "أنها", "أننا", "أنهم", "إن", "إنه", "إنها", "إننا", "إنهم", "بأن",
    "بأنه", "بأنها", "بأننا", "فإن",
    "that",
    "что",
)

TODAY: Final = ("اليوم", "today", "сегодня")
YESTERDAY: Final = ("أمس", "البارحة", "yesterday", "вчера")

# Monday first, as datetime.weekday() counts.
WEEKDAYS: Final = (
    ("الاثنين", "الإثنين", "monday", "понедельник"),
    ("الثلاثاء", "tuesday", "вторник"),
    ("الأربعاء", "wednesday", "среду", "среда"),
    ("الخميس", "thursday", "четверг"),
    ("الجمعة", "friday", "пятницу", "пятница"),
    ("السبت", "saturday", "субботу", "суббота"),
    ("الأحد", "sunday", "воскресенье"),
)

# Russian month names in the genitive (as dates write them), for dates.parse_date,
# which reads English and Arabic ones.
RUSSIAN_MONTHS: Final = (
    "января", "февраля", "марта", "апреля", "мая", "июня",
    "июля", "августа", "сентября", "октября", "ноября", "декабря",
)
# fmt: on
