"""Abbreviations said in full, so no abbreviation dot is ever read as the end of a sentence."""

from __future__ import annotations

import re

TITLES = {
    "Mr": "Mister", "Mrs": "Missus", "Ms": "Mizz", "Dr": "Doctor", "Prof": "Professor",
    "Gen": "General", "Lt": "Lieutenant", "Col": "Colonel", "Sgt": "Sergeant", "Capt": "Captain",
    "Maj": "Major", "Cpl": "Corporal", "Adm": "Admiral", "Cdr": "Commander", "Brig": "Brigadier",
    "Gov": "Governor", "Sen": "Senator", "Rep": "Representative", "Rev": "Reverend",
    "Fr": "Father", "Insp": "Inspector", "Supt": "Superintendent", "Det": "Detective",
    "Pres": "President", "Hon": "Honourable", "Mt": "Mount", "Ft": "Fort",
}  # fmt: skip
"""Said before a name; written with or without the dot ("Mr Smith", "Gen. Petraeus")."""

AFTER_NAME = {"Jr": "Junior", "Sr": "Senior", "Snr": "Senior", "Jnr": "Junior"}
AFTER_ADDRESS = {"Rd": "Road", "Ave": "Avenue", "Blvd": "Boulevard", "Sq": "Square"}
DOTTED = {
    "e.g.": "for example", "i.e.": "that is", "etc.": "et cetera", "vs.": "versus",
    "vs": "versus", "approx.": "approximately", "est.": "estimated", "Inc.": "Incorporated",
    "Corp.": "Corporation", "Ltd.": "Limited", "Ltd": "Limited", "Bros.": "Brothers",
    "Dept.": "Department", "Univ.": "University", "Govt.": "Government", "Govt": "Government",
    "a.k.a.": "also known as", "Ph.D.": "PhD", "p.a.": "per year", "Mon.": "Monday",
    "Tue.": "Tuesday", "Tues.": "Tuesday", "Wed.": "Wednesday", "Thu.": "Thursday",
    "Thur.": "Thursday", "Thurs.": "Thursday", "Fri.": "Friday", "Sat.": "Saturday",
}  # fmt: skip

_NAME = r"(?=\s+(?:[A-Z][a-z'’-]+|[A-Z]\.|[A-Z]{2,}\b))"
_TITLE = re.compile(rf"\b({'|'.join(TITLES)})\.?{_NAME}")
_AFTER_NAME = re.compile(rf"(?<=[a-z]),?\s+({'|'.join(AFTER_NAME)})\b\.?")
_ADDRESS = re.compile(rf"(?<=[A-Z][a-z]) ({'|'.join(AFTER_ADDRESS)})\b\.?")
_ST = re.compile(r"\bSt\b\.?")
_NUMBER_SIGN = re.compile(r"\b(Nos?)\.?\s?(?=[0-9])")
_CIRCA = re.compile(r"\b(?:c|ca)\.\s?(?=[0-9])")
_DOTTED_WORDS = re.compile(
    r"(?<![\w.])("
    + "|".join(re.escape(k) for k in sorted(DOTTED, key=len, reverse=True))
    + r")(?=[\s,;:)]|$)"
)
_VERSUS = re.compile(r"(?<=[A-Za-z]) v\.? (?=[A-Z])")
_DOTTED_ACRONYM = re.compile(r"\b((?:[A-Za-z]\.){2,})")
_INITIAL = re.compile(r"(?<!\b[A-Z] )\b([B-HJ-Z])\.(?=\s+[A-Z][a-z])")
"""A middle initial ("John F. Kennedy"), not the last of spelled letters ("B B C. Then")."""
_PREVIOUS_WORD = re.compile(r"(\S+)\s+$")


def expand_abbreviations(text: str) -> str:
    """Say abbreviations in full: "Mr. Smith" → "Mister Smith", "No. 10" → "number 10",
    "U.S." → "US" (for the acronym pass), "e.g." → "for example"."""
    text = _TITLE.sub(lambda m: TITLES[m.group(1)], text)
    text = _AFTER_NAME.sub(lambda m: " " + AFTER_NAME[m.group(1)], text)
    text = _ADDRESS.sub(lambda m: " " + AFTER_ADDRESS[m.group(1)], text)
    text = _ST.sub(_saint_or_street, text)
    text = _NUMBER_SIGN.sub(_number_sign, text)
    text = _CIRCA.sub("circa ", text)
    text = _VERSUS.sub(" versus ", text)
    text = _DOTTED_WORDS.sub(lambda m: _dotted_word(m), text)
    text = _DOTTED_ACRONYM.sub(_undot, text)
    return _INITIAL.sub(r"\1", text)


def _saint_or_street(match: re.Match[str]) -> str:
    """ "St Paul's" is a saint; "Downing St" is a street: a name before it makes it a street."""
    before = match.string[: match.start()]
    after = match.string[match.end() :]
    previous = _PREVIOUS_WORD.search(before)
    capital_before = bool(previous and re.fullmatch(r"[A-Z][a-z'’]+", previous.group(1)))
    first_word = capital_before and before[: previous.start()].strip()[-1:] in (  # type: ignore[union-attr]
        "",
        ".",
        "!",
        "?",
        ":",
        '"',
    )
    if re.match(r"\s+[A-Z][a-z]", after) and (not capital_before or first_word):
        return "Saint"
    if capital_before:
        ending = "." if match.group(0).endswith(".") and not after.strip() else ""
        return "Street" + ending
    return match.group(0)


def _number_sign(match: re.Match[str]) -> str:
    word = "numbers " if match.group(1) == "Nos" else "number "
    return word.capitalize() if match.start() == 0 else word


def _dotted_word(match: re.Match[str]) -> str:
    written = match.group(1)
    spoken = DOTTED[written]
    rest = match.string[match.end() :]
    at_end = written.endswith(".") and (
        not rest.strip() or (written == "etc." and bool(re.match(r"\s+[A-Z]", rest)))
    )
    return spoken + ("." if at_end else "")


def _undot(match: re.Match[str]) -> str:
    """ "U.S." → "US" (the acronym pass says it); the dot stays only where the text ends."""
    letters = match.group(1).replace(".", "").upper()
    rest = match.string[match.end() :]
    return letters + ("." if not rest.strip() else "")
