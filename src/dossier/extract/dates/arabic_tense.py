"""Whether an Arabic clause looks ahead, for a bare weekday or month in it ("من المقرر أن
يجتمع الخميس": the coming Thursday). The English reading of tense (:mod:`.tense`) knows only
English words; this is its peer for the phrases Arabic news announces plans with."""

from __future__ import annotations

import re

from dossier.extract.arabic import fold_arabic

_AHEAD = (
    "سوف",
    "من المقرر",
    "من المتوقع",
    "من المنتظر",
    "المرتقب",
    "المرتقبة",
    "يعتزم",
    "تعتزم",
    "يرتقب",
    "يترقب",
    "يتوقع",
    "موعد أقصاه",
)
_CUE = re.compile("|".join(re.escape(fold_arabic(p)).replace(r"\ ", r"\s+") for p in _AHEAD))
_CLAUSE_END = re.compile(r"[.!?؟؛،,\n]")
# "بحلول" (by) right before a date looks ahead, as "by Friday" does.
_BY = re.compile(fold_arabic("بحلول") + r"\s+$")
_REACH = 80


def looks_ahead(folded: str, start: int) -> bool:
    """Whether the clause before ``start`` (in folded text) announces something to come."""
    low = max(0, start - _REACH)
    window = folded[low:start]
    if _BY.search(window):
        return True
    ends = list(_CLAUSE_END.finditer(window))
    if ends:
        window = window[ends[-1].end() :]
    return _CUE.search(window) is not None
