"""Dates as a presenter says them: "Wednesday, the twenty-fifth of November".

English has its words here; another language gets its own written form from Babel (CLDR),
its full date pattern without the year ("lundi 7 décembre", "Montag, 7. Dezember"), and its
normaliser says the day ("lundi sept décembre") as it says any date in a story.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from babel import Locale
from babel.dates import format_date, get_date_format

from briefing.languages import ENGLISH

_YEAR = re.compile(r"[\s,.]*(?:'[^']*'\s*)?y+\.?\s*$")
"""The year at the end of a CLDR pattern with what joins it: " y", " 'de' y", ", y"."""


def spoken_date(date: dt.date) -> str:
    """ "Wednesday, the twenty-fifth of November": the English presenter's date in words."""
    from num2words import num2words

    day = num2words(date.day, to="ordinal")
    return f"{date:%A}, the {day} of {date:%B}"


def written_date(date: dt.date, language: str) -> str:
    """The weekday, day and month as `language` writes them, without the year."""
    pattern = get_date_format("full", locale=language).pattern
    return format_date(date, _YEAR.sub("", pattern), locale=language)


def presenter_date(date: dt.date, language: str) -> str:
    """The date for the presenter's {date}: words in English, the written form elsewhere."""
    in_words = _PRESENTER_DATES.get(language)
    return in_words(date) if in_words else written_date(date, language)


def weekday_name(date: dt.date, language: str) -> str:
    """ "Monday", "Montag", "lundi", "segunda-feira"."""
    return format_date(date, "EEEE", locale=language)


def day_and_month(date: dt.date, language: str) -> str:
    """ "7. Dezember", "7 décembre", "7 de diciembre", "December 7"."""
    pattern = Locale.parse(language).datetime_skeletons["MMMMd"]
    return format_date(date, pattern, locale=language)


_PRESENTER_DATES: dict[str, Callable[[dt.date], str]] = {ENGLISH: spoken_date}
