"""Dates that place no happening: the page's own furniture, and plans for the future.

A news page carries dates that say when it was published, not what happened: a date line
("Published September 22, 2023", "Updated 02 September 2025", "• Monday, 24 March 2025"),
a dateline opening the story ("NIAMEY, Dec. 22 (Xinhua) --", "January 7, 2025 (WASHINGTON) –",
"Khartoum [Sudan], March 10 :"), and a byline or credit line around one. And a date that
a plan or a forecast is set for ("France would withdraw its troops by the end of 2023",
"troops will leave by September 2025") is not a dated happening either. The timeline leaves
both out; the dates are still tagged and shown in the article.
"""

from __future__ import annotations

import re

from dossier.extract.arabic import fold_arabic, writes_arabic
from dossier.extract.dates.arabic_tense import looks_ahead

_FURNITURE_WORDS = re.compile(
    r"\b(?:published|updated|posted|last\s+updated|first\s+published|modified|date|issued|released|"
    r"print|edition|filed)\b[\s:,]*$",
    re.IGNORECASE,
)
_DATELINE_AFTER = re.compile(r"^\s*(?:\([^)]{1,40}\)\s*)?(?:[-–—―:]{1,2}|\s*\(\w[^)]{0,30}\)\s*[-–—―:])\s")
_DATELINE_BEFORE = re.compile(r"^[•*\-\s]*(?:date\s+\S+\s+)?(?:[A-Z][\w .'/\[\]-]{1,60},?\s*)?$")
_DEADLINE = re.compile(
    r"\b(?:by|until|till|before|no\s+later\s+than|through)\s+(?:at\s+least\s+)?(?:the\s+)?"
    r"(?:(?:end|start|middle)\s+of\s+)?$",
    re.IGNORECASE,
)
_FUTURE = re.compile(
    r"\b(?:will|would|shall|could|should|might|may|plans?\s+to|planned|planning|expected|expects|aims?\s+to|"
    r"intends?\s+to|set\s+to|scheduled|projected|pledged\s+to|promised\s+to|vowed\s+to|hopes?\s+to|"
    r"wants?\s+[\w-]+(?:\s+[\w-]+){0,6}\s+to|(?:is|are|was|were)\s+(?:due\s+)?to|agreed\s+to|deadline)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_]{2,}")


def is_furniture(sentence: str, start: int, end: int) -> bool:
    """Whether the date at ``sentence[start:end]`` dates the page rather than a happening."""
    before, after = sentence[:start], sentence[end:]
    words_outside = _WORD.findall(before) + _WORD.findall(after[:60])
    if len(_WORD.findall(before)) + len(_WORD.findall(after)) <= 3:
        return True  # a line that is (nearly) only the date: "5 August 2024", "• Monday, 24 March 2025"
    line_before = before[before.rfind("\n") + 1 :] if "\n" in before else None
    line_after = after[: after.find("\n")] if "\n" in after else None
    if (line_before is not None or line_after is not None) and len(
        _WORD.findall(line_before if line_before is not None else before)
    ) + len(_WORD.findall(line_after if line_after is not None else after)) <= 3:
        return True  # a line of its own inside a longer block: "… / Photo: AP\nJanuary 5, 2024"
    if _FURNITURE_WORDS.search(before[-30:]):
        return True
    if len(before) <= 60 and _DATELINE_BEFORE.match(before) and _DATELINE_AFTER.match(after):
        return True  # "NIAMEY, Dec. 22 (Xinhua) -- …", "January 7, 2025 (WASHINGTON) – …"
    return bool(re.match(r"^\s*\d{1,2}:\d{2}", after) or re.search(r"\d{1,2}:\d{2},?\s*$", before)) and (
        len(words_outside) <= 6
    )  # "Xinhua) 13:44, December 23, 2023"


def is_deadline(
    sentence: str, start: int, after_publication: bool = False, days_after: int | None = 0
) -> bool:
    """Whether a date is the deadline of a plan or forecast ("would withdraw … by the end of 2023"),
    or, when it lies after the publication date, any date a plan is set for ("the mission will
    officially end in September 2025", "initially planned for September 2025"). ``days_after`` is how
    far after publication the date begins (None: the publication date is unknown); what is due
    within a week ("the ultimatum is due to expire on Sunday") is the news of the day, not a plan."""
    before = sentence[:start]
    if writes_arabic(None, before):  # read by the rules of the language the clause is mostly in
        deadline, future = _arabic_plan(fold_arabic(before))
    else:
        clause = re.split(r"[;]|\.\s|,\s+(?:while|but|and|as|which|who)\b", before)[-1]
        deadline, future = _DEADLINE.search(before[-40:]) is not None, _FUTURE.search(clause) is not None
    if deadline:
        return after_publication or future
    if after_publication and future:
        return days_after is None or days_after > 7
    return days_after is None and future


# Arabic: "بحلول" (by), "حتى" (until), "قبل" (before), "في موعد أقصاه" (at the latest), with "the
# end of" and "month of" between ("بحلول نهاية شهر أيلول"); in folded spelling.
_ARABIC_DEADLINE = re.compile(
    fold_arabic(
        r"(?:^|\s)(?:بحلول|حتى|قبل|أقصاه|لغاية|غاية)\s+(?:(?:نهاية|مطلع|منتصف|أواخر)\s+)?"
        r"(?:(?:شهر|عام|العام|سنة)\s+)?$"
    )
)
# A verb in the future: the prefix س on an imperfect verb of the third or second person
# ("ستغادر", "سيتم"), or "سوف" ("سن…", we will, is left out: سنة، سنوات، سنجار are nouns). Nouns
# that begin with the same letters are left out by name ("سياسة", "سيطرة", "ستة").
_ARABIC_FUTURE = re.compile(
    fold_arabic(r"(?:^|\s)[وف]?(?:سوف\s|س[يت](?!ياس|اس|طر|ار|اد|د|ين|ون|ه\b|ي\b|ت\b)[^\s]{3,})")
)
_ARABIC_CLAUSE_END = re.compile(r"[.!?؟؛،,\n]")


def _arabic_plan(folded: str) -> tuple[bool, bool]:
    """Whether an Arabic text before a date ends in a deadline word, and whether its clause looks
    ahead (see :func:`dossier.extract.dates.arabic_tense.looks_ahead`) or has a verb in the future."""
    ends = list(_ARABIC_CLAUSE_END.finditer(folded))
    clause = folded[ends[-1].end() :] if ends else folded
    future = looks_ahead(folded, len(folded)) or _ARABIC_FUTURE.search(clause) is not None
    return _ARABIC_DEADLINE.search(folded[-40:]) is not None, future


_COMPARISON_BASE = re.compile(
    r"\b(?:compared\s+(?:to|with)|versus|vs\.?|up\s+from|down\s+from|from|than)\s+"
    r"(?:about\s+|some\s+|around\s+|nearly\s+)?[$€£]?\d[\d,.]*(?:\s+(?:million|billion|thousand))?"
    r"(?:\s+[a-z]+){0,2}\s+(?:in|during|of|for|at\s+the\s+end\s+of)\s+(?:the\s+same\s+\w+\s+(?:of|in)\s+)?"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)


def is_comparison_base(sentence: str, start: int) -> bool:
    """Whether a date is the base a figure is compared with ("1,111 ships, compared to 2,396 in the
    same month of 2023", "rising from $5.4 billion in 2013"): a point of reference, no happening."""
    return _COMPARISON_BASE.search(sentence[max(0, start - 90) : start]) is not None
