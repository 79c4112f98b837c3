"""Recognise the parts of a news page that are not the story: captions, bylines, prompts."""

from __future__ import annotations

import re

_TRUNCATED = re.compile(r"(…|\.\.\.|\[…\]|\[\.\.\.\])\s*$")
_CAPTION_START = re.compile(
    r"^\s*(\(?(photo|image|picture|pictured|video|watch|file photo|credit|caption)\b[:)]?"
    r"|image copyright|image caption|media caption|getty images|ap photo|reuters/)",
    re.IGNORECASE,
)
_BYLINE = re.compile(
    r"^\s*(by|written by|reporting by|additional reporting by|edited by)\s+"
    r"[A-Z][\w'’.-]+(\s+[A-Z][\w'’.-]+){0,3}(\s*(,|and|&)\s*.*)?\s*$",
)
_PROMPT = re.compile(
    r"^\s*(read more|related|more:|see also|share (this|on)|click here|sign up|subscribe|"
    r"follow (us|me|the)|advertisement|copyright|all rights reserved|©|listen to|"
    r"download the|this article (was|is)|you can (follow|read)|for more (news|stories))",
    re.IGNORECASE,
)
_DATELINE = re.compile(
    r"^\s*[A-Z][A-Z .'-]{2,}(,\s*[A-Z][\w.]+)?\s*(\([A-Za-z .]+\))?\s*[-–—:]\s+(?=[A-Z])"
)
_TIMESTAMP_ONLY = re.compile(
    r"^\s*(published|updated|last updated|posted)\b.*\d", re.IGNORECASE
)


def is_boilerplate_paragraph(paragraph: str) -> bool:
    """A paragraph that is a photo caption, truncated teaser, byline or share prompt."""
    text = paragraph.strip()
    if not text:
        return True
    return bool(
        _TRUNCATED.search(text)
        or _CAPTION_START.match(text)
        or _BYLINE.match(text)
        or _PROMPT.match(text)
        or _TIMESTAMP_ONLY.match(text)
    )


def is_boilerplate_sentence(sentence: str) -> bool:
    """A sentence that should never be spoken as part of the story."""
    return is_boilerplate_paragraph(sentence) or len(sentence.split()) < 3


def strip_dateline(sentence: str) -> str:
    """'LONDON (Reuters) - Prices rose' → 'Prices rose'."""
    return _DATELINE.sub("", sentence, count=1)
