"""Dates as Chinese news writes them, resolved against the article's own date."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from zoneinfo import ZoneInfo

SHANGHAI = ZoneInfo("Asia/Shanghai")

_ISO = re.compile(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?")


def parse_published(value) -> datetime | None:
    """A front-matter or page date (RFC 2822, ISO 8601, 2021年12月25日) as an aware datetime.

    Dates without a zone are taken as Beijing time, which is what Chinese sites mean.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=SHANGHAI)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=SHANGHAI)
    text = str(value).strip()
    if not text:
        return None
    try:
        parsed = parsedate_to_datetime(text)
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)
    except (TypeError, ValueError, IndexError):
        pass
    try:
        parsed = datetime.fromisoformat(text)  # reads a trailing Z as UTC since Python 3.11
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=SHANGHAI)
    except ValueError:
        pass
    match = _ISO.search(text)
    if match:
        try:
            return datetime(*map(int, match.groups()), tzinfo=SHANGHAI)
        except ValueError:
            return None
    return None


def local_date(published: datetime | None) -> date | None:
    """The article's calendar date as readers in China saw it."""
    return published.astimezone(SHANGHAI).date() if published else None


# 2021年12月24日, 12月24日, 24日 (a day range 12-13日 gives its first day), 2021年12月, 今年3月.
# Every part is optional, so the lookahead keeps the scan from stopping at every character
# for an empty match: a date starts with a digit or 今年/去年/明年.
_DATE_EXPR = re.compile(
    r"(?=\d|[今去明]年)"
    r"(?:(?P<y>\d{4})年|(?P<rel_y>今年|去年|明年))?"
    r"(?:(?P<m>\d{1,2})月)?"
    r"(?:(?P<d>\d{1,2})(?:[-至到]\d{1,2})?[日号])?")
DATELINE = re.compile(r"(\d{1,2})月(\d{1,2})日(?:电|讯|消息)")
_REL_YEAR = {"今年": 0, "去年": -1, "明年": 1}


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    value: str  # ISO: YYYY-MM-DD, or YYYY-MM when the day is not stated


def find_dates(text: str, reference: date | None,
               relative_days: dict[str, int] | None = None) -> list[DateMention]:
    """Dates in `text`, completed from `reference` (the article's date) where parts are missing."""
    found: list[DateMention] = []
    for match in _DATE_EXPR.finditer(text):
        if match.end() == match.start():
            continue
        value = _resolve(match, reference)
        if value:
            found.append(DateMention(match.start(), match.end(), value))
    if reference and relative_days:
        for word, days in relative_days.items():
            # str.find, not a regex per word: most sentences hold none of the words
            at = text.find(word)
            while at >= 0 and word:
                found.append(DateMention(at, at + len(word),
                                         (reference + timedelta(days=days)).isoformat()))
                at = text.find(word, at + len(word))
    return sorted(found, key=lambda d: d.start)


def _resolve(match: re.Match, reference: date | None) -> str | None:
    y, rel_y, m, d = match.group("y"), match.group("rel_y"), match.group("m"), match.group("d")
    if d is None and m is None:
        return None
    if d is None and y is None and rel_y is None:
        return None  # a bare "3月" is too vague to date an event
    if y is None and reference is None:
        return None
    year = int(y) if y else (reference.year + _REL_YEAR[rel_y] if rel_y else None)
    month = int(m) if m else None
    if month is None:
        if reference is None:
            return None
        month = reference.month
        year = year or reference.year
        # "17日" in an article of the 18th is this month; "25日" in one of the 3rd is last month.
        if int(d) > reference.day + 1:
            month -= 1
            if month == 0:
                year, month = year - 1, 12
    if year is None:
        year = reference.year
        # News reports the past: "12月24日" in an article of 2 January is last year; a date up
        # to a month ahead of the article is an announced event of this year.
        if month - reference.month > 1:
            year -= 1
    try:
        if d is None:
            return f"{year:04d}-{month:02d}"
        return date(year, month, int(d)).isoformat()
    except ValueError:
        return None


_DATE_LINE = re.compile(r"\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$")


def is_date_line(text: str) -> bool:
    """A line that is nothing but a full date (2030年4月15日): the date a notice is signed."""
    return _DATE_LINE.match(text) is not None


def dateline(text: str, published: date | None) -> date | None:
    """The date in a dateline such as 本报义乌10月21日电 / 天津5月20日消息, in the article's year."""
    match = DATELINE.search(text[:60])
    if not match or published is None:
        return None
    try:
        day = date(published.year, int(match.group(1)), int(match.group(2)))
    except ValueError:
        return None
    return day if day <= published + timedelta(days=1) else day.replace(year=day.year - 1)
