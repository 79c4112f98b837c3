"""A language's name in English ("ja" → "Japanese"), from Babel's locale data (CLDR)."""

from __future__ import annotations

from functools import cache

from babel import Locale


@cache
def english_name(code: str) -> str | None:
    """ "zh" → "Chinese"; None for a code CLDR does not know."""
    return Locale("en").languages.get(code.lower())
