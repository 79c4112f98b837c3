"""Language codes, shared by every stage: a story, a segment and an episode each have one.

A language is its code ("de", "pt"), the first part of a locale ("pt-BR", "de_CH"); no locale
at all means English, the language briefing was first made for.
"""

from __future__ import annotations

import re
from functools import cache

ENGLISH = "en"


def language_code(locale: str | None) -> str:
    """ "pt-BR" → "pt", "de_CH" → "de", None or "" → "en"."""
    code = re.split(r"[-_.@\s]", (locale or "").strip(), maxsplit=1)[0].lower()
    return code or ENGLISH


@cache
def language_name(code: str, in_language: str = ENGLISH) -> str | None:
    """ "ja" → "Japanese"; "fr" in German → "Französisch" (CLDR's names, through Babel);
    None for a code CLDR does not know. Babel is imported only when a name is needed."""
    from babel import Locale

    return Locale.parse(in_language).languages.get(code.lower())


def described_language(code: str) -> str:
    """A language for a message: "Japanese (ja)", or "the language 'xx'" when unnamed."""
    name = language_name(code)
    return f"{name} ({code})" if name else f"the language {code!r}"
