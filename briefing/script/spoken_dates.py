"""Dates as a presenter says them: "Wednesday, the twenty-fifth of November"."""

from __future__ import annotations

import datetime as dt


def spoken_date(date: dt.date) -> str:
    from num2words import num2words

    day = num2words(date.day, to="ordinal")
    return f"{date:%A}, the {day} of {date:%B}"
