"""The languages the summariser reads, one table each (`languages/<code>.toml`), behind one type.

An article's language comes from the locale its page declares (`Article.locale`, "fr-FR"); an
article that declares none is English, as before. Each table says how that language's text is
read: the abbreviations a sentence does not end after ("M.", "z. B.", "EE. UU."), whether a
number before a full stop is an ordinal ("am 3. Oktober"), its stop words and stemmer (for
centrality and headline overlap), and the pronouns and connectives that make a sentence lean
on an earlier one. A language with no table is read with none of these (`NEUTRAL`): Unicode
words, unstemmed, no stop words. Nothing here depends on another language: the summariser
never branches on a code, it asks the table.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources

TABLES = "languages"
"""The package folder of the language tables."""
ENGLISH_CODE = "en"
NEUTRAL_CODE = "und"
"""BCP 47's "undetermined": a declared language the summariser has no table for."""


@dataclass(frozen=True)
class Language:
    """How the summariser reads one language's text."""

    code: str
    """ISO 639-1 ("fr"), or "und" for a language without a table."""
    name: str
    abbreviations: frozenset[str] = frozenset()
    """Lower-cased, without their final full stop ("mme", "z.b", "ee.uu")."""
    stop_words: frozenset[str] = frozenset()
    """Lower-cased words too common to say what a sentence is about."""
    stemmer: str | None = None
    """"suffix" (English's own suffix stripper), a Snowball algorithm ("french"), or None."""
    ordinal_stop: bool = False
    """A number or Roman numeral before a full stop is an ordinal ("3. Oktober", "XVI.")."""
    leaning: tuple[str, ...] = ()
    """Lower-cased opening words of a sentence that leans on an earlier one ("il", "mais")."""

    @property
    def is_english(self) -> bool:
        return self.code == ENGLISH_CODE

    @cached_property
    def leaning_opening(self) -> re.Pattern[str] | None:
        """Matches a sentence that opens (after any quote marks) on a `leaning` word."""
        if not self.leaning:
            return None
        words = "|".join(re.escape(w) for w in sorted(self.leaning, key=len, reverse=True))
        return re.compile(rf"(?i:[\"“‘'`«„]*\s*(?:{words})\b(?![-’']))")

    def stem_function(self) -> Callable[[str], str]:
        """This language's stemmer as a function of one lower-cased word."""
        if self.stemmer is None:
            return _identity
        if self.stemmer == "suffix":
            from briefing.summarise.terms import stem

            return stem
        import snowballstemmer

        stemmer = snowballstemmer.stemmer(self.stemmer)
        return stemmer.stemWord  # type: ignore[no-any-return]


def _identity(word: str) -> str:
    return word


NEUTRAL = Language(NEUTRAL_CODE, "a language without a table")


def language_code(locale: str | None) -> str:
    """The primary language of a locale ("pt-BR", "pt_BR", "PT" → "pt"); English when none."""
    if not locale or not locale.strip():
        return ENGLISH_CODE
    return re.split(r"[-_.@\s]", locale.strip(), maxsplit=1)[0].lower() or ENGLISH_CODE


def language_for(locale: str | None) -> Language:
    """The table for a locale's language, or `NEUTRAL` when there is none."""
    return get_language(language_code(locale))


@cache
def get_language(code: str) -> Language:
    """The language with this code ("fr"), read from its table once; `NEUTRAL` if it has none."""
    if not re.fullmatch(r"[a-z]{2,3}", code):
        return NEUTRAL
    table = resources.files("briefing.summarise").joinpath(TABLES, f"{code}.toml")
    if not table.is_file():
        return NEUTRAL
    data = tomllib.loads(table.read_text("utf-8"))
    return Language(
        code=code,
        name=str(data["name"]),
        abbreviations=frozenset(data.get("abbreviations", "").split()),
        stop_words=_stop_words(data),
        stemmer=data.get("stemmer"),
        ordinal_stop=bool(data.get("ordinal_stop", False)),
        leaning=tuple(data.get("leaning", "").split()),
    )


def language_codes() -> list[str]:
    """The codes that have a table, sorted."""
    folder = resources.files("briefing.summarise").joinpath(TABLES)
    names = (p.name for p in folder.iterdir())
    return sorted(name.removesuffix(".toml") for name in names if name.endswith(".toml"))


_WORD = re.compile(r"[^\W_]+")


def _stop_words(data: dict[str, object]) -> frozenset[str]:
    """The table's own stop words, or a shipped list (the stop-words package), as the words
    the summariser's tokeniser makes of them ("aujourd'hui" → "aujourd", "hui")."""
    own = data.get("stop_words")
    if isinstance(own, str):
        return frozenset(own.split())
    name = data.get("stop_words_list")
    if not isinstance(name, str):
        return frozenset()
    from stop_words import get_stop_words

    return frozenset(w for entry in get_stop_words(name) for w in _WORD.findall(entry.lower()))
