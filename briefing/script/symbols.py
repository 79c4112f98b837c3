"""Symbols said as words ("&" → "and") or turned into the pause they stand for ("(…)", " – ")."""

from __future__ import annotations

import re

_SAID = {
    "&": " and ", "+": " plus ", "@": " at ", "#": " number ", "%": " per cent ",
    "=": " equals ", "<": " less than ", ">": " more than ", "~": " about ",
    "±": " plus or minus ", "×": " times ", "÷": " divided by ", "§": " section ",
    "°": " degrees ", "№": " number ", "|": ", ", "•": ", ", "·": ", ",
}  # fmt: skip
_SAID_RE = re.compile("|".join(re.escape(s) for s in _SAID))
_PLUS_AFTER_NAME = re.compile(r"(?<=[A-Za-z])\+(?![\w])")
_SLASH_WORDS = re.compile(r"(?<=[^\W\d_])\s?/\s?(?=[^\W\d_])")
_DASH = re.compile(r"\s+[-–—]+\s+|\s?--+\s?|\s[–—]|[–—]\s?")
_PAREN = re.compile(r"\s*\(\s*([^()]*?)\s*\)")


def speak_symbols(text: str) -> str:
    """What is left of the symbols after numbers, money and units have been said."""
    text = _PLUS_AFTER_NAME.sub(" plus", text)
    text = _SLASH_WORDS.sub(" or ", text)
    text = _DASH.sub(", ", text)
    text = _PAREN.sub(_aside, text)
    return _SAID_RE.sub(lambda m: _SAID[m.group(0)], text)


def _aside(match: re.Match[str]) -> str:
    """A bracketed aside is read between commas, as a newsreader would."""
    inner = match.group(1).strip(" ,")
    return f", {inner}, " if inner else " "
