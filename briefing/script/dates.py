"""Dates, times, years and decades as a British newsreader says them.

"October 18, 2016" and "18 October 2016" both become "the eighteenth of October twenty
sixteen"; "3:30pm" becomes "three thirty in the afternoon"; "the 1980s" "the nineteen eighties".
"""

from __future__ import annotations

import re

from briefing.script.words import cardinal, keep_stop, ordinal, plural, year

MONTHS = {
    "jan": "January", "feb": "February", "mar": "March", "apr": "April", "may": "May",
    "jun": "June", "jul": "July", "aug": "August", "sep": "September", "sept": "September",
    "oct": "October", "nov": "November", "dec": "December",
}  # fmt: skip
_MONTH = (
    r"(January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)"
)
_ORD = r"(?:st|nd|rd|th)?"
_YEAR_AFTER = r"(?:,?\s+([12][0-9]{3})\b(?![.,]?[0-9]))?"
_MONTH_DAY = re.compile(rf"\b{_MONTH}\s+([0-9]{{1,2}}){_ORD}\b{_YEAR_AFTER}")
_DAY_MONTH = re.compile(rf"\b([0-9]{{1,2}}){_ORD}\s+(?:of\s+)?{_MONTH}{_YEAR_AFTER}")
_MONTH_YEAR = re.compile(rf"\b{_MONTH}\s+([12][0-9]{{3}})\b")
_NUMERIC_DATE = re.compile(
    r"\b(?:([0-9]{1,2})(/)([0-9]{1,2})/|([0-9]{2})(\.)([0-9]{2})\.)([12][0-9]{3})\b(?![.,]?[0-9])"
)
"""Slashed (1/19/2020) or dotted with two-digit parts (19.01.2020: "1.2.2020" is a version)."""
_ISO_DATE = re.compile(r"\b([12][0-9]{3})-([01][0-9])-([0-3][0-9])\b(?![-0-9])")
_ZONE = re.compile(
    r"(\b[0-9]{1,2}(?:[:.][0-5][0-9])?\s?(?:[ap]\.?m\b\.?)?)\s*\(?\b(ET|EST|EDT|PT|PST|PDT|CT|CST|"
    r"CDT|MT|MST|MDT|BST|CET|CEST|AEST|AEDT)\b\)?",
    re.IGNORECASE,
)
ZONES = {
    "et": "Eastern time", "est": "Eastern time", "edt": "Eastern time",
    "pt": "Pacific time", "pst": "Pacific time", "pdt": "Pacific time",
    "ct": "Central time", "cst": "Central time", "cdt": "Central time",
    "mt": "Mountain time", "mst": "Mountain time", "mdt": "Mountain time",
    "bst": "British Summer Time", "cet": "Central European Time",
    "cest": "Central European Summer Time", "aest": "Australian Eastern time",
    "aedt": "Australian Eastern time",
}  # fmt: skip
"""Time zones after a clock time, as said; GMT and UTC are said as letters anyway."""
_CLOCK_12 = re.compile(
    r"\b([0-9]{1,2})(?:[:.]([0-5][0-9]))?\s?([ap])(?:\.m(\.)?|m\b(\.)?)", re.IGNORECASE
)
_CLOCK_24 = re.compile(r"\b([01]?[0-9]|2[0-3]):([0-5][0-9])(?:\s?(hrs|hr|h)\b|\b)(?!:)")
_DETERMINER_BEFORE = re.compile(
    r"\b(?:a|an|this|that|its|his|her|their|our|your|my|last|next)\s+$", re.IGNORECASE
)
"""A date after one of these modifies a noun ("a December 26 ruling"): no "the" of its own."""
_RATIO = re.compile(r"\b([0-9]{1,3}):([0-9]{1,2})\b(?!:)")
_DECADE = re.compile(r"(?<![\w'’])['’]?([0-9]{2}|[12][0-9]{3})['’]?s\b")
_SHORT_YEAR = re.compile(r"(?<![\w'’])['’]([0-9]{2})\b(?!['’]?s\b)")
_YEAR = re.compile(r"(?<![\w.,-])(1[1-9][0-9]{2}|20[0-9]{2})\b(?![.,]?[0-9]|-[0-9])")
_YEAR_CONTEXT = re.compile(
    r"(?:\b(?:in|since|from|by|until|till|to|of|during|before|after|early|late|mid|between|"
    r"and|or|year|summer|winter|spring|autumn|season|the|its|their|his|her|around|circa|"
    r"than|election|census|budget|Olympics|January|February|March|April|May|June|July|"
    r"August|September|October|November|December)|[-–,(])\s*$",
    re.IGNORECASE,
)


_MONTH_FIRST_REGIONS = frozenset(("US", "PH", "FM", "MH", "PW", "GU", "PR", "AS", "VI", "UM"))
"""Where "1/2/2020" is the second of January: the United States and the places that write
dates its way."""


def month_first(locale: str | None) -> bool:
    """Does this locale ("en-US", "en_GB", "en") write the month before the day?"""
    if not locale:
        return False
    parts = re.split(r"[-_]", locale.strip())
    return len(parts) > 1 and parts[1].upper() in _MONTH_FIRST_REGIONS


def expand_dates(text: str, month_first: bool = False) -> str:
    """Dates, times and years in words; `month_first` reads "1/2/2020" as January the second."""
    text = _ISO_DATE.sub(_iso_date, text)
    text = _NUMERIC_DATE.sub(lambda m: _numeric_date(m, month_first), text)
    text = _ZONE.sub(_zone, text)
    text = _MONTH_DAY.sub(lambda m: _date(m, m.group(2), m.group(1), m.group(3)), text)
    text = _DAY_MONTH.sub(lambda m: _date(m, m.group(1), m.group(2), m.group(3)), text)
    text = _MONTH_YEAR.sub(lambda m: f"{_month(m.group(1))} {year(int(m.group(2)))}", text)
    text = _CLOCK_12.sub(_clock_12, text)
    text = _CLOCK_24.sub(_clock_24, text)
    text = _RATIO.sub(lambda m: f"{cardinal(int(m.group(1)))} to {cardinal(int(m.group(2)))}", text)
    text = _DECADE.sub(_decade, text)
    text = _SHORT_YEAR.sub(lambda m: _two_digits(m.group(1)), text)
    return _YEAR.sub(_year, text)


def _month(name: str) -> str:
    key = name.lower().rstrip(".")
    return MONTHS.get(key) or MONTHS.get(key[:3], name)


def _date(match: re.Match[str], day: str, month: str, year_text: str | None) -> str:
    number = int(day)
    if not 1 <= number <= 31:
        return match.group(0)
    before = match.string[: match.start()]
    if _DETERMINER_BEFORE.search(before):
        spoken = f"{_month(month)} {ordinal(number)}"
    else:
        the = "" if re.search(r"\bthe\s+$", before, re.IGNORECASE) else "the "
        spoken = f"{the}{ordinal(number)} of {_month(month)}"
    return spoken + (f" {year(int(year_text))}" if year_text else "")


def _numeric_date(match: re.Match[str], month_first: bool = False) -> str:
    """ "19.01.2020", "04/07/1976" day first, as in Britain; "1/19/2020" month first, since
    no month is nineteen; a slashed date that reads both ways is month first on a page that
    says it is American (`month_first`), day first otherwise."""
    day = int(match.group(1) or match.group(4))
    month = int(match.group(3) or match.group(6))
    year_number = int(match.group(7))
    slashed = match.group(2) == "/"
    if (month > 12 and day <= 12) or (slashed and month_first and day <= 12 and month <= 12):
        day, month = month, day
    return _spoken_date(match, day, month, year_number)


def _iso_date(match: re.Match[str]) -> str:
    year_number, month, day = (int(match.group(i)) for i in (1, 2, 3))
    return _spoken_date(match, day, month, year_number)


def _spoken_date(match: re.Match[str], day: int, month: int, year_number: int) -> str:
    names = list(dict.fromkeys(MONTHS.values()))
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return match.group(0)
    if _DETERMINER_BEFORE.search(match.string[: match.start()]):
        return f"{names[month - 1]} {ordinal(day)} {year(year_number)}"
    return f"the {ordinal(day)} of {names[month - 1]} {year(year_number)}"


def _zone(match: re.Match[str]) -> str:
    clock = match.group(1)
    if not re.search(r"[:.ap]", clock, re.IGNORECASE):  # a bare number is not a time: "5 ET"
        return match.group(0)
    return f"{clock.rstrip()} {ZONES[match.group(2).lower()]}"


def _minutes(minutes: int) -> str:
    return f"oh {cardinal(minutes)}" if minutes < 10 else cardinal(minutes)


def _clock_12(match: re.Match[str]) -> str:
    hour = int(match.group(1))
    minutes = int(match.group(2) or 0)
    if not 1 <= hour <= 12:
        return match.group(0)
    stop = keep_stop(match, bool(match.group(4) or match.group(5)))
    morning = match.group(3).lower() == "a"
    if hour == 12 and minutes == 0:
        return ("midnight" if morning else "midday") + stop
    said = cardinal(hour) + (f" {_minutes(minutes)}" if minutes else "")
    if morning:
        part = "in the morning"
    elif hour == 12 or hour < 6:
        part = "in the afternoon"
    else:
        part = "in the evening"
    return f"{said} {part}{stop}"


def _clock_24(match: re.Match[str]) -> str:
    """ "15:00" → "fifteen hundred"; "20:00hrs" → "twenty hundred hours"."""
    said = _clock_24_words(match.group(1), int(match.group(2)))
    if match.group(3):
        said = said.removesuffix(" o'clock") + " hours"
    return said


def _clock_24_words(hour_text: str, minutes: int) -> str:
    hour = int(hour_text)
    if hour_text.startswith("0") or hour >= 13:
        hours = "oh " + cardinal(hour) if hour_text.startswith("0") and hour else cardinal(hour)
        if hour == 0:
            hours = "zero"
        return f"{hours} hundred" if minutes == 0 else f"{hours} {_minutes(minutes)}"
    if minutes == 0:
        return f"{cardinal(hour)} o'clock"
    return f"{cardinal(hour)} {_minutes(minutes)}"


def _decade(match: re.Match[str]) -> str:
    digits = match.group(1)
    value = int(digits)
    if value % 10:
        return match.group(0)
    if len(digits) == 4:
        return plural(year(value))
    return plural(cardinal(value)) if value else "noughties"


def _two_digits(digits: str) -> str:
    return f"oh {cardinal(int(digits))}" if digits.startswith("0") else cardinal(int(digits))


_YEAR_FOLLOWER = re.compile(
    r"\s*(?:[.,;:!?)]|$)|\s+(?:as|was|is|has|will|saw|marked|marks|brought|became|began|"
    r"ended|could|would|did)\b"
)
"""After a year: punctuation, or a singular verb or "as" ("2023 was the hottest", "confirm
2023 as the hottest"); a count is plural ("2023 people were")."""


def _year(match: re.Match[str]) -> str:
    before = match.string[: match.start()]
    after = match.string[match.end() :]
    if _YEAR_CONTEXT.search(before) or _YEAR_FOLLOWER.match(after):
        return year(int(match.group(1)))
    return match.group(0)
