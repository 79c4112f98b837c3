"""Can briefing read a story in this language? English, German, French, Spanish, Italian and
Portuguese have their own rules; any other language num2words knows is read more basically
(`briefing.script.lang.normalizer_for`); any other is refused, naming it.

Languages written without spaces between words (Japanese, Chinese, Thai, …) are refused
even where num2words knows their numbers: ingest, sentence splitting and the summariser find
words by the spaces between them (a Japanese paragraph is one 200-letter "word").
"""

from __future__ import annotations

from briefing.errors import UnsupportedLanguageError
from briefing.languages import ENGLISH, language_code, language_name

OWN_RULES = frozenset({ENGLISH, "de", "fr", "es", "it", "pt"})
WITHOUT_SPACES = frozenset({"ja", "zh", "th", "lo", "km", "my", "bo", "yue", "wuu"})


def is_supported(code: str) -> bool:
    """Whether briefing can read a story in language `code` ("de", "nl", "ja")."""
    if code in OWN_RULES:  # no need to load num2words and the normalisers
        return True
    if code in WITHOUT_SPACES:
        return False
    from briefing.script.lang import normalizer_for

    try:
        normalizer_for(code)
    except UnsupportedLanguageError:
        return False
    return True


def refuse_unsupported(locale: str | None, origin: str, detected: bool = True) -> None:
    """Raise the one-line refusal naming `origin` and the language when briefing cannot read
    a story in `locale`; `detected` says whether the text showed it or only its page said so."""
    code = language_code(locale)
    if is_supported(code):
        return
    name = language_name(code) or f"the language {code!r}"
    how = "looks like" if detected else "is marked as"
    raise UnsupportedLanguageError(
        f"{origin}: {how} {name}; briefing reads English, German, French, Spanish, Italian "
        "and Portuguese (and more basically the languages num2words knows), so give it a "
        "story in one of those."
    )
