"""When an undated article was published, as its address says.

News sites date their URLs ("/2024/08/15/slug", "/news/2025/3/15/slug") and
editors date their files ("2024-08-15-slug.md", "crisiswatch-august-2023.txt").
Either is a better estimate than the latest date the text mentions, and it is
the only one for a digest whose dates carry no year ("ECOWAS 10 Aug activated
…"). A bare year ("/2024/sc15728") says too little and is not used.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from dossier.timex import Timex, parse_timex

_MONTH_NAMES = "|".join(m.lower() for m in calendar.month_name[1:])
_URL_DAY = re.compile(r"/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})(?=/|$|[-_])")
_URL_MONTH = re.compile(r"/((?:19|20)\d{2})/(\d{1,2})(?=/)")
_ISO_DAY = re.compile(r"(?<![\d])((?:19|20)\d{2})-(\d{2})-(\d{2})(?![\d])")
_NAMED_MONTH = re.compile(rf"(?<![a-z])({_MONTH_NAMES})[-_ ]((?:19|20)\d{{2}})(?![\d])")


def publication_in_address(url: str | None, source_path: str) -> Timex | None:
    """The day or month an article's URL or file name dates it to, if either does."""
    if url:
        path = urlsplit(url).path
        found = _day_in(_URL_DAY, path) or _day_in(_ISO_DAY, path) or _month_in_url(path)
        if found is not None:
            return found
    stem = PurePosixPath(source_path.replace("\\", "/")).stem.lower()
    return _day_in(_ISO_DAY, stem) or _named_month(stem)


def _day_in(pattern: re.Pattern[str], text: str) -> Timex | None:
    for match in pattern.finditer(text):
        year, month, day = (int(g) for g in match.groups())
        if _valid(year, month, day):
            return parse_timex(f"{year:04d}-{month:02d}-{day:02d}")
    return None


def _month_in_url(path: str) -> Timex | None:
    for match in _URL_MONTH.finditer(path):
        year, month = int(match.group(1)), int(match.group(2))
        if 1 <= month <= 12:
            return parse_timex(f"{year:04d}-{month:02d}")
    return None


def _named_month(stem: str) -> Timex | None:
    match = _NAMED_MONTH.search(stem)
    if match is None:
        return None
    month = [m.lower() for m in calendar.month_name].index(match.group(1))
    return parse_timex(f"{int(match.group(2)):04d}-{month:02d}")


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True
