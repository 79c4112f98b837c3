"""The last pass: only letters, spaces and the punctuation an engine uses for pauses remain.

Its output is a fixed point of the whole normaliser, so what it allows is what
`normalize` may leave: letters of any script, . , ; : ! ? and apostrophes and hyphens
inside words. Anything else (emoji, stray symbols, quote marks) goes.
"""

from __future__ import annotations

import re
import unicodedata

_PAUSES = ".,;:!?"
_STRENGTH = {",": 0, ":": 1, ";": 2, ".": 3, "!": 4, "?": 5}
_ELLIPSIS = re.compile(r"\.{2,}|…")
_NOT_WORD_APOSTROPHE = re.compile(r"(?<![^\W\d_])'|'(?![^\W\d_])")
_POSSESSIVE_PLURAL = re.compile(r"(?<=[^\W\d_]s)'(?=\s|[.,;:!?]|$)")
_NOT_WORD_HYPHEN = re.compile(r"(?<![^\W\d_])-|-(?![^\W\d_])")
_SPACE_BEFORE = re.compile(r"\s+(?=[.,;:!?])")
_RUN = re.compile(r"[.,;:!?](?:\s*[.,;:!?])+")
_NO_SPACE_AFTER = re.compile(r"(?<=[,;!?])(?=[^\W\d_])")
_LEADING = re.compile(r"^[\s.,;:!?]+")
_SPACES = re.compile(r"\s+")


def tidy(text: str, keep: str = "") -> str:
    """Keep only what an engine reads well; collapse pauses and spaces.

    `keep` names further marks a language writes for its intonation (Spanish "¿¡")."""
    text = _ELLIPSIS.sub(_ellipsis, text)
    text = "".join(c if c in keep else _allowed(c) for c in text)
    text = _mark_possessives(text)
    text = _NOT_WORD_APOSTROPHE.sub(" ", text).replace("\0", "'")
    text = _NOT_WORD_HYPHEN.sub(" ", text)
    text = _SPACES.sub(" ", text)
    text = _SPACE_BEFORE.sub("", text)
    text = _RUN.sub(lambda m: _strongest(m.group(0)), text)
    text = _NO_SPACE_AFTER.sub(" ", text)
    text = _LEADING.sub("", text)
    return text.strip()


def _ellipsis(match: re.Match[str]) -> str:
    rest = match.string[match.end() :].lstrip()
    return ". " if not rest or rest[0].isupper() else ", "


def _allowed(char: str) -> str:
    if char in _PAUSES or char in "'-":
        return char
    category = unicodedata.category(char)
    if category[0] == "L" or category in ("Mn", "Mc"):
        return char
    return " "


_OPENING_SINGLE = re.compile(r"(?<![^\W\d_])'(?=[^\W\d_])")


def _mark_possessives(text: str) -> str:
    """Mark "players'" as a possessive to keep, unless that ' closes a quote opened earlier
    in the text ("treated as 'second-class citizens'"): then it goes like the opening one."""
    openers = [m.start() for m in _OPENING_SINGLE.finditer(text)]
    out: list[str] = []
    last = 0
    for match in _POSSESSIVE_PLURAL.finditer(text):
        position = match.start()
        open_before = [o for o in openers if last <= o < position]
        out.append(text[last:position])
        out.append("'" if open_before else "\0")
        last = position + 1
    out.append(text[last:])
    return "".join(out)


def _strongest(run: str) -> str:
    marks = [c for c in run if c in _STRENGTH]
    return max(marks, key=lambda c: _STRENGTH[c])
