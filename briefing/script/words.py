"""Number words, British style, from num2words: the one place digits become words."""

from __future__ import annotations

import re

from num2words import num2words

_DIGIT_NAMES = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
MAX_DIGITS_AS_NUMBER = 15
"""Longer digit runs are read digit by digit: nobody says a quadrillion in a news story."""

_SCALES = ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"))


def _clean(words: str) -> str:
    """num2words writes "one thousand, five hundred"; a newsreader does not pause there."""
    return words.replace(",", "").replace("oh-", "oh ")


def cardinal(value: int) -> str:
    """123 → "one hundred and twenty-three"; -5 → "minus five"."""
    if value < 0:
        return "minus " + cardinal(-value)
    if len(str(value)) > MAX_DIGITS_AS_NUMBER:
        return digit_by_digit(str(value))
    return _clean(num2words(value))


def ordinal(value: int) -> str:
    """22 → "twenty-second"."""
    if len(str(value)) > MAX_DIGITS_AS_NUMBER:
        return digit_by_digit(str(value))
    return _clean(num2words(value, to="ordinal"))


def year(value: int) -> str:
    """1990 → "nineteen ninety", 2016 → "twenty sixteen", 2005 → "two thousand and five"."""
    if not 1000 <= value <= 9999:
        return cardinal(value)
    return _clean(num2words(value, to="year"))


def digit_by_digit(digits: str, zero: str = "zero") -> str:
    """ "0800" → "zero eight zero zero" (or "oh eight oh oh" with zero="oh")."""
    names = [zero if d == "0" else _DIGIT_NAMES[int(d)] for d in digits if d.isdigit()]
    return " ".join(names)


def decimal(text: str) -> str:
    """ "3.14" → "three point one four"; "1,200" → "one thousand two hundred"."""
    text = text.replace(",", "")
    whole, _, fraction = text.partition(".")
    if len(whole) > MAX_DIGITS_AS_NUMBER:  # int() refuses past 4,300 digits
        words = digit_by_digit(whole)
    else:
        words = cardinal(int(whole)) if whole else "zero"
    if fraction:
        words += " point " + digit_by_digit(fraction)
    return words


def number(text: str) -> str:
    """A written number as said: round millions are said as "one point two million"."""
    plain = text.replace(",", "")
    if re.fullmatch(r"\d+", plain) and len(plain) <= MAX_DIGITS_AS_NUMBER:
        value = int(plain)
        for scale, name in _SCALES:
            if value >= scale and value % (scale // 10) == 0:
                return f"{decimal(_trim(value / scale))} {name}"
    return decimal(plain)


def _trim(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def plural(words: str) -> str:
    """ "nineteen eighty" → "nineteen eighties" (decades and ages: "her thirties")."""
    if words.endswith("y"):
        return words[:-1] + "ies"
    if words.endswith("x"):
        return words + "es"
    return words + "s"


FRACTIONS = {
    2: ("half", "halves"),
    3: ("third", "thirds"),
    4: ("quarter", "quarters"),
}


def fraction(numerator: int, denominator: int) -> str:
    """3/4 → "three quarters", 1/2 → "one half", 5/8 → "five eighths"."""
    singular, plural_name = FRACTIONS.get(
        denominator, (ordinal(denominator), plural(ordinal(denominator)))
    )
    return f"{cardinal(numerator)} {singular if numerator == 1 else plural_name}"


NUMBER = r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?"
"""A written number: "1,200,000", "3.14", "47"."""


def keep_stop(match: re.Match[str], consumed_stop: bool) -> str:
    """ "" or ".": put back a full stop a pattern swallowed ("10 a.m." at the end of a sentence)."""
    if not consumed_stop:
        return ""
    rest = match.string[match.end() :]
    return "." if not rest.strip() or re.match(r"\s+[A-Z\"']", rest) else ""
