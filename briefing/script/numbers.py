"""Numbers that are not money, dates or measures: ordinals, fractions, phone numbers,
percentages, ranges, scores, negatives, codes like "G7", and every digit that is left.
"""

from __future__ import annotations

import re

from briefing.script.words import (
    NUMBER,
    cardinal,
    digit_by_digit,
    fraction,
    number,
    ordinal,
    year,
)

_SPECIAL = {"24/7": "twenty-four seven", "9/11": "nine eleven", "50/50": "fifty-fifty",
            "7/7": "seven seven"}  # fmt: skip
_SPECIAL_RE = re.compile(r"(?<![\w/])(" + "|".join(map(re.escape, _SPECIAL)) + r")(?![\w/])")
_EMERGENCY = re.compile(
    r"\b((?:call|calls|called|calling|dial|dialled|dialed|ring|rang|phone|phoned|text)\s+)"
    r"(999|911|111|112|101|105)\b|\b(999|911)\b(?=\s+(?:call|calls|operator|emergency))",
    re.IGNORECASE,
)
_PHONE = re.compile(
    r"(?<![\w+])(?:\+[0-9]{1,3}[\s-]?)?\(?0?[0-9]{2,5}\)?(?:[\s-][0-9]{3,4}){1,2}(?![\w])"
    r"|(?<![\w+])0[0-9]{9,10}(?![\w])"
)
_FRACTION = re.compile(r"(?<![\w/.])(?:([0-9]+)\s)?([0-9]{1,2})/([0-9]{1,2})(?![\w/])")
_ORDINAL = re.compile(r"\b([0-9]+)(?:st|nd|rd|th)\b")
_PERCENT = re.compile(
    rf"(?<![\w.])(-)?({NUMBER})(?:\s?(?:-|to)\s?({NUMBER})\s?%?)?\s?%|"
    rf"(?<![\w.])(-)?({NUMBER})(?:\s?(?:-|to)\s?({NUMBER}))?(?=\s(?:per cent|percent)\b)"
)
_YEAR_RANGE = re.compile(r"(?<![\w.-])(1[0-9]{3}|20[0-9]{2})-(1[0-9]{3}|20[0-9]{2}|[0-9]{2})\b")
_SCORE_OR_RANGE = re.compile(rf"(?<![\w.,-])({NUMBER})\s?-\s?({NUMBER})(?![\w]|-[0-9])")
_SCORE_CONTEXT = re.compile(
    r"\b(?:won|win|wins|winning|beat|beats|beaten|lost|lose|loses|losing|defeat|defeated|"
    r"draw|drew|drawn|victory|score|scored|scoreline|lead|led|leading|trail|trailed|"
    r"thrashed|thrashing|hammered|goal|goals|match|final|semi-final|fixture|game|cup|league|"
    r"derby|rout|routed|against|sets?|tie|aggregate)\b",
    re.IGNORECASE,
)
_NEGATIVE = re.compile(r"(?:(?<=^)|(?<=[\s(\[\"']))-(?=[0-9])")
_TIMES = re.compile(r"\b([0-9]+)x\b")
_CODE = re.compile(r"\b[^\W_]*(?:[^\W\d_]-?[0-9]|[0-9]-?[^\W\d_])[^\W_]*(?:-[0-9]+\b)?")
_LEADING_ZERO = re.compile(r"(?<![\w.,])0[0-9]+\b(?!\.[0-9])")
_ANY_NUMBER = re.compile(NUMBER)
_SERVICE_NUMBERS = frozenset(("999", "911", "111", "112", "101", "105"))
_MODEL_NUMBER = re.compile(
    r"(?<![\w-])([A-Z]{2,5})\s([1-9][0-9]{2,3}(?:(?:,\s*|,?\s+(?:or|and|vs\.?)\s+)[1-9][0-9]{2,3})*)"
    r"\b(?![.,][0-9]|-|\s?%|\s(?:per cent|percent)\b)"
)
"""A product's number after its letters ("RTX 3080", "GTX 970", "RTX 3080, 3090 or 3070"),
said in pairs as its makers and buyers say it: "thirty eighty", "nine seventy". A name in
mixed case keeps an ordinary number ("iPhone 12")."""
_DOTTED_NUMBER = re.compile(r"(?<![\w.])[0-9]{1,4}(?:\.[0-9]{1,4}){2,}(?![\w]|\.[0-9])")
"""A version or an address ("1.2.2020", "10.0.0.1"): each part said, "point" between."""


def expand_numbers(text: str) -> str:
    text = _SPECIAL_RE.sub(lambda m: _SPECIAL[m.group(1)], text)
    text = _DOTTED_NUMBER.sub(
        lambda m: " point ".join(cardinal(int(p)) for p in m.group(0).split(".")), text
    )
    text = _EMERGENCY.sub(_emergency, text)
    text = _MODEL_NUMBER.sub(
        lambda m: f"{m.group(1)} " + re.sub(r"[0-9]+", lambda d: _in_pairs(d.group(0)), m.group(2)),
        text,
    )
    text = _PHONE.sub(_phone, text)
    text = _FRACTION.sub(_fraction, text)
    text = _ORDINAL.sub(lambda m: ordinal(int(m.group(1))), text)
    text = _PERCENT.sub(_percent, text)
    text = _YEAR_RANGE.sub(_year_range, text)
    text = _SCORE_OR_RANGE.sub(_score_or_range, text)
    text = _NEGATIVE.sub("minus ", text)
    text = _TIMES.sub(lambda m: f"{cardinal(int(m.group(1)))} times", text)
    text = _split_letters_and_digits(text)
    text = _LEADING_ZERO.sub(lambda m: digit_by_digit(m.group(0), zero="oh"), text)
    return _ANY_NUMBER.sub(lambda m: number(m.group(0)), text)


def _in_pairs(digits: str) -> str:
    """ "3080" → "thirty eighty", "737" → "seven thirty-seven", "6800" → "sixty-eight
    hundred", "2005" → "two thousand and five" (as a year is said)."""
    if digits in _SERVICE_NUMBERS:  # "NHS 111": a number to dial
        return digit_by_digit(digits)
    head, tail = digits[:-2], digits[-2:]
    if len(digits) == 4 and head == "20" and tail.startswith("0"):
        return year(int(digits))
    if tail == "00":
        return f"{cardinal(int(head))} hundred"
    rest = f"oh {cardinal(int(tail))}" if tail.startswith("0") else cardinal(int(tail))
    return f"{cardinal(int(head))} {rest}"


def _emergency(match: re.Match[str]) -> str:
    if match.group(3):
        return digit_by_digit(match.group(3))
    return match.group(1) + digit_by_digit(match.group(2))


def _phone(match: re.Match[str]) -> str:
    written = match.group(0)
    digits = re.sub(r"[^0-9]", "", written)
    if len(digits) < 8 or not (written.startswith(("0", "+", "(0"))):
        return written
    groups = [g for g in re.split(r"[\s()-]+", written) if g]
    spoken = [("plus " if g.startswith("+") else "") + digit_by_digit(g, zero="oh") for g in groups]
    return ", ".join(s for s in spoken if s)


def _fraction(match: re.Match[str]) -> str:
    whole, numerator, denominator = match.group(1), int(match.group(2)), int(match.group(3))
    if not 0 < numerator < denominator or denominator > 16:
        return match.group(0)
    spoken = fraction(numerator, denominator)
    if numerator == 1 and denominator in (2, 4):
        spoken = spoken.replace("one ", "a ", 1)
    return f"{cardinal(int(whole))} and {spoken}" if whole else spoken


def _percent(match: re.Match[str]) -> str:
    groups = match.groups()
    minus, a, b = (groups[0], groups[1], groups[2]) if groups[1] else groups[3:6]
    sign = "minus " if minus else ""
    spoken = sign + number(a) + (f" {range_word(match)} {number(b)}" if b else "")
    return spoken + (" per cent" if match.group(0).rstrip().endswith("%") else "")


def _year_range(match: re.Match[str]) -> str:
    start, end_text = int(match.group(1)), match.group(2)
    end = int(end_text) if len(end_text) == 4 else start // 100 * 100 + int(end_text)
    if end <= start:
        return match.group(0)
    return f"{year(start)} to {year(end)}"


def _score_or_range(match: re.Match[str]) -> str:
    a, b = match.group(1), match.group(2)
    nearby = match.string[max(0, match.start() - 60) : match.end() + 40]
    small = a.isdigit() and b.isdigit() and int(a) <= 99 and int(b) <= 99
    counted = re.match(r"\s+[a-z]+s\b", match.string[match.end() :])  # "won 10-20 seats"
    if small and not counted and _SCORE_CONTEXT.search(nearby):
        return _score(int(a), int(b))
    return f"{number(a)} {range_word(match)} {number(b)}"


def range_word(match: re.Match[str]) -> str:
    """ "between 10 and 20", otherwise "10 to 20"."""
    return "and" if re.search(r"\bbetween\s+$", match.string[: match.start()], re.I) else "to"


def _score(a: int, b: int) -> str:
    def said(n: int) -> str:
        return "nil" if n == 0 else cardinal(n)

    if a == b:
        return "nil nil" if a == 0 else f"{said(a)} all"
    return f"{said(a)} {said(b)}"


def _split_letters_and_digits(text: str) -> str:
    """ "G7" → "G 7", "COVID-19" → "COVID 19", "4G" → "4 G", "H5N1" → "H 5 N 1"."""

    def split(match: re.Match[str]) -> str:
        parts = re.findall(r"[0-9]+|[^\W\d_]+", match.group(0))
        # espeak-ng reads "A 1" as "a one"; "A-1" keeps the letter name ("the A1 road").
        return " ".join(parts).replace("A ", "A-") if parts[0] == "A" else " ".join(parts)

    return _CODE.sub(split, text)
