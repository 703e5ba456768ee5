"""The words of attribution in Arabic news: speech verbs, participles, credits and roles.

Each list is written as news spells it; :mod:`.arabic` folds them as it folds the text.
"""

from __future__ import annotations

# Speech verbs in the past (both genders) and the present, with ف/و written onto them in the text.
VERBS = """قال قالت أكد أكدت أعلن أعلنت أوضح أوضحت أضاف أضافت كشف كشفت صرح صرحت أفاد أفادت ذكر ذكرت
    أشار أشارت شدد شددت لفت لفتت اعتبر اعتبرت حذر حذرت نفى نفت رأى رأت تابع تابعت يقول تقول أبلغ
    أبلغت نقل نقلت يرى ترى""".split()
# Verbs that announce what is new with a noun, without "إن/أن" ("أعلنت الكتائب تعليق عملياتها").
ANNOUNCING = "أعلن أعلنت أكد أكدت كشف كشفت نفى نفت".split()
# Circumstantial participles: a further statement by the sentence's speaker ("مضيفًا أن …").
PARTICIPLES = """مضيفا مضيفة مؤكدا مؤكدة موضحا موضحة مشيرا مشيرة محذرا محذرة معتبرا معتبرة لافتا لافتة
    مشددا مشددة متابعا متابعة""".split()
# Credits: the rest of the sentence, or what comes before them, is the source's ("بحسب X، …").
CREDITS = ("بحسب", "حسب", "وفقا ل", "وفق", "نقلا عن")
# Words that open a role rather than a name ("مصدر في الشرطة", "المتحدث باسم …").
ROLE_WORDS = """مصدر مصادر مسؤول مسؤولون المتحدث الناطق متحدث ناطق الخبير خبير المحلل محلل النائب نائب
    وزير الوزير رئيس الرئيس قائد القائد الأمين البيان بيان مراقبون مراقب دبلوماسي قيادة""".split()
# Sources a credit may name without the registry knowing them ("بحسب مصادر", "وفقًا لوكالة …").
SOURCE_WORDS = "وكالة صحيفة قناة موقع تقرير التقرير".split()
# Heads of a phrase that speaks for a country given by its adjective ("الحكومة العراقية").
OFFICIAL_WORDS = """الحكومة الجيش السلطات الرئاسة مسؤول مسؤولون مصدر مصادر المتحدث الناطق الخارجية وزارة
    الوزارة""".split()
# A phrase of one of these words points back to the last speaker ("وأوضح المسؤول أن …").
BACK_REFERENCES = "المسؤول المتحدث الناطق المصدر الوزير الرئيس".split()
# Where a speaker phrase ends before its content: "في بيان", "خلال مؤتمر", "للصحفيين".
PHRASE_ENDINGS = """في بيان|في تصريح|في تصريحات|في كلمة|في مؤتمر|في حديث|خلال|للصحفيين|لوكالة|لصحيفة|لقناة
    |عبر|أمام""".replace("\n    ", "").split("|")
