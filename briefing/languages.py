"""Language codes, shared by every stage: a story, a segment and an episode each have one.

A language is its code ("de", "pt"), the first part of a locale ("pt-BR", "de_CH"); no locale
at all means English, the language briefing was first made for.
"""

from __future__ import annotations

import re

ENGLISH = "en"


def language_code(locale: str | None) -> str:
    """ "pt-BR" → "pt", "de_CH" → "de", None or "" → "en"."""
    code = re.split(r"[-_.@\s]", (locale or "").strip(), maxsplit=1)[0].lower()
    return code or ENGLISH
