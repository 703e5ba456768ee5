"""The words of Arabic date expressions, as news in Arabic writes them.

Two month-name systems are in use side by side: the Syriac names of Iraq and
the Levant (كانون الثاني … كانون الأول) and the names taken from French and
English in Egypt, the Gulf and the Maghreb (يناير … ديسمبر, with their local
spellings: إبريل, يوليوز, غشت, جانفي …). Papers often write both ("أيلول/سبتمبر").
Every entry is written as news spells it; the rules fold them (hamza, ta
marbuta, alef maqsura) as they fold the text, so one entry covers the
spellings that differ only there.
"""

from __future__ import annotations

import calendar

MONTHS: dict[int, tuple[str, ...]] = {
    1: ("كانون الثاني", "كانون ثاني", "يناير", "جانفي"),
    2: ("شباط", "فبراير", "فيفري"),
    3: ("آذار", "مارس"),
    4: ("نيسان", "أبريل", "إبريل", "أفريل"),
    5: ("أيار", "مايو", "ماي"),
    6: ("حزيران", "يونيو", "يونيه", "جوان"),
    7: ("تموز", "يوليو", "يوليه", "يوليوز", "جويلية"),
    8: ("آب", "أغسطس", "غشت", "أوت"),
    9: ("أيلول", "سبتمبر", "شتنبر"),
    10: ("تشرين الأول", "تشرين أول", "أكتوبر"),
    11: ("تشرين الثاني", "تشرين ثاني", "نوفمبر", "نونبر"),
    12: ("كانون الأول", "كانون أول", "ديسمبر", "دجنبر"),
}
# Weekday number (Monday 0, as :mod:`calendar`) → its name with the article, as news writes it.
WEEKDAYS: dict[int, tuple[str, ...]] = {
    0: ("الاثنين", "الإثنين"),
    1: ("الثلاثاء", "الثلاثا"),
    2: ("الأربعاء", "الأربعا"),
    3: ("الخميس",),
    4: ("الجمعة",),
    5: ("السبت",),
    6: ("الأحد",),
}
ENGLISH_MONTHS = {number: calendar.month_name[number] for number in MONTHS}
ENGLISH_WEEKDAYS = {number: calendar.day_name[number] for number in WEEKDAYS}

# Words after a month, a weekday or a unit that place it relative to publication, by the English
# word the resolvers read ("الماضي" last, "المقبل" next, "الجاري" this).
RELATIONS: dict[str, tuple[str, ...]] = {
    "last": ("الماضي", "الماضية", "المنصرم", "المنصرمة", "الفائت", "الفائتة"),
    "next": ("المقبل", "المقبلة", "القادم", "القادمة"),
    "this": ("الجاري", "الجارية", "الحالي", "الحالية"),
}
# Units of "الشهر الماضي", "العام المقبل", "الأسبوع الجاري", "هذا العام".
UNITS: dict[str, tuple[str, ...]] = {
    "month": ("الشهر",),
    "year": ("العام", "السنة"),
    "week": ("الأسبوع",),
}
# Days named from publication, by the phrase the English resolver reads.
RELATIVE_DAYS: dict[str, tuple[str, ...]] = {
    "the day before yesterday": ("أول أمس", "أول من أمس", "أمس الأول"),
    "the day after tomorrow": ("بعد غد",),
    "yesterday": ("أمس", "البارحة"),
    "today": ("اليوم",),
    "tomorrow": ("غدا",),
}
# Words after "اليوم" that make it a day of a story, not today ("اليوم التالي" the next day).
NOT_TODAY_AFTER = (
    "التالي",
    "نفسه",
    "ذاته",
    "السابق",
    "الأول",
    "الثاني",
    "الثالث",
    "الأخير",
    "الذي",
    "الوطني",
    "العالمي",
    "الدولي",
)
SEASONS: dict[str, tuple[str, ...]] = {
    "spring": ("ربيع",),
    "summer": ("صيف",),
    "fall": ("خريف",),
    "winter": ("شتاء",),
}
# Words before a date that say which part of it is meant; the span takes them in.
MODIFIERS: dict[str, tuple[str, ...]] = {
    "EARLY": ("مطلع", "أوائل", "مستهل"),
    "START": ("بداية", "بدايات"),
    "MID": ("منتصف", "أواسط"),
    "LATE": ("أواخر",),
    "END": ("نهاية", "ختام"),
}
# Words before a bare month ("في آب", "منذ أيلول") that show it is the month and not a word that
# shares its letters ("مارس" is also "he practised"). The prepositions stay outside the span.
MONTH_CUES = (
    "في",
    "منذ",
    "حتى",
    "بحلول",
    "خلال",
    "قبل",
    "بعد",
    "شهر",
    "أشهر",
    "مطلع",
    "أوائل",
    "مستهل",
    "بداية",
    "منتصف",
    "أواسط",
    "أواخر",
    "نهاية",
    "ختام",
    "حلول",
    "مع",
    "من",
    "إلى",
    "أو",
    "و",
)
# Ordinal day numbers written out ("الرابع من يناير"), 1 to 31.
_UNITS_ORDINAL = ("الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع")
DAY_ORDINALS: dict[str, int] = {
    **{word: n for n, word in enumerate(_UNITS_ORDINAL, 1)},
    "العاشر": 10,
    "الحادي عشر": 11,
    "الثاني عشر": 12,
    **{f"{word} عشر": n for n, word in enumerate(_UNITS_ORDINAL, 11) if n >= 13},
    "العشرين": 20,
    "الحادي والعشرين": 21,
    **{f"{word} والعشرين": n for n, word in enumerate(_UNITS_ORDINAL, 21) if n >= 22},
    "الثلاثين": 30,
    "الحادي والثلاثين": 31,
}
# "قبل عامين", "قبل ثلاثة أشهر", "قبل أسبوع": time ago from publication, by unit (singular, dual,
# plural after a count) and the counts written as words.
AGO_UNITS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "day": (("يوم",), ("يومين",), ("أيام", "يوما")),
    "week": (("أسبوع",), ("أسبوعين",), ("أسابيع", "أسبوعا")),
    "month": (("شهر",), ("شهرين",), ("أشهر", "شهور", "شهرا")),
    "year": (("عام", "سنة"), ("عامين", "سنتين"), ("أعوام", "سنوات", "عاما", "سنة")),
}
COUNT_WORDS: dict[str, int] = {
    "ثلاثة": 3, "ثلاث": 3, "أربعة": 4, "أربع": 4, "خمسة": 5, "خمس": 5, "ستة": 6, "ست": 6,
    "سبعة": 7, "سبع": 7, "ثمانية": 8, "ثماني": 8, "تسعة": 9, "تسع": 9, "عشرة": 10, "عشر": 10,
}  # fmt: skip
