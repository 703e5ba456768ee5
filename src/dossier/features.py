"""Sentence features: the content words and names two sentences are compared by, and their weights.

An article's features are made once, in the extraction worker (:mod:`dossier.facts`), and compared
across articles by the analysis (:mod:`dossier.analyze.similarity`); so they live below both.
"""

from __future__ import annotations

import re
from functools import lru_cache

from dossier.extract.arabic import MARKS, fold_arabic, in_arabic_script

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each even few for from further had
    has have having he her here hers him his how i if in into is it its itself just like made make many
    may me might more most much must my no nor not now of off on once only or other our out over own
    said same say says she should since so some still such than that the their them then there these
    they this those through to too under until up upon very was we were what when where which while who
    whom why will with would yet you your""".split()
)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_SUFFIXES = ("ations", "ation", "ments", "ment", "ings", "ing", "ies", "ied", "ed", "es", "s")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light suffix stripper: "announce", "announced", "announcement" all become "announc"."""
    word = word.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    return word[:-1] if word.endswith("e") and len(word) > 4 else word


# Arabic function words, folded (see fold_arabic): prepositions, conjunctions, pronouns, particles
# and the verbs of saying that every quoted sentence has. Written onto the next word or not, they
# say nothing about which happening a sentence reports.
ARABIC_STOPWORDS = frozenset(
    fold_arabic(w)
    for w in """في من على إلى الى عن مع عند منذ حتى بين خلال ضد نحو لدى دون عبر حول بعد قبل أمام
    و أو ثم بل لكن لكنه غير إن أن كان كانت يكون تكون قد لقد لم لن لا ما ليس هذا هذه ذلك تلك هؤلاء
    هو هي هم هما نحن أنا الذي التي الذين اللذين اللتين كل بعض أي أيضا كما إذ إذا حيث بينما فيما
    وفق وفقا بحسب حسب جدا فقط عام اليوم أمس غدا يوم قال وقال قالت أكد أكدت أعلن أعلنت أضاف أضافت
    أوضح أوضحت تابع مضيفا مؤكدا""".split()
)
_TANWIN_ALEF = re.compile("\u064b\u0627|\u0627\u064b")  # fathatan on the alef or before it
_ARABIC_ARTICLE = ("لال", "وال", "فال", "بال", "كال", "وبال", "وكال", "فبال", "ولل", "فلل", "لل", "ال")
_ARABIC_ENDINGS = ("هما", "هم", "ها", "ات", "ون", "ين", "ه")  # pronouns written on, plurals, ta marbuta


@lru_cache(maxsize=65536)
def arabic_stem(word: str) -> str:
    """A light Arabic key for comparing sentences: folded, the article with any conjunction or
    preposition written onto it taken off, and one ending: a pronoun, a plural or the feminine
    ("والضربات", "ضربة" → "ضرب"; "اتفاقهما" → "اتفاق"). A bare و or ب is never taken off,
    since so many words begin with one ("وزير")."""
    word = fold_arabic(word)
    for prefix in _ARABIC_ARTICLE:
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            word = word[len(prefix) :]
            break
    for ending in _ARABIC_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


def _is_arabic(word: str) -> bool:
    return "\u0600" <= word[0] <= "\u06ff"


def content_words(text: str) -> frozenset[str]:
    """The words of ``text`` that may tell one happening from another, stemmed: English by its
    suffixes, Arabic by its article, clitics and endings (:func:`arabic_stem`)."""
    if in_arabic_script(text):
        # the alef that carries an accusative tanwin is no part of the word ("مقرًا" is "مقر"), and a
        # mark would split a word
        text = MARKS.sub("", _TANWIN_ALEF.sub("", text))
    found = set()
    for word in _WORD.findall(text):
        if _is_arabic(word):
            key = arabic_stem(word)
            if key not in ARABIC_STOPWORDS and fold_arabic(word) not in ARABIC_STOPWORDS and len(key) > 2:
                found.add(key)
        elif word.lower() not in STOPWORDS and len(word) > 2:
            found.add(stem(word))
    return frozenset(found)


# How much a shared feature says about two sentences reporting one happening. Fixed, not learned from
# the corpus, so that whether two reports merge depends on those reports alone (and an edit elsewhere
# in an archive cannot change it): places say little, people and groups much; news verbs and nouns
# that every sentence of the story uses say little.
# Weights are whole numbers (tenths), so that every total is exact: a float sum over a set depends
# on the set's iteration order, which changes from one process to the next, and a last-bit
# difference could tip a merge decision and make two builds of the same articles differ.
# One weight for each of dossier.model.PLACE_TYPES.
PLACE_WEIGHTS = {"country": 2, "region": 3, "city": 5, "province": 6, "place": 6}
FULL_WEIGHT = 10  # a person, a group, a telling word
GENERIC_WEIGHT = 4
GENERIC_WORDS = frozenset(
    stem(w)
    for w in """said says told government officials official forces force country countries people also
    including would could security military political groups group states year years week month time new
    first last former current recent recently""".split()
)


class FeatureWeights:
    """Weights of sentence features: "@entity" by the entity's type, words by how generic they are."""

    def __init__(self, entity_types: dict[str, str]) -> None:
        self._by_entity = {e: PLACE_WEIGHTS.get(kind, FULL_WEIGHT) for e, kind in entity_types.items()}
        self._features = {f"@{e}": w for e, w in self._by_entity.items()}

    def __call__(self, feature: str) -> int:
        if feature[:1] == "@":
            return self._features.get(feature, FULL_WEIGHT)
        return GENERIC_WEIGHT if feature in GENERIC_WORDS else FULL_WEIGHT

    def entity(self, entity: str) -> int:
        return self._by_entity.get(entity, FULL_WEIGHT)

    def is_place(self, entity: str) -> bool:
        return self._by_entity.get(entity, FULL_WEIGHT) < FULL_WEIGHT

    def total(self, features: frozenset[str] | set[str]) -> int:
        return sum(self(x) for x in features)

    def shared(self, a: frozenset[str] | set[str], b: frozenset[str] | set[str]) -> int:
        """The weight of what ``a`` and ``b`` share (walking the smaller one)."""
        if len(a) > len(b):
            a, b = b, a
        return sum(self(x) for x in a if x in b)
