"""The table of date rules: a name, a regular expression, a guard, the profiles it runs in, and the
words that trigger it.

Order matters only on a tie: where candidates overlap the longest wins, and
the earlier rule on equal length. ``news`` is this project's convention
(offsets such as "a year earlier" are not dates); ``timeml`` is TempEval's.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from dossier.extract.dates import guards as g
from dossier.extract.dates.guards import Guard
from dossier.extract.dates.lexicon import (
    CENTURY_ORDINALS,
    COUNT,
    DAY,
    DECADE_WORDS,
    MONTH_ANY,
    MONTH_FULL,
    OPTIONAL_WEEKDAY,
    TEENS,
    TENS,
    UNITS,
    WEEKDAY_FULL,
    YEAR,
    alternation,
    year_group,
)
from dossier.extract.tokens import fold

NEWS, TIMEML = "news", "timeml"
BOTH = (NEWS, TIMEML)


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    guard: Guard | None = None
    profiles: tuple[str, ...] = BOTH


_THE = r"(?P<the>(?i:the)\s+)?"
_REL = r"(?P<rel>(?i:last|this|next|coming|past|previous))"
_END = r"(?![\w]|-\w)"  # a word ends here; "year-" before a dash and a space still ends it
_ORD = r"(?P<ord>(?i:first|second|third|fourth|final|last|1st|2nd|3rd|4th))"
_SHORT_YEAR = r"['’](?P<yy>\d\d)(?![\w'’])"
# "the 1988 second quarter", "1988's", "fiscal 1989's", "next year's", "the year's"
_PART_PREFIX = (
    rf"(?:(?P<pfis>(?i:fiscal)\s+(?:(?i:year)\s+)?)?{year_group('pyear')}(?:['’]s)?\s+|"
    r"(?P<prel>(?i:this|last|next|the\s+current|the\s+previous|the))\s+(?P<prfis>(?i:fiscal)\s+)?(?i:year)['’]s\s+)?"
)
_PART_OF = (
    rf"(?:\s+of\s+(?:(?P<ofis>(?i:fiscal)\s+(?:(?i:year)\s+)?){year_group('fyear')}|{YEAR}|"
    r"(?P<rel>(?i:this|last|next))\s+(?:(?i:fiscal)\s+)?(?i:year)|"
    r"(?P<the_year>(?i:the\s+(?:current\s+|fiscal\s+|calendar\s+)*year))))?"
)
_PERIOD_MODS = (
    r"current|latest|last|most\s+recent|recent|previous|preceding|prior|past|same|year-earlier|year-ago|"
    r"comparable|corresponding|prior-year|previous-year|just-ended|just-completed|just\s+ended|fiscal|calendar"
)
_CENTURY = rf"(?:(?P<cnum>\d{{1,2}})(?:st|nd|rd|th)|(?P<cword>{alternation(CENTURY_ORDINALS)}))"
_SPELLED = (
    rf"(?P<sy_c>(?i:seventeen|eighteen|nineteen|twenty))[\s-]+(?:(?P<sy_teen>{alternation(TEENS)})|"
    rf"(?P<sy_tens>{alternation(TENS)})(?:[\s-]+(?P<sy_unit>{alternation(UNITS)}))?|"
    rf"(?i:oh|o)[\s-]+(?P<sy_oh>{alternation(UNITS)})|(?P<sy_hundred>(?i:hundred)))"
)
_THOUSAND = (
    rf"(?P<thousand>(?i:two)[\s-]+(?i:thousand))(?:[\s-]+(?:(?i:and)\s+)?"
    rf"(?P<k_unit>{alternation([*TEENS, *UNITS])}))?"
)

_SPEC: tuple[tuple[str, str, Guard | None, tuple[str, ...]], ...] = (
    (
        "iso",
        r"(?<![\d/-])(?P<year>\d{4})-(?P<month_num>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])(?![\d-])",
        None,
        BOTH,
    ),
    ("mdy", rf"{OPTIONAL_WEEKDAY}{MONTH_ANY}\s+{DAY}(?:,\s*|\s+)(?:of\s+)?{YEAR}", None, BOTH),
    ("dmy", rf"{OPTIONAL_WEEKDAY}{_THE}{DAY}(?:\s+of)?\s+{MONTH_ANY},?\s+{YEAR}", None, BOTH),
    ("week_of", rf"{_THE}(?i:week)\s+of\s+{MONTH_ANY}\s+{DAY}(?:,?\s+{YEAR})?", None, BOTH),
    (
        "period_ended",
        rf"{_THE}(?P<pfis>(?i:fiscal)\s+)?(?P<punit>(?i:year|quarter|half))\s+"
        rf"(?P<pverb>(?i:ended|ending|that\s+ended|which\s+ended|that\s+ends|which\s+ends))\s+"
        rf"{MONTH_ANY}\s+{DAY}(?:,?\s+{YEAR})?",
        None,
        BOTH,
    ),
    ("md", rf"{OPTIONAL_WEEKDAY}{MONTH_ANY}\s+{DAY}", g.md_ok, BOTH),
    ("dm", rf"{OPTIONAL_WEEKDAY}{_THE}{DAY}(?:\s+of)?\s+{MONTH_ANY}", None, BOTH),
    ("my", rf"{MONTH_ANY}(?:,\s*|\s+)(?:of\s+)?{YEAR}", None, BOTH),
    (
        "month_anaphor",
        rf"{MONTH_FULL}\s+(?:of\s+)?(?P<ana>(?i:that|the\s+same|the\s+following|the\s+previous|the\s+next|last|this|next))\s+(?i:year)",
        None,
        BOTH,
    ),
    ("month", rf"(?:{_REL}\s+)?{MONTH_FULL}", g.bare_month_ok, BOTH),
    (
        "fiscal",
        rf"(?<![\w-])(?P<fy>(?i:fiscal))(?:\s+|-)(?:(?i:year)\s+)?(?:{YEAR}|{_SHORT_YEAR}){_END}",
        None,
        BOTH,
    ),
    ("fy", rf"(?<![\w-])FY\s?(?:{YEAR}|(?P<yy>\d\d)(?!\d))", None, BOTH),
    ("year", rf"(?<![\w$€£¥#.,/]){YEAR}(?![\w%‰]|[.,]\d)", g.year_ok, BOTH),
    ("short_year", rf"(?<![\w'’]){_SHORT_YEAR}", g.short_year_ok, BOTH),
    ("spelled_year", rf"(?<![\w-])(?:{_SPELLED}|{_THOUSAND}){_END}", g.spelled_year_ok, BOTH),
    (
        "decade",
        r"(?<![\w'’])(?:(?P<century>1\d|20)(?P<decade>\d)0|['’](?P<short>\d)0)['’]?s\b",
        None,
        BOTH,
    ),
    (
        "decade_word",
        rf"(?<![\w-])(?:(?P<nineteen>(?i:nineteen))[\s-]+|(?P<apos>['’]))?(?P<dword>{alternation(DECADE_WORDS)}){_END}",
        g.decade_word_ok,
        BOTH,
    ),
    (
        "century",
        rf"(?<![\w-]){_THE}(?:{_CENTURY}|(?P<crel>(?i:this|last|next|past|previous|coming|current|new)))"
        rf"(?:\s+|-)(?i:century){_END}",
        None,
        BOTH,
    ),
    (
        "season",
        rf"(?:{_REL}\s+)?(?P<season>(?i:spring|summer|fall|autumn|winter))(?:\s+(?:of\s+)?(?:{YEAR}|{_SHORT_YEAR}))?(?![\w-])",
        g.season_ok,
        BOTH,
    ),
    (
        "part_of_year",
        rf"(?<![\w-]){_THE}{_PART_PREFIX}(?P<qfis>(?i:fiscal)\s+)?{_ORD}(?:\s+|-)(?:(?i:fiscal)\s+)?(?P<unit>quarter|half|Quarter|Half|QUARTER|HALF){_PART_OF}{_END}",
        g.part_of_year_ok,
        BOTH,
    ),
    (
        "period_ref",
        rf"(?<![\w-])(?P<det>(?i:the|this|last|next|that|its|their|our))\s+(?:(?P<qmod>(?i:{_PERIOD_MODS}))\s+)?"
        r"(?:(?i:fiscal|calendar)\s+)?(?P<unit>quarter|half|period)"
        r"(?:\s+(?P<cmp>(?i:a\s+year\s+(?:earlier|ago|before)|(?:of\s+)?(?:last|the\s+previous|the\s+prior)\s+year)))?"
        rf"{_END}",
        g.period_ref_ok,
        BOTH,
    ),
    (
        "year_earlier",
        r"(?<![\w-])(?P<cmpadj>(?i:year-earlier|year-ago|prior-year|year-before))(?=\s+[a-z])"
        r"(?!\s+(?:quarter|half|period)\b)",
        None,
        BOTH,
    ),
    ("q", rf"(?<![\w-])Q(?P<q>[1-4])(?:\s+|\s*-\s*)?(?:{YEAR})?(?![\w-])", None, BOTH),
    (
        "fiscal_year",
        rf"{_THE}(?:(?P<rel>(?i:this|last|next|current|previous|prior|coming|new|past))\s+)?(?i:fiscal)\s+(?i:year){_END}(?!\s+\d)",
        None,
        BOTH,
    ),
    (
        "full_year",
        rf"{_THE}(?:(?P<fymod>(?i:full|whole|entire|calendar))\s+(?:(?i:fiscal)\s+)?(?i:year)|"
        r"(?P<fyadj>(?i:full|calendar))-(?i:year)(?=\s+[a-z]))(?![\w-])|(?<=\b[Ff]or\s)(?P<foryear>the\s+year)(?=\s*[,;:])",
        None,
        BOTH,
    ),
    ("year_end", rf"(?<![\w-])(?P<yefis>(?i:fiscal)\s+)?(?i:year)(?:-|\s)?(?i:end){_END}", None, BOTH),
    ("weekday", rf"(?:{_REL}\s+)?{WEEKDAY_FULL}(?:['’]s)?", g.weekday_ok, BOTH),
    (
        "relday",
        r"(?<![\w-])(?P<relday>(?i:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today|tomorrow|tonight|last\s+night|this\s+(?:morning|afternoon|evening)))(?:['’]s)?(?![\w-])",
        g.relday_ok,
        BOTH,
    ),
    (
        "relunit",
        rf"(?<![\w-])(?:(?P<pre>(?i:earlier|later))\s+)?(?P<rel>(?i:last|this\s+past|this|next|coming))\s+(?P<unit>(?i:week|month|year|weekend|decade)){_END}",
        g.relunit_ok,
        BOTH,
    ),
    (
        "current_unit",
        rf"(?<![\w-]){_THE}(?P<rel>(?i:current|present))\s+(?P<unit>(?i:year|month|week|decade)){_END}",
        None,
        BOTH,
    ),
    ("weekend", rf"(?<![\w-]){_THE}(?i:weekend){_END}", g.weekend_ok, BOTH),
    (
        "anaphor",
        rf"(?<![\w-])(?:(?P<pre>(?i:earlier|later))\s+)?{_THE}(?P<ana>(?i:that\s+same|that|same|following|previous|preceding|next|prior))\s+(?P<unit>(?i:day|week|month|year)){_END}",
        g.anaphor_ok,
        BOTH,
    ),
    (
        "anaphor_pod",
        rf"(?<![\w-]){_THE}(?P<ana>(?i:next|following|previous|that|same|that\s+same))\s+"
        rf"(?P<pod>(?i:morning|afternoon|evening|night)){_END}",
        g.anaphor_ok,
        (TIMEML,),
    ),
    (
        "anaphor_after",
        rf"(?<![\w-]){_THE}(?P<unit>(?i:day|week|month|year))\s+(?P<dir>(?i:before|after|earlier|prior)){_END}",
        g.offset_ok,
        BOTH,
    ),
    (
        "the_unit",
        rf"(?<![\w-]){_THE}(?P<tu>(?i:year|month|week)){_END}(?!\s+(?:ago|before|after|earlier|later)\b)",
        g.the_unit_ok,
        BOTH,
    ),
    (
        "ago",
        rf"(?<![\w-]){COUNT}\s+(?P<unit>(?i:days?|weeks?|months?|years?|decades?|quarters?))\s+"
        r"(?:(?i:ago)|(?P<ahead>(?i:from\s+now|from\s+today|hence)))(?![\w-])(?:\s+(?P<today>(?i:today)))?",
        None,
        BOTH,
    ),
    (
        "offset",
        rf"(?<![\w-]){COUNT}\s+(?P<unit>(?i:days?|weeks?|months?|years?|decades?|quarters?))\s+(?P<dir>(?i:earlier|later|before|after|previously)){_END}",
        g.offset_ok,
        (TIMEML,),
    ),
    (
        "holiday",
        rf"(?:{_REL}\s+)?(?P<holiday>Christmas\s+Eve|Christmas(?:\s+Day)?|New\s+Year['’]s\s+(?:Day|Eve)|Thanksgiving(?:\s+Day)?|Halloween|Easter(?:\s+Sunday)?|Election\s+Day)(?:\s+{YEAR})?(?![\w-])",
        None,
        BOTH,
    ),
    ("present", r"(?<![\w-])(?P<ref>now|currently)(?![\w-])", None, (TIMEML,)),
    (
        "future",
        r"(?<![\w-])(?P<ref>(?i:the\s+(?:near\s+|foreseeable\s+|distant\s+|immediate\s+|not-too-distant\s+)?future|future))(?![\w-])",
        g.future_ok,
        (TIMEML,),
    ),
    (
        "past",
        r"(?<![\w-])(?P<ref>(?i:the\s+past))(?![\w-])(?!\s+(?:few|several|two|three|four|five|year|years|week|weeks|month|months|decade|decades|day|days))",
        None,
        (TIMEML,),
    ),
)

RULES: tuple[Rule, ...] = tuple(
    Rule(name, re.compile(p), guard, profiles) for name, p, guard, profiles in _SPEC
)

# Words that every match of a rule contains: a rule runs only near one of its trigger words,
# so tagging costs one pass over the words instead of one regular-expression pass per rule.
_MONTH_WORDS = [m.lower() for m in calendar.month_name[1:]] + [
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
]  # fmt: skip
_WEEKDAY_WORDS = [d.lower() for d in calendar.day_name]
_YEARS = [str(y) for y in range(1000, 2100)]
_SHORT_YEARS = [f"{y:02d}" for y in range(100)]
_DECADES = [f"{c}{d}0s" for c in range(10, 21) for d in range(10)] + [f"{d}0s" for d in range(10)]
_CENTURY_WORDS = ["century"]
RULE_TRIGGERS: dict[str, list[str]] = {
    "iso": _YEARS,
    "mdy": _MONTH_WORDS,
    "dmy": _MONTH_WORDS,
    "week_of": ["week"],
    "period_ended": ["ended", "ending", "ends"],
    "md": _MONTH_WORDS,
    "dm": _MONTH_WORDS,
    "my": _MONTH_WORDS,
    "month_anaphor": _MONTH_WORDS,
    "month": _MONTH_WORDS,
    "fiscal": ["fiscal"],
    "fy": ["fy", *(f"fy{y}" for y in [*_YEARS, *_SHORT_YEARS])],
    "year": _YEARS,
    "short_year": _SHORT_YEARS,
    "spelled_year": ["seventeen", "eighteen", "nineteen", "twenty", "thousand"],
    "decade": _DECADES,
    "decade_word": list(DECADE_WORDS),
    "century": _CENTURY_WORDS,
    "season": ["spring", "summer", "fall", "autumn", "winter"],
    "part_of_year": ["quarter", "half"],
    "period_ref": ["quarter", "half", "period"],
    "year_earlier": ["earlier", "ago", "prior", "before"],
    "q": ["q1", "q2", "q3", "q4"],
    "fiscal_year": ["fiscal"],
    "full_year": ["year"],
    "year_end": ["end", "yearend"],
    "weekday": _WEEKDAY_WORDS,
    "relday": ["yesterday", "today", "tomorrow", "tonight", "night", "morning", "afternoon", "evening"],
    "relunit": ["week", "month", "year", "weekend", "decade"],
    "current_unit": ["current", "present"],
    "weekend": ["weekend"],
    "anaphor": ["day", "week", "month", "year"],
    "anaphor_pod": ["morning", "afternoon", "evening", "night"],
    "anaphor_after": ["before", "after", "earlier", "prior"],
    "the_unit": ["year", "month", "week"],
    "ago": ["ago", "now", "hence"],
    "offset": ["earlier", "later", "before", "after", "previously"],
    "holiday": ["christmas", "year", "thanksgiving", "halloween", "easter", "day"],
    "present": ["now", "currently"],
    "future": ["future"],
    "past": ["past"],
}


def trigger_index(profile: str) -> dict[str, tuple[int, ...]]:
    """For each trigger word's key, the positions of the rules it starts (in table order)."""
    index: dict[str, list[int]] = {}
    for position, rule in enumerate(RULES):
        if profile in rule.profiles:
            for word in RULE_TRIGGERS[rule.name]:
                index.setdefault(fold(word), []).append(position)
    return {word: tuple(sorted(set(positions))) for word, positions in index.items()}
