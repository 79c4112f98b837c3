"""Speech normalisation per language, chosen by the language part of a locale ("pt-BR" → pt).

German, French, Spanish, Italian and Portuguese have their own module (tables and grammar);
any other language num2words knows gets the basic normaliser (numbers, ordinals, percent and
years in its own words); any other is refused with a `UnsupportedLanguageError` naming it.
English stays with `briefing.script.normalize`'s own passes.
"""

from __future__ import annotations

from functools import cache

from briefing.errors import UnsupportedLanguageError
from briefing.languages import language_code, language_name
from briefing.script.lang.base import Language
from briefing.script.lang.basic import BasicLanguage, num2words_code
from briefing.script.lang.de import German
from briefing.script.lang.es import Spanish
from briefing.script.lang.fr import French
from briefing.script.lang.it import Italian
from briefing.script.lang.pt import Portuguese

LANGUAGES: dict[str, type[Language]] = {
    cls.code: cls for cls in (German, French, Spanish, Italian, Portuguese)
}
"""The languages with their own tables, by code."""

__all__ = ["LANGUAGES", "Language", "language_code", "normalizer_for"]


@cache
def normalizer_for(locale: str) -> Language:
    """The normaliser for `locale` ("de", "fr-FR", "pt-BR", "nl"); refuses a language whose
    numbers it cannot say, naming it ("Chinese")."""
    code = language_code(locale)
    if code in LANGUAGES:
        return LANGUAGES[code](locale)
    if num2words_code(locale):
        return BasicLanguage(locale)
    name = language_name(code)
    said = f"{name} ({code})" if name else f"the language {code!r}"
    raise UnsupportedLanguageError(
        f"cannot say numbers in {said}: briefing speaks English, German, French, Spanish, "
        "Italian and Portuguese, and the other languages num2words knows (nl, pl, sv, …) "
        "more basically; give --lang one of those."
    )
