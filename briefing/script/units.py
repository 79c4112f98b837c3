"""Units after a number: "30 kms" → "thirty kilometres", "5°C" → "five degrees Celsius".

"m" after a number is million when a counted noun follows ("1m barrels") or it has a decimal
("2.5m"), and metres otherwise ("the 100m final").
"""

from __future__ import annotations

import re

from briefing.script.words import NUMBER, cardinal, decimal

UNITS: dict[str, tuple[str, str]] = {
    "km/h": ("kilometre per hour", "kilometres per hour"),
    "kmh": ("kilometre per hour", "kilometres per hour"),
    "kph": ("kilometre per hour", "kilometres per hour"),
    "mph": ("mile per hour", "miles per hour"),
    "m/s": ("metre per second", "metres per second"),
    "sq km": ("square kilometre", "square kilometres"),
    "sq m": ("square metre", "square metres"),
    "sq ft": ("square foot", "square feet"),
    "sq mi": ("square mile", "square miles"),
    "km2": ("square kilometre", "square kilometres"),
    "m2": ("square metre", "square metres"),
    "km": ("kilometre", "kilometres"),
    "kms": ("kilometre", "kilometres"),
    "cm": ("centimetre", "centimetres"),
    "mm": ("millimetre", "millimetres"),
    "m": ("metre", "metres"),
    "ft": ("foot", "feet"),
    "yd": ("yard", "yards"),
    "kg": ("kilogram", "kilograms"),
    "kgs": ("kilogram", "kilograms"),
    "mg": ("milligram", "milligrams"),
    "g": ("gram", "grams"),
    "lb": ("pound", "pounds"),
    "lbs": ("pound", "pounds"),
    "oz": ("ounce", "ounces"),
    "ml": ("millilitre", "millilitres"),
    "ha": ("hectare", "hectares"),
    "°C": ("degree Celsius", "degrees Celsius"),
    "°F": ("degree Fahrenheit", "degrees Fahrenheit"),
    "C": ("degree Celsius", "degrees Celsius"),
    "F": ("degree Fahrenheit", "degrees Fahrenheit"),
    "°": ("degree", "degrees"),
    "kWh": ("kilowatt hour", "kilowatt hours"),
    "MWh": ("megawatt hour", "megawatt hours"),
    "GWh": ("gigawatt hour", "gigawatt hours"),
    "TWh": ("terawatt hour", "terawatt hours"),
    "kW": ("kilowatt", "kilowatts"),
    "MW": ("megawatt", "megawatts"),
    "GW": ("gigawatt", "gigawatts"),
    "Hz": ("hertz", "hertz"),
    "kHz": ("kilohertz", "kilohertz"),
    "MHz": ("megahertz", "megahertz"),
    "GHz": ("gigahertz", "gigahertz"),
    "KB": ("kilobyte", "kilobytes"),
    "MB": ("megabyte", "megabytes"),
    "GB": ("gigabyte", "gigabytes"),
    "TB": ("terabyte", "terabytes"),
    "Mbps": ("megabit per second", "megabits per second"),
    "Gbps": ("gigabit per second", "gigabits per second"),
    "hp": ("horsepower", "horsepower"),
    "bpm": ("beat per minute", "beats per minute"),
}
_ATTACHED_ONLY = frozenset({"C", "F", "m", "g"})
"""Said as a unit only when written against the number ("30C"), never "30 C"."""

_SCALES = {"bn": "billion", "tn": "trillion", "k": "thousand", "mn": "million"}
_UNIT = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))
_MEASURE = re.compile(
    rf"(?<![\w.])(?P<neg>-)?(?P<a>{NUMBER})(?:\s?-\s?(?P<b>{NUMBER}))?"
    rf"(?P<space>\s?)(?P<unit>{_UNIT})(?![\w/²])(?P<hyphen>-)?"
)
_FEET_INCHES = re.compile(r"\b([0-9]+)\s?ft\s?([0-9]{1,2})(\s?in\b)?")
_SCALED = re.compile(rf"(?<![\w.])({NUMBER})\s?(bn|tn|k|mn)\b")
_DIMENSION = re.compile(
    r"\s+(?:tall|high|deep|wide|long|thick|across|above|below|away|of (?:water|snow|rain))\b"
)
_COUNTED_NOUN = re.compile(r"\s+(?:[a-z]+s|people|of|more|fewer|less|new|extra|other)\b")


def expand_units(text: str) -> str:
    text = _FEET_INCHES.sub(
        lambda m: (
            f"{cardinal(int(m.group(1)))} feet {cardinal(int(m.group(2)))}"
            + (" inches" if m.group(3) else "")
        ),
        text,
    )
    text = _SCALED.sub(lambda m: f"{decimal(m.group(1))} {_SCALES[m.group(2)]}", text)
    return _MEASURE.sub(_measure, text)


def _measure(match: re.Match[str]) -> str:
    unit, a, b = match.group("unit"), match.group("a"), match.group("b")
    if unit in _ATTACHED_ONLY and match.group("space"):
        return match.group(0)
    rest = match.string[match.end() :]
    metres = _DIMENSION.match(rest)
    million = "." in a or _COUNTED_NOUN.match(rest)
    if unit == "m" and not match.group("hyphen") and million and not metres:
        return _spoken(match, a, b, "million")
    before = match.string[: match.start()]
    adjective = bool(match.group("hyphen")) or (
        bool(re.search(r"\b[Aa]n?\s+$", before)) and bool(re.match(r"\s+[a-z]", rest))
    )
    singular, plural = UNITS[unit]
    one = b is None and a == "1"
    name = singular if one or adjective else plural
    return _spoken(match, a, b, name) + (" " if match.group("hyphen") else "")


def _spoken(match: re.Match[str], a: str, b: str | None, name: str) -> str:
    minus = "minus " if match.group("neg") else ""
    amount = decimal(a) if b is None else f"{decimal(a)} to {decimal(b)}"
    return f"{minus}{amount} {name}"
