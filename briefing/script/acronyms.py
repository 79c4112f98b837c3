"""Acronyms: spelled out where a newsreader spells them, said as words where they are words.

The lexicon lives in data/acronyms.tsv. An acronym it does not list is spelled out when it
has three letters or fewer or cannot be said as a word (UNHCR), and said as a word when it
can (FIFA → "Fifa").
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

LETTERS = "letters"

_VOWELS = frozenset("AEIOUY")
_ONSETS = frozenset(
    [
        "BL",
        "BR",
        "CH",
        "CL",
        "CR",
        "DR",
        "FL",
        "FR",
        "GL",
        "GR",
        "KN",
        "PH",
        "PL",
        "PR",
        "SC",
        "SH",
        "SK",
        "SL",
        "SM",
        "SN",
        "SP",
        "ST",
        "SW",
        "TH",
        "TR",
        "TW",
        "WH",
        "WR",
    ]
)
_CODAS = frozenset(
    [
        "CH",
        "CK",
        "CT",
        "FT",
        "LD",
        "LF",
        "LK",
        "LM",
        "LP",
        "LS",
        "LT",
        "MP",
        "MS",
        "ND",
        "NG",
        "NK",
        "NS",
        "NT",
        "PS",
        "PT",
        "RB",
        "RC",
        "RD",
        "RF",
        "RG",
        "RK",
        "RL",
        "RM",
        "RN",
        "RP",
        "RS",
        "RT",
        "SH",
        "SK",
        "SP",
        "SS",
        "ST",
        "TH",
        "TS",
    ]
)


@cache
def lexicon() -> dict[str, str]:
    """WRITTEN → SPOKEN from the packaged data file ("letters" means spell it out)."""
    table: dict[str, str] = {}
    text = resources.files("briefing.script").joinpath("data/acronyms.tsv").read_text("utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        written, spoken = line.split("\t", 1)
        table[written.strip()] = spoken.strip()
    return table


def spell(written: str) -> str:
    """Letters for the ear: "IS" → "I S".

    espeak-ng reads a lone capital A before a word as the article "a", so an A is tied to
    its neighbour: "UAE" → "U A-E", "CIA" → "C IA" (checked with `espeak-ng -q -x`).
    """
    letters = [c for c in written.upper() if c.isalpha()]
    out: list[str] = []
    i = 0
    while i < len(letters):
        letter = letters[i]
        if letter == "A" and i + 1 < len(letters):
            nxt = letters[i + 1]
            final_a = nxt == "A" and i + 2 == len(letters)
            out.append("AA" if final_a else f"A-{nxt}")
            i += 2
            continue
        if letter == "A" and out:
            out[-1] += "A"
        else:
            out.append(letter)
        i += 1
    return " ".join(out)


def pronounceable(word: str) -> bool:
    """Could this run of capitals be said as a word (FIFA, NASDAQ) rather than spelled?"""
    word = word.upper()
    if len(word) <= 3 or not any(c in _VOWELS for c in word):
        return False
    runs = re.findall(r"[AEIOUY]+|[^AEIOUY]+", word)
    for index, run in enumerate(runs):
        vowel = run[0] in _VOWELS
        if len(run) >= 3:
            return False
        if vowel or len(run) < 2:
            continue
        if index == 0 and run not in _ONSETS:
            return False
        if index == len(runs) - 1 and run not in _CODAS:
            return False
    return True


def speak_acronym(written: str) -> str:
    """The spoken form of one acronym, from the lexicon or the rule."""
    spoken = lexicon().get(written)
    if spoken is None:
        spoken = LETTERS if not pronounceable(written) else written.capitalize()
    return spell(written) if spoken == LETTERS else spoken


def is_known(word: str) -> bool:
    return word in lexicon()


@cache
def _pattern() -> re.Pattern[str]:
    mixed = sorted((w for w in lexicon() if not w.isupper()), key=len, reverse=True)
    alternatives = "|".join([*map(re.escape, mixed), "[A-Z]{2,}"])
    return re.compile(rf"\b({alternatives})('s|’s|s'|s)?\b")


def expand_acronyms(text: str) -> str:
    """Replace every acronym with how it is said; plural and possessive endings stay."""

    def replace(match: re.Match[str]) -> str:
        word, suffix = match.group(1), match.group(2) or ""
        spoken = speak_acronym(word)
        if suffix and spoken[-1:].isupper():
            suffix = "'s" if suffix in ("s", "'s", "’s") else "s'"
        return spoken + suffix

    return _pattern().sub(replace, text)
