"""Lines → one line of speech: a paragraph or list break is a pause, a wrapped line is not."""

from __future__ import annotations

import re

from briefing.script.caps import unshout

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_ENDS_SENTENCE = re.compile(r"[.!?:;,]['\"’”)]*\s*$")


def join_lines(text: str) -> str:
    """One line per sentence-like unit, shouted lines said as ordinary words."""
    blocks: list[str] = []
    for block in _PARAGRAPH_BREAK.split(text):
        lines = [unshout(line.strip()) for line in block.splitlines() if line.strip()]
        if lines:
            blocks.append(" ".join(lines))
    ended = [b if _ENDS_SENTENCE.search(b) else b + "." for b in blocks[:-1]]
    return " ".join([*ended, *blocks[-1:]])
