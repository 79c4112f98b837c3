"""Speech normalisation: text as a newsreader would say it (first version: marks and symbols)."""

from __future__ import annotations

import re

_QUOTES = str.maketrans({"“": "", "”": "", "„": "", "«": "", "»": "", '"': "", "‘": "'", "’": "'"})
_EDITORIAL_BRACKETS = re.compile(r"\[([^\]]{1,60})\]")
_SPACES = re.compile(r"\s+")


def normalize(text: str) -> str:
    """Return `text` in a form a TTS engine reads correctly (plain text in, plain text out)."""
    text = text.translate(_QUOTES)
    text = _EDITORIAL_BRACKETS.sub(r"\1", text)
    text = text.replace("…", "...")
    text = text.replace("&", " and ")
    return _SPACES.sub(" ", text).strip()
