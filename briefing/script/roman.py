"""Roman numerals in names, wars, events and sequels: "Elizabeth II", "World War II", "LVII".

Only after a capitalised word, so the pronoun "I" and ordinary capitals are never touched;
a single I, V or X only after a monarch's or pope's name or "War".
"""

from __future__ import annotations

import re

from briefing.script.words import cardinal, ordinal

_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_VALID = re.compile(r"^(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$")
REGNAL_NAMES = frozenset(
    [
        "Elizabeth",
        "Charles",
        "George",
        "Henry",
        "Edward",
        "William",
        "James",
        "Richard",
        "John",
        "Mary",
        "Anne",
        "Victoria",
        "Philip",
        "Louis",
        "Benedict",
        "Pius",
        "Leo",
        "Gregory",
        "Innocent",
        "Clement",
        "Alexander",
        "Nicholas",
        "Peter",
        "Catherine",
        "Frederick",
        "Ferdinand",
        "Felipe",
        "Juan",
        "Carlos",
        "Harald",
        "Margrethe",
        "Gustaf",
        "Abdullah",
        "Hussein",
        "Mohammed",
        "Constantine",
        "Paul",
        "Francis",
        "Urban",
        "Boniface",
        "Stephen",
        "David",
        "Robert",
        "Willem",
        "Albert",
        "Baudouin",
        "Olav",
        "Haakon",
        "Frederik",
        "Rainier",
        "Ludwig",
        "Otto",
        "Wilhelm",
        "Napoleon",
        "Ivan",
        "Sixtus",
        "Alfonso",
        "Umberto",
        "Vittorio",
        "Emmanuel",
        "Rama",
        "Akihito",
        "Kamehameha",
        "Nebuchadnezzar",
        "Ramesses",
        "Ptolemy",
        "Cleopatra",
        "Darius",
        "Xerxes",
        "Hadrian",
    ]
)
_SINGLE_AFTER = frozenset({"War"})
_TITLES = frozenset(
    [
        "King",
        "Queen",
        "Pope",
        "Emperor",
        "Empress",
        "Tsar",
        "Tsarina",
        "Kaiser",
        "Sultan",
        "Pharaoh",
    ]
)
_CANDIDATE = re.compile(
    r"(?:\b([A-Z][a-z]+) )?\b([A-Z][a-z][\w'’-]*) ([IVXL]+)(?=('s|’s)?\b)(?![-‐]?[A-Za-z0-9])"
)


def is_roman_numeral(word: str) -> bool:
    return bool(word) and bool(_VALID.match(word))


def roman_value(word: str) -> int:
    total = 0
    for index, letter in enumerate(word):
        value = _VALUES[letter]
        following = _VALUES[word[index + 1]] if index + 1 < len(word) else 0
        total += -value if value < following else value
    return total


def expand_roman_numerals(text: str) -> str:
    """ "Elizabeth II" → "Elizabeth the Second"; "World War II" → "World War Two"."""

    def replace(match: re.Match[str]) -> str:
        title, name, numeral = match.group(1), match.group(2), match.group(3)
        if not is_roman_numeral(numeral):
            return match.group(0)
        lead = f"{title} " if title else ""
        regnal = name in REGNAL_NAMES
        if len(numeral) == 1:
            # "When I met Mary I knew": a lone I after a name is the pronoun unless
            # a title, a possessive or punctuation says otherwise.
            after = match.string[match.end() : match.end() + 2]
            titled = title in _TITLES or after[:1] in ("'", "’", ".", ",", ";", ":", "")
            if not (name in _SINGLE_AFTER or (regnal and titled)):
                return match.group(0)
        value = roman_value(numeral)
        if regnal:
            return f"{lead}{name} the {ordinal(value).capitalize()}"
        return f"{lead}{name} {cardinal(value).capitalize()}"

    return _CANDIDATE.sub(replace, text)
