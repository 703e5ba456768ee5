"""The words figures are read with: number words, hedges, scales, and what counted nouns measure.

Categories follow what a number measures: troops, deaths, injured, attacks, ships, missiles-drones,
money, percent, people, countries, and other (anything else counted, grouped by its noun).
"""

from __future__ import annotations

_UNITS = "one two three four five six seven eight nine".split()
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()


def _number_words() -> dict[str, int]:
    words: dict[str, int] = {w: i + 1 for i, w in enumerate(_UNITS)}
    words.update({w: 10 + i for i, w in enumerate(_TEENS)})
    for i, tens in enumerate(_TENS):
        value = 20 + 10 * i
        words[tens] = value
        for j, unit in enumerate(_UNITS):
            words[f"{tens}-{unit}"] = value + j + 1
    words.update({
        "a hundred": 100, "one hundred": 100, "hundred": 100, "a thousand": 1000, "one thousand": 1000,
        "a million": 1_000_000, "one million": 1_000_000, "a billion": 1_000_000_000, "a dozen": 12,
        "dozen": 12, "half a million": 500_000,
    })  # fmt: skip
    return words


NUMBER_WORDS: dict[str, int] = _number_words()
# The same words as one compact pattern: an alternation of a hundred words is slow to try at each place.
NUMBER_WORDS_PATTERN = (
    rf"(?:{'|'.join(_TENS)})(?:-(?:{'|'.join(_UNITS)}))?|{'|'.join(_TEENS)}|"
    r"(?:a|one)\s+(?:hundred|thousand|million|billion)|half\s+a\s+million|a\s+dozen|hundred|dozen|"
    rf"{'|'.join(_UNITS)}"
)
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "m": 1e6, "bn": 1e9}
HEDGES = {
    "about": "about", "around": "about", "roughly": "about", "approximately": "about", "some": "about",
    "nearly": "nearly", "almost": "nearly", "close to": "nearly", "an estimated": "about",
    "over": "over", "more than": "over", "more, than": "over", "upwards of": "over", "at least": "at least",
    "up to": "up to", "as many as": "up to", "fewer than": "under", "less than": "under", "under": "under",
}  # fmt: skip
CURRENCIES = {"$": "US dollars", "US$": "US dollars", "€": "euros", "£": "pounds", "dollars": "US dollars",
              "euros": "euros", "pounds": "pounds"}  # fmt: skip

_CATEGORIES = {
    "troops": """troops soldiers forces personnel servicemembers marines advisers advisors instructors
        officers troopers commandos paratroopers reservists guards peacekeepers contractors fighters
        militants militiamen mercenaries jihadists insurgents rebels gunmen""",
    "deaths": "deaths dead bodies corpses fatalities killed casualties",
    "injured": "injured wounded injuries",
    "attacks": """attacks strikes airstrikes air-strikes raids assaults incidents bombings ambushes
        operations sorties""",
    "ships": "ships vessels tankers boats warships destroyers frigates carriers freighters ship vessel",
    "missiles-drones": """missiles drones rockets munitions projectiles shells mortars bombs warheads
        interceptors""",
    "people": """people civilians residents individuals inhabitants children women men refugees migrants
        displaced families persons prisoners hostages detainees workers students crew members lawmakers
        voters patients girls boys babies infants worshippers pilgrims protesters demonstrators journalists
        sailors citizens nationals villagers survivors victims staff employees households""",
    "countries": "countries nations states partners governments member-states",
    "percent": "percent per-cent",
}
CATEGORY_OF_NOUN: dict[str, str] = {
    noun: category for category, nouns in _CATEGORIES.items() for noun in nouns.split()
}
for _noun, _category in list(CATEGORY_OF_NOUN.items()):  # "one soldier", "a single drone"
    if (
        _noun.endswith("s")
        and not _noun.endswith("ss")
        and _category not in ("percent", "injured", "countries")
    ):
        CATEGORY_OF_NOUN.setdefault(_noun[:-1], _category)
CATEGORY_OF_NOUN.update({"service member": "troops", "commanders": "troops", "commander": "troops",
                         "leaders": "people", "officials": "people", "times": "attacks",
                         "service members": "troops", "crew members": "people", "member states": "countries",
                         "military personnel": "troops", "aid workers": "people"})  # fmt: skip
# Nouns for people whose count a verb may turn into deaths or injuries ("96 civilians were killed").
COUNTABLE_PEOPLE = frozenset({"people", "troops"})

TIME_UNITS = frozenset(
    """year years month months week weeks day days hour hours minute minutes decade decades century
    centuries year-old years-old weekend weekends night nights session sessions term terms round rounds
    time times""".split()
)
# Words after a number that make it no count: "one of", "two-thirds", "5 billion years", "three per day".
NOT_COUNTED_AFTER = frozenset(
    """of per than o'clock pm am th st nd rd another each apiece or and to by on in at for with from
    as is was were are be been has have had will would that which who the a an this these those its
    their his her our your my no not across into over under after before during through via near around
    against among between without within outside inside more others""".split()
)
# The common noun at the head of a place's name ("Suez Canal", "Gulf of Aden", "Zamzam camp"): news
# refers back to such a place as "the canal", "the gulf", "the camp".
GEOGRAPHIC_HEADS = frozenset(
    """canal sea gulf strait straits river lake island islands peninsula desert valley bay ocean
    camp basin delta""".split()
)
# What a place owns that is counted in money: "the canal's revenue fell to $7.2 billion".
MONEY_OF_A_PLACE = frozenset(
    """revenue revenues income earnings budget exports imports economy debt deficit losses
    trade output gdp receipts""".split()
)
