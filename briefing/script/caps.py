"""ALL-CAPS headlines: said as ordinary words, or every word would be spelled as an acronym."""

from __future__ import annotations

import re

from briefing.script.acronyms import is_known
from briefing.script.roman import is_roman_numeral

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_MIN_SHOUTED_WORDS = 3
_SHOUTED_SHARE = 0.6


def is_shouting(line: str) -> bool:
    """Most words of three letters or more are in capitals."""
    words = [w for w in _WORD.findall(line) if len(w) >= 3]
    shouted = [w for w in words if w.isupper()]
    return len(shouted) >= _MIN_SHOUTED_WORDS and len(shouted) >= _SHOUTED_SHARE * len(words)


def unshout(line: str) -> str:
    """ "IRAQ WILL ENHANCE TIES WITH THE US" → "Iraq Will Enhance Ties With The US"."""
    if not is_shouting(line):
        return line

    def fix(match: re.Match[str]) -> str:
        word = match.group(0)
        if not word.isupper() or is_known(word) or is_roman_numeral(word) or len(word) == 1:
            return word
        return word.capitalize()

    return _WORD.sub(fix, line)
